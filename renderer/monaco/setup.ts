/**
 * Monaco, bundled locally (no CDN): the core editor plus only the languages the playground uses
 * (JavaScript via the TypeScript service, and JSON). Must run before the first editor mounts.
 */
import * as monaco from "monaco-editor/editor/editor.api";
import "monaco-editor/languages/definitions/javascript/register";
import "monaco-editor/languages/features/typescript/register";
import "monaco-editor/languages/features/json/register";
import { javascriptDefaults, ScriptTarget } from "monaco-editor/languages/features/typescript/register";
import { jsonDefaults } from "monaco-editor/languages/features/json/register";
import { loader } from "@monaco-editor/react";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TsWorker from "monaco-editor/languages/features/typescript/ts.worker?worker";
import JsonWorker from "monaco-editor/languages/features/json/json.worker?worker";

let done = false;

export function setupMonaco(): typeof monaco {
  if (done) return monaco;
  done = true;
  self.MonacoEnvironment = {
    getWorker(_id: string, label: string) {
      if (label === "typescript" || label === "javascript") return new TsWorker();
      if (label === "json") return new JsonWorker();
      return new EditorWorker();
    },
  };
  // Scripts are plain Rhino-era JavaScript: type errors are not the user's problem, syntax is (that comes
  // from the engine's Rhino-dialect check), so the TS service only provides completions and hovers.
  javascriptDefaults.setCompilerOptions({
    target: ScriptTarget.ES5,
    allowNonTsExtensions: true,
    allowJs: true,
    checkJs: false,
    noLib: false,
    lib: ["es5"],
  });
  javascriptDefaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: true });
  loader.config({ monaco });
  return monaco;
}

export { monaco, javascriptDefaults, jsonDefaults };
