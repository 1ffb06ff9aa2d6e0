// ForgeRock's Promise on its own: the next-generation httpClient and the legacy one's requestAsync both return it.
import { GuestError, GuestThrow, HostObject, isGuestFunction, type GuestFunction } from "../../sandbox/host";
import { HTTP_PROMISE_MEMBERS } from "../../bindings/tables/nextgen";

type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

/** ForgeRock's Promise as scripts see it: already settled (mocks answer at once), callbacks run in order. */
export class PromiseBinding extends HostObject {
  readonly members = HTTP_PROMISE_MEMBERS;
  override readonly javaClass = "org.forgerock.util.promise.PromiseImpl";

  constructor(private readonly settled: Settled) {
    super();
  }

  private unwrap(): unknown {
    if (this.settled.ok) return this.settled.value;
    throw this.settled.error;
  }

  get(): unknown {
    return this.unwrap();
  }
  getOrThrow(): unknown {
    return this.unwrap();
  }
  isDone(): boolean {
    return true;
  }

  private chain(fn: unknown, onResult: boolean, onError: boolean): PromiseBinding {
    if (!isGuestFunction(fn)) throw new GuestError("Expected a function", "TypeError");
    const call = (f: GuestFunction, arg: unknown): Settled => {
      try {
        return { ok: true, value: f.call(arg) };
      } catch (e) {
        return { ok: false, error: e };
      }
    };
    if (this.settled.ok && onResult) return new PromiseBinding(call(fn, this.settled.value));
    if (!this.settled.ok && onError) return new PromiseBinding(call(fn, errorValue(this.settled.error)));
    return this;
  }

  then(onResult: unknown, onError?: unknown): PromiseBinding {
    if (!this.settled.ok && onError !== undefined) return this.chain(onError, false, true);
    return this.chain(onResult, true, false);
  }
  thenOnResult(fn: unknown): PromiseBinding {
    if (this.settled.ok) this.chain(fn, true, false);
    return this;
  }
  thenCatch(fn: unknown): PromiseBinding {
    return this.chain(fn, false, true);
  }
  thenOnException(fn: unknown): PromiseBinding {
    if (!this.settled.ok) this.chain(fn, false, true);
    return this;
  }
  thenAlways(fn: unknown): PromiseBinding {
    if (!isGuestFunction(fn)) throw new GuestError("Expected a function", "TypeError");
    fn.call();
    return this;
  }
}

/** The value a thenCatch callback receives: the script's own exception, or a description of ours. */
function errorValue(error: unknown): unknown {
  if (error instanceof GuestThrow) return error;
  if (error instanceof GuestError) return { message: error.message, name: error.guestName, ...error.fields };
  return { message: String(error) };
}
