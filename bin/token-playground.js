#!/usr/bin/env node
// The package's command. The TypeScript CLI is built into dist/cli by `npm run build:cli` (run by `prepare`).
import { existsSync } from "node:fs";

const entry = new URL("../dist/cli/token-playground.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("token-playground: the command line is not built yet; run `npm run build:cli` (npm install does it).\n");
  process.exit(2);
}
await import(entry.href);
