// The worklist queries (issue: deadlines and worklist data): what a unit must do next.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { homeCareWithoutContact, leaversWithAssignments, notificationsDue, openCases, overdueCases, reviewsDue } from "~/models/worklist.server";
import { dispatch, startCase } from "~/processes/dispatch.server";
import { createAssignment, createPatient, createStaff, createUnit } from "../factories";
import { appoint, region } from "./processes/scenario";

const now = new Date("2026-11-25T09:00:00Z");
const today = "2026-11-25";

describe("open cases of a unit", () => {
  it("lists the overdue first, then by deadline, then the oldest without one", async () => {
    const r = await region(db, now);
    const opts = (hoursAgo: number) => ({ db, now: new Date(now.getTime() - hoursAgo * 3_600_000) });
    const request = await startCase(
      { process: "PATIENT_REQUEST", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" },
      { type: "RECEIVE_REQUEST", channel: "PHONE", receivedOn: "2026-11-20" },
      r.as.nurse,
      opts(120),
    );
    const admitted = (at: string, expected: string) => ({ type: "REGISTER_ADMISSION", admittedAt: at, expectedDischargeDate: expected });
    const other = await createPatient(db, { listedAt: r.vc.id });
    await db.careEpisode.create({ data: { patientId: other.id, careUnitId: r.ward.id, kind: "INPATIENT", startedAt: now } });
    // Admitted two days ago: the inskrivningsmeddelande is overdue.
    const late = await startCase({ process: "DISCHARGE_REFERRAL", patientId: other.id, contactKind: "FAST_VARDKONTAKT" }, admitted("2026-11-23T08:00", "2026-11-30"), r.as.wardNurse, opts(48));
    // Admitted an hour ago: due tomorrow.
    const fresh = await startCase({ process: "DISCHARGE_REFERRAL", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" }, admitted("2026-11-25T09:00", "2026-11-30"), r.as.wardNurse, opts(0));
    if (!request.ok || !late.ok || !fresh.ok) throw new Error("setup failed");

    const ward = await openCases(db, r.ward.id, now);
    expect(ward.map((c) => [c.id, c.overdue, c.deadlineKind])).toEqual([
      [late.caseId, true, "SEND_REFERRAL"],
      [fresh.caseId, false, "SEND_REFERRAL"],
    ]);
    expect((await openCases(db, r.vc.id, now)).map((c) => c.id)).toEqual([request.caseId]);
    expect((await overdueCases(db, [r.ward.id, r.vc.id], now)).map((c) => c.id)).toEqual([late.caseId]);
  });

  it("moves a discharge case to the receiving unit's list once sent", async () => {
    const r = await region(db, now);
    const opts = { db, now };
    const started = await startCase(
      { process: "DISCHARGE_REFERRAL", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" },
      { type: "REGISTER_ADMISSION", admittedAt: "2026-11-25T08:00", expectedDischargeDate: "2026-11-30" },
      r.as.wardNurse,
      opts,
    );
    if (!started.ok) throw new Error(started.message);
    await dispatch(started.caseId, { type: "ASSESS", needed: "yes" }, r.as.wardNurse, opts);
    await dispatch(started.caseId, { type: "INFORM_PATIENT", informedOn: today }, r.as.wardNurse, opts);
    await dispatch(started.caseId, { type: "SEND_REFERRAL", toUnitId: r.vc.id, expectedDischargeDate: "2026-11-30" }, r.as.wardNurse, opts);
    expect(await openCases(db, r.ward.id, now)).toEqual([]);
    expect(await openCases(db, r.vc.id, now)).toMatchObject([{ id: started.caseId, state: "awaitingReceipt", deadlineKind: "APPOINT_BEFORE_DISCHARGE" }]);
  });
});

describe("reviews due", () => {
  it("includes today's and earlier review dates (overdue before today), not tomorrow's unless asked", async () => {
    const unit = await createUnit(db);
    const staff = await createStaff(db, unit.id);
    const review = async (date: string) => {
      const patient = await createPatient(db, { listedAt: unit.id });
      const a = await createAssignment(db, { patientId: patient.id, staffMemberId: staff.id, careUnitId: unit.id });
      return db.assignment.update({ where: { id: a.id }, data: { reviewDueDate: date } });
    };
    const yesterday = await review("2026-11-24");
    const dueToday = await review(today);
    const tomorrow = await review("2026-11-26");
    expect((await reviewsDue(db, unit.id, today)).map((a) => [a.id, a.overdue])).toEqual([
      [yesterday.id, true],
      [dueToday.id, false],
    ]);
    expect((await reviewsDue(db, unit.id, today, 1)).map((a) => a.id)).toEqual([yesterday.id, dueToday.id, tomorrow.id]);
  });
});

describe("hemtjänst recipients without a fast omsorgskontakt (SoL 4 kap. 2 b §)", () => {
  it("lists those with neither a contact, a refusal nor a recorded 'obviously unnecessary'", async () => {
    const r = await region(db, now);
    const recipient = async () => {
      const patient = await createPatient(db);
      const service = await db.homeCareService.create({ data: { patientId: patient.id, careUnitId: r.homeCare.id, from: "2026-10-01" } });
      return { patient, service };
    };
    const without = await recipient();
    const withContact = await recipient();
    await db.assignment.create({
      data: { kind: "FAST_OMSORGSKONTAKT", patientId: withContact.patient.id, staffMemberId: r.underskoterska.id, careUnitId: r.homeCare.id, startedAt: now },
    });
    const declined = await recipient();
    await db.refusal.create({
      data: { patientId: declined.patient.id, careUnitId: r.homeCare.id, kind: "FAST_OMSORGSKONTAKT", declinedOn: today, recordedByUserId: r.as.homeCareChief.userId },
    });
    const notNeeded = await recipient();
    await db.homeCareService.update({ where: { id: notNeeded.service.id }, data: { contactNotNeededReason: "Tillfällig insats." } });
    const ended = await recipient();
    await db.homeCareService.update({ where: { id: ended.service.id }, data: { to: "2026-11-24" } });

    const ids = (await homeCareWithoutContact(db, r.homeCare.id, today)).map((h) => h.id);
    // The scenario's own patient has hemtjänst and no contact either.
    expect(ids.sort()).toEqual([r.homeCareService.id, without.service.id].sort());
  });
});

describe("notifications due and staff who are leaving", () => {
  it("lists queued notifications of the unit's cases", async () => {
    const r = await region(db, now);
    const started = await startCase(
      { process: "PATIENT_REQUEST", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" },
      { type: "RECEIVE_REQUEST", channel: "PHONE", receivedOn: today },
      r.as.nurse,
      { db, now },
    );
    if (!started.ok) throw new Error(started.message);
    await dispatch(started.caseId, appoint(r.nurse.id), r.as.chief, { db, now });
    expect(await notificationsDue(db, r.vc.id)).toMatchObject([{ recipient: "PATIENT", caseId: started.caseId, patient: { id: r.patient.id } }]);
    expect(await notificationsDue(db, r.ward.id)).toEqual([]);
  });

  it("lists staff whose last day is within 30 days or past and who still hold contacts", async () => {
    const unit = await createUnit(db);
    const patient = await createPatient(db, { listedAt: unit.id });
    const leaver = async (lastDay: string | null, withContact = true) => {
      const s = await createStaff(db, unit.id);
      await db.staffMember.update({ where: { id: s.id }, data: { employmentEndDate: lastDay } });
      if (withContact) await createAssignment(db, { patientId: patient.id, staffMemberId: s.id, careUnitId: unit.id, kind: "ANNAN_FAST_KONTAKT" });
      return s;
    };
    const left = await leaver("2026-11-20");
    const in30 = await leaver("2026-12-25");
    await leaver("2026-12-26");
    await leaver(null);
    await leaver("2026-12-01", false);
    expect((await leaversWithAssignments(db, [unit.id], today)).map((s) => [s.id, s.activeAssignments])).toEqual([
      [left.id, 1],
      [in30.id, 1],
    ]);
  });
});
