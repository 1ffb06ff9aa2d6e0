// ESLint for the project's own code: typescript-eslint's recommended rules everywhere, React's hook rules in
// renderer/, zero warnings (`npm run lint`, part of `npm test`). Layer boundaries and import cycles are
// dependency-cruiser's job (.dependency-cruiser.cjs). samples/ and the conformance probes are AM scripts, not
// our code: the engine itself lints those the way AM's Rhino reads them.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

/** What Node's plain .mjs/.js scripts here (bin/, build/, test/bench/, electron/scripts/) may use. */
const nodeGlobals = Object.fromEntries(
  ["console", "process", "URL", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "performance",
    "TextEncoder", "TextDecoder", "structuredClone", "Buffer", "globalThis", "queueMicrotask", "setImmediate",
    "fetch", "Request", "Response", "Headers", "AbortController", "require", "module", "__dirname"].map((name) => [name, "readonly"]),
);

export default tseslint.config(
  {
    ignores: ["node_modules/", "dist/", "out/", "release/", "coverage/", "samples/", "test/conformance/**/*.js",
      "test/conformance/**/*.mjs", "test/fixtures/"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // TypeScript already proves every name is defined, with the right lib per layer.
    files: ["**/*.{ts,tsx}"],
    rules: { "no-undef": "off" },
  },
  {
    files: ["**/*.{mjs,js,cjs}"],
    languageOptions: { globals: nodeGlobals },
  },
  {
    // .cjs files are CommonJS on purpose (dependency-cruiser require()s its config): require is how they import.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // These files exist to find, escape or refuse control characters (XML 1.0's forbidden ones, what an OS URL
    // handler splits on, binary bytes in a base64 payload, ANSI colour escapes in CLI output): a control
    // character in their regular expressions is the point, not the accident the rule looks for.
    files: ["cli/commands/test.ts", "electron/main/external-url.ts", "engine/import/base64-text.ts",
      "test/unit/cli-inputs.test.ts", "test/unit/cli-output.test.ts", "test/unit/cli-watch.test.ts",
      "test/unit/import-helpers.test.ts"],
    rules: { "no-control-regex": "off" },
  },
  {
    // The dialect checkers walk acorn's trees generically, reading each ESTree kind's fields after testing
    // node.type; acorn's Node type declares none of those fields, so the walkers' node type is deliberately loose.
    files: ["engine/dialect/rhino-syntax.ts", "engine/dialect/rhino-const.ts", "engine/dialect/java-values.ts", "engine/products/ibm/lint.ts",
      "engine/products/onewelcome/check.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["renderer/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
);
