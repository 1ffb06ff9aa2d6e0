/**
 * The per-run state of the legacy evaluator's Java world: the identity hashes Java objects print
 * (`[Ljava.lang.String;@2550ad21`), seeded by the scenario's seed so the same case prints the same hashes on
 * every run; the Java exceptions host methods raised (for the uncaught error's wording); and the budget of
 * host-side memory a script's Java values may take (../host-budget.ts).
 *
 * Java values are built deep inside host methods that know nothing of the run (a String's split, a list's
 * toArray), so the world of the run being evaluated is the active one: the legacy bindings enter it when the
 * sandbox starts evaluating (synchronously, one run at a time) and leave it when the run is over.
 */
import { HostBudget } from "../host-budget";

interface RaisedJavaException {
  javaClass: string;
  message: string;
}

export class JavaWorld {
  private hashState: number;
  /** The Java exceptions host methods raised during this run, newest last (at most 32). */
  readonly raised: RaisedJavaException[] = [];
  readonly budget: HostBudget;
  /** How many script callbacks host code is running, one inside the other (java.ts callGuest). */
  callbackDepth = 0;
  /** Set when script callbacks nested too deep: the run ends in Rhino's java.lang.StackOverflowError. */
  stackOverflowed = false;

  constructor(
    seed: number,
    memoryBytes: number,
    /** Reports a playground limitation the script ran into into the run's warnings. */
    readonly warn: (code: string, message: string) => void = () => {},
  ) {
    this.hashState = (seed ^ 0x1b6d3586) >>> 0;
    this.budget = new HostBudget(memoryBytes);
  }

  /** A Rhino-style identity hash (hex, like Object.hashCode()), the next of this run's seeded sequence. */
  nextIdentityHash(): string {
    // mulberry32 step: well spread, like the JVM's hashes, and reproducible from the seed.
    this.hashState = (this.hashState + 0x6d2b79f5) >>> 0;
    let t = this.hashState;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    // Java's identity hashes are 31-bit positive numbers.
    return (((t ^ (t >>> 14)) >>> 1) || 1).toString(16);
  }

  noteRaised(javaClass: string, message: string): void {
    this.raised.push({ javaClass, message });
    if (this.raised.length > 32) this.raised.shift();
  }
}

/** Used when no run is being evaluated (host code building Java values outside a script, unit tests). */
const DETACHED_MEMORY_BYTES = 32 * 1024 * 1024;
let active: JavaWorld | null = null;

export function enterJavaWorld(world: JavaWorld): void {
  active = world;
}

export function leaveJavaWorld(world: JavaWorld): void {
  if (active === world) active = null;
}

/** The world of the run being evaluated; outside a run, a fresh detached one (its state is thrown away). */
export function currentJavaWorld(): JavaWorld {
  return active ?? new JavaWorld(0, DETACHED_MEMORY_BYTES);
}
