/** Types for scenario-of.mjs (plain JavaScript, shared with the Node recorder). */
export declare function scenarioOf(base: Record<string, unknown>, own?: Record<string, unknown>): Record<string, unknown>;
