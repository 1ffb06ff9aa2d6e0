/** Types for truth.mjs (plain JavaScript so that record.mjs, a node script, shares it with the test). */
export declare const LIVE_TRUTH: "live-am";
export declare const RHINO_TRUTH: "rhino-1.7.14";
export declare const RHINO_NEXTGEN_TRUTH: "rhino-1.7.14-nextgen";
export declare const RHINO_EPILOGUE: string;
export declare const NEXTGEN_EPILOGUE: string;
