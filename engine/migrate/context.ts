/** What the migration rules share while they look at one pass's syntax tree. */
import type { Edit } from "./edits";
import type { N } from "./syntax";

export interface Unresolved {
  line?: number;
  start: number;
  message: string;
}

/** What a value is in the legacy script, as far as the rules need to know. */
export type ValueKind = "collection" | "listMap" | "javaList" | "javaMap" | "chfRequest" | "chfResponse" | "groupList" | "group";

export interface RuleContext {
  source: string;
  /** Variables by name and what they were assigned (names are not scoped: scripts this size rarely shadow). */
  vars: Map<string, { kind: ValueKind; declarator: N }>;
  edits: Edit[];
  unresolved: Unresolved[];
}
