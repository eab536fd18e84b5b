// All eight processes, from start to every end state, through the executor: the rows the
// machines asked for exist, the rules were enforced, and every step is audited.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { dispatch, startCase, type EventSubmission, type StepActor, type StepResult } from "~/processes/dispatch.server";
import { createActor, createStaff, createUnit } from "../../factories";
import { freshDatabaseEachTest } from "../../setup/setup-test-env";
import { createDelegatedActor } from "../../factories";
import { appoint, notify, region, type Region } from "./scenario";

// Some steps happen days after the case opened (a readiness, a SIP call): the audit chain
// refuses a row dated before its newest (decision 014), so each test starts from the base.
freshDatabaseEachTest();

const now = new Date("2026-11-25T09:00:00Z");
const opts = { db, now };
/** A step taken later: what has happened (a readiness, a call) cannot lie ahead of the step (date plausibility). */
const at = (instant: string) => ({ ...opts, now: new Date(instant) });

function ok(result: StepResult) {
  if (!result.ok) throw new Error(`${result.error}: ${result.message} ${JSON.stringify(result)}`);
  return result;
}

/** Opens a case and sends the steps in order; every step must succeed. */
async function run(
  opening: Parameters<typeof startCase>[0],
  steps: [EventSubmission, StepActor, { db: typeof db; now: Date }?][],
): Promise<{ caseId: string; last: Extract<StepResult, { ok: true }> }> {
  const [first, ...rest] = steps;
  let last = ok(await startCase(opening, first[0], first[1], first[2] ?? opts));
  for (const [event, actor, when] of rest) last = ok(await dispatch(last.caseId, event, actor, when ?? opts));
  return { caseId: last.caseId, last };
}

/** The audit actions for the patient, in order (each test has its own patient). */
const auditActions = async (patientId: string) =>
  (await db.auditEvent.findMany({ where: { patientId }, orderBy: { id: "asc" } })).map((e) => e.action);

const request = (r: Region) => ({ process: "PATIENT_REQUEST", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" as const });

describe("PATIENT_REQUEST (Bilaga 1.1)", () => {
  it("request → appointment by the verksamhetschef → the patient notified", async () => {
    const r = await region(db, now);
    const { caseId, last } = await run(request(r), [
      [{ type: "RECEIVE_REQUEST", channel: "VIA_1177", receivedOn: "2026-11-24", requestText: "Jag vill ha en fast vårdkontakt." }, r.as.nurse],
      [appoint(r.nurse.id, { reviewDueDate: "2027-05-25", directPhoneVisibleToPatient: true }), r.as.chief],
      [notify("VIA_1177"), r.as.nurse],
    ]);
    expect(last).toMatchObject({ status: "CLOSED", state: "closed", outcome: "APPOINTED" });
    const assignment = await db.assignment.findFirstOrThrow({ where: { caseId } });
    expect(assignment).toMatchObject({
      kind: "FAST_VARDKONTAKT",
      staffMemberId: r.nurse.id,
      careUnitId: r.vc.id,
      startedAt: now,
      endedAt: null,
      reviewDueDate: "2027-05-25",
      directPhoneVisibleToPatient: true,
      appointedByUserId: r.as.chief.userId,
    });
    expect(await db.notification.findMany({ where: { caseId } })).toMatchObject([
      { recipient: "PATIENT", status: "DONE", channel: "VIA_1177", assignmentId: assignment.id, recordedByUserId: r.as.nurse.userId },
    ]);
    expect(await auditActions(r.patient.id)).toEqual([
      "case.start",
      "case.step",
      "assignment.create",
      "notification.queue",
      "case.step",
      "notification.record",
    ]);
  });

  it("appoints another fixed contact (kontaktsjuksköterska) with its role and what to contact about", async () => {
    const r = await region(db, now);
    const opening = { ...request(r), contactKind: "ANNAN_FAST_KONTAKT" as const };
    const first: [EventSubmission, StepActor] = [{ type: "RECEIVE_REQUEST", channel: "PHONE", receivedOn: "2026-11-25" }, r.as.nurse];
    const { caseId } = await run(opening, [first]);
    expect(await dispatch(caseId, appoint(r.nurse.id), r.as.chief, opts)).toMatchObject({
      ok: false,
      reasons: [{ code: "roleTitleRequired" }, { code: "contactAboutRequired" }],
    });
    ok(await dispatch(caseId, appoint(r.nurse.id, { roleTitle: "Kontaktsjuksköterska", contactAbout: "Frågor om behandlingen" }), r.as.chief, opts));
    expect(await db.assignment.findFirstOrThrow({ where: { caseId } })).toMatchObject({
      kind: "ANNAN_FAST_KONTAKT",
      roleTitle: "Kontaktsjuksköterska",
      contactAbout: "Frågor om behandlingen",
    });
  });

  it("offers no refusal and no closing for lack of need (PL 6 kap. 2 §)", async () => {
    const r = await region(db, now);
    const { caseId } = await run(request(r), [[{ type: "RECEIVE_REQUEST", channel: "PHONE", receivedOn: "2026-11-25" }, r.as.nurse]]);
    for (const event of [
      { type: "PATIENT_DECLINED", declinedOn: "2026-11-25" },
      { type: "CANCEL", reason: "Ångrade sig" },
    ]) {
      expect(await dispatch(caseId, event, r.as.chief, opts)).toMatchObject({ ok: false, error: "notAccepted" });
    }
  });
});

describe("ASSESSMENT (Bilaga 1.2)", () => {
  const opening = (r: Region) => ({ process: "ASSESSMENT", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" as const });
  const visit = (r: Region): [EventSubmission, StepActor] => [{ type: "REGISTER_VISIT", visitDate: "2026-11-25" }, r.as.doctor];

  it("no need: closed with the reason", async () => {
    const r = await region(db, now);
    const { last } = await run(opening(r), [visit(r), [{ type: "ASSESS", needed: "no", reason: "Få vårdkontakter." }, r.as.doctor]]);
    expect(last).toMatchObject({ status: "CLOSED", outcome: "NO_NEED" });
  });

  it("the patient declines: the refusal is documented and no contact appointed", async () => {
    const r = await region(db, now);
    const { caseId, last } = await run(opening(r), [
      visit(r),
      [{ type: "ASSESS", needed: "yes" }, r.as.doctor],
      [{ type: "INFORM_PATIENT", informedOn: "2026-11-25" }, r.as.nurse],
      [{ type: "PATIENT_DECLINED", declinedOn: "2026-11-25", comment: "Vill inte just nu." }, r.as.nurse],
    ]);
    expect(last).toMatchObject({ status: "CLOSED", outcome: "DECLINED" });
    expect(await db.refusal.findMany({ where: { caseId } })).toMatchObject([
      { kind: "FAST_VARDKONTAKT", careUnitId: r.vc.id, declinedOn: "2026-11-25", recordedByUserId: r.as.nurse.userId },
    ]);
    expect(await db.assignment.count({ where: { patientId: r.patient.id } })).toBe(0);
  });

  it("the patient accepts: appointed and notified", async () => {
    const r = await region(db, now);
    const { last } = await run(opening(r), [
      visit(r),
      [{ type: "ASSESS", needed: "yes" }, r.as.doctor],
      [{ type: "INFORM_PATIENT", informedOn: "2026-11-25" }, r.as.nurse],
      [{ type: "PATIENT_ACCEPTED", acceptedOn: "2026-11-25" }, r.as.nurse],
      [appoint(r.secondNurse.id), r.as.chief],
      [notify("LETTER"), r.as.nurse],
    ]);
    expect(last).toMatchObject({ status: "CLOSED", outcome: "APPOINTED" });
  });

  it("can be closed with a reason before anything is appointed", async () => {
    const r = await region(db, now);
    const { last } = await run(opening(r), [visit(r), [{ type: "CANCEL", reason: "Patienten har flyttat." }, r.as.nurse]]);
    expect(last).toMatchObject({ status: "CLOSED", outcome: "CANCELLED" });
  });
});

describe("DISCHARGE_REFERRAL (Bilaga 1.3, lag 2017:612)", () => {
  const opening = (r: Region) => ({ process: "DISCHARGE_REFERRAL", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" as const });
  const admitted = (r: Region): [EventSubmission, StepActor] => [
    { type: "REGISTER_ADMISSION", admittedAt: "2026-11-25T08:00", expectedDischargeDate: "2026-11-30" },
    r.as.wardNurse,
  ];

  it("ward sends the inskrivningsmeddelande, the vårdcentral appoints before discharge, SIP is called in time", async () => {
    const r = await region(db, now);
    const { caseId } = await run(opening(r), [admitted(r)]);
    // 08:00 Stockholm = 07:00 UTC; the message is due 24 hours later.
    expect(await db.processCase.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({
      careUnitId: r.ward.id,
      referralDueAt: new Date("2026-11-26T07:00:00Z"),
      deadlineAt: new Date("2026-11-26T07:00:00Z"),
      deadlineKind: "SEND_REFERRAL",
    });
    ok(await dispatch(caseId, { type: "ASSESS", needed: "yes" }, r.as.wardNurse, opts));
    ok(await dispatch(caseId, { type: "INFORM_PATIENT", informedOn: "2026-11-25" }, r.as.wardNurse, opts));
    // Only to the regionally financed open care, never to the ward itself.
    expect(await dispatch(caseId, { type: "SEND_REFERRAL", toUnitId: r.ward.id, expectedDischargeDate: "2026-11-30" }, r.as.wardNurse, opts)).toMatchObject({
      ok: false,
      reasons: [{ code: "referralToSameUnit" }, { code: "referralReceiverNotOpenCare" }],
    });
    ok(await dispatch(caseId, { type: "SEND_REFERRAL", toUnitId: r.vc.id, expectedDischargeDate: "2026-11-30" }, r.as.wardNurse, opts));
    const referral = await db.dischargeReferral.findFirstOrThrow({ where: { caseId } });
    expect(referral).toMatchObject({
      fromUnitId: r.ward.id,
      toUnitId: r.vc.id,
      patientIdentifier: r.patient.identifier,
      patientAddress: "Lillgatan 2, 111 12 Norrsjö",
      expectedDischargeDate: "2026-11-30",
      admittedAt: new Date("2026-11-25T07:00:00Z"),
    });
    expect(await db.processCase.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({
      careUnitId: r.vc.id,
      referralDueAt: null,
      appointmentDueAt: new Date("2026-11-29T23:00:00Z"),
      deadlineKind: "APPOINT_BEFORE_DISCHARGE",
    });
    // The ward can no longer act for the vårdcentral.
    expect(await dispatch(caseId, { type: "RECEIVE_REFERRAL" }, r.as.wardNurse, opts)).toMatchObject({ error: "forbidden" });
    ok(await dispatch(caseId, { type: "RECEIVE_REFERRAL" }, r.as.nurse, opts));
    ok(await dispatch(caseId, { type: "UPDATE_DISCHARGE_DATE", expectedDischargeDate: "2026-12-01" }, r.as.wardNurse, opts));
    ok(await dispatch(caseId, appoint(r.nurse.id), r.as.chief, opts));
    ok(await dispatch(caseId, notify("VIA_1177"), r.as.nurse, opts));
    const waiting = ok(await dispatch(caseId, { type: "MARK_READY_FOR_DISCHARGE", readyAt: "2026-11-27T10:00", sipRequired: true }, r.as.wardNurse, at("2026-11-27T09:00:00Z")));
    expect(waiting).toMatchObject({ state: "awaitingSipCall", status: "OPEN" });
    expect(await db.processCase.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({
      appointmentDueAt: null,
      sipCallDueAt: new Date("2026-11-30T09:00:00Z"),
      deadlineKind: "CALL_SIP",
    });
    const closed = ok(await dispatch(caseId, { type: "CALL_SIP", calledOn: "2026-11-28", sipDate: "2026-12-02" }, r.as.nurse, at("2026-11-28T09:00:00Z")));
    expect(closed).toMatchObject({ status: "CLOSED", outcome: "APPOINTED" });
    expect(await db.processCase.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ deadlineAt: null, sipCallDueAt: null });
    expect(await db.dischargeReferral.findUniqueOrThrow({ where: { id: referral.id } })).toMatchObject({
      expectedDischargeDate: "2026-12-01",
      receivedByUserId: r.as.nurse.userId,
      readyForDischargeAt: new Date("2026-11-27T09:00:00Z"),
    });
  });

  it("only the slutenvård opens a discharge case: a vårdcentral is refused by the rule, and nothing is written", async () => {
    const r = await region(db, now);
    const cases = await db.processCase.count();
    for (const actor of [r.as.nurse, r.as.chief]) {
      expect(await startCase(opening(r), admitted(r)[0], actor, opts)).toMatchObject({
        ok: false,
        error: "rules",
        reasons: [{ code: "referralSenderNotInpatientCare" }],
      });
    }
    expect(await db.processCase.count()).toBe(cases);
    expect(await db.auditEvent.count({ where: { patientId: r.patient.id } })).toBe(0);
  });

  it("refuses open care that the region does not finance, and writes nothing", async () => {
    const r = await region(db, now);
    const privateClinic = await createUnit(db, "REGIONAL_PRIMARVARD", "Privatkliniken Test");
    await db.careUnit.update({ where: { id: privateClinic.id }, data: { regionallyFinanced: false } });
    const { caseId } = await run(opening(r), [
      admitted(r),
      [{ type: "ASSESS", needed: "yes" }, r.as.wardNurse],
      [{ type: "INFORM_PATIENT", informedOn: "2026-11-25" }, r.as.wardNurse],
    ]);
    const refused = await dispatch(caseId, { type: "SEND_REFERRAL", toUnitId: privateClinic.id, expectedDischargeDate: "2026-11-30" }, r.as.wardNurse, opts);
    expect(refused).toMatchObject({ ok: false, error: "rules", reasons: [{ code: "referralReceiverNotRegionallyFinanced" }] });
    expect(refused.ok ? "" : refused.message).toContain("finansieras inte av regionen");
    expect(await db.dischargeReferral.count({ where: { caseId } })).toBe(0);
    expect(await db.processCase.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ state: "awaitingReferral", careUnitId: r.ward.id });
    // The same clinic, once regionally financed (vårdval), may receive it.
    await db.careUnit.update({ where: { id: privateClinic.id }, data: { regionallyFinanced: true } });
    ok(await dispatch(caseId, { type: "SEND_REFERRAL", toUnitId: privateClinic.id, expectedDischargeDate: "2026-11-30" }, r.as.wardNurse, opts));
  });

  it("ready for discharge before the appointment: the SIP deadline is set at once; the case can close if discharge is called off", async () => {
    const r = await region(db, now);
    const later = at("2026-11-26T11:00:00Z");
    const { caseId } = await run(opening(r), [
      admitted(r),
      [{ type: "ASSESS", needed: "yes" }, r.as.wardNurse],
      [{ type: "INFORM_PATIENT", informedOn: "2026-11-25" }, r.as.wardNurse],
      [{ type: "SEND_REFERRAL", toUnitId: r.vc.id, expectedDischargeDate: "2026-11-30" }, r.as.wardNurse],
      [{ type: "MARK_READY_FOR_DISCHARGE", readyAt: "2026-11-26T12:00", sipRequired: "on" }, r.as.wardNurse, later],
    ]);
    expect(await db.processCase.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({
      state: "awaitingReceipt",
      sipCallDueAt: new Date("2026-11-29T11:00:00Z"),
      appointmentDueAt: new Date("2026-11-29T23:00:00Z"),
      // The earlier of the two open deadlines sorts the worklist.
      deadlineAt: new Date("2026-11-29T11:00:00Z"),
      deadlineKind: "CALL_SIP",
    });
    ok(await dispatch(caseId, { type: "RECEIVE_REFERRAL" }, r.as.nurse, later));
    ok(await dispatch(caseId, appoint(r.nurse.id), r.as.chief, later));
    const sip = ok(await dispatch(caseId, notify(), r.as.nurse, later));
    expect(sip).toMatchObject({ state: "awaitingSipCall" });
    const closed = ok(await dispatch(caseId, { type: "CANCEL", reason: "Patienten avled före utskrivningen." }, r.as.nurse, later));
    expect(closed).toMatchObject({ status: "CLOSED", outcome: "APPOINTED" });
    expect(await db.processCase.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ deadlineAt: null, sipCallDueAt: null });
  });

  it("the patient declines at the ward: refusal documented, nothing sent", async () => {
    const r = await region(db, now);
    const { caseId, last } = await run(opening(r), [
      admitted(r),
      [{ type: "ASSESS", needed: "yes" }, r.as.wardNurse],
      [{ type: "INFORM_PATIENT", informedOn: "2026-11-25" }, r.as.wardNurse],
      [{ type: "PATIENT_DECLINED", declinedOn: "2026-11-25" }, r.as.wardNurse],
    ]);
    expect(last).toMatchObject({ status: "CLOSED", outcome: "DECLINED" });
    expect(await db.refusal.count({ where: { caseId, careUnitId: r.ward.id } })).toBe(1);
    expect(await db.dischargeReferral.count({ where: { caseId } })).toBe(0);
  });

  it("no need for primary care after discharge", async () => {
    const r = await region(db, now);
    const { last } = await run(opening(r), [admitted(r), [{ type: "ASSESS", needed: "no", reason: "Inga insatser behövs." }, r.as.wardNurse]]);
    expect(last).toMatchObject({ status: "CLOSED", outcome: "NO_NEED" });
  });

  it("the patient already has a fast vårdkontakt at the receiving unit; discharge without SIP closes the case", async () => {
    const r = await region(db, now);
    const existing = await db.assignment.create({
      data: { kind: "FAST_VARDKONTAKT", patientId: r.patient.id, staffMemberId: r.nurse.id, careUnitId: r.vc.id, startedAt: new Date("2026-01-01") },
    });
    const { caseId } = await run(opening(r), [
      admitted(r),
      [{ type: "ASSESS", needed: "yes" }, r.as.wardNurse],
      [{ type: "INFORM_PATIENT", informedOn: "2026-11-25" }, r.as.wardNurse],
      [{ type: "SEND_REFERRAL", toUnitId: r.vc.id, expectedDischargeDate: "2026-11-30" }, r.as.wardNurse],
      [{ type: "RECEIVE_REFERRAL" }, r.as.nurse],
      [{ type: "CONFIRM_EXISTING_CONTACT" }, r.as.nurse],
      // The patient is still told who the fast vårdkontakt is.
      [notify("VIA_1177"), r.as.nurse],
    ]);
    const done = ok(await dispatch(caseId, { type: "MARK_READY_FOR_DISCHARGE", readyAt: "2026-11-29T10:00" }, r.as.wardNurse, at("2026-11-29T09:00:00Z")));
    expect(done).toMatchObject({ status: "CLOSED", outcome: "EXISTING_CONTACT" });
    expect(JSON.parse((await db.processCase.findUniqueOrThrow({ where: { id: caseId } })).snapshot).context.assignmentId).toBe(existing.id);
  });
});

describe("LIFE_THREATENING (Bilaga 1.4, SOSFS 2011:7)", () => {
  it("a legitimerad läkare is appointed; patient and relatives are told personally", async () => {
    const r = await region(db, now);
    const { caseId } = await run({ process: "LIFE_THREATENING", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" }, [
      [{ type: "ASSESS_LIFE_THREATENING", informRelatives: true }, r.as.doctor],
    ]);
    expect(await dispatch(caseId, appoint(r.nurse.id), r.as.chief, opts)).toMatchObject({ reasons: [{ code: "notLegitimeradLakare" }] });
    ok(await dispatch(caseId, appoint(r.doctor.id), r.as.chief, opts));
    expect(await dispatch(caseId, notify("VIA_1177"), r.as.doctor, opts)).toMatchObject({
      reasons: [{ code: "patientNotToldPersonally" }, { code: "relativesNotNotified" }],
    });
    const done = ok(await dispatch(caseId, notify("IN_PERSON", { relativeChannel: "PHONE", relativeNotifiedOn: "2026-11-25" }), r.as.doctor, opts));
    expect(done).toMatchObject({ status: "CLOSED", outcome: "APPOINTED" });
    expect(await db.assignment.findFirstOrThrow({ where: { caseId } })).toMatchObject({ lifeThreatening: true, staffMemberId: r.doctor.id });
    expect(await db.notification.findMany({ where: { caseId }, orderBy: { recipient: "asc" } })).toMatchObject([
      { recipient: "PATIENT", status: "DONE", channel: "IN_PERSON" },
      { recipient: "RELATIVE", status: "DONE", channel: "PHONE" },
    ]);
  });

  it("in kommunal primärvård a sjuksköterska may be the fast vårdkontakt (SOSFS 2011:7 binds the region's care only)", async () => {
    const r = await region(db, now);
    const kommunal = await createUnit(db, "KOMMUNAL_PRIMARVARD", "Kommunal hemsjukvård Test");
    await db.careEpisode.create({ data: { patientId: r.patient.id, careUnitId: kommunal.id, kind: "OUTPATIENT", startedAt: now } });
    const distriktsskoterska = await createStaff(db, kommunal.id, "206011");
    const as = {
      doctor: await createActor(db, kommunal.id, "LAKARE", now),
      chief: await createActor(db, kommunal.id, "VERKSAMHETSCHEF", now),
      nurse: await createActor(db, kommunal.id, "VARDPERSONAL", now),
    };
    const { caseId } = await run({ process: "LIFE_THREATENING", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" }, [
      [{ type: "ASSESS_LIFE_THREATENING" }, as.doctor],
      [appoint(distriktsskoterska.id), as.chief],
    ]);
    const done = ok(await dispatch(caseId, notify("IN_PERSON"), as.nurse, opts));
    expect(done).toMatchObject({ status: "CLOSED", outcome: "APPOINTED" });
    expect(await db.assignment.findFirstOrThrow({ where: { caseId } })).toMatchObject({
      lifeThreatening: true,
      staffMemberId: distriktsskoterska.id,
      careUnitId: kommunal.id,
    });
  });

  it("only a läkare may judge the condition life-threatening", async () => {
    const r = await region(db, now);
    const result = await startCase(
      { process: "LIFE_THREATENING", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" },
      { type: "ASSESS_LIFE_THREATENING" },
      r.as.nurse,
      opts,
    );
    expect(result).toMatchObject({ ok: false, error: "forbidden" });
  });
});

describe("CHANGE (Bilaga 1.5)", () => {
  async function withContact(r: Region, data: { lifeThreatening?: boolean; staffMemberId?: string } = {}) {
    return db.assignment.create({
      data: {
        kind: "FAST_VARDKONTAKT",
        patientId: r.patient.id,
        staffMemberId: data.staffMemberId ?? r.nurse.id,
        careUnitId: r.vc.id,
        startedAt: new Date("2026-01-01"),
        lifeThreatening: data.lifeThreatening ?? false,
      },
    });
  }

  it("the old contact ends and the replacement starts at the same instant; patient and relatives told", async () => {
    const r = await region(db, now);
    const old = await withContact(r);
    const { caseId } = await run({ process: "CHANGE", patientId: r.patient.id, subjectId: old.id }, [
      [{ type: "REQUEST_CHANGE", reason: "Slutar sin anställning.", informRelatives: true }, r.as.chief],
    ]);
    expect(await dispatch(caseId, appoint(r.nurse.id), r.as.chief, opts)).toMatchObject({ reasons: [{ code: "replacementIsSamePerson" }] });
    ok(await dispatch(caseId, appoint(r.secondNurse.id), r.as.chief, opts));
    const ended = await db.assignment.findUniqueOrThrow({ where: { id: old.id } });
    const replacement = await db.assignment.findFirstOrThrow({ where: { replacesId: old.id } });
    expect(ended).toMatchObject({ endedAt: now, endReason: "Slutar sin anställning.", version: 1 });
    expect(replacement).toMatchObject({ startedAt: now, endedAt: null, staffMemberId: r.secondNurse.id, caseId });
    expect(await db.notification.count({ where: { caseId, status: "QUEUED" } })).toBe(2);
    // Bilaga 1.5: personal information for a fast vårdkontakt.
    expect(await dispatch(caseId, notify("LETTER", { relativeChannel: "LETTER", relativeNotifiedOn: "2026-11-25" }), r.as.nurse, opts)).toMatchObject({
      reasons: [{ code: "patientNotToldPersonally" }, { code: "relativesNotToldPersonally" }],
    });
    const done = ok(await dispatch(caseId, notify("PHONE", { relativeChannel: "PHONE", relativeNotifiedOn: "2026-11-25" }), r.as.nurse, opts));
    expect(done).toMatchObject({ status: "CLOSED", outcome: "CHANGED" });
    expect(await auditActions(r.patient.id)).toEqual([
      "case.start",
      "case.step",
      "assignment.end",
      "assignment.create",
      "notification.queue",
      "notification.queue",
      "case.step",
      "notification.record",
      "notification.record",
    ]);
  });

  it("a life-threatening contact keeps a läkare; the administrator carries out the change only on a delegation", async () => {
    const r = await region(db, now);
    const old = await withContact(r, { lifeThreatening: true, staffMemberId: r.doctor.id });
    const { caseId } = await run({ process: "CHANGE", patientId: r.patient.id, subjectId: old.id }, [
      [{ type: "REQUEST_CHANGE", reason: "Personalomsättning." }, r.as.admin],
    ]);
    // PL 6 kap. 2 §, HSF 4 kap. 1–2 §§ (decision 018): preparing is not appointing.
    const before = await db.assignment.count();
    expect(await dispatch(caseId, appoint(r.otherDoctor.id), r.as.admin, opts)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await db.assignment.count()).toBe(before);
    expect(await dispatch(caseId, appoint(r.nurse.id), r.as.delegatedAdmin, opts)).toMatchObject({ reasons: [{ code: "notLegitimeradLakare" }] });
    ok(await dispatch(caseId, appoint(r.otherDoctor.id), r.as.delegatedAdmin, opts));
    const created = await db.assignment.findFirstOrThrow({ where: { replacesId: old.id } });
    expect(created).toMatchObject({ lifeThreatening: true, staffMemberId: r.otherDoctor.id, appointedByUserId: r.as.delegatedAdmin.userId });
    // The audit names the administrator, the role used and the delegation (SPEC §2).
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "assignment.create", entityId: created.id } })).toMatchObject({
      userId: r.as.delegatedAdmin.userId,
      roleCode: "ADMINISTRATOR",
      delegationId: r.as.delegatedAdmin.delegationId,
    });
  });

  it("keeps the replaced contact's review date, even one already due, unless a new one is given", async () => {
    const r = await region(db, now);
    const overdue = await db.assignment.create({
      data: { kind: "FAST_VARDKONTAKT", patientId: r.patient.id, staffMemberId: r.nurse.id, careUnitId: r.vc.id, startedAt: new Date("2025-01-01"), reviewDueDate: "2026-10-01" },
    });
    const { caseId } = await run({ process: "CHANGE", patientId: r.patient.id, subjectId: overdue.id }, [[{ type: "REQUEST_CHANGE", reason: "Slutar." }, r.as.admin]]);
    // A date the user enters must lie ahead.
    expect(await dispatch(caseId, { type: "APPOINT", staffMemberId: r.secondNurse.id, reviewDueDate: "2026-11-25" }, r.as.chief, opts)).toMatchObject({
      error: "invalid",
      fieldErrors: { reviewDueDate: "Omprövningsdatumet ska ligga efter i dag." },
    });
    ok(await dispatch(caseId, { type: "APPOINT", staffMemberId: r.secondNurse.id }, r.as.chief, opts));
    expect(await db.assignment.findFirstOrThrow({ where: { replacesId: overdue.id } })).toMatchObject({ reviewDueDate: "2026-10-01" });
  });

  it("fails cleanly when the contact was ended meanwhile, and can be withdrawn", async () => {
    const r = await region(db, now);
    const old = await withContact(r);
    const { caseId } = await run({ process: "CHANGE", patientId: r.patient.id, subjectId: old.id }, [
      [{ type: "REQUEST_CHANGE", reason: "Byte." }, r.as.chief],
    ]);
    await db.assignment.update({ where: { id: old.id }, data: { endedAt: now } });
    expect(await dispatch(caseId, appoint(r.secondNurse.id), r.as.chief, opts)).toMatchObject({ reasons: [{ code: "replacedNotActive" }] });
    const withdrawn = ok(await dispatch(caseId, { type: "CANCEL", reason: "Kontakten är redan avslutad." }, r.as.chief, opts));
    expect(withdrawn).toMatchObject({ status: "CLOSED", outcome: "CANCELLED" });
  });

  it("works for a fast omsorgskontakt in hemtjänsten", async () => {
    const r = await region(db, now);
    const second = await db.staffMember.create({
      data: {
        hsaId: `SE2321000016-US${Date.now()}`,
        firstName: "Ny",
        lastName: "Undersköterska",
        befattningCode: "207010",
        permanentUnderskoterskaFrom: "2015-03-01",
        permanentUnderskoterskaOnTitleDay: true,
        employments: { create: { careUnitId: r.homeCare.id, from: "2015-03-01" } },
      },
    });
    const old = await db.assignment.create({
      data: { kind: "FAST_OMSORGSKONTAKT", patientId: r.patient.id, staffMemberId: r.underskoterska.id, careUnitId: r.homeCare.id, startedAt: new Date("2026-02-01") },
    });
    const { last } = await run({ process: "CHANGE", patientId: r.patient.id, subjectId: old.id }, [
      [{ type: "REQUEST_CHANGE", reason: "Föräldraledig." }, r.as.homeCareChief],
      [appoint(second.id), r.as.homeCareChief],
      [notify("VIA_1177"), r.as.homeCareChief],
    ]);
    expect(last).toMatchObject({ status: "CLOSED", outcome: "CHANGED" });
  });
});

describe("ENDING (Bilaga 1.6)", () => {
  const contact = (r: Region) =>
    db.assignment.create({
      data: { kind: "FAST_VARDKONTAKT", patientId: r.patient.id, staffMemberId: r.nurse.id, careUnitId: r.vc.id, startedAt: new Date("2026-01-01"), reviewDueDate: "2026-11-01" },
    });

  it("the need remains: a new review date, the contact stays", async () => {
    const r = await region(db, now);
    const a = await contact(r);
    const { last } = await run({ process: "ENDING", patientId: r.patient.id, subjectId: a.id }, [
      [{ type: "REVIEW", needRemains: "yes", nextReviewDate: "2027-05-01" }, r.as.nurse],
    ]);
    expect(last).toMatchObject({ status: "CLOSED", outcome: "NEED_REMAINS" });
    expect(await db.assignment.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ endedAt: null, reviewDueDate: "2027-05-01" });
  });

  it("no remaining need: ended, no longer active, the patient informed", async () => {
    const r = await region(db, now);
    const a = await contact(r);
    const { caseId } = await run({ process: "ENDING", patientId: r.patient.id, subjectId: a.id }, [
      [{ type: "REVIEW", needRemains: "no", note: "Behandlingen är avslutad." }, r.as.nurse],
    ]);
    // Vårdpersonal documents the review; ending the contact is the verksamhetschef's.
    expect(await dispatch(caseId, { type: "END", reason: "Behovet finns inte längre." }, r.as.nurse, opts)).toMatchObject({ error: "forbidden" });
    ok(await dispatch(caseId, { type: "END", reason: "Behovet finns inte längre." }, r.as.chief, opts));
    expect(await db.assignment.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ endedAt: now, endReason: "Behovet finns inte längre." });
    // An ended contact disappears from 1177, so the patient is told directly.
    expect(await dispatch(caseId, notify("VIA_1177"), r.as.nurse, opts)).toMatchObject({ reasons: [{ code: "patientNotToldDirectly" }] });
    const done = ok(await dispatch(caseId, notify("LETTER"), r.as.nurse, opts));
    expect(done).toMatchObject({ status: "CLOSED", outcome: "ENDED" });
  });

  it("refuses to review a contact of another unit", async () => {
    const r = await region(db, now);
    const a = await contact(r);
    const result = await startCase({ process: "ENDING", patientId: r.patient.id, subjectId: a.id }, { type: "REVIEW", needRemains: "no" }, r.as.wardNurse, opts);
    expect(result).toMatchObject({ ok: false });
    expect(await db.processCase.count({ where: { patientId: r.patient.id } })).toBe(0);
  });
});

describe("HOME_CARE_CONTACT (seed §4, SoL)", () => {
  const opening = (r: Region) => ({ process: "HOME_CARE_CONTACT", patientId: r.patient.id, subjectId: r.homeCareService.id });

  it("obviously unnecessary: the reason is recorded on the hemtjänst", async () => {
    const r = await region(db, now);
    const { last } = await run(opening(r), [[{ type: "RECORD_NOT_NEEDED", reason: "Insatsen är tillfällig, två veckor." }, r.as.homeCareChief]]);
    expect(last).toMatchObject({ status: "CLOSED", outcome: "NOT_NEEDED" });
    expect(await db.homeCareService.findUniqueOrThrow({ where: { id: r.homeCareService.id } })).toMatchObject({
      contactNotNeededReason: "Insatsen är tillfällig, två veckor.",
      contactNotNeededByUserId: r.as.homeCareChief.userId,
    });
  });

  it("declined: the refusal is documented", async () => {
    const r = await region(db, now);
    const { last } = await run(opening(r), [
      [{ type: "OFFER_CONTACT", offeredOn: "2026-11-25" }, r.as.homeCareChief],
      [{ type: "PATIENT_DECLINED", declinedOn: "2026-11-25" }, r.as.homeCareChief],
    ]);
    expect(last).toMatchObject({ outcome: "DECLINED" });
    expect(await db.refusal.count({ where: { patientId: r.patient.id, kind: "FAST_OMSORGSKONTAKT" } })).toBe(1);
  });

  it("accepted: an undersköterska of the executing unit is appointed (a nurse of the vårdcentral is not)", async () => {
    const r = await region(db, now);
    const { caseId } = await run(opening(r), [
      [{ type: "OFFER_CONTACT", offeredOn: "2026-11-25" }, r.as.homeCareChief],
      [{ type: "PATIENT_ACCEPTED", acceptedOn: "2026-11-25" }, r.as.homeCareChief],
    ]);
    expect(await dispatch(caseId, appoint(r.nurse.id), r.as.homeCareChief, opts)).toMatchObject({
      reasons: [{ code: "notEmployedAtUnit" }, { code: "notUnderskoterska" }],
    });
    ok(await dispatch(caseId, appoint(r.underskoterska.id), r.as.homeCareChief, opts));
    const done = ok(await dispatch(caseId, notify("IN_PERSON"), r.as.homeCareChief, opts));
    expect(done).toMatchObject({ status: "CLOSED", outcome: "APPOINTED" });
    expect(await db.assignment.findFirstOrThrow({ where: { caseId } })).toMatchObject({ kind: "FAST_OMSORGSKONTAKT", careUnitId: r.homeCare.id });
  });
});

describe("DOCTOR_CHOICE (seed §2)", () => {
  const choice = (r: Region): [EventSubmission, StepActor] => [{ type: "RECEIVE_CHOICE", channel: "VIA_1177", requestedStaffMemberId: r.doctor.id }, r.as.nurse];
  const opening = (r: Region) => ({ process: "DOCTOR_CHOICE", patientId: r.patient.id, contactKind: "FAST_LAKARKONTAKT" as const });

  it("the chosen allmänläkare is appointed; a later choice ends the earlier one at the same instant", async () => {
    const r = await region(db, now);
    const first = await run(opening(r), [choice(r), [appoint(r.doctor.id), r.as.chief]]);
    expect(first.last).toMatchObject({ status: "CLOSED", outcome: "APPOINTED" });
    const earlier = await db.assignment.findFirstOrThrow({ where: { caseId: first.caseId } });
    const second = await run(opening(r), [choice(r)]);
    expect(await dispatch(second.caseId, appoint(r.nurse.id), r.as.chief, opts)).toMatchObject({ reasons: [{ code: "notLegitimeradLakare" }] });
    ok(await dispatch(second.caseId, appoint(r.otherDoctor.id), r.as.chief, opts));
    expect(await db.assignment.findUniqueOrThrow({ where: { id: earlier.id } })).toMatchObject({ endedAt: now });
    expect(await db.assignment.findMany({ where: { patientId: r.patient.id, kind: "FAST_LAKARKONTAKT", endedAt: null } })).toMatchObject([
      { staffMemberId: r.otherDoctor.id, replacesId: earlier.id },
    ]);
  });

  it("a delegate of the verksamhetschef records the choice; a user without delegation may not (decision 018)", async () => {
    const r = await region(db, now);
    const delegate = await createDelegatedActor(db, r.vc.id, "VARDPERSONAL", r.as.chief.userId, "appoint:fast-lakarkontakt", now);
    const { caseId } = await run(opening(r), [choice(r)]);
    expect(await dispatch(caseId, appoint(r.doctor.id), r.as.nurse, opts)).toMatchObject({ ok: false, error: "forbidden" });
    ok(await dispatch(caseId, appoint(r.doctor.id), delegate, opts));
    const created = await db.assignment.findFirstOrThrow({ where: { caseId, kind: "FAST_LAKARKONTAKT" } });
    expect(created).toMatchObject({ staffMemberId: r.doctor.id, appointedByUserId: delegate.userId });
    expect(await db.auditEvent.findFirstOrThrow({ where: { action: "assignment.create", entityId: created.id } })).toMatchObject({
      roleCode: "VARDPERSONAL",
      delegationId: delegate.delegationId,
    });
  });

  it("only where the patient is listed", async () => {
    const r = await region(db, now);
    const { caseId } = await run(opening(r), [choice(r)]);
    // The patient moved the listing to another unit after choosing.
    await db.listing.updateMany({ where: { patientId: r.patient.id }, data: { to: "2026-11-24" } });
    expect(await dispatch(caseId, appoint(r.doctor.id), r.as.chief, opts)).toMatchObject({ reasons: [{ code: "patientNotListed" }] });
  });
});

describe("closing a case with a reason before anything is appointed", () => {
  const cancel = { type: "CANCEL", reason: "Patienten har flyttat från regionen." };

  it.each([
    ["DISCHARGE_REFERRAL", (r: Region) => ({ process: "DISCHARGE_REFERRAL", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" as const }), (r: Region): [EventSubmission, StepActor] => [{ type: "REGISTER_ADMISSION", admittedAt: "2026-11-25T08:00", expectedDischargeDate: "2026-11-30" }, r.as.wardNurse], (r: Region) => r.as.wardNurse],
    ["LIFE_THREATENING", (r: Region) => ({ process: "LIFE_THREATENING", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" as const }), (r: Region): [EventSubmission, StepActor] => [{ type: "ASSESS_LIFE_THREATENING" }, r.as.doctor], (r: Region) => r.as.doctor],
    ["HOME_CARE_CONTACT", (r: Region) => ({ process: "HOME_CARE_CONTACT", patientId: r.patient.id, subjectId: r.homeCareService.id }), (r: Region): [EventSubmission, StepActor] => [{ type: "OFFER_CONTACT", offeredOn: "2026-11-25" }, r.as.homeCareChief], (r: Region) => r.as.homeCareChief],
    ["DOCTOR_CHOICE", (r: Region) => ({ process: "DOCTOR_CHOICE", patientId: r.patient.id, contactKind: "FAST_LAKARKONTAKT" as const }), (r: Region): [EventSubmission, StepActor] => [{ type: "RECEIVE_CHOICE", channel: "PHONE" }, r.as.nurse], (r: Region) => r.as.nurse],
  ] as const)("%s", async (_process, opening, first, closer) => {
    const r = await region(db, now);
    const { caseId } = await run(opening(r), [first(r)]);
    const closed = ok(await dispatch(caseId, cancel, closer(r), opts));
    expect(closed).toMatchObject({ status: "CLOSED", outcome: "CANCELLED" });
    expect(await db.assignment.count({ where: { patientId: r.patient.id } })).toBe(0);
    expect(await db.processCase.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ deadlineAt: null, closedAt: now });
  });

  it("ENDING: the review is withdrawn and the contact stays", async () => {
    const r = await region(db, now);
    const a = await db.assignment.create({
      data: { kind: "FAST_VARDKONTAKT", patientId: r.patient.id, staffMemberId: r.nurse.id, careUnitId: r.vc.id, startedAt: new Date("2026-01-01") },
    });
    const { caseId } = await run({ process: "ENDING", patientId: r.patient.id, subjectId: a.id }, [[{ type: "REVIEW", needRemains: "no" }, r.as.nurse]]);
    expect(ok(await dispatch(caseId, cancel, r.as.nurse, opts))).toMatchObject({ status: "CLOSED", outcome: "CANCELLED" });
    expect(await db.assignment.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ endedAt: null });
  });
});
