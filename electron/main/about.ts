/** The About box: name, version and the runtime versions a bug report needs. */
import type { AppInfo } from "../../contracts/api";
import type { DialogPort, MessageBoxOptions } from "./documents";

export interface ProcessInfo {
  versions: Partial<Record<"electron" | "chrome" | "node" | "v8", string>>;
  platform: string;
}

export function collectAppInfo(name: string, version: string, isPackaged: boolean, processInfo: ProcessInfo): AppInfo {
  const v = processInfo.versions;
  return {
    name,
    version,
    versions: { electron: v.electron ?? "?", chrome: v.chrome ?? "?", node: v.node ?? "?", v8: v.v8 ?? "?" },
    platform: processInfo.platform,
    isPackaged,
  };
}

export function aboutBox(info: AppInfo): MessageBoxOptions {
  return {
    type: "info",
    title: `About ${info.name}`,
    message: `${info.name} ${info.version}`,
    detail: [
      "Offline playground for AM / AIC access-token modification scripts.",
      "",
      `Electron ${info.versions.electron}`,
      `Chromium ${info.versions.chrome}`,
      `Node.js ${info.versions.node}`,
      `V8 ${info.versions.v8}`,
      `Platform ${info.platform}${info.isPackaged ? "" : " (development)"}`,
    ].join("\n"),
    buttons: ["OK"],
    noLink: true,
  };
}

export async function showAbout<W>(dialog: DialogPort<W>, window: W, info: AppInfo): Promise<void> {
  await dialog.showMessageBox(window, aboutBox(info));
}
