/** Monaco's help: the chosen evaluator's binding declarations for the script, the JSON Schema for the scenario. */
import { useEffect } from "react";
import { BINDING_DECLARATIONS, scenarioJsonSchema, type Evaluator } from "../../engine/api";
import { javascriptDefaults, jsonDefaults } from "../monaco/setup";

const SCENARIO_SCHEMA_URI = "https://token-playground.dev/schema/scenario.json";

export function useEditorHelp(evaluator: Evaluator): void {
  useEffect(() => {
    javascriptDefaults.setExtraLibs([{ content: BINDING_DECLARATIONS[evaluator], filePath: `file:///bindings-${evaluator}.d.ts` }]);
  }, [evaluator]);
  useEffect(() => {
    jsonDefaults.setDiagnosticsOptions({
      validate: true,
      allowComments: false,
      enableSchemaRequest: false,
      // Registered under the URL the samples' "$schema": "../schema/scenario.schema.json" resolves to as
      // well, because a document's own $schema takes precedence over fileMatch (and must not be fetched).
      schemas: [
        { uri: SCENARIO_SCHEMA_URI, fileMatch: ["file:///scenario.json", "*.scenario.json"], schema: scenarioJsonSchema() },
        { uri: "file:///schema/scenario.schema.json", schema: scenarioJsonSchema() },
      ],
    });
  }, []);
}
