/**
 * The engine's home in the browser: a dedicated worker, so a script that runs long never blocks the page
 * (the page's supervisor can always terminate this worker). It speaks the engine's one protocol through the
 * shared request handler (engine/supervisor/serve.ts), as the CLI's worker does; this file only hands the
 * sandbox its wasm and wires the handler to the worker's messages.
 */
import wasmLocation from "@jitl/quickjs-wasmfile-release-sync/wasm?url";
import { configureSandbox, serveEngineRequests, type EngineReply, type ToWorker } from "../../engine";

configureSandbox({ wasmLocation });

const scope = self as unknown as Worker;
const answer = serveEngineRequests((reply: EngineReply) => scope.postMessage(reply));
self.onmessage = (event: MessageEvent<ToWorker>) => void answer(event.data);
