/**
 * Rhino 1.7.14's ES5 Object functions take objects only: `Object.keys("abc")` throws "TypeError: Expected argument
 * of type object, but instead had type string" (null reads as type object), where QuickJS, as ES2015 asks, boxes the
 * primitive and answers ["0", "1", "2"]. A script that probes a value's shape with Object.keys in a try (a live AIC
 * probe did: published/aic-manager-utils-live.json) sees keys in the playground that AM never shows. Goldens:
 * test/unit/rhino-object-statics.test.ts, recorded with `rhino -version 0`.
 * Compiled in only for scripts that name one of these functions (each function compiled costs every run); it wraps
 * what is installed before it (property-order.ts keeps its own order logic for objects).
 */
export const RHINO_OBJECT_STATICS = [
  "keys",
  "getOwnPropertyNames",
  "getOwnPropertySymbols",
  "getPrototypeOf",
  "getOwnPropertyDescriptor",
  "isExtensible",
  "isFrozen",
  "isSealed",
  "preventExtensions",
  "freeze",
  "seal",
  "defineProperty",
  "defineProperties",
] as const;

/** Whether a script (or library) may call one of them. */
export function mayCallObjectStatics(source: string): boolean {
  return /\bObject\b/.test(source) && new RegExp(`\\b(?:${RHINO_OBJECT_STATICS.join("|")})\\b`).test(source);
}

export const RHINO_OBJECT_STATICS_SOURCE = `(function () {
  var O = Object, def = O.defineProperty, names = ${JSON.stringify(RHINO_OBJECT_STATICS)}, TE = TypeError;
  function guard(name) {
    var inner = O[name];
    if (typeof inner !== "function") return;
    var wrapped = function (o) {
      if ((typeof o !== "object" || o === null) && typeof o !== "function") {
        throw new TE("Expected argument of type object, but instead had type " + (o === null ? "object" : typeof o));
      }
      return inner.apply(O, arguments);
    };
    def(wrapped, "name", { value: name });
    def(O, name, { value: wrapped, writable: true, configurable: true });
  }
  for (var i = 0; i < names.length; i++) guard(names[i]);
})();`;
