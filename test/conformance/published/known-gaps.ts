/**
 * Published cases the playground does not yet reproduce, each with the cause and the warning its run raises so a
 * user who hits it is told. Keys are `<file>#<case id>`.
 */
export const PUBLISHED_GAPS: Record<string, { why: string; warning: string }> = {};
