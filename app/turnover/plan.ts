// From the administrator's choices to a plan: for each of the leaver's assignments, who takes
// it over, or why it stays. Pure: the judgements (who passes the rules for which row) are made
// by the caller with the rules module (./turnover.server.ts); this only applies the choices —
// one person for a whole group, a team spread by load, or a person per row — and never picks
// anyone the rules refused for that row.
import type { Reason } from "../../machines/rules";

/** What the form sends. */
export type TurnoverChoices = {
  reason: string;
  /** For rows whose assignment has no review date (seed §3.3). */
  reviewDueDate: string | null;
  /** Per group: "" (choose per row), "person:<staff id>" or "team:<team id>". */
  groups: Record<string, string>;
  /** Per assignment: "" (as the group), "keep" (stays with the leaver) or a staff id. */
  rows: Record<string, string>;
  /**
   * Per assignment whose medically responsible läkare is the leaver: the new läkare's staff id,
   * or "keep" for a row held by someone else that is left out (docs/decisions/018). Absent in
   * drafts saved before it existed.
   */
  medical?: Record<string, string>;
};

export const KEEP = "keep";

export type PlanCandidate = { staffMemberId: string; name: string; load: number };

export type PlanRow = {
  assignmentId: string;
  version: number;
  teamId: string | null;
  /** Per candidate of the unit: the rules' reasons against them for this row; empty when eligible. */
  verdicts: ReadonlyMap<string, readonly Reason[]>;
  /** The row cannot be changed now whoever is chosen (e.g. a change is already under way). */
  blocked: Problem | null;
  /**
   * Set when the leaver is the contact's medically responsible läkare: per läkare of the unit,
   * the reasons medicallyResponsibleRules gives against them; empty when they may take it over.
   */
  medical?: { verdicts: ReadonlyMap<string, readonly Reason[]> };
  /** False when the leaver is only the medically responsible läkare, not the holder. */
  holder?: boolean;
};

export type PlanGroup = {
  key: string;
  teams: readonly { id: string; memberIds: readonly string[] }[];
  rows: readonly PlanRow[];
};

/** Why a row stays with the leaver although it was not left out on purpose. */
export type Problem =
  | { code: "caseOpen" }
  | { code: "noCandidate"; reasons: Reason[] }
  | { code: "notEligible"; staffMemberId: string; reasons: Reason[] }
  | { code: "teamNoneEligible"; teamId: string }
  /** The leaver is the medically responsible läkare and no eligible replacement is chosen. */
  | { code: "medical"; reasons: Reason[] };

export type PlannedOutcome =
  /** `medicallyResponsibleId`: only where the leaver was the medically responsible läkare too. */
  | { outcome: "change"; replacementId: string; teamId: string | null; medicallyResponsibleId?: string }
  /** The leaver is only the medically responsible läkare: the contact gets this läkare instead. */
  | { outcome: "medical"; medicallyResponsibleId: string }
  /** Left out on purpose: stays with the leaver and on the worklist. */
  | { outcome: "keep" }
  /** Nobody chosen for it yet. */
  | { outcome: "none" }
  | { outcome: "blocked"; problem: Problem };

export type PlannedRow = { assignmentId: string; version: number } & PlannedOutcome;

export type Plan = {
  rows: PlannedRow[];
  /** Per person who gains rows: active assignments now, and after the plan. */
  loads: Record<string, { before: number; after: number }>;
};

/** The reasons that explain why nobody at the unit can take a row: each distinct reason once. */
export function noCandidateReasons(verdicts: ReadonlyMap<string, readonly Reason[]>): Reason[] {
  const seen = new Map<string, Reason>();
  for (const reasons of verdicts.values()) {
    for (const reason of reasons) if (reason.code !== "replacementIsSamePerson") seen.set(JSON.stringify(reason), reason);
  }
  return [...seen.values()];
}

const isEligible = (row: PlanRow, staffMemberId: string) => row.verdicts.get(staffMemberId)?.length === 0;

/**
 * Applies the choices in row order. "Spread over a team by current load" gives each row to the
 * eligible team member with the fewest assignments counting those this plan already gave them
 * (ties by name), so a team shares the leaver's patients evenly.
 */
export function resolvePlan(groups: readonly PlanGroup[], candidates: ReadonlyMap<string, PlanCandidate>, choices: TurnoverChoices): Plan {
  const added = new Map<string, number>();
  const loadOf = (id: string) => (candidates.get(id)?.load ?? 0) + (added.get(id) ?? 0);
  const rows: PlannedRow[] = [];
  for (const group of groups) {
    const groupChoice = choices.groups[group.key] ?? "";
    for (const row of group.rows) {
      const base = { assignmentId: row.assignmentId, version: row.version };
      if (row.holder === false) {
        rows.push({ ...base, ...medicalOnly(row, choices) } as PlannedRow);
        continue;
      }
      const own = choices.rows[row.assignmentId] ?? "";
      if (own === KEEP) {
        rows.push({ ...base, outcome: "keep" });
        continue;
      }
      if (row.blocked) {
        rows.push({ ...base, outcome: "blocked", problem: row.blocked });
        continue;
      }
      const chosen = own || groupChoice;
      const picked = pick(row, group, chosen, candidates, loadOf);
      if ("problem" in picked) {
        rows.push(picked.problem ? { ...base, outcome: "blocked", problem: picked.problem } : { ...base, outcome: "none" });
        continue;
      }
      const medical = medicalChoice(row, choices);
      if (medical && "problem" in medical) {
        rows.push({ ...base, outcome: "blocked", problem: medical.problem });
        continue;
      }
      added.set(picked.staffMemberId, (added.get(picked.staffMemberId) ?? 0) + 1);
      rows.push({ ...base, outcome: "change", replacementId: picked.staffMemberId, teamId: picked.teamId, ...(medical ?? {}) });
    }
  }
  const loads: Plan["loads"] = {};
  for (const [id, count] of added) {
    const before = candidates.get(id)?.load ?? 0;
    loads[id] = { before, after: before + count };
  }
  return { rows, loads };
}

/**
 * The läkare chosen to replace the leaver as medically responsible (seed §3.3; decision 018):
 * null when the leaver was not; a problem when nobody eligible was chosen — the field is
 * never blanked silently.
 */
function medicalChoice(row: PlanRow, choices: TurnoverChoices): { medicallyResponsibleId: string } | { problem: Problem } | null {
  if (!row.medical) return null;
  const chosen = choices.medical?.[row.assignmentId] ?? "";
  if (!chosen || chosen === KEEP) return { problem: { code: "medical", reasons: [{ code: "medicallyResponsibleRequired" }] } };
  const reasons = row.medical.verdicts.get(chosen) ?? [{ code: "medicallyResponsibleOutsideCareGiver" }];
  return reasons.length === 0 ? { medicallyResponsibleId: chosen } : { problem: { code: "medical", reasons: [...reasons] } };
}

/** A contact someone else holds, whose medically responsible läkare leaves: a new läkare, or left out. */
function medicalOnly(row: PlanRow, choices: TurnoverChoices): PlannedOutcome {
  const chosen = choices.medical?.[row.assignmentId] ?? "";
  if (chosen === KEEP) return { outcome: "keep" };
  if (row.blocked) return { outcome: "blocked", problem: row.blocked };
  if (!chosen) return { outcome: "none" };
  const medical = medicalChoice(row, choices);
  if (!medical) return { outcome: "none" };
  return "problem" in medical ? { outcome: "blocked", problem: medical.problem } : { outcome: "medical", ...medical };
}

type Picked = { staffMemberId: string; teamId: string | null } | { problem: Problem | null };

function pick(
  row: PlanRow,
  group: PlanGroup,
  chosen: string,
  candidates: ReadonlyMap<string, PlanCandidate>,
  loadOf: (id: string) => number,
): Picked {
  if (!chosen) {
    // Nobody chosen; if nobody could be, say why.
    const eligible = [...row.verdicts.values()].some((reasons) => reasons.length === 0);
    return { problem: eligible ? null : { code: "noCandidate", reasons: noCandidateReasons(row.verdicts) } };
  }
  if (chosen.startsWith("team:")) {
    const team = group.teams.find((t) => t.id === chosen.slice("team:".length));
    if (!team) return { problem: null };
    const [best] = team.memberIds
      .filter((id) => isEligible(row, id))
      .sort((a, b) => loadOf(a) - loadOf(b) || (candidates.get(a)?.name ?? "").localeCompare(candidates.get(b)?.name ?? "", "sv"));
    return best ? { staffMemberId: best, teamId: team.id } : { problem: { code: "teamNoneEligible", teamId: team.id } };
  }
  const staffMemberId = chosen.startsWith("person:") ? chosen.slice("person:".length) : chosen;
  if (!isEligible(row, staffMemberId)) {
    return { problem: { code: "notEligible", staffMemberId, reasons: [...(row.verdicts.get(staffMemberId) ?? [{ code: "notEmployedAtUnit" }])] } };
  }
  return { staffMemberId, teamId: teamOf(staffMemberId, row.teamId, group) };
}

/** The replacement's team: the contact's team if they belong to it, else their own team at the unit. */
function teamOf(staffMemberId: string, current: string | null, group: PlanGroup): string | null {
  const theirs = group.teams.filter((t) => t.memberIds.includes(staffMemberId));
  if (current && theirs.some((t) => t.id === current)) return current;
  return theirs[0]?.id ?? null;
}
