/**
 * Prepared sandboxes restored from a snapshot of the wasm memory instead of built for every run.
 *
 * The whole QuickJS state (runtime, context, the evaluated prelude) lives in the module's linear memory, and
 * the host-side wrappers only hold pointers into it. So a runtime + context + prelude is built once per kind
 * of run (per list of hidden globals, i.e. per evaluator), the used part of the memory is copied, and before
 * each run that copy is written back: every run starts from byte-identical guest memory, whatever the run
 * before it did to prototypes or globals, and pays a memory copy instead of a runtime, a context and a
 * prelude compile. Bytes above the copied region were zero at capture time and are free heap afterwards
 * (the allocator's own bookkeeping is inside the copy), so QuickJS never reads what a run left there.
 *
 * Every prepared sandbox of a module lives in the one snapshot: preparing another kind first restores the
 * snapshot, builds beside the existing ones, and captures again. A run that trapped or failed to clean up
 * drops the snapshot with its module (sandbox.ts), and the next run prepares afresh.
 */
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from "quickjs-emscripten-core";

/** A runtime and context with the prelude evaluated, kept alive between runs. */
export interface PreparedSandbox {
  runtime: QuickJSRuntime;
  context: QuickJSContext;
  /** The host function the prelude's proxies call; it forwards to `dispatch.target`. */
  call: QuickJSHandle;
  /** What the prelude returned (mk, classify, fromJson, read, lastRead, configure). */
  helpers: QuickJSHandle;
  /** The current run's dispatcher; null between runs. */
  dispatch: { target: ((args: QuickJSHandle[]) => QuickJSHandle) | null };
}

interface ModuleSnapshot {
  bytes: Uint8Array;
  prepared: Map<string, PreparedSandbox>;
}

/** Kinds of prepared sandbox per module (one per evaluator's hidden list in practice). */
const MAX_PREPARED = 4;

const snapshots = new WeakMap<QuickJSWASMModule, ModuleSnapshot>();
let enabled = true;
let observer: ((restored: Uint8Array) => void) | null = null;

/** Test hook: sees the restored region right after each restore, before the run sets its own values. */
export function observeRestores(fn: ((restored: Uint8Array) => void) | null): void {
  observer = fn;
}

/** Turns the snapshot path on or off (off: every run builds its sandbox, the fallback path). */
export function setSandboxSnapshots(on: boolean): void {
  enabled = on;
}

export function sandboxSnapshotsEnabled(): boolean {
  return enabled;
}

function heapOf(mod: QuickJSWASMModule): Uint8Array {
  const heap = (mod as unknown as { module?: { HEAPU8?: Uint8Array } }).module?.HEAPU8;
  if (!heap) throw new Error("The QuickJS module does not expose its memory (HEAPU8)");
  return heap;
}

/** The memory up to its last non-zero byte (rounded up to 8 bytes): everything above it is zero. */
function capture(heap: Uint8Array): Uint8Array {
  const words = new Uint32Array(heap.buffer, heap.byteOffset, heap.byteLength >>> 2);
  let end = words.length;
  while (end > 0 && words[end - 1] === 0) end--;
  const length = Math.min(heap.byteLength, Math.ceil((end * 4) / 8) * 8);
  return heap.slice(0, length);
}

/**
 * The prepared sandbox for `kind`, with the module's memory restored to the snapshot, or null when snapshots
 * are off or too many kinds exist (the caller then builds a sandbox of its own). `prepare` builds one in the
 * current memory; it is called once per kind and module.
 */
export function restorePrepared(mod: QuickJSWASMModule, kind: string, prepare: () => PreparedSandbox): PreparedSandbox | null {
  if (!enabled) return null;
  const snapshot = snapshots.get(mod);
  const existing = snapshot?.prepared.get(kind);
  if (snapshot && existing) {
    const heap = heapOf(mod);
    heap.set(snapshot.bytes);
    observer?.(heap.subarray(0, snapshot.bytes.byteLength));
    return existing;
  }
  if (snapshot && snapshot.prepared.size >= MAX_PREPARED) return null;
  // The other prepared sandboxes must be pristine in the new capture too.
  if (snapshot) heapOf(mod).set(snapshot.bytes);
  const prepared = prepare();
  const next = new Map(snapshot?.prepared ?? []);
  next.set(kind, prepared);
  snapshots.set(mod, { bytes: capture(heapOf(mod)), prepared: next });
  return prepared;
}

/** Forgets the module's snapshot (after a trap its memory is suspect); the next run prepares again. */
export function dropSnapshot(mod: QuickJSWASMModule): void {
  snapshots.delete(mod);
}

/** The part of the module's memory a restore writes, as it is now (for tests: hash it before a run). */
export function snapshotRegion(mod: QuickJSWASMModule): Uint8Array | null {
  const snapshot = snapshots.get(mod);
  return snapshot ? heapOf(mod).subarray(0, snapshot.bytes.byteLength) : null;
}
