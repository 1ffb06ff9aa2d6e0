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
  ) {
    super(wrapLibrary(librarySource), filename, settled);
  }
}

/** Libraries being loaded right now, outermost first: a name met twice is a require cycle. */
export class LibraryLoads {
  private readonly loading: string[] = [];

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
    });
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
