// Story (a), Bilaga 1.1: a patient asks Vårdcentralen Norrsjö for a fast vårdkontakt. The nurse
// receives the request, the verksamhetschef appoints, the nurse records that the patient was
// told via 1177 — and the case, the assignment, the notification and every audit and access
// row say who did what, in which role and unit.
import { describe, expect, it } from "vitest";
import { t } from "~/i18n";
import { stateLabel } from "~/processes/labels";
import { useBrowser } from "../browser";
import { assignmentsOfCase, caseRow, logMark, notificationsOfCase, staffName, stockholmDay } from "../database";
import {
  checkPage,
  clickStart,
  expectAudit,
  expectCaseAt,
  expectCaseClosed,
  expectViews,
  inDays,
  listedPatientWithoutCareContact,
  openCaseFromPatient,
  openCaseFromWorklist,
  openPatient,
  signInAs,
  signOut,
  stepForm,
  submitStart,
  submitStep,
  today,
} from "./story";


describe("story (a): the patient's request", () => {
  const session = useBrowser();

  it("is received by the nurse, the verksamhetschef appoints a fast vårdkontakt, the patient is told via 1177", { timeout: 90_000 }, async () => {
    const { page } = session;
    const patient = listedPatientWithoutCareContact("vcNorrsjo");
    const mark = logMark();
    const reviewDate = inDays(365);
    // The nurse herself becomes the fast vårdkontakt.
    const appointee = { id: "demo-staff-sara-nilsson", name: staffName("demo-staff-sara-nilsson") };

    // The nurse takes the request on the phone.
    await signInAs(page, "sjukskoterska", "vcNorrsjo");
    await openPatient(page, patient);
    await checkPage(page, "a-1-patient-nurse");
    await clickStart(page, "PATIENT_REQUEST");
    await checkPage(page, "a-2-start");
    const receive = stepForm(page, "RECEIVE_REQUEST");
    await receive.getByRole("radio", { name: t("cases.channel.PHONE"), exact: true }).check();
    expect(await receive.getByLabel(t("cases.field.receivedOn")).inputValue()).toBe(today());
    await receive.getByLabel(t("cases.field.requestText")).fill("Vill ha en fast kontakt för sin diabetes.");
    const caseId = await submitStart(page, "RECEIVE_REQUEST");
    await expectCaseAt(page, "awaitingAppointment");
    // Only the verksamhetschef (or a delegate) appoints: the nurse gets no form for it, only the
    // request's audited closings (an existing contact at the unit; withdrawn, died, moved away).
    await stepForm(page, "CLOSE_REQUEST").waitFor();
    expect(await stepForm(page, "APPOINT").count()).toBe(0);
    await checkPage(page, "a-3-case-received");
    await signOut(page);

    // The verksamhetschef finds the case on the worklist and appoints the nurse.
    await signInAs(page, "verksamhetschef");
    await checkPage(page, "a-4-worklist");
    await openCaseFromWorklist(page, "utse", "APPOINT", patient.id);
    await checkPage(page, "a-5-case-appoint");
    const appoint = stepForm(page, "APPOINT");
    await appoint.getByRole("radio", { name: appointee.name, exact: true }).check();
    await appoint.getByLabel(t("cases.field.reviewDueDate")).fill(reviewDate);
    await submitStep(page, "APPOINT");
    await expectCaseAt(page, "awaitingNotification");
    await checkPage(page, "a-6-case-appointed");
    await signOut(page);

    // The nurse tells the patient: 1177 is enough here (Bilaga 1.1).
    await signInAs(page, "sjukskoterska", "vcNorrsjo");
    await openPatient(page, patient);
    expect(await page.getByTestId("open-cases").textContent()).toContain(stateLabel("awaitingNotification"));
    await openCaseFromPatient(page, "PATIENT_REQUEST");
    await page.getByTestId("notice-hint").getByText(t("cases.notice.1177")).waitFor();
    const notify = stepForm(page, "NOTIFY");
    await notify.getByRole("radio", { name: t("cases.channel.VIA_1177"), exact: true }).check();
    await submitStep(page, "NOTIFY");
    await expectCaseClosed(page, "APPOINTED");
    await checkPage(page, "a-7-case-closed");
    await page.getByRole("link", { name: t("cases.back") }).click();
    await page.getByTestId("contact-card").filter({ hasText: appointee.name }).waitFor();
    await checkPage(page, "a-8-patient-with-contact");

    const row = caseRow(caseId);
    expect(row).toMatchObject({
      processCode: "PATIENT_REQUEST",
      status: "CLOSED",
      state: "closed",
      outcome: "APPOINTED",
      contactKind: "FAST_VARDKONTAKT",
      careUnitId: "demo-unit-vc-norrsjo",
      openedByUserId: "demo-user-sjukskoterska",
    });
    const [assignment, ...others] = assignmentsOfCase(caseId);
    expect(others).toEqual([]);
    expect(assignment).toMatchObject({
      kind: "FAST_VARDKONTAKT",
      patientId: patient.id,
      staffMemberId: appointee.id,
      careUnitId: "demo-unit-vc-norrsjo",
      endedAt: null,
      reviewDueDate: reviewDate,
      appointedByUserId: "demo-user-verksamhetschef",
    });
    expect(stockholmDay(assignment.startedAt)).toBe(today());
    expect(notificationsOfCase(caseId)).toEqual([
      expect.objectContaining({ recipient: "PATIENT", channel: "VIA_1177", status: "DONE", recordedByUserId: "demo-user-sjukskoterska", assignmentId: assignment.id }),
    ]);
    expectAudit(mark, patient.id, [
      ["case.start", "RECEIVE_REQUEST", "sjukskoterska", "VARDPERSONAL", "vcNorrsjo"],
      ["case.step", "APPOINT", "verksamhetschef", "VERKSAMHETSCHEF", "vcNorrsjo"],
      ["assignment.create", null, "verksamhetschef", "VERKSAMHETSCHEF", "vcNorrsjo"],
      ["notification.queue", null, "verksamhetschef", "VERKSAMHETSCHEF", "vcNorrsjo"],
      ["case.step", "NOTIFY", "sjukskoterska", "VARDPERSONAL", "vcNorrsjo"],
      ["notification.record", null, "sjukskoterska", "VARDPERSONAL", "vcNorrsjo"],
    ]);
    expectViews(mark, patient.id, [
      ["sjukskoterska", "VARDPERSONAL", "vcNorrsjo"],
      ["verksamhetschef", "VERKSAMHETSCHEF", "vcNorrsjo"],
    ]);
  });
});
