// What every story does in the browser, the way a user does it: sign in (choosing a unit
// where the user has two), open a patient, start a case from the patient page, fill in the
// form of the next step and save it. Each page a story visits is checked by axe and saved as
// a screenshot by the story itself (checkPage).
import type { BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { addDays, isoDateInStockholm } from "~/domain/dates";
import { t, type MessageKey } from "~/i18n";
import { eventLabel, outcomeLabel, stateLabel } from "~/processes/labels";
import { UNIT_NAMES, type UnitKey } from "../../../prisma/demo/units";
import type { DemoUsername } from "../../../prisma/demo/users";
import { baseUrl, expectNoAxeViolations, openPage, saveScreenshot, signIn } from "../browser";
import { accessSince, auditSince, first, patientName, unitId, userId } from "../database";

export const today = () => isoDateInStockholm(new Date());
export const inDays = (days: number) => addDays(today(), days);

export const processLabel = (process: string) => t(`process.${process}` as MessageKey);

export const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Signs in; a user with several units chooses `unit` on the page that asks. */
export async function signInAs(page: Page, username: DemoUsername, unit?: UnitKey) {
  await signIn(page, username);
  if (unit) {
    await page.waitForURL(/\/valj-enhet/);
    await page.getByLabel(new RegExp(`^${escape(UNIT_NAMES[unit])}`)).check();
    await page.getByRole("button", { name: t("chooseUnit.submit") }).click();
    await page.getByTestId("active-unit").getByText(UNIT_NAMES[unit]).waitFor();
  } else {
    await page.getByTestId("active-unit").waitFor();
  }
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: t("signOut.submit") }).click();
  await page.getByRole("status").getByText(t("signOut.done")).waitFor();
}

/**
 * axe and a screenshot: every page a story visits is checked and on record. axe runs as a
 * script in the page, which a browser with JavaScript turned off never runs (it waits forever):
 * there, pass `axeIn`, a context with scripts, and axe checks the page's server-rendered
 * document as that browser shows it — its own scripts left out, its styles loaded.
 */
export async function checkPage(page: Page, name: string, axeIn?: BrowserContext) {
  if (axeIn) await expectNoAxeViolationsInCopy(page, axeIn);
  else await expectNoAxeViolations(page);
  await saveScreenshot(page, name);
}

async function expectNoAxeViolationsInCopy(page: Page, context: BrowserContext) {
  const html = (await page.content())
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    .replace(/<head>/i, `<head><base href="${baseUrl()}/">`);
  const copy = await context.newPage();
  try {
    await copy.setContent(html, { waitUntil: "load" });
    await expectNoAxeViolations(copy);
  } finally {
    await copy.close();
  }
}

/** Finds the patient as staff do: the main menu's patient list, searched by personnummer. */
export async function openPatient(page: Page, patient: { id: string; identifier: string }) {
  await page.getByRole("navigation", { name: t("app.mainNav") }).getByRole("link", { name: t("nav.patients"), exact: true }).click();
  await page.getByLabel(t("start.search")).fill(patient.identifier);
  await page.getByRole("button", { name: t("start.searchSubmit") }).click();
  const name = patientName(patient.id);
  await page.getByRole("link", { name, exact: true }).click();
  await page.getByRole("heading", { level: 1, name, exact: true }).waitFor();
}

/** On the patient page: the button that starts the process (for a fixed contact: on its card). */
export async function clickStart(page: Page, process: string, within?: ReturnType<Page["locator"]>) {
  const scope = within ?? page.getByRole("list", { name: t("patients.start"), exact: true });
  await scope.getByRole("link", { name: t("patients.startLink", { process: processLabel(process) }) }).click();
  await page.getByRole("heading", { level: 1, name: t("cases.start.title", { process: processLabel(process) }) }).waitFor();
}

/** On the patient page: opens the open case of the process from the table of open cases. */
export async function openCaseFromPatient(page: Page, process: string) {
  await page.getByTestId("open-cases").getByRole("link", { name: processLabel(process), exact: true }).click();
  await page.getByTestId("case-status").waitFor();
}

/**
 * On the worklist, where a user lands after signing in: follows the next action of the
 * patient's case in one of its sections (the link names the action and, hidden, the patient).
 */
export async function openCaseFromWorklist(page: Page, section: string, nextEvent: string, patientId: string) {
  await page.getByTestId("worklist-summary").waitFor();
  await page
    .getByTestId(`section-${section}`)
    .getByRole("link", { name: `${eventLabel(nextEvent)} – ${patientName(patientId)}`, exact: true })
    .click();
  await page.getByTestId("case-status").waitFor();
}

/** The form of one event on a case page (a section named by the event) or a start page. */
export const stepForm = (page: Page, type: string, heading = eventLabel(type)) =>
  page.getByRole("region", { name: heading, exact: true });

/** Sends the opening event from a start page; the case page confirms it. Returns the case id. */
export async function submitStart(page: Page, type: string) {
  await stepForm(page, type).getByRole("button", { name: t("cases.start.submit", { event: eventLabel(type) }) }).click();
  await confirmSaved(page, type);
  const id = /\/arenden\/([^/?#]+)/.exec(page.url())?.[1];
  if (!id) throw new Error(`not on a case page after starting: ${page.url()}`);
  return id;
}

/** Saves the step's form on a case page and waits for the page to confirm it. */
export async function submitStep(page: Page, type: string) {
  await stepForm(page, type).getByRole("button", { name: t("cases.submit", { event: eventLabel(type) }) }).click();
  await confirmSaved(page, type);
}

async function confirmSaved(page: Page, type: string) {
  await page.getByRole("status").getByText(t("cases.saved", { event: eventLabel(type) })).waitFor();
}

/** The case page's current step, or its status and outcome once closed. */
export async function expectCaseAt(page: Page, state: string) {
  expect(await page.getByTestId("case-step").textContent()).toBe(stateLabel(state));
}

export async function expectCaseClosed(page: Page, outcome: string) {
  expect(await page.getByTestId("case-status").textContent()).toBe(t("cases.status.CLOSED"));
  expect(await page.getByTestId("case-outcome").textContent()).toBe(outcomeLabel(outcome));
}

export type PatientRow = { id: string; identifier: string; firstName: string; lastName: string };

/** The rows a story expects in AuditEvent: action, the case event (for case rows), who, as what, where. */
export type ExpectedAudit = [action: string, event: string | null, user: DemoUsername, role: string, unit: UnitKey];

export function expectAudit(mark: { audit: number }, patientId: string, expected: ExpectedAudit[]) {
  const rows = auditSince(mark, patientId).map((r) => [r.action, r.event, r.userId, r.roleCode, r.careUnitId]);
  expect(rows).toEqual(expected.map(([action, event, user, role, unit]) => [action, event, userId(user), role, unitId(unit)]));
}

/**
 * Every view of the patient since the mark was logged as the one who looked, in the role and
 * unit they acted in; each of `viewers` left at least one patient.view row, nobody else any.
 */
export function expectViews(mark: { access: number }, patientId: string, viewers: [user: DemoUsername, role: string, unit: UnitKey][]) {
  const rows = accessSince(mark, patientId);
  const expected = viewers.map(([user, role, unit]) => ({ userId: userId(user), roleCode: role, careUnitId: unitId(unit) }));
  for (const row of rows) expect(expected).toContainEqual({ userId: row.userId, roleCode: row.roleCode, careUnitId: row.careUnitId });
  for (const viewer of expected) {
    expect(rows.filter((r) => r.action === "patient.view" && r.userId === viewer.userId && r.careUnitId === viewer.careUnitId).length).toBeGreaterThan(0);
  }
}

/**
 * A patient listed at the unit who has never had a case (so no other story or test file is
 * working on them) and has no fast vårdkontakt: the starting point of stories (a), (b), (d).
 */
export function listedPatientWithoutCareContact(unit: UnitKey): PatientRow {
  return first<PatientRow>(
    `patient listed at ${unit} without a case or a fast vårdkontakt`,
    `SELECT p.id, p.identifier, p.firstName, p.lastName FROM Patient p
     WHERE p.protectedIdentity = 0
       AND EXISTS (SELECT 1 FROM Listing l WHERE l.patientId = p.id AND l."to" IS NULL AND l.careUnitId = ?)
       AND NOT EXISTS (SELECT 1 FROM ProcessCase c WHERE c.patientId = p.id)
       AND NOT EXISTS (SELECT 1 FROM Assignment a WHERE a.patientId = p.id AND a.endedAt IS NULL AND a.kind = 'FAST_VARDKONTAKT')
     ORDER BY p.identifier LIMIT 1`,
    unitId(unit),
  );
}
