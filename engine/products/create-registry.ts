/**
 * A registry built from a list of definitions. run() and check() take one in their options, so a test or an
 * embedding can run its own products without touching the shipped list (registry.ts).
 */
import type { ProductDefinition, Registry } from "../run-types";

function named(product: string, evaluator?: string): string {
  return evaluator === undefined ? `product "${product}"` : `product "${product}" with evaluator "${evaluator}"`;
}

/** The first definition is the default: check() without a target, and the checks of products that bring none. */
export function createRegistry(definitions: readonly ProductDefinition[]): Registry {
  const fallback = definitions[0];
  if (!fallback) throw new Error("A registry needs at least one definition.");
  if (!fallback.syntax || !fallback.lint || fallback.declarations === undefined) {
    throw new Error(`The registry's first definition (${named(fallback.product, fallback.evaluator)}) is the default check: it must bring syntax, lint and declarations.`);
  }
  const defaults = { syntax: fallback.syntax, lint: fallback.lint, declarations: fallback.declarations };
  for (const [i, d] of definitions.entries()) {
    if (definitions.findIndex((o) => o.product === d.product && o.evaluator === d.evaluator) !== i) throw new Error(`The registry lists ${named(d.product, d.evaluator)} twice.`);
  }
  const complete = (d: ProductDefinition) => ({
    ...d,
    syntax: d.syntax ?? defaults.syntax,
    lint: d.lint ?? defaults.lint,
    declarations: d.declarations ?? defaults.declarations,
  });
  return {
    definitions,
    forRun(product, evaluator) {
      const found = definitions.find((d) => d.product === product && (d.evaluator === undefined || d.evaluator === evaluator));
      if (!found) {
        const known = definitions.map((d) => named(d.product, d.evaluator)).join(", ");
        throw new Error(`Nothing runs ${named(product, evaluator)}: this registry has ${known}.`);
      }
      return found;
    },
    forCheck(target) {
      if (target === undefined) return complete(fallback);
      if (typeof target === "object") return complete(this.forRun(target.product, target.evaluator));
      const found = definitions.find((d) => d.evaluator === target) ?? definitions.find((d) => d.product === target);
      if (!found) {
        const known = [...new Set(definitions.flatMap((d) => (d.evaluator === undefined ? [d.product] : [d.product, d.evaluator])))].map((n) => `"${n}"`).join(", ");
        throw new Error(`Nothing checks "${target}": this registry knows ${known}.`);
      }
      return complete(found);
    },
  };
}
