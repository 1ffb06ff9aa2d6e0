export const LOCALE_COMPARE_PAIRS: [string, string][];
