// The case page, the start page and the patient page's cases: a verksamhetschef opens a seeded
// case (statechart, timeline, a form with a Swedish error next to the field), starts a case
// from the patient page and takes a valid step; without JavaScript the server says the same.
import { describe, expect, it } from "vitest";
import { t } from "~/i18n";
import { baseUrl, expectNoAxeViolations, openPage, saveScreenshot, signIn, useBrowser } from "./browser";
import { query } from "./database";

const VC_NORRSJO = "Vårdcentralen Norrsjö";
/** Seeded (prisma/demo/cases.ts): a patient's request received at the vårdcentral, an appointment due. */
const REQUEST_CASE = "demo-case-patient-request";

const revisionOf = (caseId: string) => query<{ revision: number }>(`SELECT revision FROM ProcessCase WHERE id = ?`, caseId)[0].revision;

/** A patient listed at the vårdcentral, not protected, with no open assessment case. */
function patientWithoutAssessment() {
  return query<{ id: string; lastName: string }>(
    `SELECT p.id, p.lastName FROM Patient p
     JOIN Listing l ON l.patientId = p.id AND l."to" IS NULL
     JOIN CareUnit u ON u.id = l.careUnitId AND u.name = ?
     WHERE p.protectedIdentity = 0
       AND NOT EXISTS (SELECT 1 FROM ProcessCase c WHERE c.patientId = p.id AND c.status = 'OPEN')
     ORDER BY p.identifier LIMIT 1`,
    VC_NORRSJO,
  )[0];
}

async function signInAtVc(page: Parameters<typeof signIn>[0]) {
  await signIn(page, "verksamhetschef");
  await page.getByRole("heading", { level: 1, name: t("worklist.title", { unit: VC_NORRSJO }) }).waitFor();
}

describe("with JavaScript", () => {
  const session = useBrowser();

  it("shows a seeded case with its process, path and timeline, and a Swedish error next to a field left empty", { timeout: 90_000 }, async () => {
    const { page } = session;
    await signInAtVc(page);
    await openPage(page, `/arenden/${REQUEST_CASE}`);
    await page.getByRole("heading", { level: 1, name: new RegExp(t("process.PATIENT_REQUEST")) }).waitFor();
    expect(await page.getByTestId("case-step").textContent()).toBe(t("state.awaitingAppointment"));
    expect(await page.getByTestId("case-path").textContent()).toContain(t("event.RECEIVE_REQUEST"));
    const timeline = page.getByTestId("case-timeline");
    expect(await timeline.textContent()).toContain(t("event.RECEIVE_REQUEST"));
    expect(await timeline.textContent()).toContain("Sara Nilsson");
    // Exactly the forms the verksamhetschef may send now (PL 6 kap. 2 §): appoint, or close the
    // request with the existing contact or one of its audited reasons.
    await page.getByRole("heading", { level: 3, name: t("event.APPOINT") }).waitFor();
    await page.getByRole("heading", { level: 3, name: t("event.CLOSE_REQUEST") }).waitFor();
    expect(await page.locator("form.event-form").count()).toBe(3);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "case-page-appoint");

    const before = revisionOf(REQUEST_CASE);
    await page.getByRole("button", { name: t("cases.submit", { event: t("event.APPOINT") }) }).click();
    const picker = page.getByRole("group", { name: t("cases.field.staffMemberId") });
    await picker.getByText(t("event.staffRequired")).waitFor();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "case-page-appoint-error");
    expect(revisionOf(REQUEST_CASE)).toBe(before);
  });

  it("starts a case from the patient page and takes a valid step, each written with its audit row", { timeout: 120_000 }, async () => {
    const patient = patientWithoutAssessment();
    const { page } = session;
    await signInAtVc(page);
    await openPage(page, `/patienter/${patient.id}`);
    await page.getByRole("heading", { level: 2, name: t("patients.start") }).waitFor();
    await page.getByRole("heading", { level: 2, name: t("patients.history") }).waitFor();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "patient-page-cases");

    await page.getByRole("link", { name: t("patients.startLink", { process: t("process.ASSESSMENT") }) }).click();
    await page.getByRole("heading", { level: 1, name: t("cases.start.title", { process: t("process.ASSESSMENT") }) }).waitFor();
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "case-start-page");
    // The visit date is filled in with today; an emptied one is a Swedish error next to it.
    await page.getByLabel(t("cases.field.visitDate")).fill("");
    await page.getByRole("button", { name: t("cases.start.submit", { event: t("event.REGISTER_VISIT") }) }).click();
    await page.getByText(t("event.dateRequired")).waitFor();
    expect(await page.getByLabel(t("cases.field.visitDate")).getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel(t("cases.field.visitDate")).fill("2026-11-20");
    await page.getByRole("button", { name: t("cases.start.submit", { event: t("event.REGISTER_VISIT") }) }).click();

    await page.getByRole("status").getByText(t("cases.saved", { event: t("event.REGISTER_VISIT") })).waitFor();
    await page.getByTestId("case-step").getByText(t("state.awaitingAssessment")).waitFor();
    const caseId = new URL(page.url()).pathname.split("/").pop()!;

    // "No need" without a reason: the same schema as the server asks for one, next to the field.
    await page.getByRole("radio", { name: t("cases.no") }).check();
    await page.getByRole("button", { name: t("cases.submit", { event: t("event.ASSESS") }) }).click();
    await page.getByText(t("event.reasonRequired")).waitFor();
    await page.getByRole("radio", { name: t("cases.yes") }).check();
    await page.getByRole("button", { name: t("cases.submit", { event: t("event.ASSESS") }) }).click();
    await page.getByRole("status").getByText(t("cases.saved", { event: t("event.ASSESS") })).waitFor();
    await page.getByTestId("case-step").getByText(t("state.awaitingInformation")).waitFor();
    expect(await page.getByTestId("case-timeline").textContent()).toContain(t("event.ASSESS"));
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "case-page-after-step");

    const rows = query<{ action: string; roleCode: string; after: string }>(
      `SELECT action, roleCode, after FROM AuditEvent WHERE entityType = 'ProcessCase' AND entityId = ? ORDER BY id`,
      caseId,
    );
    expect(rows.map((r) => [r.action, r.roleCode, JSON.parse(r.after).event])).toEqual([
      ["case.start", "VERKSAMHETSCHEF", "REGISTER_VISIT"],
      ["case.step", "VERKSAMHETSCHEF", "ASSESS"],
    ]);
    expect(query(`SELECT state, revision FROM ProcessCase WHERE id = ?`, caseId)).toEqual([{ state: "awaitingInformation", revision: 2 }]);

    // The patient page lists the new case among the open ones.
    await openPage(page, `/patienter/${patient.id}`);
    await page.getByTestId("open-cases").getByRole("link", { name: t("process.ASSESSMENT") }).waitFor();
  });

  it("answers a case of another unit with the 404 page", async () => {
    const [other] = query<{ id: string }>(
      `SELECT c.id FROM ProcessCase c JOIN CareUnit u ON u.id = c.careUnitId WHERE u.kind = 'HEMTJANST' LIMIT 1`,
    );
    const { page, browser } = session;
    await signInAtVc(page);
    const response = await page.goto(`${baseUrl()}/arenden/${other.id}`);
    expect(response?.status()).toBe(404);
    expect(browser.consoleErrors.splice(0)).toEqual(["Failed to load resource: the server responded with a status of 404 (Not Found)"]);
    await page.getByRole("heading", { level: 1, name: t("error.notFound.title") }).waitFor();
  });
});

describe("without JavaScript", () => {
  const session = useBrowser({ javaScriptEnabled: false });

  it("shows the server's Swedish error next to the field and writes nothing", async () => {
    const { page } = session;
    await signInAtVc(page);
    await page.goto(`${baseUrl()}/arenden/${REQUEST_CASE}`);
    const before = revisionOf(REQUEST_CASE);
    await page.getByRole("button", { name: t("cases.submit", { event: t("event.APPOINT") }) }).click();
    await page.getByRole("group", { name: t("cases.field.staffMemberId") }).getByText(t("event.staffRequired")).waitFor();
    expect(revisionOf(REQUEST_CASE)).toBe(before);
  });
});
