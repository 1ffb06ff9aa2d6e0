/**
 * What the result side shows for a page state: which run, greyed or not and why, the flow step, and the
 * error banner. Pure, derived on every render (unit-tested in test/renderer/pageState.test.ts).
 */
import type { FlowResult } from "../../engine/api";
import { defaultStep } from "../components/FlowTimeline";
import { productOfResult } from "./products";
import { describeError, errorLine, type ShownResult } from "../components/ResultPanels";
import { isFlowResult, stepLabel, stepRunResult } from "./flowResult";
import type { PageState, ShownRun } from "./pageState";

export interface PageView {
  scenarioBroken: boolean;
  /** The shown run when it belongs to the current input, else null. */
  current: ShownRun | null;
  failed: boolean;
  display: ShownResult | null;
  flow: FlowResult | null;
  step: number | null;
  /** What the panels show: the display, or the chosen flow step's run of it. */
  panels: ShownResult | null;
  /** A failure's banner waits: the user is typing. */
  bannerHeld: boolean;
  banner: { text: string; kind: string } | null;
  /** The script line the banner's "Go to line" button reveals, or null. */
  goToLine: number | null;
}

export function pageView(state: PageState): PageView {
  const { shown, lastGood, context, typing, running, fileError, scenario } = state;
  const scenarioBroken = scenario.issues.length > 0;
  // Only results of the current sample or file are shown; another one's are never taken for this one's.
  const current = shown !== null && shown.context === context ? shown : null;
  const previous = lastGood !== null && lastGood.context === context && current !== null && lastGood.id < current.id ? lastGood : null;
  const failed = current !== null && current.result.error !== null;
  // While typing through broken states the last good result stays, greyed, instead of flipping to each failure.
  const holding = failed && typing && previous !== null;
  const display: ShownResult | null = current
    ? scenarioBroken
      ? { result: current.result, stale: true, staleLabel: "scenario invalid: last result" }
      : holding
        ? { result: previous.result, stale: true, staleLabel: "typing: last good result" }
        : { result: current.result, stale: false, previous: failed ? previous : null }
    : shown !== null && running
      ? { result: shown.result, stale: true, running: true, staleLabel: "running the new input" }
      : null;
  const hmacSecret = (scenario.doc as { token?: { signing?: { secret?: unknown } } } | null)?.token?.signing?.secret;
  if (display && typeof hmacSecret === "string") display.hmacSecret = hmacSecret;
  // The panels' empty states and hints name the shown result's product (its server, its logging), not always
  // AM's; a result held from before a product switch keeps its own.
  if (display) display.product = productOfResult(display.result);
  // A flow's result: the panels show the step chosen on the timeline (the first failed or last step until one is).
  const flow = display && isFlowResult(display.result) ? display.result.flow : null;
  const step = flow && flow.steps.length ? (state.flowStep !== null && state.flowStep < flow.steps.length ? state.flowStep : defaultStep(flow)) : null;
  const panels: ShownResult | null =
    display && flow && step !== null ? { ...display, result: stepRunResult(flow.steps[step]!, display.result.evaluator), previous: null, flowStep: stepLabel(flow.steps[step]!) } : display;
  const bannerHeld = typing && (failed || scenarioBroken);

  const bannerText = fileError
    ? fileError
    : bannerHeld
      ? null
      : scenarioBroken
        ? `Scenario is invalid — ${scenario.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}. Showing the last result until it is fixed.`
        : current?.result.error
          ? describeError(current.result)
          : null;
  const bannerKind = fileError ? "file" : scenarioBroken ? "scenario" : (current?.result.error?.kind ?? "");
  const goToLine = !fileError && !scenarioBroken ? errorLine(current?.result.error) : null;
  return {
    scenarioBroken,
    current,
    failed,
    display,
    flow,
    step,
    panels,
    bannerHeld,
    banner: bannerText ? { text: bannerText, kind: bannerKind } : null,
    goToLine,
  };
}
