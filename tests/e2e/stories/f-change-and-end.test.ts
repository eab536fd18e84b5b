// Story (f), Bilaga 1.5 and 1.6, with JavaScript turned off: the verksamhetschef changes a
// patient's fast vårdkontakt to another person, telling the patient personally; later the need
// is reviewed and is gone, so the contact is ended and the patient told by letter. The patient
// page then lists both assignments under history and neither among the active contacts.
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "~/i18n";
import { openBrowser, useBrowser, type Browser } from "../browser";
import { assignmentRow, assignmentsOfCase, caseRow, first, logMark, notificationsOfCase, query, staffName, unitId } from "../database";
import {
  checkPage,
  clickStart,
  expectAudit,
  expectCaseAt,
  expectCaseClosed,
  expectViews,
  openPatient,
  signInAs,
  stepForm,
  submitStart,
  submitStep,
  type PatientRow,
} from "./story";

/** A patient with exactly one fast vårdkontakt at the unit, never in a case (nobody else works on them). */
function patientWithCareContact(): PatientRow & { assignmentId: string; staffMemberId: string } {
  return first<PatientRow & { assignmentId: string; staffMemberId: string }>(
    "patient with one fast vårdkontakt at Vårdcentralen Norrsjö and no case",
    `SELECT p.id, p.identifier, p.firstName, p.lastName, a.id AS assignmentId, a.staffMemberId FROM Patient p
     JOIN Assignment a ON a.patientId = p.id AND a.endedAt IS NULL AND a.kind = 'FAST_VARDKONTAKT' AND a.careUnitId = ?
     WHERE p.protectedIdentity = 0
       AND (SELECT count(*) FROM Assignment x WHERE x.patientId = p.id AND x.endedAt IS NULL AND x.kind = 'FAST_VARDKONTAKT') = 1
       AND NOT EXISTS (SELECT 1 FROM ProcessCase c WHERE c.patientId = p.id)
     ORDER BY p.identifier LIMIT 1`,
    unitId("vcNorrsjo"),
  );
}

/** The first person the picker offers who is not `except` (the picker lists the eligible first). */
async function firstEligibleExcept(picker: Locator, except: string) {
  for (const radio of await picker.getByRole("radio", { disabled: false }).all()) {
    const value = await radio.getAttribute("value");
    if (value && value !== except) return { radio, staffMemberId: value };
  }
  throw new Error("no eligible replacement in the picker");
}

const careContactCard = (name: string) => `${t("contactKind.FAST_VARDKONTAKT")}: ${name}`;

describe("story (f) without JavaScript: change and ending of a fast vårdkontakt", () => {
  const session = useBrowser({ javaScriptEnabled: false });
  // axe needs scripts: it checks copies of the pages in a browser that runs them.
  const scripted = {} as { browser: Browser };
  beforeAll(async () => {
    scripted.browser = await openBrowser();
  });
  afterAll(async () => {
    await scripted.browser.close();
  });

  it("replaces the contact, then ends it; the patient page shows both under history only", { timeout: 120_000 }, async () => {
    const { page } = session;
    const patient = patientWithCareContact();
    const original = { assignmentId: patient.assignmentId, name: staffName(patient.staffMemberId) };
    const mark = logMark();

    await signInAs(page, "verksamhetschef");
    await openPatient(page, patient);
    await saveAndCheck("f-1-patient");

    // Change (Bilaga 1.5): from the contact's card.
    const card = page.getByRole("article", { name: careContactCard(original.name) });
    await clickStart(page, "CHANGE", card);
    await saveAndCheck("f-2-start-change");
    await stepForm(page, "REQUEST_CHANGE").getByLabel(t("cases.field.changeReason")).fill("Byter arbetsuppgifter inom enheten.");
    const changeId = await submitStart(page, "REQUEST_CHANGE");
    await expectCaseAt(page, "awaitingReplacement");
    await saveAndCheck("f-3-case-replace");
    const appoint = stepForm(page, "APPOINT");
    const replacement = await firstEligibleExcept(appoint, patient.staffMemberId);
    await replacement.radio.check();
    await submitStep(page, "APPOINT");
    await expectCaseAt(page, "awaitingNotification");
    // A changed fast vårdkontakt is told personally (Bilaga 1.5).
    await page.getByTestId("notice-hint").getByText(t("cases.notice.personal")).waitFor();
    await saveAndCheck("f-4-case-notify-change");
    await stepForm(page, "NOTIFY").getByRole("radio", { name: t("cases.channel.PHONE"), exact: true }).check();
    await submitStep(page, "NOTIFY");
    await expectCaseClosed(page, "CHANGED");
    await saveAndCheck("f-5-case-changed");

    // Ending (Bilaga 1.6): the need is reviewed on the new contact's card and found gone.
    const replacementName = staffName(replacement.staffMemberId);
    await page.getByRole("link", { name: t("cases.back") }).click();
    const newCard = page.getByRole("article", { name: careContactCard(replacementName) });
    await clickStart(page, "ENDING", newCard);
    await saveAndCheck("f-6-start-ending");
    await stepForm(page, "REVIEW").getByRole("radio", { name: t("cases.no"), exact: true }).check();
    const endingId = await submitStart(page, "REVIEW");
    await expectCaseAt(page, "awaitingEndDocumentation");
    await saveAndCheck("f-7-case-end");
    await stepForm(page, "END").getByLabel(t("cases.field.endReason")).fill("Behovet av samordning har upphört.");
    await submitStep(page, "END");
    await expectCaseAt(page, "awaitingNotification");
    // An ended contact just disappears from 1177: the patient must be told directly.
    await page.getByTestId("notice-hint").getByText(t("cases.notice.direct")).waitFor();
    await saveAndCheck("f-8-case-notify-end");
    await stepForm(page, "NOTIFY").getByRole("radio", { name: t("cases.channel.LETTER"), exact: true }).check();
    await submitStep(page, "NOTIFY");
    await expectCaseClosed(page, "ENDED");
    await saveAndCheck("f-9-case-ended");

    await page.getByRole("link", { name: t("cases.back") }).click();
    const ended = page.getByTestId("ended-assignments");
    await ended.waitFor();
    for (const name of [original.name, replacementName]) {
      expect(await page.getByRole("article", { name: careContactCard(name) }).count(), `${name} no longer active`).toBe(0);
      expect(await ended.getByRole("row").filter({ hasText: name }).count(), `${name} under history`).toBeGreaterThan(0);
    }
    expect(await page.getByTestId("closed-cases").textContent()).toContain(t("cases.outcome.ENDED"));
    await saveAndCheck("f-10-patient-history");

    // The rows: the original ended by the change, the replacement started at the same instant and ended by the review.
    expect(caseRow(changeId)).toMatchObject({
      processCode: "CHANGE",
      status: "CLOSED",
      outcome: "CHANGED",
      subjectId: original.assignmentId,
      careUnitId: unitId("vcNorrsjo"),
      openedByUserId: "demo-user-verksamhetschef",
    });
    expect(caseRow(endingId)).toMatchObject({ processCode: "ENDING", status: "CLOSED", outcome: "ENDED", openedByUserId: "demo-user-verksamhetschef" });
    const old = assignmentRow(original.assignmentId);
    const [created] = assignmentsOfCase(changeId);
    expect(created).toMatchObject({
      kind: "FAST_VARDKONTAKT",
      staffMemberId: replacement.staffMemberId,
      replacesId: original.assignmentId,
      appointedByUserId: "demo-user-verksamhetschef",
    });
    expect(old.endedAt).not.toBeNull();
    expect(old.endedAt).toBe(created.startedAt);
    // The replacement keeps the review date of the contact it replaced (docs/processes.md).
    expect(created.reviewDueDate).toBe(old.reviewDueDate);
    expect(caseRow(endingId).subjectId).toBe(created.id);
    expect(assignmentRow(created.id).endedAt).not.toBeNull();
    expect(assignmentRow(created.id).endReason).toBe("Behovet av samordning har upphört.");
    expect(query(`SELECT id FROM Assignment WHERE patientId = ? AND endedAt IS NULL AND kind = 'FAST_VARDKONTAKT'`, patient.id)).toEqual([]);
    expect(notificationsOfCase(changeId)).toEqual([expect.objectContaining({ recipient: "PATIENT", channel: "PHONE", status: "DONE" })]);
    expect(notificationsOfCase(endingId)).toEqual([expect.objectContaining({ recipient: "PATIENT", channel: "LETTER", status: "DONE" })]);
    const by = ["verksamhetschef", "VERKSAMHETSCHEF", "vcNorrsjo"] as const;
    expectAudit(mark, patient.id, [
      ["case.start", "REQUEST_CHANGE", ...by],
      ["case.step", "APPOINT", ...by],
      ["assignment.end", null, ...by],
      ["assignment.create", null, ...by],
      ["notification.queue", null, ...by],
      ["case.step", "NOTIFY", ...by],
      ["notification.record", null, ...by],
      ["case.start", "REVIEW", ...by],
      ["case.step", "END", ...by],
      ["assignment.end", null, ...by],
      ["notification.queue", null, ...by],
      ["case.step", "NOTIFY", ...by],
      ["notification.record", null, ...by],
    ]);
    expectViews(mark, patient.id, [["verksamhetschef", "VERKSAMHETSCHEF", "vcNorrsjo"]]);

    async function saveAndCheck(name: string) {
      await checkPage(page, name, scripted.browser.context);
    }
  });
});
