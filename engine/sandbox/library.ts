/**
 * How a next-generation library script is evaluated in the script's sandbox. AM runs a library with the
 * common bindings only, so the context bindings (accessToken, identity, …) must not be reachable from it in
 * any spelling: not as free names (they are shadowed by parameters), nor as `globalThis.accessToken`,
 * `this.accessToken` or `Function('return accessToken')()` (they are taken off the global object while the
 * library loads and put back afterwards, however it ends). The library's first line stays line 1 of its file.
 */
import { GuestError, GuestEvaluation } from "./host";

/** Libraries being loaded right now, outermost first: a name met twice is a require cycle. */
export class LibraryLoads {
  private readonly loading: string[] = [];

  /**
   * The evaluation of library `name` whose completion value is its exports. Refuses a library that requires
   * itself, directly or through others, naming the cycle: without this the nested loads recurse until the
   * guest's stack overflows, and the user is told nothing about why.
   */
  evaluation(name: string, source: string, filename: string, hidden: readonly string[]): GuestEvaluation {
    const at = this.loading.indexOf(name);
    if (at >= 0) {
      const cycle = [...this.loading.slice(at), name].map((n) => `"${n}"`).join(" → ");
      throw new GuestError(
        `Library script "${name}" requires itself while it is loading (${cycle}); a library cannot require a library that is still loading.`,
        "Error",
      );
    }
    this.loading.push(name);
    return new GuestEvaluation(wrapLibrary(source, hidden), filename, () => {
      this.loading.splice(this.loading.lastIndexOf(name), 1);
    });
  }
}

/**
 * The library source wrapped as one global-code expression. Global code's `this` is the global object whatever
 * the script did to `globalThis`; the helper names carry a prefix no script uses, since the library body sees
 * them; only operators (`in`, `delete`, indexing) are used, so a script that replaced Array.prototype.push or
 * Object.prototype.hasOwnProperty cannot break the restore.
 */
export function wrapLibrary(source: string, hidden: readonly string[]): string {
  const names = JSON.stringify(hidden);
  const prefix =
    `(function (__pgGlobal) { var __pgHidden = ${names}, __pgSaved = [], __pgI, __pgName; ` +
    `for (__pgI = 0; __pgI < __pgHidden.length; __pgI++) { __pgName = __pgHidden[__pgI]; ` +
    `if (__pgName in __pgGlobal) { __pgSaved[__pgSaved.length] = __pgName; __pgSaved[__pgSaved.length] = __pgGlobal[__pgName]; delete __pgGlobal[__pgName]; } } ` +
    `try { return (function () { var module = { exports: {} }; var exports = module.exports; ` +
    `(function (module, exports, ${hidden.join(", ")}) {`;
  const suffix =
    `\n})(module, exports); return module.exports; })(); } ` +
    `finally { for (__pgI = 0; __pgI < __pgSaved.length; __pgI += 2) __pgGlobal[__pgSaved[__pgI]] = __pgSaved[__pgI + 1]; } })(this)`;
  return `${prefix}${source}${suffix}`;
}
