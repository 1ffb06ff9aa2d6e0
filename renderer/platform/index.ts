/**
 * The renderer's only way to reach the host: the Electron preload bridge (`window.playground`) when the
 * page runs in the desktop app, else browser file pickers, downloads and localStorage.
 */
import type { PlaygroundApi } from "../../electron/api";
import type { RendererCommandId } from "../../electron/commands";
import { memoryStore, type KeyValueStore } from "../state/persist";

export interface OpenedFile {
  name: string;
  text: string;
}

export interface Platform {
  kind: "desktop" | "browser";
  store: KeyValueStore;
  /** Lets the user pick a text file; null when they cancel. */
  openTextFile(extensions: string[]): Promise<OpenedFile | null>;
  /** Saves text under a name the user confirms; false when they cancel. */
  saveTextFile(suggestedName: string, text: string): Promise<boolean>;
  /** Menu commands from the desktop shell; the browser has no menu, so nothing arrives there. */
  onCommand(listener: (id: RendererCommandId) => void): () => void;
}

function browserStore(): KeyValueStore {
  try {
    const probe = "tsp.probe";
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
    return window.localStorage;
  } catch {
    return memoryStore();
  }
}

function browserOpen(extensions: string[]): Promise<OpenedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = extensions.map((e) => (e.startsWith(".") ? e : `.${e}`)).join(",");
    input.addEventListener("change", async () => {
      const file = input.files?.[0];
      resolve(file ? { name: file.name, text: await file.text() } : null);
    });
    input.addEventListener("cancel", () => resolve(null));
    input.click();
  });
}

async function browserSave(suggestedName: string, text: string): Promise<boolean> {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = suggestedName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return true;
}

function browserPlatform(): Platform {
  return { kind: "browser", store: browserStore(), openTextFile: browserOpen, saveTextFile: browserSave, onCommand: () => () => {} };
}

/** The desktop shell's bridge; storage stays in localStorage, which the app's own origin keeps. */
export function desktopPlatform(bridge: PlaygroundApi, store: KeyValueStore): Platform {
  return {
    kind: "desktop",
    store,
    async openTextFile(extensions) {
      const [first] = await bridge.openFiles();
      if (!first) return null;
      // Whatever kind of file was picked goes into the current tab; the editor marks what is wrong with it.
      void extensions;
      return { name: first.name, text: first.text };
    },
    async saveTextFile(suggestedName, text) {
      const outcome = await bridge.saveAs({ text, suggestedName });
      return outcome.status === "saved";
    },
    onCommand(listener) {
      return bridge.onMenuCommand((command) => listener(command.id as RendererCommandId));
    },
  };
}

let current: Platform | null = null;

export function platform(): Platform {
  current ??= typeof window !== "undefined" && window.playground ? desktopPlatform(window.playground, browserStore()) : browserPlatform();
  return current;
}
