/**
 * The run-level services every Java value shares: identity hashes (seeded per run), the memory budget of
 * host-side values, and calling script functions from Java (Consumers, Comparators) with Rhino's stack limit.
 */
import { GuestError, type GuestFunction } from "../../sandbox/host";
import { currentJavaWorld, type JavaWorld } from "./java-world";

/**
 * Rhino-style identity hashes for objects whose toString prints one (`[Ljava.lang.String;@1b6d3586`): the next
 * of the run's sequence, seeded by the scenario's seed (java-world.ts), so the same case prints the same hash.
 */
export function identityHash(): string {
  return currentJavaWorld().nextIdentityHash();
}

/**
 * How deep script callbacks may nest through host code (`list.forEach(f)` where f calls forEach again). Each
 * level costs the host's own stack (sandbox, bridge, QuickJS), which runs out after about 200 levels; Rhino's
 * Java stack ran out after about 300 (probe cb.*), with a java.lang.StackOverflowError.
 */
const MAX_CALLBACK_DEPTH = 100;

/**
 * Calls a script function from host code (a Consumer, Comparator or BiConsumer Rhino made of it). Past the
 * nesting depth, or when the host's stack runs out anyway, the run fails as Rhino's did: with a
 * java.lang.StackOverflowError that no catch block of the script catches.
 */
export function callGuest(fn: GuestFunction, ...args: unknown[]): unknown {
  const world = currentJavaWorld();
  if (world.callbackDepth >= MAX_CALLBACK_DEPTH) throw stackOverflow(world);
  world.callbackDepth++;
  try {
    return fn.call(...args);
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw stackOverflow(world);
    throw e;
  } finally {
    world.callbackDepth--;
  }
}

function stackOverflow(world: JavaWorld): GuestError {
  if (!world.stackOverflowed) {
    world.warn(
      "callback-stack-overflow",
      "Script callbacks nested through Java (forEach, a Comparator) until the stack ran out: AM fails the script with java.lang.StackOverflowError without running its finally blocks; the playground runs them.",
    );
  }
  world.stackOverflowed = true;
  return new GuestError("java.lang.StackOverflowError", "InternalError", { javaExceptionClass: "java.lang.StackOverflowError" }, true);
}

/** Counts host-side bytes of the run's Java values against its memory limit (../host-budget.ts). */
export function chargeHost(bytes: number): void {
  currentJavaWorld().budget.charge(bytes);
}

/** Fails with the run's memory error if `bytes` more would pass its limit, before anything that large is built. */
export function requireHost(bytes: number): void {
  currentJavaWorld().budget.require(bytes);
}
