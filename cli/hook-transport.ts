/**
 * How the CLI calls the OneWelcome hook service the user runs on this machine (scenario `onewelcome.hookUrl`):
 * the engine worker hands the call to the main thread (the worker has no network), which makes it through the
 * one loopback-only caller the app's main process and the browser build use too (contracts/hook-call.ts).
 * A command line was given the scenario by its user, so there is nothing to ask first.
 */
import { callLoopbackHook, type HookCallRequest } from "../contracts/hook-call";

export const cliHookCaller = (request: HookCallRequest) => callLoopbackHook(request, (url, init) => fetch(url, init));
