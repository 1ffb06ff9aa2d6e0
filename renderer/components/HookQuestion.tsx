/**
 * The question the page puts before a run calls a hook service at a new address (OneWelcome's hookUrl): what
 * would be sent where, and the user's choice. The run that asked was not sent; the page runs again on either
 * answer, so the result then shows the service's answer, or says the call was refused.
 *
 * It does not take the focus: it appears while the user may still be typing the URL in the scenario, and a
 * keystroke meant for the editor must not answer it. It is announced politely instead; Escape inside it refuses.
 */
import { useSyncExternalStore } from "react";
import type { HookDecision, HookPermissions } from "../state/hookPermissions";

/**
 * `currentAddress`: the address the scenario under edit would call (null: none). A question about another one
 * (the scenario moved on: another URL, the script answers now, another sample) is not shown, unless `anyAddress`
 * (the workspace's cases, whose scenarios are not the editor's, are running).
 */
export function HookQuestion({ permissions, currentAddress, anyAddress, onDecided }: { permissions: HookPermissions; currentAddress: string | null; anyAddress: boolean; onDecided: (decision: HookDecision) => void }) {
  const asked = useSyncExternalStore(
    (listener) => permissions.subscribe(listener),
    () => permissions.question(),
  );
  const question = asked && (anyAddress || asked.address === currentAddress) ? asked : null;
  // The live region stays mounted (screen readers announce what appears in a region, not a region that appears).
  if (!question) return <div aria-live="polite" className="hook-question-slot" />;
  const decide = (decision: HookDecision) => {
    permissions.decide(question.address, decision);
    onDecided(decision);
  };
  return (
    <div aria-live="polite" className="hook-question-slot">
      <div
        className="notice warning"
        role="region"
        aria-label={`Call the hook service at ${question.address}?`}
        data-testid="hook-question"
        onKeyDown={(event) => {
          if (event.key === "Escape") decide("refused");
        }}
      >
        <span>
          The scenario&apos;s <code>onewelcome.hookUrl</code> asks this window to POST OneWelcome&apos;s Customize Access Token request (the user, their claims, the
          client, the scopes and the scenario&apos;s Authorization header) to <code data-testid="hook-question-url">{question.url}</code>, a service on this machine.
          Allow calls to {question.address} until this window closes?
        </span>{" "}
        <button type="button" data-testid="hook-allow" onClick={() => decide("allowed")}>
          Allow {question.address}
        </button>{" "}
        <button type="button" data-testid="hook-refuse" onClick={() => decide("refused")}>
          Don&apos;t call it
        </button>
      </div>
    </div>
  );
}
