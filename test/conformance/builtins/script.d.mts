export function builtinsScript(snippets: readonly { id: string; expr: string }[]): string;
