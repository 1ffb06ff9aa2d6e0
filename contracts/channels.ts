/**
 * Fixed IPC channel names, all prefixed "playground:". Pure data shared by preload and main, so a channel
 * cannot be misspelled on one side only. Requests go renderer → main (invoke); events go main → renderer.
 */
export const REQUEST_CHANNELS = {
  openFiles: "playground:open-files",
  openPath: "playground:open-path",
  openDroppedPath: "playground:open-dropped-path",
  getLaunchDocument: "playground:get-launch-document",
  save: "playground:save",
  saveAs: "playground:save-as",
  listRecentFiles: "playground:list-recent-files",
  importExportFile: "playground:import-export-file",
  readSamples: "playground:read-samples",
  readSettings: "playground:read-settings",
  writeSettings: "playground:write-settings",
  writeDraft: "playground:write-draft",
  readDraft: "playground:read-draft",
  listDrafts: "playground:list-drafts",
  discardDraft: "playground:discard-draft",
  watchFile: "playground:watch-file",
  openWorkspaceFolder: "playground:open-workspace-folder",
  listWorkspaceFolder: "playground:list-workspace-folder",
  getAppInfo: "playground:get-app-info",
  openExternal: "playground:open-external",
  callHook: "playground:call-hook",
} as const;

export const EVENT_CHANNELS = {
  fileChanged: "playground:file-changed",
  menuCommand: "playground:menu-command",
} as const;

export type RequestName = keyof typeof REQUEST_CHANNELS;
export type EventName = keyof typeof EVENT_CHANNELS;
