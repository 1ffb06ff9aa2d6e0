/** Monaco's help: the chosen product's (and evaluator's) declarations for the script, the JSON Schema for the scenario. */
import { useEffect } from "react";
import { scenarioJsonSchema, scriptDeclarations, type Evaluator, type Product } from "../../engine/api";
import { monacoLoaded } from "../monaco/load";

const SCENARIO_SCHEMA_URI = "https://token-playground.dev/schema/scenario.json";

/** Applied once the editor has loaded Monaco (after the first result); a newer product or evaluator replaces an older one. */
export function useEditorHelp(product: Product, evaluator: Evaluator): void {
  useEffect(() => {
    let current = true;
    void monacoLoaded().then(({ javascriptDefaults }) => {
      if (!current) return;
      const declarations = scriptDeclarations(product, evaluator);
      javascriptDefaults.setExtraLibs([{ content: declarations.content, filePath: `file:///${declarations.fileName}` }]);
    });
    return () => {
      current = false;
    };
  }, [product, evaluator]);
  useEffect(() => {
    // The schema is built from the engine's zod schema, tens of milliseconds: not before the first result.
    void monacoLoaded().then(({ jsonDefaults }) => {
      const schema = scenarioJsonSchema();
      jsonDefaults.setDiagnosticsOptions({
        validate: true,
        allowComments: false,
        enableSchemaRequest: false,
        // Registered under the URL the samples' "$schema": "../schema/scenario.schema.json" resolves to as
        // well, because a document's own $schema takes precedence over fileMatch (and must not be fetched).
        schemas: [
          { uri: SCENARIO_SCHEMA_URI, fileMatch: ["file:///scenario.json", "*.scenario.json"], schema },
          { uri: "file:///schema/scenario.schema.json", schema },
        ],
      });
    });
  }, []);
}
