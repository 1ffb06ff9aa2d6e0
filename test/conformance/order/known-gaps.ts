/**
 * Order snippets the playground does not reproduce, with why; order.test.ts fails when one of them starts to agree
 * (then delete its entry) or when any other snippet disagrees.
 */
export const ORDER_GAPS: Record<string, string> = {
  "array-sparse":
    "Rhino lists an index written past a dense array's end after the array's other properties (0,1,x,5); the playground leaves arrays to QuickJS, which lists every index first. Dense arrays, what token scripts build, agree.",
};
