// The executor against a real SQLite file: permissions, rules, revision guard, versions.
import { describe, expect, it } from "vitest";
import { verifyChains } from "~/audit/verify.server";
import { db } from "~/db.server";
import { dispatch, startCase } from "~/processes/dispatch.server";
import { createActor, createStaff, createUnit } from "../../factories";
import { appoint, region } from "./scenario";

const now = new Date("2026-11-25T09:00:00Z");
const opts = { db, now };

async function openRequest(r: Awaited<ReturnType<typeof region>>) {
  const started = await startCase(
    { process: "PATIENT_REQUEST", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" },
    { type: "RECEIVE_REQUEST", channel: "PHONE", receivedOn: "2026-11-25" },
    r.as.nurse,
    opts,
  );
  if (!started.ok) throw new Error(started.message);
  return started.caseId;
}

/** Everything the executor may write, to compare before and after a refused step. */
const footprint = async (caseId: string, patientId: string) => ({
  case: await db.processCase.findUnique({ where: { id: caseId } }),
  assignments: await db.assignment.count({ where: { patientId } }),
  notifications: await db.notification.count({ where: { patientId } }),
  refusals: await db.refusal.count({ where: { patientId } }),
  audit: await db.auditEvent.count({ where: { patientId } }),
});

describe("dispatch", () => {
  it("refuses an event the current state does not accept, and writes nothing", async () => {
    const r = await region(db, now);
    const caseId = await openRequest(r);
    const before = await footprint(caseId, r.patient.id);
    const result = await dispatch(caseId, { type: "NOTIFY", patientChannel: "VIA_1177", patientNotifiedOn: "2026-11-25" }, r.as.nurse, opts);
    expect(result).toMatchObject({ ok: false, error: "notAccepted", state: "awaitingAppointment" });
    expect(!result.ok && result.message).toBe("Steget går inte att göra nu. Ärendet står på ”Fast kontakt ska utses”.");
    expect(await footprint(caseId, r.patient.id)).toEqual(before);
  });

  it("refuses a user without the permission, and a user of another unit", async () => {
    const r = await region(db, now);
    const caseId = await openRequest(r);
    const before = await footprint(caseId, r.patient.id);
    // Vårdpersonal may receive the request but not appoint (PL 6 kap. 2 §: the verksamhetschef).
    expect(await dispatch(caseId, appoint(r.nurse.id), r.as.nurse, opts)).toMatchObject({ ok: false, error: "forbidden" });
    // The ward's verksamhetschef holds the permission, but in another unit.
    expect(await dispatch(caseId, appoint(r.nurse.id), r.as.wardChief, opts)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await footprint(caseId, r.patient.id)).toEqual(before);
  });

  it("lets a delegate appoint, and names the delegation in every audit row of the step", async () => {
    const r = await region(db, now);
    const caseId = await openRequest(r);
    const delegation = await db.delegation.create({
      data: {
        careUnitId: r.vc.id,
        delegatorId: r.as.chief.userId,
        delegateId: r.as.nurse.userId,
        permissionCode: "appoint:fast-vardkontakt",
        validFrom: new Date("2026-01-01"),
      },
    });
    const delegate = await createActorFor(r.as.nurse.userId, r.vc.id);
    const result = await dispatch(caseId, appoint(r.secondNurse.id), delegate, opts);
    expect(result).toMatchObject({ ok: true, state: "awaitingNotification" });
    const rows = await db.auditEvent.findMany({ where: { patientId: r.patient.id, at: now, action: { not: "case.start" } } });
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) expect(row).toMatchObject({ userId: r.as.nurse.userId, delegationId: delegation.id });
  });

  it("refuses an ineligible appointee with the reasons, and writes nothing", async () => {
    const r = await region(db, now);
    const caseId = await openRequest(r);
    const before = await footprint(caseId, r.patient.id);
    const result = await dispatch(caseId, appoint(r.leftNurse.id), r.as.chief, opts);
    expect(result).toMatchObject({ ok: false, error: "rules", reasons: [{ code: "employmentEnded", params: { date: "2026-01-31" } }] });
    expect(await footprint(caseId, r.patient.id)).toEqual(before);
  });

  it("refuses invalid input with a Swedish message per field, and writes nothing", async () => {
    const r = await region(db, now);
    const caseId = await openRequest(r);
    const result = await dispatch(caseId, { type: "APPOINT", staffMemberId: "", reviewDueDate: "2026-13-01" }, r.as.chief, opts);
    expect(result).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { staffMemberId: "Välj en person.", reviewDueDate: "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-11-25." },
    });
    // SPEC §3: every assignment has a review date.
    expect(await dispatch(caseId, { type: "APPOINT", staffMemberId: r.nurse.id }, r.as.chief, opts)).toMatchObject({
      error: "invalid",
      fieldErrors: { reviewDueDate: "Ange när behovet ska omprövas." },
    });
    expect(await db.assignment.count({ where: { patientId: r.patient.id } })).toBe(0);
  });

  it("refuses a step computed from an old revision: someone else moved the case", async () => {
    const r = await region(db, now);
    const caseId = await openRequest(r);
    const result = await dispatch(caseId, appoint(r.nurse.id), r.as.chief, { ...opts, expectedRevision: 0 });
    expect(result).toMatchObject({ ok: false, error: "conflict", message: "Ärendet har ändrats av någon annan. Ladda om sidan och försök igen." });
  });

  it("lets exactly one of two concurrent appointments through, with one audit trail", async () => {
    const r = await region(db, now);
    const caseId = await openRequest(r);
    const { revision } = (await db.processCase.findUniqueOrThrow({ where: { id: caseId } }));
    const results = await Promise.all([
      dispatch(caseId, appoint(r.nurse.id), r.as.chief, { ...opts, expectedRevision: revision }),
      dispatch(caseId, appoint(r.secondNurse.id), r.as.chief, { ...opts, expectedRevision: revision }),
    ]);
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    expect(results.filter((x) => !x.ok)).toMatchObject([{ error: "conflict" }]);
    expect(await db.assignment.count({ where: { patientId: r.patient.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { patientId: r.patient.id, action: "assignment.create" } })).toBe(1);
    expect(await db.processCase.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ revision: revision + 1 });
    // Concurrent steps still link one after the other in the audit chain (decision 014).
    expect(await verifyChains(db)).toMatchObject({ ok: true, broken: null });
  });

  it("refuses a snapshot of a machine version it cannot read, with a clear message", async () => {
    const r = await region(db, now);
    const caseId = await openRequest(r);
    for (const machineVersion of [0, 99]) {
      await db.processCase.update({ where: { id: caseId }, data: { machineVersion } });
      const result = await dispatch(caseId, appoint(r.nurse.id), r.as.chief, opts);
      expect(result).toMatchObject({ ok: false, error: "version" });
      expect(!result.ok && result.message).toMatch(/annan version av processen/);
    }
  });

  it("accepts as medically responsible only a legitimerad läkare in the care giver's health care (seed §3.3), else writes nothing", async () => {
    const r = await region(db, now);
    const caseId = await openRequest(r);
    const vardbitrade = await createStaff(db, r.homeCare.id, "207023", { legitimations: "" });
    // The region's units each belong to a care giver of their own (factories): the ward's läkare works for another.
    const wardDoctor = await createStaff(db, r.ward.id, "201010");
    const before = await footprint(caseId, r.patient.id);
    const refused = await dispatch(caseId, appoint(r.nurse.id, { medicallyResponsibleStaffId: vardbitrade.id }), r.as.chief, opts);
    expect(refused).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: {
        medicallyResponsibleStaffId:
          "Den medicinskt ansvariga ska vara legitimerad läkare. Välj en läkare med legitimation. Den medicinskt ansvariga läkaren ska vara anställd i vårdgivarens hälso- och sjukvård den dagen. Välj en läkare som är anställd på någon av vårdgivarens vårdenheter.",
      },
    });
    expect(await dispatch(caseId, appoint(r.nurse.id, { medicallyResponsibleStaffId: wardDoctor.id }), r.as.chief, opts)).toMatchObject({
      error: "invalid",
      fieldErrors: { medicallyResponsibleStaffId: "Den medicinskt ansvariga läkaren ska vara anställd i vårdgivarens hälso- och sjukvård den dagen. Välj en läkare som är anställd på någon av vårdgivarens vårdenheter." },
    });
    expect(await dispatch(caseId, appoint(r.nurse.id, { medicallyResponsibleStaffId: r.leftNurse.id }), r.as.chief, opts)).toMatchObject({
      error: "invalid",
    });
    expect(await footprint(caseId, r.patient.id)).toEqual(before);
    expect(await dispatch(caseId, appoint(r.nurse.id, { medicallyResponsibleStaffId: r.doctor.id }), r.as.chief, opts)).toMatchObject({ ok: true });
    expect(await db.assignment.findFirstOrThrow({ where: { caseId } })).toMatchObject({ medicallyResponsibleStaffId: r.doctor.id });
  });

  it("refuses to move a closed case, or a case that does not exist", async () => {
    const r = await region(db, now);
    const caseId = await openRequest(r);
    await db.processCase.update({ where: { id: caseId }, data: { status: "CLOSED" } });
    expect(await dispatch(caseId, appoint(r.nurse.id), r.as.chief, opts)).toMatchObject({ ok: false, error: "closed" });
    expect(await dispatch("no-such-case", appoint(r.nurse.id), r.as.chief, opts)).toMatchObject({ ok: false, error: "notFound" });
  });
});

describe("startCase", () => {
  it("does not open a case for a patient unknown at the user's unit (PDL 4 kap. 1 §)", async () => {
    const r = await region(db, now);
    const elsewhere = await createUnit(db, "REGIONAL_PRIMARVARD");
    const stranger = await createActor(db, elsewhere.id, "VARDPERSONAL", now);
    const result = await startCase(
      { process: "PATIENT_REQUEST", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" },
      { type: "RECEIVE_REQUEST", channel: "PHONE", receivedOn: "2026-11-25" },
      stranger,
      opts,
    );
    expect(result).toMatchObject({ ok: false, error: "notFound" });
    expect(await db.processCase.count({ where: { patientId: r.patient.id } })).toBe(0);
  });

  it("opens only with an opening event, only for the process's contact kinds, and once per subject", async () => {
    const r = await region(db, now);
    const request = { process: "PATIENT_REQUEST", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" as const };
    expect(await startCase(request, appoint(r.nurse.id), r.as.chief, opts)).toMatchObject({ ok: false, error: "notAccepted" });
    expect(
      await startCase({ ...request, contactKind: "FAST_LAKARKONTAKT" }, { type: "RECEIVE_REQUEST", channel: "PHONE", receivedOn: "2026-11-25" }, r.as.nurse, opts),
    ).toMatchObject({ ok: false, error: "invalid" });
    await openRequest(r);
    const again = await startCase(request, { type: "RECEIVE_REQUEST", channel: "PHONE", receivedOn: "2026-11-25" }, r.as.nurse, opts);
    expect(again).toMatchObject({ ok: false, error: "rules", reasons: [{ code: "caseAlreadyOpen" }] });
  });

  it("writes the case, its snapshot and a case.start audit row naming who and what", async () => {
    const r = await region(db, now);
    const caseId = await openRequest(r);
    const row = await db.processCase.findUniqueOrThrow({ where: { id: caseId } });
    expect(row).toMatchObject({
      processCode: "PATIENT_REQUEST",
      machineVersion: 1,
      state: "awaitingAppointment",
      status: "OPEN",
      careUnitId: r.vc.id,
      openedByUserId: r.as.nurse.userId,
      revision: 1,
    });
    expect(JSON.parse(row.snapshot)).toMatchObject({ value: "awaitingAppointment", context: { patientId: r.patient.id } });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: caseId } });
    expect(audit).toMatchObject({ action: "case.start", roleCode: "VARDPERSONAL", careUnitId: r.vc.id, requestId: r.as.nurse.requestId });
    expect(JSON.parse(audit.after!)).toMatchObject({ event: "RECEIVE_REQUEST", input: { channel: "PHONE" } });
  });
});

async function createActorFor(userId: string, careUnitId: string) {
  const { loadGrant } = await import("~/auth/actor.server");
  return { userId, requestId: "req-delegate", grant: await loadGrant(db, userId, careUnitId, "VARDPERSONAL", now) };
}
