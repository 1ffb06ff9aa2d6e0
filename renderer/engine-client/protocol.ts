/**
 * Messages between the page and the engine worker: the engine's one protocol (engine/supervisor/protocol.ts),
 * under the names the page has always used.
 */
export type { CheckOutcome, ToWorker, EngineReply as FromWorker, HookCallOutcome, HookCallRequest } from "../../engine/api";
