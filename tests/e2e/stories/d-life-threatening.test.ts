// Story (d), Bilaga 1.4 and SOSFS 2011:7 2 kap. 3 §: the läkare judges a patient's condition
// life-threatening; the verksamhetschef may then appoint only a legitimerad läkare — the picker
// shows everyone else as not eligible and says why — and the läkare tells the patient and a
// relative personally.
import { describe, expect, it } from "vitest";
import { t } from "~/i18n";
import { fullName } from "~/models/contact-view";
import { reasonText } from "~/processes/reasons";
import { useBrowser } from "../browser";
import { assignmentsOfCase, caseRow, logMark, notificationsOfCase, query, stockholmDay, unitId } from "../database";
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

type Staff = { id: string; firstName: string; middleName: string | null; lastName: string; legitimations: string };

describe("story (d): a life-threatening condition", () => {
  const session = useBrowser();

  it("only a legitimerad läkare can be appointed, and the patient and a relative are told personally", { timeout: 120_000 }, async () => {
    const { page } = session;
    const patient = listedPatientWithoutCareContact("vcNorrsjo");
    const mark = logMark();
    const staff = query<Staff>(
      `SELECT s.id, s.firstName, s.middleName, s.lastName, s.legitimations FROM StaffMember s
       JOIN Employment e ON e.staffMemberId = s.id WHERE e.careUnitId = ? ORDER BY s.lastName`,
      unitId("vcNorrsjo"),
    );
    const isLakare = (s: Staff) => s.legitimations.split(",").includes("LK");
    // The läkare who judged the condition becomes the fast vårdkontakt.
    const appointee = staff.find((s) => s.id === "demo-staff-anders-berglund")!;
    expect(isLakare(appointee)).toBe(true);

    await signInAs(page, "lakare");
    await openPatient(page, patient);
    await checkPage(page, "d-1-patient");
    await clickStart(page, "LIFE_THREATENING");
    await checkPage(page, "d-2-start");
    const assess = stepForm(page, "ASSESS_LIFE_THREATENING");
    await assess.getByLabel(t("cases.field.informRelatives")).check();
    await assess.getByLabel(t("cases.field.note")).fill("Akut hjärtsvikt, behöver en läkare som fast vårdkontakt.");
    const caseId = await submitStart(page, "ASSESS_LIFE_THREATENING");
    await expectCaseAt(page, "awaitingAppointment");
    await checkPage(page, "d-3-case-assessed");
    await signOut(page);

    await signInAs(page, "verksamhetschef");
    await openCaseFromWorklist(page, "utse", "APPOINT", patient.id);
    await checkPage(page, "d-4-case-appoint");
    const appoint = stepForm(page, "APPOINT");
    const notLakare = reasonText({ code: "notLegitimeradLakare" });
    for (const person of staff) {
      const radio = appoint.getByRole("radio", { name: fullName(person), exact: true });
      const option = appoint.getByRole("listitem").filter({ has: page.getByRole("radio", { name: fullName(person), exact: true }) });
      if (isLakare(person)) {
        expect(await radio.isEnabled(), `${fullName(person)} is a läkare`).toBe(true);
        expect(await option.textContent()).not.toContain(notLakare);
      } else {
        expect(await radio.isDisabled(), `${fullName(person)} is not a läkare`).toBe(true);
        expect(await option.textContent()).toContain(notLakare);
      }
    }
    await appoint.getByRole("radio", { name: fullName(appointee), exact: true }).check();
    await appoint.getByLabel(t("cases.field.reviewDueDate")).fill(inDays(90));
    await submitStep(page, "APPOINT");
    await expectCaseAt(page, "awaitingNotification");
    await checkPage(page, "d-5-case-appointed");
    await signOut(page);

    // The läkare gives the news personally: by phone to the patient, in person to a relative.
    await signInAs(page, "lakare");
    await openPatient(page, patient);
    await openCaseFromPatient(page, "LIFE_THREATENING");
    const hint = page.getByTestId("notice-hint");
    await hint.getByText(t("cases.notice.personal")).waitFor();
    await hint.getByText(t("cases.notice.relativesPersonal")).waitFor();
    const notify = stepForm(page, "NOTIFY");
    await notify.getByRole("radio", { name: t("cases.channel.PHONE"), exact: true }).check();
    await notify.getByLabel(t("cases.field.relativeChannel")).selectOption("IN_PERSON");
    await notify.getByLabel(t("cases.field.relativeNotifiedOn")).fill(today());
    await submitStep(page, "NOTIFY");
    await expectCaseClosed(page, "APPOINTED");
    await checkPage(page, "d-6-case-closed");
    await page.getByRole("link", { name: t("cases.back") }).click();
    const card = page.getByRole("article", { name: `${t("contactKind.FAST_VARDKONTAKT")}: ${fullName(appointee)}` });
    await card.getByText(t("contact.lifeThreatening")).waitFor();
    await checkPage(page, "d-7-patient-with-contact");

    expect(caseRow(caseId)).toMatchObject({
      processCode: "LIFE_THREATENING",
      status: "CLOSED",
      state: "closed",
      outcome: "APPOINTED",
      contactKind: "FAST_VARDKONTAKT",
      careUnitId: unitId("vcNorrsjo"),
      openedByUserId: "demo-user-lakare",
    });
    const [assignment, ...others] = assignmentsOfCase(caseId);
    expect(others).toEqual([]);
    expect(assignment).toMatchObject({
      kind: "FAST_VARDKONTAKT",
      staffMemberId: appointee.id,
      careUnitId: unitId("vcNorrsjo"),
      lifeThreatening: 1,
      endedAt: null,
      appointedByUserId: "demo-user-verksamhetschef",
    });
    expect(stockholmDay(assignment.startedAt)).toBe(today());
    expect(notificationsOfCase(caseId)).toEqual([
      expect.objectContaining({ recipient: "PATIENT", channel: "PHONE", status: "DONE", recordedByUserId: "demo-user-lakare" }),
      expect.objectContaining({ recipient: "RELATIVE", channel: "IN_PERSON", status: "DONE", recordedByUserId: "demo-user-lakare" }),
    ]);
    expectAudit(mark, patient.id, [
      ["case.start", "ASSESS_LIFE_THREATENING", "lakare", "LAKARE", "vcNorrsjo"],
      ["case.step", "APPOINT", "verksamhetschef", "VERKSAMHETSCHEF", "vcNorrsjo"],
      ["assignment.create", null, "verksamhetschef", "VERKSAMHETSCHEF", "vcNorrsjo"],
      ["notification.queue", null, "verksamhetschef", "VERKSAMHETSCHEF", "vcNorrsjo"],
      ["notification.queue", null, "verksamhetschef", "VERKSAMHETSCHEF", "vcNorrsjo"],
      ["case.step", "NOTIFY", "lakare", "LAKARE", "vcNorrsjo"],
      ["notification.record", null, "lakare", "LAKARE", "vcNorrsjo"],
      ["notification.record", null, "lakare", "LAKARE", "vcNorrsjo"],
    ]);
    expectViews(mark, patient.id, [
      ["lakare", "LAKARE", "vcNorrsjo"],
      ["verksamhetschef", "VERKSAMHETSCHEF", "vcNorrsjo"],
    ]);
  });
});
