// The turnover batch: every planned row becomes a CHANGE case with exactly what the
// step-by-step executor writes, or — if any row fails — nothing is written at all.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { reassignInBatch, type BatchActor, type BatchOptions, type PlannedChange, type PlannedMedicalChange } from "~/processes/batch.server";
import { createActor, createDelegatedActor, createPatient, createStaff, createUnit } from "../../factories";
import { dispatch, startCase } from "~/processes/dispatch.server";
import { domainState, EFFECTIVE_AT, NOW, turnoverScenario, type TurnoverScenario } from "./scenario";

const REASON = "Slutar sin anställning";

function run(
  s: TurnoverScenario,
  changes: PlannedChange[],
  options: Partial<BatchOptions> = {},
  { actor = s.batchActor, medical = [] }: { actor?: BatchActor; medical?: PlannedMedicalChange[] } = {},
) {
  const prefix = randomUUID().slice(0, 8);
  let n = 0;
  return db.$transaction((tx) =>
    reassignInBatch(
      tx,
      { leaverId: s.leaver.id, reason: REASON, reviewDueDate: null, changes, medical },
      actor,
      { now: NOW, newId: () => `${prefix}-${++n}`, ...options },
    ),
  );
}

describe("a turnover batch", () => {
  it("ends each old contact and starts the new one at the same instant, the day after the last day", async () => {
    const s = await turnoverScenario(db);
    const result = await run(s, s.goodPlan);
    expect(result).toEqual({ ok: true, effectiveAt: EFFECTIVE_AT, cases: 5, medical: 0 });

    for (const [i, row] of s.rows.entries()) {
      const old = await db.assignment.findUniqueOrThrow({ where: { id: row.id } });
      const successor = await db.assignment.findUniqueOrThrow({ where: { replacesId: row.id } });
      expect(old).toMatchObject({ endedAt: EFFECTIVE_AT, endReason: REASON, version: row.version + 1 });
      expect(successor).toMatchObject({
        staffMemberId: s.goodPlan[i].replacementId,
        startedAt: EFFECTIVE_AT,
        endedAt: null,
        kind: "FAST_VARDKONTAKT",
        reviewDueDate: row.reviewDueDate,
        lifeThreatening: row.lifeThreatening,
        internalNote: row.internalNote,
        // The new person's direct phone is not shown until they agree (decision 011).
        directPhoneVisibleToPatient: false,
        appointedByUserId: s.admin.userId,
      });
      const theCase = await db.processCase.findUniqueOrThrow({ where: { id: successor.caseId ?? "" } });
      expect(theCase).toMatchObject({ processCode: "CHANGE", subjectId: row.id, state: "awaitingNotification", status: "OPEN", revision: 2, openedAt: NOW });
    }
  });

  it("queues the notifications each case requires, relatives where they were told before", async () => {
    const s = await turnoverScenario(db);
    await run(s, s.goodPlan);
    const queued = await db.notification.findMany({ where: { status: "QUEUED", patientId: { in: s.rows.map((r) => r.patientId) } } });
    expect(queued.filter((n) => n.recipient === "PATIENT")).toHaveLength(5);
    expect(queued.filter((n) => n.recipient === "RELATIVE").map((n) => n.patientId)).toEqual([s.rows[3].patientId]);
  });

  it("writes what the step-by-step executor writes for the same change", async () => {
    const s = await turnoverScenario(db);
    // One row the one-step executor changes, the others through the batch.
    const [single, ...rest] = s.rows;
    const opened = await startCase(
      { process: "CHANGE", patientId: single.patientId, subjectId: single.id },
      { type: "REQUEST_CHANGE", reason: REASON },
      { ...s.admin },
      { db, now: NOW },
    );
    if (!opened.ok) throw new Error(opened.message);
    const stepped = await dispatch(opened.caseId, { type: "APPOINT", staffMemberId: s.nurseA.id, teamId: s.team.id }, s.admin, { db, now: NOW });
    expect(stepped).toMatchObject({ ok: true, state: "awaitingNotification" });
    await run(s, s.goodPlan.slice(1));

    const trail = async (assignmentId: string) => {
      const successor = await db.assignment.findUniqueOrThrow({ where: { replacesId: assignmentId } });
      const theCase = await db.processCase.findUniqueOrThrow({ where: { id: successor.caseId ?? "" } });
      const audit = await db.auditEvent.findMany({ where: { patientId: successor.patientId }, orderBy: { id: "asc" } });
      const snapshot = JSON.parse(theCase.snapshot);
      const { id, caseId, replacesId, patientId, ...values } = successor;
      // As SQLite holds them: the batch writes its rows with its own INSERTs (decision 011).
      const [stored] = await db.$queryRawUnsafe<Record<string, unknown>[]>(
        `SELECT 'x' || substr(a.startedAt, 20) AS startedAtFormat, 'x' || a.createdAt AS createdAt, typeof(a.lifeThreatening) AS flagType,
           a.lifeThreatening, 'x' || c.openedAt AS openedAt, c.closedAt, c.deadlineAt
         FROM Assignment a JOIN ProcessCase c ON c.id = a.caseId WHERE a.id = ?`,
        id,
      );
      return {
        actions: audit.map((a) => [a.action, a.entityType, a.userId, a.roleCode, a.careUnitId]),
        steps: audit.filter((a) => a.entityType === "ProcessCase").map((a) => JSON.parse(a.after ?? "{}").event),
        state: [theCase.state, theCase.status, theCase.revision, snapshot.value, Object.keys(snapshot.context).sort()],
        context: { ...snapshot.context, patientId: null, assignmentId: null, replacedAssignmentId: null },
        // The batch starts the new contact the day after the last day; one step starts it now.
        values: { ...values, staffMemberId: null, startedAt: null },
        stored,
      };
    };
    const [one, many] = [await trail(single.id), await trail(rest[0].id)];
    expect(many).toEqual(one);
    expect(one.steps).toEqual(["REQUEST_CHANGE", "APPOINT"]);
  });

  it("refuses a replacement the rules refuse, naming the row and the reason, and writes nothing", async () => {
    const s = await turnoverScenario(db);
    const before = await domainState(db);
    const plan = s.goodPlan.map((c, i) =>
      // A life-threatening condition needs a läkare (SOSFS 2011:7); someone who has left by then cannot take over.
      i === 4 ? { ...c, replacementId: s.nurseA.id } : i === 0 ? { ...c, replacementId: s.leavingFirst.id } : c,
    );
    const result = await run(s, plan);
    expect(result).toEqual({
      ok: false,
      failures: [
        { assignmentId: s.rows[0].id, code: "rules", reasons: [{ code: "employmentEnded", params: { date: "2026-12-05" } }] },
        { assignmentId: s.rows[4].id, code: "rules", reasons: [{ code: "notLegitimeradLakare" }] },
      ],
    });
    expect(await domainState(db)).toEqual(before);
  });

  it("refuses to hand a contact to the leaver, or to take one the leaver does not hold", async () => {
    const s = await turnoverScenario(db);
    const result = await run(s, [
      { ...s.goodPlan[0], replacementId: s.leaver.id },
      { ...s.goodPlan[1], assignmentId: "not-an-assignment" },
    ]);
    expect(result).toMatchObject({
      ok: false,
      failures: [
        { assignmentId: s.rows[0].id, code: "rules", reasons: expect.arrayContaining([{ code: "replacementIsSamePerson" }]) },
        { assignmentId: "not-an-assignment", code: "notFound" },
      ],
    });
  });

  it("leaves the database exactly as before when row N fails after earlier rows were prepared", async () => {
    const s = await turnoverScenario(db);
    const before = await domainState(db);
    await expect(
      run(s, s.goodPlan, {
        onProgress: (checked) => {
          if (checked === 3) throw new Error("injected failure at row 3");
        },
      }),
    ).rejects.toThrow("injected failure at row 3");
    expect(await domainState(db)).toEqual(before);
  });

  it("leaves the database exactly as before when a write fails half-way", async () => {
    const s = await turnoverScenario(db);
    const before = await domainState(db);
    // Every id is the same: the cases are written, then the second assignment collides with the first.
    await expect(run(s, s.goodPlan, { newId: () => "same-id" })).rejects.toThrow();
    expect(await domainState(db)).toEqual(before);
  });

  it("fails cleanly when someone changed a row after the plan was made, and the retry succeeds", async () => {
    const s = await turnoverScenario(db);
    const changed = s.rows[2];
    await db.assignment.update({ where: { id: changed.id }, data: { reviewDueDate: "2027-06-01", version: { increment: 1 } } });
    const before = await domainState(db);
    expect(await run(s, s.goodPlan)).toEqual({ ok: false, failures: [{ assignmentId: changed.id, code: "changed" }] });
    expect(await domainState(db)).toEqual(before);

    const fresh = s.goodPlan.map((c) => (c.assignmentId === changed.id ? { ...c, version: c.version + 1 } : c));
    expect(await run(s, fresh)).toMatchObject({ ok: true, cases: 5 });
  });

  it("refuses a row whose change is already under way in an open case", async () => {
    const s = await turnoverScenario(db);
    const opened = await startCase(
      { process: "CHANGE", patientId: s.rows[1].patientId, subjectId: s.rows[1].id },
      { type: "REQUEST_CHANGE", reason: "Patienten önskar byte" },
      s.admin,
      { db, now: NOW },
    );
    expect(opened.ok).toBe(true);
    expect(await run(s, s.goodPlan)).toEqual({ ok: false, failures: [{ assignmentId: s.rows[1].id, code: "caseOpen" }] });
  });

  it("takes effect now when the last day has already passed", async () => {
    const s = await turnoverScenario(db);
    await db.staffMember.update({ where: { id: s.leaver.id }, data: { employmentEndDate: "2026-11-20" } });
    expect(await run(s, s.goodPlan)).toEqual({ ok: true, effectiveAt: NOW, cases: 5, medical: 0 });
  });

  it("runs only with the runner's appointing right: an administrator without delegation prepares, never carries out (decision 018)", async () => {
    const s = await turnoverScenario(db);
    const plain = await createActor(db, s.vc.id, "ADMINISTRATOR", NOW);
    const before = await domainState(db);
    const result = await run(s, s.goodPlan, {}, { actor: { userId: plain.userId, requestId: plain.requestId, grants: new Map([[s.vc.id, plain.grant]]) } });
    expect(result).toEqual({
      ok: false,
      failures: s.rows.map((row) => ({ assignmentId: row.id, code: "notAppointer", reasons: [{ code: "appointerNotVerksamhetschef" }] })),
    });
    expect(await domainState(db)).toEqual(before);
    // The verksamhetschef's own role is the right too.
    const chief = { userId: s.chief.userId, requestId: s.chief.requestId, grants: new Map([[s.vc.id, s.chief.grant]]) };
    expect(await run(s, s.goodPlan, {}, { actor: chief })).toMatchObject({ ok: true, cases: 5 });
  });

  it("records the delegation it ran on, on every audit row of the batch", async () => {
    const s = await turnoverScenario(db);
    await run(s, s.goodPlan);
    const audit = await db.auditEvent.findMany({ where: { patientId: { in: s.rows.map((r) => r.patientId) }, userId: s.admin.userId } });
    expect(audit.length).toBeGreaterThan(5 * 3);
    for (const row of audit) expect(row).toMatchObject({ roleCode: "ADMINISTRATOR", delegationId: s.admin.delegationId });
  });

  it("asks for a new medically responsible läkare when the leaver held it, validated by the rule; never blanks it", async () => {
    const s = await turnoverScenario(db);
    const row = s.rows[0];
    await db.assignment.update({ where: { id: row.id }, data: { medicallyResponsibleStaffId: s.leaver.id } });
    const vardbitrade = await createStaff(db, s.vc.id, "207023", { legitimations: "" });
    const before = await domainState(db);
    const planned = (medicallyResponsibleId: string | null) => [{ ...s.goodPlan[0], medicallyResponsibleId }];
    expect(await run(s, planned(null))).toEqual({
      ok: false,
      failures: [{ assignmentId: row.id, code: "rules", reasons: [{ code: "medicallyResponsibleRequired" }] }],
    });
    expect(await run(s, planned(vardbitrade.id))).toEqual({
      ok: false,
      failures: [{ assignmentId: row.id, code: "rules", reasons: [{ code: "medicallyResponsibleNotLakare" }] }],
    });
    expect(await domainState(db)).toEqual(before);
    expect(await run(s, planned(s.doctor.id))).toMatchObject({ ok: true, cases: 1 });
    expect(await db.assignment.findUniqueOrThrow({ where: { replacesId: row.id } })).toMatchObject({ medicallyResponsibleStaffId: s.doctor.id });
  });

  it("gives a contact someone else holds a new medically responsible läkare when the leaver held only that", async () => {
    const s = await turnoverScenario(db);
    const held = await db.assignment.create({
      data: {
        kind: "FAST_VARDKONTAKT",
        patientId: s.rows[0].patientId,
        staffMemberId: s.nurseB.id,
        careUnitId: s.vc.id,
        startedAt: new Date("2026-03-01T08:00:00Z"),
        reviewDueDate: "2027-03-01",
        medicallyResponsibleStaffId: s.leaver.id,
      },
    });
    const vardbitrade = await createStaff(db, s.vc.id, "207023", { legitimations: "" });
    const before = await domainState(db);
    const refused = await run(s, [], {}, { medical: [{ assignmentId: held.id, version: held.version, medicallyResponsibleId: vardbitrade.id }] });
    expect(refused).toEqual({ ok: false, failures: [{ assignmentId: held.id, code: "rules", reasons: [{ code: "medicallyResponsibleNotLakare" }] }] });
    const plain = await createActor(db, s.vc.id, "ADMINISTRATOR", NOW);
    const withoutRight = await run(s, [], {}, {
      actor: { userId: plain.userId, requestId: plain.requestId, grants: new Map([[s.vc.id, plain.grant]]) },
      medical: [{ assignmentId: held.id, version: held.version, medicallyResponsibleId: s.doctor.id }],
    });
    expect(withoutRight).toMatchObject({ ok: false, failures: [{ assignmentId: held.id, code: "notAppointer" }] });
    expect(await domainState(db)).toEqual(before);

    expect(await run(s, [], {}, { medical: [{ assignmentId: held.id, version: held.version, medicallyResponsibleId: s.doctor.id }] })).toMatchObject({
      ok: true,
      cases: 0,
      medical: 1,
    });
    expect(await db.assignment.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({
      staffMemberId: s.nurseB.id,
      medicallyResponsibleStaffId: s.doctor.id,
      version: held.version + 1,
      endedAt: null,
    });
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "assignment.update", entityId: held.id } })).toMatchObject({
      userId: s.admin.userId,
      delegationId: s.admin.delegationId,
      before: JSON.stringify({ medicallyResponsibleStaffId: s.leaver.id, version: held.version }),
    });
  });

  it("hands fasta omsorgskontakter over only by the enhetschef's own role: never on a delegation (SoL, decision 018)", async () => {
    const hemtjanst = await createUnit(db, "HEMTJANST", "Hemtjänsten Omsättning");
    const leaver = await createStaff(db, hemtjanst.id, "207010", { legitimations: "", underskoterskaBevis: true, employmentEndDate: "2026-12-09" });
    const successor = await createStaff(db, hemtjanst.id, "207010", { legitimations: "", underskoterskaBevis: true });
    const patient = await createPatient(db);
    await db.homeCareService.create({ data: { patientId: patient.id, careUnitId: hemtjanst.id, from: "2026-01-01" } });
    const contact = await db.assignment.create({
      data: { kind: "FAST_OMSORGSKONTAKT", patientId: patient.id, staffMemberId: leaver.id, careUnitId: hemtjanst.id, startedAt: new Date("2026-03-01T08:00:00Z"), reviewDueDate: "2027-03-01" },
    });
    const planned = [{ assignmentId: contact.id, version: contact.version, replacementId: successor.id, teamId: null }];
    const order = (actor: BatchActor) =>
      db.$transaction((tx) => reassignInBatch(tx, { leaverId: leaver.id, reason: REASON, reviewDueDate: null, changes: planned }, actor, { now: NOW, newId: randomUUID }));
    const head = await createActor(db, hemtjanst.id, "VERKSAMHETSCHEF", NOW);
    const admin = await createDelegatedActor(db, hemtjanst.id, "ADMINISTRATOR", head.userId, "appoint:fast-omsorgskontakt", NOW);
    expect(await order({ userId: admin.userId, requestId: admin.requestId, grants: new Map([[hemtjanst.id, admin.grant]]) })).toEqual({
      ok: false,
      failures: [{ assignmentId: contact.id, code: "notAppointer", reasons: [{ code: "appointerNotEnhetschef" }] }],
    });
    const chief = await createActor(db, hemtjanst.id, "ENHETSCHEF_HEMTJANST", NOW);
    expect(await order({ userId: chief.userId, requestId: chief.requestId, grants: new Map([[hemtjanst.id, chief.grant]]) })).toMatchObject({ ok: true, cases: 1 });
  });
});
