/**
 * Monaco, bundled locally (no CDN). Must run before the first editor mounts.
 * editor.main brings the editor contributions (suggest, hover, find, …) that the bare editor.api lacks;
 * its other languages' tokenizers load lazily, so only JavaScript and JSON are ever fetched.
 */
import * as monaco from "monaco-editor/editor/editor.api";
import "monaco-editor/editor/editor.main";
import { javascriptDefaults, ScriptTarget } from "monaco-editor/languages/features/typescript/register";
import { jsonDefaults } from "monaco-editor/languages/features/json/register";
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
    // ES5 library only (no DOM): a script in AM has no window, document or fetch.
    lib: ["es5"],
  });
  javascriptDefaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: true });
  return monaco;
}

export { monaco, javascriptDefaults, jsonDefaults };
