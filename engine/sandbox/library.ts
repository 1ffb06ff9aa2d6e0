/**
 * How a next-generation library script is evaluated in the script's sandbox. AM runs a library with the
 * common bindings only, so the context bindings (accessToken, identity, …) must not be reachable from it in
 * any spelling: not as free names (they are shadowed by parameters), nor as `globalThis.accessToken`,
 * `this.accessToken` or `Function('return accessToken')()` (they are taken off the global object while the
 * library loads and put back afterwards, however it ends), nor later through a global object the library kept
 * (see wrapLibrary). The library's first line stays line 1 of its file.
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
  evaluation(name: string, source: string, filename: string, hidden: readonly string[], frames: LibraryFrames): GuestEvaluation {
    const at = this.loading.indexOf(name);
    if (at >= 0) {
      const cycle = [...this.loading.slice(at), name].map((n) => `"${n}"`).join(" → ");
      throw new GuestError(
        `Library script "${name}" requires itself while it is loading (${cycle}); a library cannot require a library that is still loading.`,
        "Error",
      );
    }
    this.loading.push(name);
    return new GuestEvaluation(wrapLibrary(source, hidden, frames), filename, () => {
      this.loading.splice(this.loading.lastIndexOf(name), 1);
    });
  }
}

/** The file a library's code runs as: its name, never the script's own file (frames tell them apart). */
export function libraryFilename(name: string, scriptFilename: string): string {
  const file = `${name.replace(/[^\w.-]/g, "_")}.js`;
  return file === scriptFilename ? `${file.slice(0, -3)}.library.js` : file;
}

/** Which frames are whose: a read of a context binding answers by the nearest frame of the script or a library. */
export interface LibraryFrames {
  script: string;
  libraries: readonly string[];
}

/**
 * The library source wrapped as one global-code expression. Global code's `this` is the global object whatever
 * the script did to `globalThis`; the helper names carry a prefix no script uses, since the library body sees
 * them; only operators (`in`, `delete`, indexing) and builtins captured (bound) before any library ran are used, so a
 * script or library that replaced Array.prototype.push, String.prototype.indexOf or Object.prototype.hasOwnProperty
 * cannot break the restore.
 *
 * While the library loads, the context bindings are off the global object. AM runs a library in a scope of its
 * own, so a library function the script calls later still resolves no context binding, even through a global
 * object it kept (`var g = globalThis` / `this` at its top level, `Function('return this')()`): when the library
 * ends, each binding goes back on the global as an accessor that answers undefined to a read whose nearest
 * script or library frame is a library's (and ignores a library's write, which in AM lands in its own scope).
 */
export function wrapLibrary(source: string, hidden: readonly string[], frames: LibraryFrames): string {
  const names = JSON.stringify(hidden);
  const script = JSON.stringify(`(${frames.script}:`);
  const libraries = JSON.stringify(frames.libraries.map((f) => `(${f}:`));
  const prefix =
    `(function (__pgGlobal) { var __pgHidden = ${names}, __pgSaved = [], __pgI, __pgName, __pgD; ` +
    `var __pgKit = __pgGlobal.__pgLibraryKit; if (!__pgKit) { __pgD = Function.prototype.call; ` +
    `__pgKit = { indexOf: __pgD.bind(String.prototype.indexOf), slice: __pgD.bind(String.prototype.slice), ` +
    `gopd: Object.getOwnPropertyDescriptor, define: Object.defineProperty, Err: Error }; ` +
    `Object.defineProperty(__pgGlobal, "__pgLibraryKit", { value: Object.freeze(__pgKit) }); } ` +
    `var __pgScript = ${script}, __pgLibraries = ${libraries}; ` +
    `function __pgFromLibrary() { /* frames 0 and 1 are this function and the accessor */ var s = "" + new __pgKit.Err().stack, io = __pgKit.indexOf, ` +
    `pos = io(s, "\\n", io(s, "\\n") + 1) + 1, end, line, k; while (pos > 0 && pos < s.length) { end = io(s, "\\n", pos); if (end < 0) end = s.length; ` +
    `line = __pgKit.slice(s, pos, end); if (io(line, __pgScript) >= 0) return false; ` +
    `for (k = 0; k < __pgLibraries.length; k++) if (io(line, __pgLibraries[k]) >= 0) return true; pos = end + 1; } return false; } ` +
    `function __pgGuard(d) { if (!("value" in d)) return d; var value = d.value; return { configurable: true, enumerable: d.enumerable, ` +
    `get: function () { return __pgFromLibrary() ? undefined : value; }, set: function (v) { if (!__pgFromLibrary()) value = v; } }; } ` +
    `for (__pgI = 0; __pgI < __pgHidden.length; __pgI++) { __pgName = __pgHidden[__pgI]; __pgD = __pgKit.gopd(__pgGlobal, __pgName); ` +
    `if (__pgD) { __pgSaved[__pgSaved.length] = __pgName; __pgSaved[__pgSaved.length] = __pgD; delete __pgGlobal[__pgName]; } } ` +
    `try { return (function () { var module = { exports: {} }; var exports = module.exports; ` +
    `(function (module, exports, ${hidden.join(", ")}) {`;
  const suffix =
    `\n})(module, exports); return module.exports; })(); } ` +
    `finally { for (__pgI = 0; __pgI < __pgSaved.length; __pgI += 2) __pgKit.define(__pgGlobal, __pgSaved[__pgI], __pgGuard(__pgSaved[__pgI + 1])); } })(this)`;
  return `${prefix}${source}${suffix}`;
}
