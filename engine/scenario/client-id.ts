import type { Scenario } from "./schema";

/** The client a scenario's requests come from; a scenario without one is a client the playground names. */
export function scenarioClientId(scenario: Pick<Scenario, "client">): string {
  return scenario.client?.clientId ?? "unknown-client";
}
