/** One script that evaluates every snippet in order and collects "<typeof> <value>" or "threw <name>: <message>" in `out`. */
export function builtinsScript(snippets) {
  const lines = snippets.map((s) => `show(function () { return (${s.expr}); });`);
  return `var out = [];
function show(f) { try { var r = f(); out.push(typeof r + " " + r); } catch (x) { out.push("threw " + (x && x.name) + ": " + (x && x.message)); } }
${lines.join("\n")}`;
}
