export declare const DEPTH_SHAPES: Record<string, (n: number) => string>;
export declare const DEPTH_SIZES: Record<string, number[]>;
