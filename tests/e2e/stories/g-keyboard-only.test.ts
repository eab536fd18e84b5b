// WCAG 2.1.1: every job can be done with the keyboard alone. The verksamhetschef takes an
// assessment from the patient list to a notified fast vårdkontakt without touching the mouse:
// Tab (and the arrow keys inside a radio group) to reach each control, Space to choose,
// Enter to follow a link or send a form; every control reached shows where the focus is.
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { t } from "~/i18n";
import { eventLabel } from "~/processes/labels";
import { useBrowser } from "../browser";
import { assignmentsOfCase, caseRow, notificationsOfCase } from "../database";
import {
  checkPage,
  expectCaseAt,
  expectCaseClosed,
  inDays,
  listedPatientWithoutCareContact,
  processLabel,
  signInAs,
  stepForm,
} from "./story";

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/**
 * Moves the focus with Tab until it is on `target` (inside a radio group, on with the arrow
 * keys, which also choose); fails if the keyboard cannot get there, or gets there unseen.
 */
async function tabTo(page: Page, target: Locator) {
  await target.waitFor();
  for (let presses = 0; presses < 300; presses++) {
    if (await isFocused(target)) {
      const style = await target.evaluate((el) => getComputedStyle(el));
      expect(style.outlineStyle !== "none" || style.boxShadow !== "none", "focus is visible").toBe(true);
      return;
    }
    const inTargetGroup = await target.evaluate((el) => {
      const active = document.activeElement;
      return el instanceof HTMLInputElement && el.type === "radio" && active instanceof HTMLInputElement && active.type === "radio" && active.name === el.name;
    });
    await page.keyboard.press(inTargetGroup ? "ArrowDown" : "Tab");
  }
  throw new Error(`the keyboard never reached ${target}`);
}

async function sendWithKeyboard(page: Page, form: Locator, button: string, type: string) {
  await tabTo(page, form.getByRole("button", { name: button }));
  await page.keyboard.press("Enter");
  await page.getByRole("status").getByText(t("cases.saved", { event: eventLabel(type) })).waitFor();
}

const sendStep = (page: Page, type: string) => sendWithKeyboard(page, stepForm(page, type), t("cases.submit", { event: eventLabel(type) }), type);

describe("keyboard only", () => {
  const session = useBrowser();

  it("takes an assessment from the patient list to a notified fast vårdkontakt", { timeout: 120_000 }, async () => {
    const { page } = session;
    const patient = listedPatientWithoutCareContact("vcNorrsjo");
    const reviewDate = inDays(180);
    await signInAs(page, "verksamhetschef");

    // Main menu → patient list → search by personnummer → the patient.
    await tabTo(page, page.getByRole("navigation", { name: t("app.mainNav") }).getByRole("link", { name: t("nav.patients"), exact: true }));
    await page.keyboard.press("Enter");
    await tabTo(page, page.getByLabel(t("start.search")));
    await page.keyboard.type(patient.identifier);
    await page.keyboard.press("Enter");
    await page.getByTestId("patient-count").getByText(t("start.countFilteredOne", { query: patient.identifier })).waitFor();
    await tabTo(page, page.getByRole("link", { name: new RegExp(patient.lastName) }));
    await page.keyboard.press("Enter");

    // Start the assessment; the visit date is filled in with today.
    const startLink = page
      .getByRole("list", { name: t("patients.start"), exact: true })
      .getByRole("link", { name: t("patients.startLink", { process: processLabel("ASSESSMENT") }) });
    await tabTo(page, startLink);
    await page.keyboard.press("Enter");
    await sendWithKeyboard(page, stepForm(page, "REGISTER_VISIT"), t("cases.start.submit", { event: eventLabel("REGISTER_VISIT") }), "REGISTER_VISIT");
    const caseId = /\/arenden\/([^/?#]+)/.exec(page.url())?.[1] ?? "";
    await expectCaseAt(page, "awaitingAssessment");

    await tabTo(page, stepForm(page, "ASSESS").getByRole("radio", { name: t("cases.yes"), exact: true }));
    await page.keyboard.press("Space");
    await sendStep(page, "ASSESS");
    await sendStep(page, "INFORM_PATIENT");
    await sendStep(page, "PATIENT_ACCEPTED");
    await expectCaseAt(page, "awaitingAppointment");

    // The first eligible person in the picker, and a review date.
    const appoint = stepForm(page, "APPOINT");
    const firstEligible = appoint.getByRole("radio").and(page.locator(":not([disabled])")).first();
    const appointeeId = await firstEligible.getAttribute("value");
    await tabTo(page, firstEligible);
    await page.keyboard.press("Space");
    const review = appoint.getByLabel(t("cases.field.reviewDueDate"));
    await tabTo(page, review);
    // The browser's own date control takes the date; it is operated from the keyboard too.
    await review.fill(reviewDate);
    await sendStep(page, "APPOINT");
    await expectCaseAt(page, "awaitingNotification");

    await tabTo(page, stepForm(page, "NOTIFY").getByRole("radio", { name: t("cases.channel.VIA_1177"), exact: true }));
    await page.keyboard.press("Space");
    await sendStep(page, "NOTIFY");
    await expectCaseClosed(page, "APPOINTED");
    await checkPage(page, "g-keyboard-case-closed");

    expect(caseRow(caseId)).toMatchObject({ processCode: "ASSESSMENT", status: "CLOSED", outcome: "APPOINTED" });
    expect(assignmentsOfCase(caseId)).toEqual([
      expect.objectContaining({ kind: "FAST_VARDKONTAKT", staffMemberId: appointeeId, reviewDueDate: reviewDate, endedAt: null }),
    ]);
    expect(notificationsOfCase(caseId)).toEqual([expect.objectContaining({ recipient: "PATIENT", channel: "VIA_1177", status: "DONE" })]);
  });
});
