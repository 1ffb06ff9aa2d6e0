/**
 * Loads the QuickJS WebAssembly module with a bounded `WebAssembly.Memory`: QuickJS's own memory limit
 * does not cap bytes in this build (no malloc_usable_size), so the wasm memory's maximum is the real cap.
 * The cap is per module, so the module is recycled after a run that hit it or left it unusable.
 */
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from "quickjs-emscripten-core";
import releaseSync from "@jitl/quickjs-wasmfile-release-sync";

export interface SandboxModuleOptions {
  /** URL of emscripten-module.wasm (browsers); Node finds it beside the package. */
  wasmLocation?: string;
  /** Hard cap on the sandbox's memory, in MiB. */
  maxMemoryMiB?: number;
}

const WASM_PAGE_BYTES = 64 * 1024;
let options: SandboxModuleOptions = {};
let loading: Promise<QuickJSWASMModule> | null = null;
let loaded: QuickJSWASMModule | null = null;
let stderr: string[] = [];

/**
 * What QuickJS's C side printed (e.g. an assertion when a context is disposed after an out-of-memory
 * error); kept for the error message instead of leaking onto the user's terminal or console.
 */
export function takeSandboxStderr(): string[] {
  const lines = stderr;
  stderr = [];
  return lines;
}

/** Sets where the wasm comes from and the memory cap; takes effect at the next load. */
export function configureSandbox(next: SandboxModuleOptions): void {
  options = { ...options, ...next };
  loading = null;
  loaded = null;
}

export function sandboxMemoryCapMiB(): number {
  return options.maxMemoryMiB ?? 64;
}

export function loadSandboxModule(): Promise<QuickJSWASMModule> {
  if (!loading) {
    const maximumPages = (sandboxMemoryCapMiB() * 1024 * 1024) / WASM_PAGE_BYTES;
    const wasmMemory = new WebAssembly.Memory({ initial: 256, maximum: Math.max(256, maximumPages) });
    const variant = newVariant(releaseSync, {
      wasmMemory,
      emscriptenModule: {
        printErr: (text: string) => {
          if (stderr.length < 20) stderr.push(text);
        },
      } as Record<string, unknown>,
      ...(options.wasmLocation ? { wasmLocation: options.wasmLocation } : {}),
    });
    loading = newQuickJSWASMModuleFromVariant(variant).then((mod) => {
      loaded = mod;
      return mod;
    });
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/** The module when already loaded, so a warm run needs no await. */
export function loadedSandboxModule(): QuickJSWASMModule | null {
  return loaded;
}

/** Drops the current module; the next run loads a fresh one with a fresh memory. */
export function recycleSandboxModule(): void {
  loading = null;
  loaded = null;
}

/** Bytes the module's wasm memory currently holds (it never shrinks). */
export function sandboxWasmBytes(mod: QuickJSWASMModule | null = loaded): number {
  const memory = (mod as unknown as { ffi?: unknown; module?: { HEAPU8?: Uint8Array } } | null)?.module?.HEAPU8;
  return memory ? memory.byteLength : 0;
}
