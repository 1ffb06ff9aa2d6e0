/** A worker double for the page's engine client: records what the page sent and answers when the test says so. */
import type { WorkerLike } from "../../renderer/engine-client/engineClient";
import type { FromWorker, ToWorker } from "../../renderer/engine-client/protocol";

type PageRequest = Exclude<ToWorker, { type: "hook-answered" }>;
type HostAnswer = Extract<ToWorker, { type: "hook-answered" }>;

export class FakeWorker implements WorkerLike {
  /** The requests the page sent, in order. */
  sent: PageRequest[] = [];
  /** The page's answers to hook calls this worker made. */
  hookAnswers: HostAnswer[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: ToWorker): void {
    if (message.type === "hook-answered") {
      this.hookAnswers.push(message);
      return;
    }
    this.sent.push(message);
    // A loaded worker begins each request as it arrives (engine/supervisor/serve.ts), which starts its budget.
    this.reply({ type: "started", id: message.id });
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
}
