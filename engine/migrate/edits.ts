/**
 * Source edits by character range, so a rewrite keeps the author's formatting and comments everywhere it does
 * not touch. Each edit carries the reason the user reads.
 */
export interface Edit {
  start: number;
  end: number;
  text: string;
  why: string;
  /** Edits of one rule application share a group: they are reported as one change. */
  group?: string;
}

export interface Change {
  line: number;
  from: string;
  to: string;
  why: string;
}

export function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Applies the edits that do not overlap an earlier-starting, longer one (the outer rewrite wins; what it skipped
 * is found again on the next pass over the rewritten text). Returns the new text and the changes made.
 */
export function applyEdits(source: string, edits: Edit[]): { text: string; changes: Change[]; applied: number; removedLines: number[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Edit[] = [];
  let reach = -1;
  for (const edit of sorted) {
    if (edit.start < reach) continue;
    if (edit.start === edit.end && edit.text === "") continue;
    chosen.push(edit);
    reach = Math.max(reach, edit.end);
  }
  let text = "";
  let at = 0;
  const changes: Change[] = [];
  const groups = new Map<string, Change>();
  /** Lines (of `source`) that an edit deleted whole. */
  const removedLines: number[] = [];
  for (const edit of chosen) {
    const deleted = source.slice(edit.start, edit.end);
    if (edit.text === "" && deleted.endsWith("\n") && (edit.start === 0 || source[edit.start - 1] === "\n")) {
      const first = lineAt(source, edit.start);
      const count = deleted.split("\n").length - 1;
      for (let i = 0; i < count; i++) removedLines.push(first + i);
    }
    text += source.slice(at, edit.start) + edit.text;
    at = edit.end;
    const from = source.slice(edit.start, edit.end);
    const change: Change = { line: lineAt(source, edit.start), from, to: edit.text, why: edit.why };
    if (edit.group && groups.has(edit.group)) {
      const first = groups.get(edit.group) as Change;
      first.from += ` … ${from}`.trimEnd();
      first.to += edit.text ? ` … ${edit.text}` : "";
      continue;
    }
    if (edit.group) groups.set(edit.group, change);
    changes.push(change);
  }
  text += source.slice(at);
  return { text, changes, applied: chosen.length, removedLines };
}
