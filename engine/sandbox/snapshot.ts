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
  /** What the prelude returned (mk, classify, fromJson, read, lastRead, configure, addShapes, guardFunction). */
  helpers: QuickJSHandle;
  /** The current run's dispatcher; null between runs. */
  dispatch: { target: ((args: QuickJSHandle[]) => QuickJSHandle) | null };
  /** Proxy shapes (a member table with its class, sandbox.ts) built into the snapshot, by key: their index in the guest. */
  shapes: Map<string, number>;
  /** Shapes runs met that the snapshot lacks: built into it before the next run (see restorePrepared's `extend`). */
  pendingShapes: Map<string, { names: string; cls: string }>;
}

interface ModuleSnapshot {
  image: Capture;
  prepared: Map<string, PreparedSandbox>;
  /** The prepared runtimes' host-function tables as they were at capture (see HostRefState). */
  hostRefs: HostRefState[];
}

/**
 * quickjs-emscripten keeps each host function a guest holds (newFunction) in its runtime's host-ref table, on
 * the JS side, and drops the entry when QuickJS finalizes the function object. A run's functions are never
 * finalized: the memory they live in is overwritten by the next restore, not freed. So the table must be
 * put back with the memory, or every function a run made stays reachable with all it closes over: a library
 * realm's host entry point kept the run's whole bridge, 35 KB a run, 10 MB in 300 runs.
 */
interface HostRefTable {
  nextId: number;
  freelist: number[];
  groups: Map<number, Map<number, unknown>>;
}
interface HostRefState {
  table: HostRefTable;
  nextId: number;
  freelist: number[];
  groups: [number, [number, unknown][]][];
}

function hostRefTableOf(runtime: QuickJSRuntime): HostRefTable | null {
  const table = (runtime as unknown as { hostRefs?: Partial<HostRefTable> }).hostRefs;
  // Another build of quickjs-emscripten may keep its host functions elsewhere: then there is nothing to put back.
  return table && typeof table.nextId === "number" && Array.isArray(table.freelist) && table.groups instanceof Map ? (table as HostRefTable) : null;
}

function captureHostRefs(prepared: Iterable<PreparedSandbox>): HostRefState[] {
  const states: HostRefState[] = [];
  for (const { runtime } of prepared) {
    const table = hostRefTableOf(runtime);
    if (table) states.push({ table, nextId: table.nextId, freelist: [...table.freelist], groups: [...table.groups].map(([id, group]) => [id, [...group]]) });
  }
  return states;
}

function restoreHostRefs(states: readonly HostRefState[]): void {
  for (const { table, nextId, freelist, groups } of states) {
    table.nextId = nextId;
    table.freelist = [...freelist];
    table.groups = new Map(groups.map(([id, group]) => [id, new Map(group)]));
  }
}

/**
 * How deep below its top the C stack may have been written since the last restore: the sum of the stack
 * limits of the runs since (a nested run starts below the one that called it), plus a margin for the C
 * frames QuickJS does not check. QuickJS refuses to recurse past its limit (measured: a run recursing until
 * "Too much recursion" writes 258 KB below the top with the 256 KB limit), so a restore rewrites that much of
 * the stack reserve instead of all of its 5 MB. Infinity until the first restore after a capture: then the
 * whole reserve is filled.
 */
const STACK_MARGIN_BYTES = 64 * 1024;
let stackReach = Infinity;

/** Called as every run starts (prepared, built or nested): the next restore rewrites that much more of the stack. */
export function noteStackUse(stackBytes: number): void {
  stackReach += stackBytes + STACK_MARGIN_BYTES;
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
  const heap = exposedHeap(mod);
  if (!heap) throw new Error("The QuickJS module does not expose its memory (HEAPU8)");
  return heap;
}

function exposedHeap(mod: QuickJSWASMModule): Uint8Array | undefined {
  return (mod as unknown as { module?: { HEAPU8?: Uint8Array } }).module?.HEAPU8;
}

/** Granularity of the capture: runs of all-zero pages are restored with a fill, not a copy. */
const PAGE_BYTES = 4096;

/**
 * The memory up to its last non-zero byte, as the pages to copy back and the all-zero spans between them
 * (most of it: the C stack's reserve lies between the static data and the heap), which a restore fills
 * with zeros: several times cheaper than copying them, and the restored region is byte-identical all the same.
 */
interface Capture {
  length: number;
  copies: { at: number; bytes: Uint8Array }[];
  zeros: { at: number; end: number }[];
  /** Index in `zeros` of the C stack's reserve (the largest span; the stack grows down from its end). */
  stack: number;
}

function capture(heap: Uint8Array): Capture {
  const words = new Uint32Array(heap.buffer, heap.byteOffset, heap.byteLength >>> 2);
  let end = words.length;
  while (end > 0 && words[end - 1] === 0) end--;
  const length = Math.min(heap.byteLength, Math.ceil((end * 4) / PAGE_BYTES) * PAGE_BYTES);
  const copies: Capture["copies"] = [];
  const zeros: Capture["zeros"] = [];
  const wordsPerPage = PAGE_BYTES / 4;
  let spanStart = 0;
  let spanZero: boolean | null = null;
  const close = (at: number) => {
    if (spanZero === null || at === spanStart) return;
    if (spanZero) zeros.push({ at: spanStart, end: at });
    else copies.push({ at: spanStart, bytes: heap.slice(spanStart, at) });
  };
  for (let page = 0; page * PAGE_BYTES < length; page++) {
    let zero = true;
    const last = Math.min(words.length, (page + 1) * wordsPerPage);
    for (let w = page * wordsPerPage; w < last; w++) {
      if (words[w] !== 0) {
        zero = false;
        break;
      }
    }
    if (zero !== spanZero) {
      close(page * PAGE_BYTES);
      spanStart = page * PAGE_BYTES;
      spanZero = zero;
    }
  }
  close(length);
  let stack = -1;
  zeros.forEach((z, i) => {
    if (stack < 0 || z.end - z.at > zeros[stack]!.end - zeros[stack]!.at) stack = i;
  });
  return { length, copies, zeros, stack };
}

function restore(heap: Uint8Array, snapshot: Capture): void {
  for (const c of snapshot.copies) heap.set(c.bytes, c.at);
  snapshot.zeros.forEach((z, i) => heap.fill(0, i === snapshot.stack ? Math.max(z.at, z.end - stackReach) : z.at, z.end));
  stackReach = 0;
}

/**
 * The prepared sandbox for `kind`, with the module's memory restored to the snapshot, or null when snapshots
 * are off or too many kinds exist (the caller then builds a sandbox of its own). `prepare` builds one in the
 * current memory; it is called once per kind and module.
 */
export function restorePrepared(
  mod: QuickJSWASMModule,
  kind: string,
  prepare: () => PreparedSandbox,
  extend?: (prepared: PreparedSandbox) => void,
): PreparedSandbox | null {
  // A build that does not expose its memory gets the fallback path (a sandbox built per run), not an error.
  if (!enabled || !exposedHeap(mod)) return null;
  const snapshot = snapshots.get(mod);
  const existing = snapshot?.prepared.get(kind);
  if (snapshot && existing) {
    const heap = heapOf(mod);
    restore(heap, snapshot.image);
    restoreHostRefs(snapshot.hostRefs);
    // `extend` adds to the pristine sandbox what earlier runs showed it will need (built once, not in every
    // run); the snapshot is then taken again, as when another kind is prepared (what runs left above the
    // image cleared first), and every run still starts from one image.
    if (extend && existing.pendingShapes.size > 0) {
      heap.fill(0, snapshot.image.length);
      extend(existing);
      snapshot.image = capture(heap);
      snapshot.hostRefs = captureHostRefs(snapshot.prepared.values());
      stackReach = 0;
    }
    observer?.(heap.subarray(0, snapshot.image.length));
    return existing;
  }
  if (snapshot && snapshot.prepared.size >= MAX_PREPARED) return null;
  // The other prepared sandboxes must be pristine in the new capture too, and what runs left above the
  // snapshot is free heap: cleared, so that the new capture (up to the last non-zero byte) stays tight.
  if (snapshot) {
    const heap = heapOf(mod);
    restore(heap, snapshot.image);
    restoreHostRefs(snapshot.hostRefs);
    heap.fill(0, snapshot.image.length);
  }
  const prepared = prepare();
  const next = new Map(snapshot?.prepared ?? []);
  next.set(kind, prepared);
  snapshots.set(mod, { image: capture(heapOf(mod)), prepared: next, hostRefs: captureHostRefs(next.values()) });
  stackReach = Infinity;
  return prepared;
}

/** Forgets the module's snapshot (after a trap its memory is suspect); the next run prepares again. */
export function dropSnapshot(mod: QuickJSWASMModule): void {
  snapshots.delete(mod);
  stackReach = Infinity;
}

/** The part of the module's memory a restore writes, as it is now (for tests: hash it before a run). */
export function snapshotRegion(mod: QuickJSWASMModule): Uint8Array | null {
  const snapshot = snapshots.get(mod);
  return snapshot ? heapOf(mod).subarray(0, snapshot.image.length) : null;
}
