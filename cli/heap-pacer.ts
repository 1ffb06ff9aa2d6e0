/**
 * Keeps a streamed suite's peak memory near what is in flight. V8 collects lazily: reading 160 case files of
 * 3 MB left their texts, parses and clone buffers (about 15 MB per case) as garbage until its heap grew, and
 * `test` peaked at 440–500 MB alone and 690 MB on a loaded machine, whatever the streaming held live. So after
 * every PACE_BYTES of case text read, this thread asks for a full collection: one collection of a small live
 * heap per 64 MB read costs far less than reading the 64 MB. Suites of small cases never reach the pace.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

const PACE_BYTES = 64 * 1024 * 1024;

function collector(): (() => void) | null {
  try {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as unknown;
    return typeof gc === "function" ? (gc as () => void) : null;
  } catch {
    // Without it, memory is V8's to manage, as before.
    return null;
  }
}

export class HeapPacer {
  private sinceCollection = 0;
  private gc: (() => void) | null | undefined;

  /** Notes `bytes` more read; past the pace, collects now. */
  read(bytes: number): void {
    this.sinceCollection += bytes;
    if (this.sinceCollection < PACE_BYTES) return;
    this.sinceCollection = 0;
    if (this.gc === undefined) this.gc = collector();
    this.gc?.();
  }
}
