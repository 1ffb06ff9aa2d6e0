/** Types of start.mjs (plain JS so `npm start` needs no build step), for the tests. */
export declare const DESKTOP_NODE_RANGE: { major: number; minor: number };
export interface LauncherIo {
  env: Record<string, string | undefined>;
  electronPackageDir(): string | null;
  exists(file: string): boolean;
  readText(file: string): string | null;
}
export type ElectronLookup =
  | { found: true; binary: string }
  | { found: false; reason: "no-package" | "no-binary" | "bad-exec-path"; detail: string };
export declare function findElectronBinary(io: LauncherIo): ElectronLookup;
export declare function nodeCanInstallElectron(version: string): boolean;
export declare function missingElectronMessage(result: Extract<ElectronLookup, { found: false }>, nodeVersion: string): string;
