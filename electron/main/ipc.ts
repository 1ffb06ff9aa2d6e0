/**
 * Registers one ipcMain handler per bridge method. Each request is checked in the same order:
 * trusted sender frame (checklist item 17) → a window we manage → argument count and shape → the work.
 * Results travel in an envelope so the renderer sees a clean message instead of Electron's wrapper text.
 */
import type { AppInfo, IpcEnvelope, Settings } from "../../contracts/api";
import { REQUEST_CHANNELS, type RequestName } from "../../contracts/channels";
import type { DocumentService, DocumentWindow } from "./documents";
import type { DraftStore } from "./drafts";
import { UserFacingError } from "./errors";
import { safeExternalUrl } from "./external-url";
import { callLoopbackHook, type FetchLike } from "../../contracts/hook-call";
import type { FileSystem } from "./fs-port";
import { readSamples } from "./samples";
import { isTrustedSenderFrame, type SenderFrameLike } from "./sender";
import type { SettingsStore } from "./settings-store";
import type { WorkspaceService } from "./workspace";
import {
  asAbsolutePath,
  asDraftInput,
  asDraftKey,
  asExternalUrl,
  asHookCallRequest,
  asNullablePath,
  asSaveAsRequest,
  asSaveRequest,
  asSettingsPatch,
  InvalidArgumentError,
} from "./validate";

export interface WindowSession<W> extends DocumentWindow<W> {
  /** Main-issued and random, per open window: whose drafts are whose (drafts.ts). */
  id: string;
  /** The file the window was opened on, if any. */
  launchPath: string | null;
  watchFile(filePath: string | null): Promise<void>;
  /** True (once) when the user just clicked or pressed Enter / Space in this window (security.ts). */
  consumeUserGesture(): boolean;
}

export interface IpcServices<W> {
  fs: FileSystem;
  documents: DocumentService<W>;
  store: SettingsStore;
  drafts: DraftStore;
  workspace: WorkspaceService<W>;
  samplesDir: string;
  appInfo(): AppInfo;
  openExternal(url: string): Promise<void>;
  /** After the renderer changed a setting (the menu's Run As You Type checkbox follows it). */
  onSettingsChanged?(settings: Settings): void;
  /** Node's fetch in the app; hook calls go through callLoopbackHook, which refuses every other address. */
  fetch: FetchLike;
}

export interface InvokeEventLike<S> {
  sender: S;
  senderFrame: SenderFrameLike | null;
}

export interface IpcMainPort<S> {
  handle(channel: string, listener: (event: InvokeEventLike<S>, ...args: unknown[]) => Promise<unknown>): void;
}

export interface IpcRegistration<W, S> {
  ipcMain: IpcMainPort<S>;
  /** Origins a request may come from: app://playground, plus the dev server in development. */
  trustedOrigins: readonly string[];
  /** The managed window whose web contents sent the request, or undefined. */
  sessionFor(sender: S): WindowSession<W> | undefined;
  services: IpcServices<W>;
  log?: (message: string) => void;
}

type Handler<W> = { arity: number; run(session: WindowSession<W>, args: unknown[]): Promise<unknown> };

export function createHandlers<W>(services: IpcServices<W>): Record<RequestName, Handler<W>> {
  const { documents, store, drafts } = services;
  return {
    openFiles: { arity: 0, run: (s) => documents.openFiles(s) },
    openPath: { arity: 1, run: (s, [p]) => documents.openPath(s, asAbsolutePath(p)) },
    openDroppedPath: { arity: 1, run: (s, [p]) => documents.openDroppedPath(s, asAbsolutePath(p, "dropped file path")) },
    getLaunchDocument: {
      arity: 0,
      run: async (s) => (s.launchPath === null ? null : documents.openPath(s, s.launchPath)),
    },
    save: { arity: 1, run: (s, [request]) => documents.save(s, asSaveRequest(request)) },
    saveAs: { arity: 1, run: (s, [request]) => documents.saveAs(s, asSaveAsRequest(request)) },
    listRecentFiles: { arity: 0, run: () => store.recentFiles() },
    importExportFile: { arity: 0, run: (s) => documents.importExportFile(s) },
    readSamples: { arity: 0, run: () => readSamples(services.fs, services.samplesDir) },
    readSettings: { arity: 0, run: () => store.settings() },
    writeSettings: {
      arity: 1,
      run: async (_s, [patch]) => {
        const stored = await store.updateSettings(asSettingsPatch(patch));
        services.onSettingsChanged?.(stored);
        return stored;
      },
    },
    writeDraft: {
      arity: 1,
      run: async (s, [input]) => {
        const draft = asDraftInput(input);
        // Main's index records the draft's path and hands it back as a capability on recovery, so only
        // a path this window already holds (through a gesture) may be recorded.
        if (draft.path !== null) await documents.requireGranted(s, draft.path);
        await drafts.write(s.id, draft);
      },
    },
    readDraft: {
      arity: 1,
      run: async (s, [key]) => {
        const draft = await drafts.read(s.id, asDraftKey(key));
        // The path comes from main's own index (never from the draft's text), recorded while a window
        // held it; the guard still refuses it if it now leads into the app's data folder.
        if (!draft?.path) return draft;
        try {
          await documents.grant(s, draft.path);
          return draft;
        } catch {
          // Refused now: the text comes back as an untitled document (Save As), its old path not offered.
          return { ...draft, path: null, name: "Untitled" };
        }
      },
    },
    listDrafts: { arity: 0, run: (s) => drafts.list(s.id) },
    discardDraft: { arity: 1, run: (s, [key]) => drafts.discard(s.id, asDraftKey(key)) },
    watchFile: {
      arity: 1,
      run: async (s, [p]) => {
        const filePath = asNullablePath(p);
        if (filePath !== null) await documents.requireGranted(s, filePath);
        await s.watchFile(filePath);
      },
    },
    openWorkspaceFolder: { arity: 0, run: (s) => services.workspace.open(s) },
    listWorkspaceFolder: { arity: 1, run: (s, [p]) => services.workspace.list(s, asAbsolutePath(p)) },
    getAppInfo: { arity: 0, run: async () => services.appInfo() },
    // Main's own fetch has no CORS and no CSP: the loopback rule in callLoopbackHook is what bounds it.
    callHook: { arity: 1, run: (_s, [request]) => callLoopbackHook(asHookCallRequest(request), services.fetch) },
    openExternal: {
      arity: 1,
      run: async (s, [url]) => {
        const safe = safeExternalUrl(asExternalUrl(url));
        // Only for a link the user just activated: a page cannot open the browser on its own.
        if (safe === null || !s.consumeUserGesture()) return false;
        await services.openExternal(safe);
        return true;
      },
    },
  };
}

export function registerIpcHandlers<W, S>(registration: IpcRegistration<W, S>): void {
  const handlers = createHandlers(registration.services);
  const log = registration.log ?? (() => undefined);
  for (const name of Object.keys(REQUEST_CHANNELS) as RequestName[]) {
    const channel = REQUEST_CHANNELS[name];
    const handler = handlers[name];
    registration.ipcMain.handle(channel, async (event, ...args): Promise<IpcEnvelope<unknown>> => {
      if (!isTrustedSenderFrame(event.senderFrame, registration.trustedOrigins)) {
        log(`Refused ${channel} from untrusted frame ${event.senderFrame?.url ?? "(none)"}`);
        return { ok: false, message: "Request refused: it did not come from the playground window." };
      }
      const session = registration.sessionFor(event.sender);
      if (!session) {
        log(`Refused ${channel} from unmanaged web contents`);
        return { ok: false, message: "Request refused: it did not come from the playground window." };
      }
      try {
        if (args.length !== handler.arity) {
          throw new InvalidArgumentError(`Invalid call: ${name} takes ${handler.arity} argument(s), got ${args.length}.`);
        }
        return { ok: true, value: await handler.run(session, args) };
      } catch (error) {
        if (error instanceof UserFacingError) return { ok: false, message: error.message };
        log(`${channel} failed: ${(error as Error)?.stack ?? String(error)}`);
        return { ok: false, message: `Unexpected error in ${name}: ${(error as Error)?.message ?? String(error)}` };
      }
    });
  }
}
