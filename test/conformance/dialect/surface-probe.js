/*
 * Records an engine's built-in surface: own property names of the global object, and of every global
 * constructor/namespace and its prototype. Runs unchanged in Rhino (-version 0) and in QuickJS, so it only
 * uses ES5. The value is a JSON string.
 */
(function (g) {
  function names(o) {
    try { return Object.getOwnPropertyNames(o).sort(); } catch (e) { return null; }
  }
  var out = { global: names(g), members: {} };
  var list = out.global || [];
  for (var i = 0; i < list.length; i++) {
    var name = list[i], value;
    try { value = g[name]; } catch (e) { continue; }
    if (value === null || value === g || (typeof value !== "function" && typeof value !== "object")) continue;
    var own = names(value);
    if (own === null) continue;
    var entry = { type: typeof value, own: own };
    var proto = null;
    try { proto = typeof value === "function" ? value.prototype : null; } catch (e) { proto = null; }
    if (proto !== null && proto !== g && typeof proto === "object") entry.prototype = names(proto);
    out.members[name] = entry;
  }
  return JSON.stringify(out);
})(this)
