/**
 * Sandboxed preload (built as CommonJS: sandboxed preloads cannot be ES modules). It may only require
 * "electron"; everything else is bundled in. Exposes the named-method bridge and nothing more.
 */
import { contextBridge, ipcRenderer, webUtils } from "electron";
import { createPlaygroundApi } from "./bridge";

contextBridge.exposeInMainWorld("playground", createPlaygroundApi(ipcRenderer, webUtils));
