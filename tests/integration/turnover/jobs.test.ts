// The turnover as the page drives it: the rows and who may take each (judged by the rules),
// the previewed plan saved as a draft, started exactly once, and its outcome on record.
import { describe, expect, it, vi } from "vitest";
import { verifyChains } from "~/audit/verify.server";
import { actorRef } from "~/auth/actor.server";
import { db } from "~/db.server";
import { startBatch, withProgress } from "~/turnover/jobs.server";
import { findBatch, loadTurnover, planFor, saveDraft } from "~/turnover/turnover.server";
import type { TurnoverChoices } from "~/turnover/plan";
import { allowConsoleError } from "../../setup/setup-test-env";
import { createActor } from "../../factories";
import { domainState, NOW, turnoverScenario, type TurnoverScenario } from "./scenario";

const clock = { now: () => NOW };

async function preview(s: TurnoverScenario, choices: Omit<TurnoverChoices, "reason" | "reviewDueDate">) {
  const turnover = await loadTurnover(db, s.actor, s.leaver.id, NOW);
  if (!turnover) throw new Error("the leaver is not in scope");
  const full = { reason: "Slutar sin anställning", reviewDueDate: null, ...choices };
  const plan = planFor(turnover, full);
  return { turnover, plan, batchId: await saveDraft(db, s.actor, s.leaver.id, full, plan, NOW) };
}

const groupKey = (s: TurnoverScenario) => `FAST_VARDKONTAKT:${s.vc.id}`;

describe("the turnover page's data", () => {
  it("offers each row only the people the rules allow, with their load", async () => {
    const s = await turnoverScenario(db);
    const turnover = await loadTurnover(db, s.actor, s.leaver.id, NOW);
    const [group] = turnover?.page.groups ?? [];
    expect(group.rows).toHaveLength(5);
    const byPatient = new Map(group.rows.map((r) => [r.assignmentId, r]));
    // Leaving before the change takes effect, or the leaver: never offered.
    for (const row of group.rows) expect(row.eligibleIds).not.toContain(s.leavingFirst.id);
    for (const row of group.rows) expect(row.eligibleIds).not.toContain(s.leaver.id);
    // The life-threatening contact: only the läkare.
    expect(byPatient.get(s.rows[4].id)?.eligibleIds).toEqual([s.doctor.id]);
    expect(byPatient.get(s.rows[0].id)?.eligibleIds).toEqual(expect.arrayContaining([s.nurseA.id, s.nurseB.id, s.doctor.id]));
    expect(byPatient.get(s.rows[3].id)?.relatives).toBe(true);
    expect(turnover?.page.effectiveDate).toBe("2026-12-10");
  });
});

describe("preparing without the appointing right, and the medically responsible läkare (decision 018)", () => {
  it("lets an administrator without delegation prepare the same plan, and says the run needs the right", async () => {
    const s = await turnoverScenario(db);
    const plain = await createActor(db, s.vc.id, "ADMINISTRATOR", NOW);
    const actor = { ...s.actor, userId: plain.userId, grant: plain.grant };
    const [withRight, withoutRight] = await Promise.all([loadTurnover(db, s.actor, s.leaver.id, NOW), loadTurnover(db, actor, s.leaver.id, NOW)]);
    const [delegated] = withRight?.page.groups ?? [];
    const [prepared] = withoutRight?.page.groups ?? [];
    expect(prepared.rows.map((r) => r.eligibleIds)).toEqual(delegated.rows.map((r) => r.eligibleIds));
    expect(delegated.mayNotRun).toEqual([]);
    expect(prepared.mayNotRun).toEqual([{ code: "appointerNotVerksamhetschef" }]);
  });

  it("lists the contacts others hold where the leaver is medically responsible, offering the unit's eligible läkare", async () => {
    const s = await turnoverScenario(db);
    const held = await db.assignment.create({
      data: {
        kind: "FAST_VARDKONTAKT",
        patientId: s.rows[0].patientId,
        staffMemberId: s.nurseB.id,
        careUnitId: s.vc.id,
        startedAt: new Date("2026-03-01T08:00:00Z"),
        medicallyResponsibleStaffId: s.leaver.id,
      },
    });
    await db.assignment.update({ where: { id: s.rows[1].id }, data: { medicallyResponsibleStaffId: s.leaver.id } });
    const turnover = await loadTurnover(db, s.actor, s.leaver.id, NOW);
    expect(turnover?.page.medical).toEqual([expect.objectContaining({ assignmentId: held.id, eligibleIds: [s.doctor.id] })]);
    const holderRow = turnover?.page.groups[0].rows.find((r) => r.assignmentId === s.rows[1].id);
    expect(holderRow?.medical).toMatchObject({ eligibleIds: [s.doctor.id] });
    if (!turnover) throw new Error("no turnover");
    // Nothing chosen: the holder row stays blocked, the other row stays as it is; chosen, both go.
    const none = planFor(turnover, { reason: "Slutar", reviewDueDate: null, groups: { [groupKey(s)]: `person:${s.nurseA.id}` }, rows: {} });
    expect(none.rows.find((r) => r.assignmentId === s.rows[1].id)).toMatchObject({ outcome: "blocked", problem: { code: "medical" } });
    expect(none.rows.find((r) => r.assignmentId === held.id)).toMatchObject({ outcome: "none" });
    const medical = { [s.rows[1].id]: s.doctor.id, [held.id]: s.doctor.id };
    const chosen = planFor(turnover, { reason: "Slutar", reviewDueDate: null, groups: { [groupKey(s)]: `person:${s.nurseA.id}` }, rows: {}, medical });
    expect(chosen.rows.find((r) => r.assignmentId === s.rows[1].id)).toMatchObject({ outcome: "change", medicallyResponsibleId: s.doctor.id });
    expect(chosen.rows.find((r) => r.assignmentId === held.id)).toMatchObject({ outcome: "medical", medicallyResponsibleId: s.doctor.id });
    // A läkare the rule refuses is never taken: the row is blocked with the rule's reasons.
    const refused = planFor(turnover, { reason: "Slutar", reviewDueDate: null, groups: {}, rows: {}, medical: { [held.id]: s.nurseA.id } });
    expect(refused.rows.find((r) => r.assignmentId === held.id)).toMatchObject({ outcome: "blocked", problem: { code: "medical" } });
  });
});

describe("a turnover batch run as a job", () => {
  it("runs the previewed plan once however often it is started, with its audit trail", async () => {
    const s = await turnoverScenario(db);
    const { batchId } = await preview(s, { groups: { [groupKey(s)]: "person:" + s.nurseA.id }, rows: { [s.rows[4].id]: s.doctor.id } });
    const first = await startBatch(db, s.actor, s.leaver.id, batchId, NOW, { jobDb: db, ...clock });
    if (typeof first !== "object" || first === null) throw new Error("did not start");
    expect(await startBatch(db, s.actor, s.leaver.id, batchId, NOW, { jobDb: db, ...clock })).toBe("already");
    await first.done;
    expect(await startBatch(db, s.actor, s.leaver.id, batchId, NOW, { jobDb: db, ...clock })).toBe("already");

    const batch = await findBatch(db, s.actor, s.leaver.id, batchId);
    expect(batch).toMatchObject({ status: "SUCCEEDED", total: 5, effectiveAt: new Date("2026-12-09T23:00:00Z") });
    expect(await db.processCase.count({ where: { processCode: "CHANGE", subjectId: { in: s.rows.map((r) => r.id) } } })).toBe(5);
    const trail = await db.auditEvent.findMany({ where: { entityId: batchId }, orderBy: { id: "asc" } });
    expect(trail.map((a) => a.action)).toEqual(["turnover.plan", "turnover.start", "turnover.complete"]);
    // The batch's many audit rows extend the hash chain like any other write (decision 014).
    expect(await verifyChains(db)).toMatchObject({ ok: true, broken: null });
    // Nothing left with the leaver, so the worklist no longer lists them.
    expect(await db.assignment.count({ where: { staffMemberId: s.leaver.id, endedAt: null } })).toBe(0);
  });

  it("carries out the medically responsible läkare chosen in the preview, for a contact someone else holds", async () => {
    const s = await turnoverScenario(db);
    const held = await db.assignment.create({
      data: { kind: "FAST_VARDKONTAKT", patientId: s.rows[0].patientId, staffMemberId: s.nurseB.id, careUnitId: s.vc.id, startedAt: new Date("2026-03-01T08:00:00Z"), medicallyResponsibleStaffId: s.leaver.id },
    });
    const { batchId } = await preview(s, { groups: {}, rows: {}, medical: { [held.id]: s.doctor.id } });
    const started = await startBatch(db, s.actor, s.leaver.id, batchId, NOW, { jobDb: db, ...clock });
    if (typeof started !== "object" || started === null) throw new Error("did not start");
    await started.done;
    expect(await findBatch(db, s.actor, s.leaver.id, batchId)).toMatchObject({ status: "SUCCEEDED", total: 1 });
    expect(await db.assignment.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ medicallyResponsibleStaffId: s.doctor.id, staffMemberId: s.nurseB.id });
  });

  it("fails cleanly, naming the row someone changed meanwhile, and the next plan succeeds", async () => {
    const s = await turnoverScenario(db);
    const choices = { groups: { [groupKey(s)]: "team:" + s.team.id }, rows: { [s.rows[4].id]: s.doctor.id } };
    const { batchId } = await preview(s, choices);
    await db.assignment.update({ where: { id: s.rows[1].id }, data: { reviewDueDate: "2027-06-01", version: { increment: 1 } } });
    const before = await domainState(db);

    const started = await startBatch(db, s.actor, s.leaver.id, batchId, NOW, { jobDb: db, ...clock });
    if (typeof started !== "object" || started === null) throw new Error("did not start");
    await started.done;
    const failed = await findBatch(db, s.actor, s.leaver.id, batchId);
    expect(failed).toMatchObject({ status: "FAILED", failures: { rows: [{ assignmentId: s.rows[1].id, code: "changed" }] } });
    expect(await domainState(db)).toEqual(before);
    expect(await db.auditEvent.count({ where: { entityId: batchId, action: "turnover.fail" } })).toBe(1);

    // The administrator opens the page again (fresh rows and versions), previews and runs.
    const retry = await preview(s, choices);
    const again = await startBatch(db, s.actor, s.leaver.id, retry.batchId, NOW, { jobDb: db, ...clock });
    if (typeof again !== "object" || again === null) throw new Error("did not start");
    await again.done;
    expect(await findBatch(db, s.actor, s.leaver.id, retry.batchId)).toMatchObject({ status: "SUCCEEDED" });
  });

  it("records the failing rows of a plan the rules refuse at run time, and writes nothing", async () => {
    const s = await turnoverScenario(db);
    const { batchId, plan } = await preview(s, { groups: { [groupKey(s)]: "person:" + s.nurseB.id }, rows: { [s.rows[4].id]: s.doctor.id } });
    expect(plan.rows.filter((r) => r.outcome === "change")).toHaveLength(5);
    // After the preview, the replacement's employment is set to end before the change takes effect.
    await db.staffMember.update({ where: { id: s.nurseB.id }, data: { employmentEndDate: "2026-12-01" } });
    const before = await domainState(db);
    const started = await startBatch(db, s.actor, s.leaver.id, batchId, NOW, { jobDb: db, ...clock });
    if (typeof started !== "object" || started === null) throw new Error("did not start");
    await started.done;
    const failed = await findBatch(db, s.actor, s.leaver.id, batchId);
    expect(failed?.status).toBe("FAILED");
    expect(failed?.failures?.rows.map((f) => [f.assignmentId, f.code, f.reasons])).toEqual(
      s.rows.slice(0, 4).map((r) => [r.id, "rules", [{ code: "employmentEnded", params: { date: "2026-12-01" } }]]),
    );
    expect(await domainState(db)).toEqual(before);
  });

  it("marks a run cut off by a restart as interrupted: nothing was written, it can be planned again", async () => {
    const s = await turnoverScenario(db);
    const { batchId } = await preview(s, { groups: { [groupKey(s)]: "person:" + s.nurseA.id }, rows: {} });
    await db.turnoverBatch.update({ where: { id: batchId }, data: { status: "RUNNING" } });
    const stored = await findBatch(db, s.actor, s.leaver.id, batchId);
    if (!stored) throw new Error("no batch");
    const { batch } = await withProgress(db, stored, actorRef(s.admin), NOW);
    expect(batch).toMatchObject({ status: "INTERRUPTED", failures: { rows: [], problem: "interrupted" } });
    expect(await db.turnoverBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({ status: "INTERRUPTED" });
  });

  it("records an unexpected failure with the request id, logs it, and writes nothing else", async () => {
    allowConsoleError();
    const s = await turnoverScenario(db);
    const { batchId } = await preview(s, { groups: { [groupKey(s)]: "person:" + s.nurseA.id }, rows: { [s.rows[4].id]: s.doctor.id } });
    const before = await domainState(db);
    // Every new row gets the same id: the second insert collides half-way through the writes.
    const started = await startBatch(db, s.actor, s.leaver.id, batchId, NOW, { jobDb: db, ...clock, newId: () => `same-${batchId}` });
    if (typeof started !== "object" || started === null) throw new Error("did not start");
    await started.done;
    expect(await findBatch(db, s.actor, s.leaver.id, batchId)).toMatchObject({
      status: "FAILED",
      failures: { rows: [], problem: "error", requestId: s.actor.requestId },
    });
    expect(await domainState(db)).toEqual(before);
    expect(vi.mocked(console.error).mock.calls.some(([text]) => String(text).includes(s.actor.requestId))).toBe(true);
  });

  it("starts only the actor's own draft", async () => {
    const s = await turnoverScenario(db);
    const { batchId } = await preview(s, { groups: { [groupKey(s)]: "person:" + s.nurseA.id }, rows: {} });
    const other = { ...s.actor, userId: s.nurseA.id };
    expect(await startBatch(db, other, s.leaver.id, batchId, NOW, { jobDb: db, ...clock })).toBeNull();
  });
});
