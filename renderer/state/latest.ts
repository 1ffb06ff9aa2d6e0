/**
 * Run ids: every run request gets a larger id than the one before, and a result is shown only when it is
 * newer than what is on screen. A slow, older run finishing late can then never replace a newer result.
 */
export class LatestOnly {
  private issued = 0;
  private shown = 0;

  /** A new id for a request made now. */
  issue(): number {
    this.issued += 1;
    return this.issued;
  }

  /** The newest id handed out so far. */
  get latestIssued(): number {
    return this.issued;
  }

  /** True (and remembers it) when the result of run `id` may replace what is shown. */
  accept(id: number): boolean {
    if (id <= this.shown) return false;
    this.shown = id;
    return true;
  }

  /** True when a newer request than `id` exists, i.e. its result is already out of date. */
  isSuperseded(id: number): boolean {
    return id < this.issued;
  }
}
