declare const snippets: { id: string; expr: string; java?: boolean }[];
export default snippets;
