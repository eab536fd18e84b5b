// The case page's data against a real SQLite file: who sees a case, which forms each user
// gets, the timeline and path from the audit trail, start options and the patient's history.
import { freshDatabaseEachTest } from "../setup/setup-test-env";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { getCasePage, getPatientCaseHistory, getStartPage, isCaseVisible, startOptions } from "~/models/cases.server";
import { dispatch, startCase } from "~/processes/dispatch.server";
import { appoint, notify, region, type Region } from "./processes/scenario";


// Each test writes its history at fixed past times: a fresh database each time (decision 014).
freshDatabaseEachTest();
const now = new Date("2026-11-25T09:00:00Z");
const opts = { db, now };
const viewer = (actor: Region["as"]["chief"], unitId: string) => ({ ...actor, unit: { id: unitId } });

async function openRequest(r: Region) {
  const started = await startCase(
    { process: "PATIENT_REQUEST", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" },
    { type: "RECEIVE_REQUEST", channel: "PHONE", receivedOn: "2026-11-25", requestText: "Vill ha en fast kontakt." },
    r.as.nurse,
    opts,
  );
  if (!started.ok) throw new Error(started.message);
  return started.caseId;
}

describe("the case page", () => {
  it("shows each user exactly the forms the machine accepts now and the user may send", async () => {
    const r = await region(db, now);
    const caseId = await openRequest(r);
    // Appointing a fast vårdkontakt is the verksamhetschef's (PL 6 kap. 2 §), not the nurse's; the
    // request's audited closings (an existing contact at the unit, withdrawn, died, moved away) are anyone's who documents.
    const closings = ["CONFIRM_EXISTING_CONTACT", "CLOSE_REQUEST"];
    expect((await getCasePage(db, viewer(r.as.chief, r.vc.id), caseId, now))?.forms).toEqual(["APPOINT", ...closings]);
    expect((await getCasePage(db, viewer(r.as.nurse, r.vc.id), caseId, now))?.forms).toEqual(closings);

    expect(await dispatch(caseId, appoint(r.nurse.id), r.as.chief, opts)).toMatchObject({ ok: true });
    // Now the patient is to be told: anyone with notification:record, with the channels required.
    const nursePage = await getCasePage(db, viewer(r.as.nurse, r.vc.id), caseId, now);
    expect(nursePage?.forms).toEqual(["NOTIFY"]);
    expect(nursePage?.notice).toEqual({ personal: false, direct: false, relatives: false });
    expect((await getCasePage(db, viewer(r.as.admin, r.vc.id), caseId, now))?.forms).toEqual([]);
  });

  it("is not found from a unit the process does not involve", async () => {
    const r = await region(db, now);
    const caseId = await openRequest(r);
    expect(await getCasePage(db, viewer(r.as.homeCareChief, r.homeCare.id), caseId, now)).toBeNull();
    expect(await isCaseVisible(db, viewer(r.as.homeCareChief, r.homeCare.id), caseId)).toBe(false);
    expect(await getCasePage(db, viewer(r.as.chief, r.vc.id), "finns-inte", now)).toBeNull();
  });

  it("is seen by the ward that sent the inskrivningsmeddelande and by the receiving unit, each with its own forms", async () => {
    const r = await region(db, now);
    const started = await startCase(
      { process: "DISCHARGE_REFERRAL", patientId: r.patient.id, contactKind: "FAST_VARDKONTAKT" },
      { type: "REGISTER_ADMISSION", admittedAt: "2026-11-25T08:00", expectedDischargeDate: "2026-12-01" },
      r.as.wardNurse,
      opts,
    );
    if (!started.ok) throw new Error(started.message);
    const caseId = started.caseId;
    for (const step of [
      { type: "ASSESS", needed: "yes" },
      { type: "INFORM_PATIENT", informedOn: "2026-11-25" },
      { type: "SEND_REFERRAL", toUnitId: r.vc.id, expectedDischargeDate: "2026-12-01" },
    ]) {
      expect(await dispatch(caseId, step, r.as.wardNurse, opts)).toMatchObject({ ok: true });
    }
    const atVc = await getCasePage(db, viewer(r.as.chief, r.vc.id), caseId, now);
    expect(atVc?.unit.id).toBe(r.vc.id);
    expect(atVc?.forms).toEqual(["RECEIVE_REFERRAL", "CANCEL"]);
    const atWard = await getCasePage(db, viewer(r.as.wardNurse, r.ward.id), caseId, now);
    expect(atWard?.forms).toEqual(["UPDATE_DISCHARGE_DATE", "MARK_READY_FOR_DISCHARGE"]);
    // The appointment deadline is the planned discharge (lag 2017:612 2 kap. 5 §), not yet passed.
    expect(atVc?.deadline).toMatchObject({ kind: "APPOINT_BEFORE_DISCHARGE", at: "2026-12-01 00:00", overdue: false });
    expect((await getCasePage(db, viewer(r.as.chief, r.vc.id), caseId, new Date("2026-12-02T09:00:00Z")))?.deadline?.overdue).toBe(true);
  });

  it("tells who did what, when and in which role, with the rows each step changed, and the path taken", async () => {
    const r = await region(db, now);
    const caseId = await openRequest(r);
    await dispatch(caseId, appoint(r.nurse.id), r.as.chief, { db, now: new Date("2026-11-25T10:30:00Z") });
    await dispatch(caseId, notify("LETTER"), r.as.nurse, { db, now: new Date("2026-11-25T12:00:00Z") });

    const page = await getCasePage(db, viewer(r.as.chief, r.vc.id), caseId, now);
    expect(page).toMatchObject({ status: "CLOSED", outcome: "Fast kontakt utsedd", forms: [], blocked: "closed" });
    expect(page?.path).toEqual([
      { from: "new", event: "RECEIVE_REQUEST", to: "awaitingAppointment" },
      { from: "awaitingAppointment", event: "APPOINT", to: "awaitingNotification" },
      { from: "awaitingNotification", event: "NOTIFY", to: "closed" },
    ]);
    const [received, appointed, notified] = page!.timeline;
    expect(received).toMatchObject({
      at: "2026-11-25 10:00",
      title: "Ta emot begäran",
      event: "RECEIVE_REQUEST",
      delegation: null,
      details: ["Ärendet står nu på ”Fast kontakt ska utses”."],
    });
    expect(received.by).toMatch(/, Sjuksköterska \/ vårdpersonal, Vårdcentralen Test$/);
    expect(appointed).toMatchObject({ at: "2026-11-25 11:30", title: "Utse fast kontakt" });
    expect(appointed.by).toMatch(/, Verksamhetschef, Vårdcentralen Test$/);
    expect(appointed.details).toEqual([
      `${r.nurse.firstName} ${r.nurse.lastName} utsågs till fast vårdkontakt.`,
      "Patienten ska meddelas.",
      "Ärendet står nu på ”Patienten ska meddelas”.",
    ]);
    expect(notified.details).toEqual(["Patienten meddelades: brev, 2026-11-25.", "Ärendet avslutades: fast kontakt utsedd."]);
  });

  it("names the delegation a step was taken under (HSF 4 kap. 2 §)", async () => {
    const r = await region(db, now);
    const caseId = await openRequest(r);
    await db.delegation.create({
      data: {
        careUnitId: r.vc.id,
        delegatorId: r.as.chief.userId,
        delegateId: r.as.nurse.userId,
        permissionCode: "appoint:fast-vardkontakt",
        validFrom: new Date("2026-01-01"),
      },
    });
    const { loadGrant } = await import("~/auth/actor.server");
    const delegate = { ...r.as.nurse, grant: await loadGrant(db, r.as.nurse.userId, r.vc.id, "VARDPERSONAL", now) };
    expect((await getCasePage(db, viewer(delegate, r.vc.id), caseId, now))?.forms).toEqual(["APPOINT", "CONFIRM_EXISTING_CONTACT", "CLOSE_REQUEST"]);
    expect(await dispatch(caseId, appoint(r.secondNurse.id), delegate, opts)).toMatchObject({ ok: true });
    const page = await getCasePage(db, viewer(r.as.chief, r.vc.id), caseId, now);
    const chief = await db.user.findUniqueOrThrow({ where: { id: r.as.chief.userId } });
    expect(page?.timeline[1].delegation).toBe(`på delegering från ${chief.displayName}`);
  });
});

describe("starting cases and the patient's history", () => {
  it("offers the processes that apply at the unit and that the user may start", async () => {
    const r = await region(db, now);
    const atVc = await startOptions(db, viewer(r.as.nurse, r.vc.id), r.patient.id, "2026-11-25");
    expect(atVc.processes.map((p) => p.process)).toEqual(["PATIENT_REQUEST", "ASSESSMENT", "DOCTOR_CHOICE"]);
    // Only a läkare judges a condition life-threatening (SOSFS 2011:7).
    const doctor = await startOptions(db, viewer(r.as.doctor, r.vc.id), r.patient.id, "2026-11-25");
    expect(doctor.processes.map((p) => p.process)).toContain("LIFE_THREATENING");
    const ward = await startOptions(db, viewer(r.as.wardNurse, r.ward.id), r.patient.id, "2026-11-25");
    expect(ward.processes.map((p) => p.process)).toContain("DISCHARGE_REFERRAL");
    const homeCare = await startOptions(db, viewer(r.as.homeCareChief, r.homeCare.id), r.patient.id, "2026-11-25");
    expect(homeCare.processes).toEqual([{ process: "HOME_CARE_CONTACT", subjectId: r.homeCareService.id, label: expect.any(String) }]);
    // The administrator starts nothing from the patient page.
    expect((await startOptions(db, viewer(r.as.admin, r.vc.id), r.patient.id, "2026-11-25")).processes).toEqual([]);
  });

  it("offers change and ending per active assignment at the unit, and the start page finds the assignment", async () => {
    const r = await region(db, now);
    const caseId = await openRequest(r);
    await dispatch(caseId, appoint(r.nurse.id), r.as.chief, opts);
    const assignment = await db.assignment.findFirstOrThrow({ where: { caseId } });
    const options = await startOptions(db, viewer(r.as.chief, r.vc.id), r.patient.id, "2026-11-25");
    expect(options.perAssignment[assignment.id].map((o) => o.process)).toEqual(["CHANGE", "ENDING"]);
    const start = await getStartPage(db, viewer(r.as.chief, r.vc.id), r.patient.id, "CHANGE", assignment.id, "2026-11-25");
    expect(start).toMatchObject({ events: ["REQUEST_CHANGE"], contactKinds: ["FAST_VARDKONTAKT"], subject: { id: assignment.id } });
    expect(await getStartPage(db, viewer(r.as.chief, r.vc.id), r.patient.id, "CHANGE", "finns-inte", "2026-11-25")).toBeNull();
    expect(await getStartPage(db, viewer(r.as.chief, r.vc.id), r.patient.id, "NO_SUCH_PROCESS", null, "2026-11-25")).toBeNull();
  });

  it("lists open and closed cases, ended assignments and refusals", async () => {
    const r = await region(db, now);
    const caseId = await openRequest(r);
    await dispatch(caseId, appoint(r.nurse.id), r.as.chief, opts);
    await dispatch(caseId, notify(), r.as.nurse, opts);
    const assignment = await db.assignment.findFirstOrThrow({ where: { caseId } });
    const ending = await startCase(
      { process: "ENDING", patientId: r.patient.id, subjectId: assignment.id },
      { type: "REVIEW", needRemains: "no" },
      r.as.chief,
      opts,
    );
    if (!ending.ok) throw new Error(ending.message);
    await dispatch(ending.caseId, { type: "END", reason: "Behovet har upphört." }, r.as.chief, opts);
    const offer = await startCase(
      { process: "HOME_CARE_CONTACT", patientId: r.patient.id, subjectId: r.homeCareService.id },
      { type: "OFFER_CONTACT", offeredOn: "2026-11-25" },
      r.as.homeCareChief,
      opts,
    );
    if (!offer.ok) throw new Error(offer.message);
    await dispatch(offer.caseId, { type: "PATIENT_DECLINED", declinedOn: "2026-11-25" }, r.as.homeCareChief, opts);

    const atVc = await getPatientCaseHistory(db, viewer(r.as.chief, r.vc.id), r.patient.id, now);
    expect(atVc.openCases.map((c) => c.id)).toEqual([ending.caseId]);
    expect(atVc.closedCases.map((c) => c.id)).toEqual([caseId]);
    // Ended at once; the case stays open until the patient has been told.
    expect(atVc.openCases[0].summary).toBe("Patienten ska meddelas");
    await dispatch(ending.caseId, notify("LETTER"), r.as.nurse, opts);
    const later = await getPatientCaseHistory(db, viewer(r.as.chief, r.vc.id), r.patient.id, now);
    expect(later.openCases).toEqual([]);
    expect(later.closedCases.map((c) => c.id).sort()).toEqual([caseId, ending.caseId].sort());
    expect(later.endedAssignments).toEqual([
      expect.objectContaining({ id: assignment.id, unit: "Vårdcentralen Test", endedOn: "2026-11-25", reason: "Behovet har upphört." }),
    ]);
    // The hemtjänst case is not the vårdcentral's; the refusal is the patient's, shown everywhere.
    expect(later.closedCases.map((c) => c.id)).not.toContain(offer.caseId);
    expect(later.refusals).toEqual([expect.objectContaining({ unit: "Hemtjänsten Test", declinedOn: "2026-11-25" })]);
  });
});
