// Story (e), SoL 4 kap. 2 b §: the enhetschef of Hemtjänsten Norrsjö centrum offers a person who
// receives hemtjänst a fast omsorgskontakt; the person declines, which is documented. Later the
// offer is made again, accepted, and an undersköterska with the protected title is appointed —
// someone without it is shown as not eligible, with the reason.
import { describe, expect, it } from "vitest";
import { t } from "~/i18n";
import { fullName } from "~/models/contact-view";
import { reasonText } from "~/processes/reasons";
import { useBrowser } from "../browser";
import { assignmentsOfCase, caseRow, first, logMark, notificationsOfCase, refusalsOfCase, stockholmDay, unitId } from "../database";
import {
  checkPage,
  clickStart,
  expectAudit,
  expectCaseAt,
  expectCaseClosed,
  expectViews,
  inDays,
  openPatient,
  signInAs,
  stepForm,
  submitStart,
  submitStep,
  today,
  type PatientRow,
} from "./story";

type Staff = { id: string; firstName: string; middleName: string | null; lastName: string };

/** Receives hemtjänst from the unit today, has no fast omsorgskontakt and no offer under way. */
function homeCareRecipient(): PatientRow & { serviceId: string } {
  return first<PatientRow & { serviceId: string }>(
    "hemtjänst recipient at Hemtjänsten Norrsjö centrum without a fast omsorgskontakt or an open offer",
    `SELECT p.id, p.identifier, p.firstName, p.lastName, h.id AS serviceId FROM Patient p
     JOIN HomeCareService h ON h.patientId = p.id AND h.careUnitId = ?
       AND h."from" <= ? AND (h."to" IS NULL OR h."to" >= ?) AND h.contactNotNeededAt IS NULL
     WHERE p.protectedIdentity = 0
       AND (SELECT count(*) FROM HomeCareService x WHERE x.patientId = p.id AND x.careUnitId = h.careUnitId) = 1
       AND NOT EXISTS (SELECT 1 FROM ProcessCase c WHERE c.patientId = p.id AND c.processCode = 'HOME_CARE_CONTACT' AND c.status = 'OPEN')
       AND NOT EXISTS (SELECT 1 FROM Assignment a WHERE a.patientId = p.id AND a.endedAt IS NULL AND a.kind = 'FAST_OMSORGSKONTAKT')
     ORDER BY p.identifier LIMIT 1`,
    unitId("hemtjanstCentrum"),
    today(),
    today(),
  );
}

const staffAtUnit = (condition: string) =>
  first<Staff>(
    `staff member at Hemtjänsten Norrsjö centrum where ${condition}`,
    `SELECT s.id, s.firstName, s.middleName, s.lastName FROM StaffMember s JOIN Employment e ON e.staffMemberId = s.id
     WHERE e.careUnitId = ? AND ${condition} ORDER BY s.lastName, s.firstName LIMIT 1`,
    unitId("hemtjanstCentrum"),
  );

const COMMENT = "Vill vänta tills dottern har flyttat hem.";

describe("story (e): a fast omsorgskontakt in hemtjänsten", () => {
  const session = useBrowser();

  it("is offered and declined, then offered again and appointed by the enhetschef", { timeout: 120_000 }, async () => {
    const { page } = session;
    const patient = homeCareRecipient();
    const mark = logMark();
    // An undersköterska with Socialstyrelsen's bevis, and someone without the title.
    const appointee = staffAtUnit("s.underskoterskaBevis = 1 AND (s.employmentEndDate IS NULL OR s.employmentEndDate > date('now', '+1 year'))");
    const unqualified = staffAtUnit("s.underskoterskaBevis = 0 AND s.permanentUnderskoterskaFrom IS NULL");

    await signInAs(page, "enhetschef");
    await openPatient(page, patient);
    await checkPage(page, "e-1-patient");

    // The first offer: declined.
    await clickStart(page, "HOME_CARE_CONTACT");
    await checkPage(page, "e-2-start");
    const firstCaseId = await submitStart(page, "OFFER_CONTACT");
    await expectCaseAt(page, "awaitingPatientDecision");
    await checkPage(page, "e-3-case-offered");
    await stepForm(page, "PATIENT_DECLINED").getByLabel(t("cases.field.comment")).fill(COMMENT);
    await submitStep(page, "PATIENT_DECLINED");
    await expectCaseClosed(page, "DECLINED");
    await checkPage(page, "e-4-case-declined");

    // The patient page records the refusal; the offer can be made again.
    await page.getByRole("link", { name: t("cases.back") }).click();
    await page.getByTestId("refusals").getByText(COMMENT).waitFor();
    await checkPage(page, "e-5-patient-refusal");
    await clickStart(page, "HOME_CARE_CONTACT");
    const secondCaseId = await submitStart(page, "OFFER_CONTACT");
    expect(secondCaseId).not.toBe(firstCaseId);
    await submitStep(page, "PATIENT_ACCEPTED");
    await expectCaseAt(page, "awaitingAppointment");
    await checkPage(page, "e-6-case-appoint");

    const appoint = stepForm(page, "APPOINT");
    const blocked = appoint.getByRole("radio", { name: fullName(unqualified), exact: true });
    expect(await blocked.isDisabled()).toBe(true);
    expect(await appoint.getByRole("listitem").filter({ has: page.getByRole("radio", { name: fullName(unqualified), exact: true }) }).textContent()).toContain(reasonText({ code: "notUnderskoterska" }));
    await appoint.getByRole("radio", { name: fullName(appointee), exact: true }).check();
    const reviewDate = inDays(180);
    await appoint.getByLabel(t("cases.field.reviewDueDate")).fill(reviewDate);
    await submitStep(page, "APPOINT");
    await expectCaseAt(page, "awaitingNotification");
    await stepForm(page, "NOTIFY").getByRole("radio", { name: t("cases.channel.IN_PERSON"), exact: true }).check();
    await submitStep(page, "NOTIFY");
    await expectCaseClosed(page, "APPOINTED");
    await checkPage(page, "e-7-case-appointed");
    await page.getByRole("link", { name: t("cases.back") }).click();
    await page.getByRole("article", { name: `${t("contactKind.FAST_OMSORGSKONTAKT")}: ${fullName(appointee)}` }).waitFor();
    await checkPage(page, "e-8-patient-with-contact");

    const common = {
      processCode: "HOME_CARE_CONTACT",
      status: "CLOSED",
      state: "closed",
      contactKind: "FAST_OMSORGSKONTAKT",
      subjectId: patient.serviceId,
      careUnitId: unitId("hemtjanstCentrum"),
      openedByUserId: "demo-user-enhetschef",
    };
    expect(caseRow(firstCaseId)).toMatchObject({ ...common, outcome: "DECLINED" });
    expect(refusalsOfCase(firstCaseId)).toEqual([
      { kind: "FAST_OMSORGSKONTAKT", careUnitId: unitId("hemtjanstCentrum"), declinedOn: today(), comment: COMMENT, recordedByUserId: "demo-user-enhetschef" },
    ]);
    expect(assignmentsOfCase(firstCaseId)).toEqual([]);
    expect(caseRow(secondCaseId)).toMatchObject({ ...common, outcome: "APPOINTED" });
    expect(refusalsOfCase(secondCaseId)).toEqual([]);
    const [assignment, ...others] = assignmentsOfCase(secondCaseId);
    expect(others).toEqual([]);
    expect(assignment).toMatchObject({
      kind: "FAST_OMSORGSKONTAKT",
      staffMemberId: appointee.id,
      careUnitId: unitId("hemtjanstCentrum"),
      endedAt: null,
      reviewDueDate: reviewDate,
      appointedByUserId: "demo-user-enhetschef",
    });
    expect(stockholmDay(assignment.startedAt)).toBe(today());
    expect(notificationsOfCase(secondCaseId)).toEqual([
      expect.objectContaining({ recipient: "PATIENT", channel: "IN_PERSON", status: "DONE", recordedByUserId: "demo-user-enhetschef" }),
    ]);
    const by = ["enhetschef", "ENHETSCHEF_HEMTJANST", "hemtjanstCentrum"] as const;
    expectAudit(mark, patient.id, [
      ["case.start", "OFFER_CONTACT", ...by],
      ["case.step", "PATIENT_DECLINED", ...by],
      ["refusal.create", null, ...by],
      ["case.start", "OFFER_CONTACT", ...by],
      ["case.step", "PATIENT_ACCEPTED", ...by],
      ["case.step", "APPOINT", ...by],
      ["assignment.create", null, ...by],
      ["notification.queue", null, ...by],
      ["case.step", "NOTIFY", ...by],
      ["notification.record", null, ...by],
    ]);
    expectViews(mark, patient.id, [["enhetschef", "ENHETSCHEF_HEMTJANST", "hemtjanstCentrum"]]);
  });
});
