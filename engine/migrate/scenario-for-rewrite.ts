/**
 * The data each run of a migration needs. Both runs take the user's scenario; when the rewrite reads the user's
 * groups from IDM (memberships.ts), the next-generation run also needs IDM objects holding those memberships. If
 * the scenario's openidm data has them, they are used as given; otherwise they are derived from identity.groups,
 * and the report says so, because then the two runs agree on the memberships by construction, not by evidence.
 */
import { resolveScenario } from "../scenario/validate";
import type { Scenario } from "../scenario/schema";

export interface MigrationNote {
  message: string;
  /** True when the note states something the playground inferred rather than observed. */
  inferred: boolean;
}

/** managed/<realm name>_user/<id>, as the rewrite computes it from the realm binding and the _id attribute. */
function idmPaths(scenario: Scenario): { user: string; group: (id: string) => string } {
  const realmName = scenario.realm.split("/").pop() ?? "";
  return { user: `managed/${realmName}_user/${scenario.identity.id}`, group: (id) => `managed/${realmName}_group/${id}` };
}

/** A legacy group's cn as AMIdentity reads it: its cn attribute's first value, or its id when it lists none. */
function cnOf(group: Scenario["identity"]["groups"][number]): string | undefined {
  const cn = Object.prototype.hasOwnProperty.call(group.attributes, "cn") ? group.attributes.cn : undefined;
  return cn === undefined ? group.id : cn[0];
}

/** The scenario for the next-generation run, what it rests on, and the IDM object whose read makes that matter. */
export function nextGenScenario(scenario: unknown, readsIdmGroups: boolean): { scenario: unknown; notes: MigrationNote[]; userPath?: string } {
  if (!readsIdmGroups) return { scenario, notes: [] };
  let resolved: Scenario;
  try {
    resolved = resolveScenario(scenario);
  } catch {
    // The runs report the invalid scenario themselves.
    return { scenario, notes: [] };
  }
  const paths = idmPaths(resolved);
  const user = resolved.openidm[paths.user];
  if (user && Object.prototype.hasOwnProperty.call(user, "groups")) {
    return {
      scenario,
      userPath: paths.user,
      notes: [
        {
          inferred: false,
          message: `The next-generation run reads the user's groups from the scenario's openidm data (${paths.user}, its "groups"), the legacy run from identity.groups: the verdict holds for this scenario only as far as the two list the same memberships.`,
        },
      ],
    };
  }
  const openidm: Record<string, Record<string, unknown>> = { ...resolved.openidm };
  openidm[paths.user] = { _id: resolved.identity.id, userName: resolved.identity.username, ...(user ?? {}), groups: resolved.identity.groups.map((g) => ({ _ref: paths.group(g.id) })) };
  for (const group of resolved.identity.groups) {
    if (openidm[paths.group(group.id)]) continue;
    const name = cnOf(group);
    openidm[paths.group(group.id)] = name === undefined ? { _id: group.id } : { _id: group.id, name };
  }
  const base = scenario && typeof scenario === "object" ? (scenario as Record<string, unknown>) : {};
  const listed = resolved.identity.groups.map((g) => g.id).join(", ") || "none";
  return {
    scenario: { ...base, openidm },
    userPath: paths.user,
    notes: [
      {
        inferred: true,
        message: `Inferred: the scenario's openidm data has no groups for ${paths.user}, so the next-generation run was given the identity's groups (${listed}) as IDM managed groups: ${paths.user} "groups" → ${paths.group("<id>")}, each named by its cn. Both runs therefore see the same memberships by construction; what the runs show is that the rewrite turns them into the same token. Add the user's groups to the scenario's openidm data to run against what your IDM holds.`,
      },
    ],
  };
}
