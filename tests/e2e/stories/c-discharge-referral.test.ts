// Story (c), Bilaga 1.3 and lag (2017:612): a patient admitted to Medicinavdelning 12 needs a
// fast vårdkontakt in primary care. The ward's nurse registers the admission, judges the need,
// informs the patient and sends an inskrivningsmeddelande to Vårdcentralen Norrsjö; its
// verksamhetschef receives it and appoints before the planned discharge and tells the patient;
// the ward then reports the patient ready for discharge, which closes the case.
import { describe, expect, it } from "vitest";
import { stockholmInstant } from "~/domain/dates";
import { t } from "~/i18n";
import { deadlineLabel } from "~/processes/labels";
import { useBrowser } from "../browser";
import { assignmentsOfCase, caseRow, first, logMark, notificationsOfCase, one, staffName, stockholmDay, unitId } from "../database";
import {
  checkPage,
  clickStart,
  expectAudit,
  expectCaseAt,
  expectCaseClosed,
  expectViews,
  inDays,
  openCaseFromPatient,
  openCaseFromWorklist,
  openPatient,
  signInAs,
  signOut,
  stepForm,
  submitStart,
  submitStep,
  today,
  type PatientRow,
} from "./story";

/** In the ward now, never in a case, and without a fast vårdkontakt at the receiving unit. */
function admittedPatient(): PatientRow {
  return first<PatientRow>(
    "patient admitted to Medicinavdelning 12 without a case or a fast vårdkontakt at Vårdcentralen Norrsjö",
    `SELECT p.id, p.identifier, p.firstName, p.lastName FROM Patient p
     WHERE p.protectedIdentity = 0
       AND EXISTS (SELECT 1 FROM CareEpisode e WHERE e.patientId = p.id AND e.careUnitId = ? AND e.kind = 'INPATIENT' AND e.endedAt IS NULL)
       AND NOT EXISTS (SELECT 1 FROM ProcessCase c WHERE c.patientId = p.id)
       AND NOT EXISTS (SELECT 1 FROM Assignment a WHERE a.patientId = p.id AND a.endedAt IS NULL AND a.kind = 'FAST_VARDKONTAKT' AND a.careUnitId = ?)
     ORDER BY p.identifier LIMIT 1`,
    unitId("avd12"),
    unitId("vcNorrsjo"),
  );
}

type ReferralRow = {
  fromUnitId: string;
  toUnitId: string;
  patientIdentifier: string;
  expectedDischargeDate: string;
  sentByUserId: string;
  receivedByUserId: string | null;
  receivedAt: string | null;
  readyForDischargeAt: string | null;
};

describe("story (c): discharge from the ward", () => {
  const session = useBrowser();

  it("the ward sends an inskrivningsmeddelande; primary care appoints a fast vårdkontakt before the planned discharge", { timeout: 120_000 }, async () => {
    const { page } = session;
    const patient = admittedPatient();
    const mark = logMark();
    const dischargeDate = inDays(4);
    const appointee = { id: "demo-staff-ahmed-hassan", name: staffName("demo-staff-ahmed-hassan") };

    // The ward: admission, assessment, information, inskrivningsmeddelande.
    await signInAs(page, "sjukskoterska", "avd12");
    await openPatient(page, patient);
    await checkPage(page, "c-1-patient-ward");
    await clickStart(page, "DISCHARGE_REFERRAL");
    await checkPage(page, "c-2-start");
    await stepForm(page, "REGISTER_ADMISSION").getByLabel(t("cases.field.expectedDischargeDate")).fill(dischargeDate);
    const caseId = await submitStart(page, "REGISTER_ADMISSION");
    await expectCaseAt(page, "awaitingAssessment");
    expect(await page.getByTestId("case-deadline").textContent()).toContain(deadlineLabel("SEND_REFERRAL"));
    await checkPage(page, "c-3-case-assess");

    await stepForm(page, "ASSESS").getByRole("radio", { name: t("cases.yes"), exact: true }).check();
    await submitStep(page, "ASSESS");
    await expectCaseAt(page, "awaitingInformation");
    await checkPage(page, "c-4-case-inform");
    await submitStep(page, "INFORM_PATIENT");
    await expectCaseAt(page, "awaitingReferral");
    await checkPage(page, "c-5-case-referral");

    const send = stepForm(page, "SEND_REFERRAL");
    await send.getByRole("radio", { name: "Vårdcentralen Norrsjö", exact: true }).check();
    await send.getByLabel(t("cases.field.expectedDischargeDate")).fill(dischargeDate);
    await submitStep(page, "SEND_REFERRAL");
    await expectCaseAt(page, "awaitingReceipt");
    expect(await page.getByTestId("case-deadline").textContent()).toContain(dischargeDate);
    // Sent within the 24 hours (lag 2017:612): the case page says so, with the deadline.
    expect(await page.getByTestId("case-referral").textContent()).toMatch(/^Skickat \d{4}-\d\d-\d\d \d\d:\d\d, i tid \(senast \d{4}-\d\d-\d\d \d\d:\d\d, 24 timmar\)$/);
    await checkPage(page, "c-6-case-sent");
    await signOut(page);

    // Primary care: the verksamhetschef receives the message, appoints and tells the patient.
    await signInAs(page, "verksamhetschef");
    await checkPage(page, "c-7-worklist");
    await openCaseFromWorklist(page, "utse", "RECEIVE_REFERRAL", patient.id);
    await checkPage(page, "c-8-case-receive");
    await submitStep(page, "RECEIVE_REFERRAL");
    await expectCaseAt(page, "awaitingAppointment");
    expect(await page.getByTestId("case-deadline").textContent()).toContain(deadlineLabel("APPOINT_BEFORE_DISCHARGE"));
    await checkPage(page, "c-9-case-appoint");
    const appoint = stepForm(page, "APPOINT");
    await appoint.getByRole("radio", { name: appointee.name, exact: true }).check();
    await appoint.getByLabel(t("cases.field.reviewDueDate")).fill(inDays(180));
    await submitStep(page, "APPOINT");
    await expectCaseAt(page, "awaitingNotification");
    await stepForm(page, "NOTIFY").getByRole("radio", { name: t("cases.channel.VIA_1177"), exact: true }).check();
    await submitStep(page, "NOTIFY");
    await expectCaseAt(page, "awaitingDischarge");
    await checkPage(page, "c-10-case-awaiting-discharge");
    await signOut(page);

    // The ward reports the patient ready for discharge; no SIP is needed, so the case closes.
    await signInAs(page, "sjukskoterska", "avd12");
    await openPatient(page, patient);
    await openCaseFromPatient(page, "DISCHARGE_REFERRAL");
    await submitStep(page, "MARK_READY_FOR_DISCHARGE");
    await expectCaseClosed(page, "APPOINTED");
    await checkPage(page, "c-11-case-closed");

    const row = caseRow(caseId);
    expect(row).toMatchObject({
      processCode: "DISCHARGE_REFERRAL",
      status: "CLOSED",
      state: "closed",
      outcome: "APPOINTED",
      contactKind: "FAST_VARDKONTAKT",
      careUnitId: unitId("vcNorrsjo"),
      openedByUserId: "demo-user-sjukskoterska",
      deadlineAt: null,
      appointmentDueAt: null,
    });
    const referral = one<ReferralRow>(`SELECT * FROM DischargeReferral WHERE caseId = ?`, caseId);
    expect(referral).toMatchObject({
      fromUnitId: unitId("avd12"),
      toUnitId: unitId("vcNorrsjo"),
      patientIdentifier: patient.identifier,
      expectedDischargeDate: dischargeDate,
      sentByUserId: "demo-user-sjukskoterska",
      receivedByUserId: "demo-user-verksamhetschef",
    });
    expect(referral.receivedAt).not.toBeNull();
    expect(referral.readyForDischargeAt).not.toBeNull();
    const [assignment, ...others] = assignmentsOfCase(caseId);
    expect(others).toEqual([]);
    expect(assignment).toMatchObject({
      kind: "FAST_VARDKONTAKT",
      staffMemberId: appointee.id,
      careUnitId: unitId("vcNorrsjo"),
      endedAt: null,
      appointedByUserId: "demo-user-verksamhetschef",
    });
    // Lag (2017:612) 2 kap. 5 §: appointed before the planned discharge.
    expect(new Date(assignment.startedAt).getTime()).toBeLessThan(stockholmInstant(dischargeDate).getTime());
    expect(stockholmDay(assignment.startedAt)).toBe(today());
    expect(notificationsOfCase(caseId)).toEqual([
      expect.objectContaining({ recipient: "PATIENT", channel: "VIA_1177", status: "DONE", recordedByUserId: "demo-user-verksamhetschef" }),
    ]);
    expectAudit(mark, patient.id, [
      ["case.start", "REGISTER_ADMISSION", "sjukskoterska", "VARDPERSONAL", "avd12"],
      ["case.step", "ASSESS", "sjukskoterska", "VARDPERSONAL", "avd12"],
      ["case.step", "INFORM_PATIENT", "sjukskoterska", "VARDPERSONAL", "avd12"],
      ["case.step", "SEND_REFERRAL", "sjukskoterska", "VARDPERSONAL", "avd12"],
      ["referral.send", null, "sjukskoterska", "VARDPERSONAL", "avd12"],
      ["case.step", "RECEIVE_REFERRAL", "verksamhetschef", "VERKSAMHETSCHEF", "vcNorrsjo"],
      ["referral.update", null, "verksamhetschef", "VERKSAMHETSCHEF", "vcNorrsjo"],
      ["case.step", "APPOINT", "verksamhetschef", "VERKSAMHETSCHEF", "vcNorrsjo"],
      ["assignment.create", null, "verksamhetschef", "VERKSAMHETSCHEF", "vcNorrsjo"],
      ["notification.queue", null, "verksamhetschef", "VERKSAMHETSCHEF", "vcNorrsjo"],
      ["case.step", "NOTIFY", "verksamhetschef", "VERKSAMHETSCHEF", "vcNorrsjo"],
      ["notification.record", null, "verksamhetschef", "VERKSAMHETSCHEF", "vcNorrsjo"],
      ["case.step", "MARK_READY_FOR_DISCHARGE", "sjukskoterska", "VARDPERSONAL", "avd12"],
      ["referral.update", null, "sjukskoterska", "VARDPERSONAL", "avd12"],
    ]);
    expectViews(mark, patient.id, [
      ["sjukskoterska", "VARDPERSONAL", "avd12"],
      ["verksamhetschef", "VERKSAMHETSCHEF", "vcNorrsjo"],
    ]);
  });
});
