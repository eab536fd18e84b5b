// Story (b), Bilaga 1.2: after a visit the nurse at Vårdcentralen Norrsjö judges that the
// patient needs a fast vårdkontakt, informs the patient, and documents that the patient
// declined. Nothing is appointed; the refusal is on record and on the patient page.
import { describe, expect, it } from "vitest";
import { t } from "~/i18n";
import { useBrowser } from "../browser";
import { assignmentsOfCase, caseRow, logMark, notificationsOfCase, refusalsOfCase } from "../database";
import {
  checkPage,
  clickStart,
  expectAudit,
  expectCaseAt,
  expectCaseClosed,
  expectViews,
  listedPatientWithoutCareContact,
  openPatient,
  signInAs,
  stepForm,
  submitStart,
  submitStep,
  today,
} from "./story";

const COMMENT = "Vill inte ha någon fast kontakt just nu, hör av sig vid behov.";

describe("story (b): an assessment the patient declines", () => {
  const session = useBrowser();

  it("is documented by the nurse as a refusal, with no contact appointed", { timeout: 90_000 }, async () => {
    const { page } = session;
    const patient = listedPatientWithoutCareContact("vcNorrsjo");
    const mark = logMark();

    await signInAs(page, "sjukskoterska", "vcNorrsjo");
    await openPatient(page, patient);
    await checkPage(page, "b-1-patient");
    await clickStart(page, "ASSESSMENT");
    await checkPage(page, "b-2-start");
    const visit = stepForm(page, "REGISTER_VISIT");
    expect(await visit.getByLabel(t("cases.field.visitDate")).inputValue()).toBe(today());
    const caseId = await submitStart(page, "REGISTER_VISIT");
    await expectCaseAt(page, "awaitingAssessment");
    await checkPage(page, "b-3-case-assess");

    await stepForm(page, "ASSESS").getByRole("radio", { name: t("cases.yes"), exact: true }).check();
    await submitStep(page, "ASSESS");
    await expectCaseAt(page, "awaitingInformation");
    await checkPage(page, "b-4-case-inform");

    await submitStep(page, "INFORM_PATIENT");
    await expectCaseAt(page, "awaitingPatientDecision");
    await checkPage(page, "b-5-case-decision");

    const declined = stepForm(page, "PATIENT_DECLINED");
    expect(await declined.getByLabel(t("cases.field.declinedOn")).inputValue()).toBe(today());
    await declined.getByLabel(t("cases.field.comment")).fill(COMMENT);
    await submitStep(page, "PATIENT_DECLINED");
    await expectCaseClosed(page, "DECLINED");
    await page.getByText(t("cases.closedNoForms")).waitFor();
    await checkPage(page, "b-6-case-closed");

    // The patient page lists the refusal and the closed case under history.
    await page.getByRole("link", { name: t("cases.back") }).click();
    const refusals = page.getByTestId("refusals");
    await refusals.getByText(COMMENT).waitFor();
    expect(await refusals.textContent()).toContain(today());
    expect(await page.getByTestId("closed-cases").textContent()).toContain(t("cases.outcome.DECLINED"));
    await checkPage(page, "b-7-patient-history");

    expect(caseRow(caseId)).toMatchObject({
      processCode: "ASSESSMENT",
      status: "CLOSED",
      state: "closed",
      outcome: "DECLINED",
      contactKind: "FAST_VARDKONTAKT",
      careUnitId: "demo-unit-vc-norrsjo",
      openedByUserId: "demo-user-sjukskoterska",
    });
    expect(refusalsOfCase(caseId)).toEqual([
      { kind: "FAST_VARDKONTAKT", careUnitId: "demo-unit-vc-norrsjo", declinedOn: today(), comment: COMMENT, recordedByUserId: "demo-user-sjukskoterska" },
    ]);
    expect(assignmentsOfCase(caseId)).toEqual([]);
    expect(notificationsOfCase(caseId)).toEqual([]);
    expectAudit(mark, patient.id, [
      ["case.start", "REGISTER_VISIT", "sjukskoterska", "VARDPERSONAL", "vcNorrsjo"],
      ["case.step", "ASSESS", "sjukskoterska", "VARDPERSONAL", "vcNorrsjo"],
      ["case.step", "INFORM_PATIENT", "sjukskoterska", "VARDPERSONAL", "vcNorrsjo"],
      ["case.step", "PATIENT_DECLINED", "sjukskoterska", "VARDPERSONAL", "vcNorrsjo"],
      ["refusal.create", null, "sjukskoterska", "VARDPERSONAL", "vcNorrsjo"],
    ]);
    expectViews(mark, patient.id, [["sjukskoterska", "VARDPERSONAL", "vcNorrsjo"]]);
  });
});
