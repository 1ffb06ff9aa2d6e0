/** Types of corpus.mjs for the TypeScript tests that run the benchmark corpus. */
export interface CorpusEntry {
  name: string;
  scriptFile: string;
  script: string;
  scenario: Record<string, unknown>;
  expect?: unknown;
  caseDocument?: Record<string, unknown>;
}
export const SAMPLES_DIR: string;
export function loadCorpus(dir?: string): CorpusEntry[];
