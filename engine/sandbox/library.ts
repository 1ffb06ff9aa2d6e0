/**
 * How a next-generation library script is evaluated. AM runs a library with the common bindings only, so the
 * context bindings (accessToken, identity, …) must not be reachable from it in any spelling: not as free names,
 * nor as `globalThis.accessToken`, `this.accessToken`, `'accessToken' in globalThis`,
 * `Function('return this')()` or indirect eval, neither while it loads nor later through a global object it
 * kept. So a library runs in a realm of its own (a separate QuickJS context of the run's runtime, see
 * sandbox.ts), whose global holds only the common bindings: the script's global object is simply not there,
 * and reading a binding costs the script nothing extra. Values cross between the realms as they are (one
 * runtime, one heap): the script calls a library function directly, and the function still runs in the
 * library's realm. The library's first line stays line 1 of its file.
 *
 * One path leads back all the same: a value the script hands a library (an object, a function, a binding)
 * comes from the script's realm, and its `constructor.constructor` is the script realm's Function, whose
 * `Function('return this')()` is the script's global with every context binding. AM documents only that a
 * library does not see the calling script's bindings unless they are passed; how its Rhino treats this path
 * is not documented. So once a library realm exists, the script realm's Function constructor refuses to
 * compile for any frame that is not the script's own code (`functionConstructorVerdict`), and the run says
 * that this rests on an inference. A library still uses what it was handed (reads, writes, method calls,
 * callbacks): only code compiled with the script's global is refused.
 */
import { GuestError, GuestEvaluation } from "./host";

/**
 * A library's code to evaluate in a realm of its own, whose completion value is its exports. `name` picks the
 * realm: requiring the same library again in a run reuses its realm (as a kept module scope would), so a loop
 * of requires does not build a realm each time.
 */
export class LibraryEvaluation extends GuestEvaluation {
  constructor(
    readonly name: string,
    /** The library's own source, as the user wrote it (the realm decides which Rhino emulation it needs). */
    readonly librarySource: string,
    filename: string,
    /** Context bindings the realm's global must not hold. */
    readonly hidden: readonly string[],
    settled: () => void,
    /** Told (once per refusal) that a library was refused the script realm's Function constructor. */
    readonly refused: (message: string) => void = () => {},
  ) {
    super(wrapLibrary(librarySource), filename, settled);
  }
}

/** Libraries being loaded right now, outermost first: a name met twice is a require cycle. */
export class LibraryLoads {
  private readonly loading: string[] = [];

  /** `refused`: told when a library reached for the script realm's Function constructor (see above). */
  constructor(private readonly refused: (message: string) => void = () => {}) {}

  /**
   * The evaluation of library `name` whose completion value is its exports. Refuses a library that requires
   * itself, directly or through others, naming the cycle: without this the nested loads recurse until the
   * guest's stack overflows, and the user is told nothing about why.
   */
  evaluation(name: string, source: string, filename: string, hidden: readonly string[]): LibraryEvaluation {
    const at = this.loading.indexOf(name);
    if (at >= 0) {
      const cycle = [...this.loading.slice(at), name].map((n) => `"${n}"`).join(" → ");
      throw new GuestError(
        `Library script "${name}" requires itself while it is loading (${cycle}); a library cannot require a library that is still loading.`,
        "Error",
      );
    }
    this.loading.push(name);
    return new LibraryEvaluation(name, source, filename, hidden, () => {
      this.loading.splice(this.loading.lastIndexOf(name), 1);
    }, this.refused);
  }
}

/** The file a library's code runs as: its name, never the script's own file (frames tell them apart). */
export function libraryFilename(name: string, scriptFilename: string): string {
  const file = `${name.replace(/[^\w.-]/g, "_")}.js`;
  return file === scriptFilename ? `${file.slice(0, -3)}.library.js` : file;
}

/**
 * The library source wrapped as one global-code expression of its realm: `module` and `exports` as CommonJS
 * gives them, `module.exports` as the value. The wrapper is on the source's first line, so line numbers in
 * errors are the library file's own. No binding needs shadowing: the realm's global never had them.
 */
export function wrapLibrary(source: string): string {
  return (
    "(function () { var module = { exports: {} }; var exports = module.exports; (function (module, exports) {" +
    `${source}\n})(module, exports); return module.exports; })()`
  );
}

/** Files of the script realm's own code besides the script: the sandbox's prelude, hooks and extras. */
const INTERNAL_FILES = new Set(["prelude.js", "hooks.js", "prelude-extra.js", "inspect.js", "line-probe.js", "native"]);

/** The file of each frame of a QuickJS stack ("    at name (file:line:column)" or "(native)"), innermost first. */
export function stackFiles(stack: string): string[] {
  const files: string[] = [];
  for (const line of stack.split("\n")) {
    const open = line.lastIndexOf(" (");
    if (!line.trimStart().startsWith("at ") || open < 0 || !line.endsWith(")")) continue;
    files.push(line.slice(open + 2, -1).replace(/(?::\d+)+$/, ""));
  }
  return files;
}

/**
 * Whether the frames on `stack` may call the script realm's Function constructor once libraries are loaded:
 * null when every frame is the script's own code (or the sandbox's), else the refusal. A frame of a library
 * file refuses, and so does a frame of code compiled at run time ("<input>": a library can compile its own
 * trampoline with its realm's Function), since the two realms' compiled code cannot be told apart; so the
 * script's own Function- or eval-compiled code cannot compile more with Function while a library is loaded.
 */
export function functionConstructorVerdict(stack: string, scriptFilename: string, libraryNames: ReadonlyMap<string, string>): string | null {
  const foreign = stackFiles(stack).filter((file) => file !== scriptFilename && !INTERNAL_FILES.has(file));
  if (foreign.length === 0) return null;
  const library = foreign.map((file) => libraryNames.get(file)).find((name) => name !== undefined);
  const who = library !== undefined ? `Library script "${library}"` : "Code compiled at run time (Function or eval) while a library is loaded";
  return (
    `${who} cannot use the calling script's Function constructor (reached through a value the script handed it, ` +
    "e.g. x.constructor.constructor): it would compile code that sees the script's bindings. AM documents that a " +
    "library sees no binding of the calling script unless it is passed; the playground infers that this path is " +
    "closed too (AM's behaviour on it is not documented)."
  );
}
