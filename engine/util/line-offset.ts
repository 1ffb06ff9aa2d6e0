/** The offset in `source` of a 1-based line and column, clamped to the text (a position past the end is its end). */
export function offsetOfLineColumn(source: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = source.indexOf("\n", offset);
    if (next < 0) return source.length;
    offset = next + 1;
  }
  return Math.min(source.length, offset + Math.max(0, column - 1));
}
