/**
 * What a mapping rule changed in the STSUU: each attribute, by container, name and type (adding one with the
 * same name and type replaces it, so that is its identity), added, removed or given other values. The IBM
 * panel and the CLI show it as AM's token before/after is shown.
 */
import type { AttributeView } from "./stsuu";

export type StsuuContainer = "principal" | "attributes" | "context";
export type StsuuView = Record<StsuuContainer, AttributeView[]>;

export interface StsuuAttributeChange {
  container: StsuuContainer;
  name: string;
  type: string;
  /** The values before (null: the attribute was added). */
  before: string[] | null;
  /** The values after (null: the attribute was removed). */
  after: string[] | null;
}

const CONTAINERS: StsuuContainer[] = ["principal", "attributes", "context"];

/** The changes from `before` to `after`, in container order, then as the attributes stand after (removed ones last). */
export function stsuuChanges(before: StsuuView, after: StsuuView): StsuuAttributeChange[] {
  const changes: StsuuAttributeChange[] = [];
  for (const container of CONTAINERS) {
    const key = (a: AttributeView) => `${a.name}\u0000${a.type}`;
    const old = new Map(before[container].map((a) => [key(a), a]));
    const now = new Set(after[container].map(key));
    for (const a of after[container]) {
      const was = old.get(key(a));
      if (!was) changes.push({ container, name: a.name, type: a.type, before: null, after: [...a.values] });
      else if (JSON.stringify(was.values) !== JSON.stringify(a.values)) changes.push({ container, name: a.name, type: a.type, before: [...was.values], after: [...a.values] });
    }
    for (const a of before[container]) if (!now.has(key(a))) changes.push({ container, name: a.name, type: a.type, before: [...a.values], after: null });
  }
  return changes;
}
