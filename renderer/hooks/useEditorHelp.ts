/** Monaco's help: the chosen product's (and evaluator's) declarations for the script, the JSON Schema for the scenario. */
import { useEffect } from "react";
import { scenarioJsonSchema, scriptDeclarations, type Evaluator, type Product } from "../../engine/api";
import { javascriptDefaults, jsonDefaults } from "../monaco/setup";

const SCENARIO_SCHEMA_URI = "https://token-playground.dev/schema/scenario.json";

export function useEditorHelp(product: Product, evaluator: Evaluator): void {
  useEffect(() => {
    const declarations = scriptDeclarations(product, evaluator);
    javascriptDefaults.setExtraLibs([{ content: declarations.content, filePath: `file:///${declarations.fileName}` }]);
  }, [product, evaluator]);
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
