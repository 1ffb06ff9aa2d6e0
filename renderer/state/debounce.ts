/**
 * Trailing debounce: calls `fn` with the newest argument once no new call came for `delayMs`.
 * Used for run-as-you-type, so a burst of keystrokes costs one run of the final text.
 */
export interface Debounced<A> {
  (arg: A): void;
  /** Runs the pending call now (Ctrl/Cmd+Enter); returns whether there was one. */
  flush(): boolean;
  cancel(): void;
  readonly pending: boolean;
}

export function debounce<A>(fn: (arg: A) => void, delayMs: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let latest: { arg: A } | null = null;

  const fire = () => {
    timer = null;
    const call = latest;
    latest = null;
    if (call) fn(call.arg);
  };

  const debounced = ((arg: A) => {
    latest = { arg };
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(fire, delayMs);
  }) as Debounced<A>;

  debounced.flush = () => {
    if (timer === null) return false;
    clearTimeout(timer);
    fire();
    return true;
  };
  debounced.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    latest = null;
  };
  Object.defineProperty(debounced, "pending", { get: () => timer !== null });
  return debounced;
}
