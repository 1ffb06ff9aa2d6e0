/**
 * The fidelity figures the READMEs quote come from the test runs, never from a hand: a figure sits between
 * markers, `<!-- figure:legacy-agreement -->622 / 626 (99.4 %)<!-- /figure -->`, and the conformance test that
 * computes it checks every marked copy. `npm run figures` (FIGURES_WRITE=1) rewrites them instead.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { expect } from "vitest";

const ROOT = new URL("../../", import.meta.url);
export const FIGURE_FILES = [
  "README.md",
  "engine/README.md",
  "engine/dialect/README.md",
  "engine/evaluators/legacy/README.md",
  "test/conformance/README.md",
  "cli/README.md",
  "renderer/README.md",
];

function markerPattern(name: string): RegExp {
  return new RegExp(`(<!-- figure:${name} -->)([\\s\\S]*?)(<!-- /figure -->)`, "g");
}

/** "622 / 626 (99.4 %)" */
export function ratioFigure(agree: number, total: number): string {
  return `${agree} / ${total} (${total === 0 ? "0.0" : ((agree / total) * 100).toFixed(1)} %)`;
}

/** Checks (or, with FIGURES_WRITE=1, writes) every marked copy of one figure; there must be at least one. */
export function checkFigure(name: string, value: string): void {
  let copies = 0;
  const stale: string[] = [];
  for (const file of FIGURE_FILES) {
    const url = new URL(file, ROOT);
    let text: string;
    try {
      text = readFileSync(url, "utf8");
    } catch {
      continue;
    }
    const updated = text.replace(markerPattern(name), (_all, open: string, current: string, close: string) => {
      copies++;
      if (current !== value) stale.push(`${file}: "${current}"`);
      return `${open}${value}${close}`;
    });
    if (process.env.FIGURES_WRITE && updated !== text) writeFileSync(url, updated);
  }
  expect(copies, `no <!-- figure:${name} --> marker in ${FIGURE_FILES.join(", ")}`).toBeGreaterThan(0);
  if (!process.env.FIGURES_WRITE) {
    expect(stale, `the run gives ${name} = "${value}"; run \`npm run figures\` to update`).toEqual([]);
  }
}
