// From choices to a plan: never a person the rules refused for the row; a team shares the
// rows by load; a row's own choice wins over the group's; "keep" leaves the row with the leaver.
import { describe, expect, it } from "vitest";
import { KEEP, resolvePlan, type PlanCandidate, type PlanGroup, type PlanRow, type TurnoverChoices } from "~/turnover/plan";
import type { Reason } from "../../machines/rules";

const LAKARE_NEEDED: Reason = { code: "notLegitimeradLakare" };
const candidates = new Map<string, PlanCandidate>([
  ["anna", { staffMemberId: "anna", name: "Anna", load: 10 }],
  ["bo", { staffMemberId: "bo", name: "Bo", load: 2 }],
  ["cia", { staffMemberId: "cia", name: "Cia", load: 2 }],
  ["doktor", { staffMemberId: "doktor", name: "Doktor", load: 30 }],
]);

/** A row that everyone may take, except where `refused` names the reasons. */
function row(id: string, refused: Record<string, Reason[]> = {}, extra: Partial<PlanRow> = {}): PlanRow {
  const verdicts = new Map([...candidates.keys()].map((c) => [c, refused[c] ?? []]));
  return { assignmentId: id, version: 0, teamId: "gul", verdicts, blocked: null, ...extra };
}

const group = (rows: PlanRow[]): PlanGroup => ({
  key: "FAST_VARDKONTAKT:vc",
  teams: [
    { id: "gul", memberIds: ["anna", "bo", "cia"] },
    { id: "lakare", memberIds: ["doktor"] },
  ],
  rows,
});

const choose = (groupChoice: string, rows: Record<string, string> = {}): TurnoverChoices => ({
  reason: "Slutar",
  reviewDueDate: null,
  groups: { "FAST_VARDKONTAKT:vc": groupChoice },
  rows,
});

describe("resolvePlan", () => {
  it("gives a whole group to the person chosen for it, keeping the contact's team when they belong to it", () => {
    const plan = resolvePlan([group([row("r1"), row("r2")])], candidates, choose("person:bo"));
    expect(plan.rows).toEqual([
      { assignmentId: "r1", version: 0, outcome: "change", replacementId: "bo", teamId: "gul" },
      { assignmentId: "r2", version: 0, outcome: "change", replacementId: "bo", teamId: "gul" },
    ]);
    expect(plan.loads).toEqual({ bo: { before: 2, after: 4 } });
  });

  it("spreads a group over a team by current load, counting what the plan already gave (ties by name)", () => {
    const rows = ["r1", "r2", "r3", "r4", "r5", "r6"].map((id) => row(id));
    const plan = resolvePlan([group(rows)], candidates, choose("team:gul"));
    const to = plan.rows.map((r) => (r.outcome === "change" ? r.replacementId : r.outcome));
    // Bo and Cia (2 each) alternate until they reach Anna's 10; Anna gets none of six.
    expect(to).toEqual(["bo", "cia", "bo", "cia", "bo", "cia"]);
    expect(plan.loads).toEqual({ bo: { before: 2, after: 5 }, cia: { before: 2, after: 5 } });
  });

  it("lets a row's own choice override the group's, and 'keep' leave the row with the leaver", () => {
    const plan = resolvePlan([group([row("r1"), row("r2"), row("r3")])], candidates, choose("person:bo", { r2: "cia", r3: KEEP }));
    expect(plan.rows.map((r) => [r.assignmentId, r.outcome, "replacementId" in r ? r.replacementId : null])).toEqual([
      ["r1", "change", "bo"],
      ["r2", "change", "cia"],
      ["r3", "keep", null],
    ]);
  });

  it("never plans someone the rules refused for the row: the row is flagged with the rules' reasons", () => {
    const lifeThreatening = row("r1", { anna: [LAKARE_NEEDED], bo: [LAKARE_NEEDED], cia: [LAKARE_NEEDED] });
    const plan = resolvePlan([group([lifeThreatening, row("r2")])], candidates, choose("person:bo"));
    expect(plan.rows[0]).toEqual({
      assignmentId: "r1",
      version: 0,
      outcome: "blocked",
      problem: { code: "notEligible", staffMemberId: "bo", reasons: [LAKARE_NEEDED] },
    });
    expect(plan.rows[1]).toMatchObject({ outcome: "change", replacementId: "bo" });
  });

  it("spreads over the eligible members only, and flags a row nobody in the team may take", () => {
    const onlyDoctor = row("r1", { anna: [LAKARE_NEEDED], bo: [LAKARE_NEEDED], cia: [LAKARE_NEEDED] });
    const plan = resolvePlan([group([onlyDoctor])], candidates, choose("team:gul"));
    expect(plan.rows[0]).toMatchObject({ outcome: "blocked", problem: { code: "teamNoneEligible", teamId: "gul" } });
    const viaDoctors = resolvePlan([group([onlyDoctor])], candidates, choose("team:lakare"));
    // The doctor is not in the contact's team: the new contact joins the doctor's own team.
    expect(viaDoctors.rows[0]).toMatchObject({ outcome: "change", replacementId: "doktor", teamId: "lakare" });
  });

  it("leaves a row without a choice alone, and says why when nobody at the unit could take it", () => {
    const nobody = row("r2", Object.fromEntries([...candidates.keys()].map((c) => [c, [{ code: "employmentEnded", params: { date: "2026-12-01" } } as Reason]])));
    const plan = resolvePlan([group([row("r1"), nobody])], candidates, choose(""));
    expect(plan.rows).toEqual([
      { assignmentId: "r1", version: 0, outcome: "none" },
      { assignmentId: "r2", version: 0, outcome: "blocked", problem: { code: "noCandidate", reasons: [{ code: "employmentEnded", params: { date: "2026-12-01" } }] } },
    ]);
  });

  it("keeps a blocked row blocked whatever is chosen, unless it is left out on purpose", () => {
    const underWay = row("r1", {}, { blocked: { code: "caseOpen" } });
    expect(resolvePlan([group([underWay])], candidates, choose("person:bo")).rows[0]).toMatchObject({ outcome: "blocked", problem: { code: "caseOpen" } });
    expect(resolvePlan([group([underWay])], candidates, choose("person:bo", { r1: KEEP })).rows[0]).toMatchObject({ outcome: "keep" });
  });

  it("where the leaver is the medically responsible läkare, changes the row only with an eligible läkare chosen (decision 018)", () => {
    const medical = { verdicts: new Map<string, Reason[]>([["doktor", []], ["bo", [{ code: "medicallyResponsibleNotLakare" }]]]) };
    const rows = [row("r1", {}, { medical }), row("r2", {}, { medical }), row("r3", {}, { medical })];
    const plan = resolvePlan([group(rows)], candidates, { ...choose("person:cia"), medical: { r2: "doktor", r3: "bo" } });
    expect(plan.rows).toEqual([
      { assignmentId: "r1", version: 0, outcome: "blocked", problem: { code: "medical", reasons: [{ code: "medicallyResponsibleRequired" }] } },
      { assignmentId: "r2", version: 0, outcome: "change", replacementId: "cia", teamId: "gul", medicallyResponsibleId: "doktor" },
      { assignmentId: "r3", version: 0, outcome: "blocked", problem: { code: "medical", reasons: [{ code: "medicallyResponsibleNotLakare" }] } },
    ]);
    // Blocked rows give nobody a contact.
    expect(plan.loads).toEqual({ cia: { before: 2, after: 3 } });
  });

  it("a contact someone else holds gets only a new medically responsible läkare, never a holder; no choice leaves it as it is", () => {
    const medical = { verdicts: new Map<string, Reason[]>([["doktor", []]]) };
    const other = (id: string) => row(id, {}, { medical, holder: false });
    const plan = resolvePlan([group([other("m1"), other("m2"), other("m3")])], candidates, {
      ...choose("person:bo"),
      medical: { m1: "doktor", m3: KEEP },
    });
    expect(plan.rows).toEqual([
      { assignmentId: "m1", version: 0, outcome: "medical", medicallyResponsibleId: "doktor" },
      { assignmentId: "m2", version: 0, outcome: "none" },
      { assignmentId: "m3", version: 0, outcome: "keep" },
    ]);
    expect(plan.loads).toEqual({});
  });
});
