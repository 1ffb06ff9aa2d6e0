/**
 * The engine's home in the browser: a dedicated worker, so a script that runs long never blocks the page
 * (the page's watchdog can always terminate this worker). It answers each request with exactly one message.
 */
import wasmLocation from "@jitl/quickjs-wasmfile-release-sync/wasm?url";
import { check, configureSandbox, migrateAndCompare, run, runFlow } from "../../engine";
import { flowRunResult, hasFlow } from "../state/flowResult";
import type { FromWorker, ToWorker } from "../engine-client/protocol";

configureSandbox({ wasmLocation });

const post = (message: FromWorker) => (self as unknown as Worker).postMessage(message);

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const request = event.data;
  try {
    if (request.type === "run") {
      // A scenario with a `flow` is a grant's whole life: every issuance runs through this worker's run().
      const result = hasFlow(request.scenario)
        ? flowRunResult(await runFlow(request.script, request.scenario, { evaluator: request.evaluator, execute: run }), request.evaluator)
        : await run(request.script, request.scenario, { evaluator: request.evaluator });
      post({ type: "result", id: request.id, result });
    } else if (request.type === "migrate") {
      const report = await migrateAndCompare(request.script, request.scenario);
      post({ type: "migrated", id: request.id, report });
    } else {
      const outcome = await check(request.script, request.evaluator, request.target);
      post({ type: "checked", id: request.id, outcome });
    }
  } catch (error) {
    post({ type: "failed", id: request.id, message: error instanceof Error ? error.message : String(error) });
  }
};

post({ type: "ready" });
