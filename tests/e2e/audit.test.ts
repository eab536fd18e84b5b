// The administrator's audit pages in the browser: find a seeded patient's log extract by
// personnummer, filter it, download it as CSV, print it, open the log of a user who acted
// on the patient — and every one of those looks is itself in the access log.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { t } from "~/i18n";
import { baseUrl, expectNoAxeViolations, openPage, saveScreenshot, signIn, useBrowser } from "./browser";
import { patientName, query } from "./database";

const ADMIN_ID = "demo-user-administrator";
const VC_NORRSJO = "Vårdcentralen Norrsjö";

type Patient = { id: string; identifier: string; firstName: string; lastName: string };

/**
 * The seeded patient with the most changes made by named users at the administrator's
 * units, and how many changes the extract should list (the units' rows and those of no unit).
 */
function patientWithChanges(): Patient & { changes: number } {
  const [patient] = query<Patient>(
    `SELECT p.id, p.identifier, p.firstName, p.lastName FROM AuditEvent e
     JOIN Patient p ON p.id = e.patientId
     WHERE p.protectedIdentity = 0 AND e.userId IS NOT NULL
       AND e.careUnitId IN (SELECT careUnitId FROM RoleGrant WHERE userId = ?)
     GROUP BY p.id ORDER BY count(*) DESC, p.id LIMIT 1`,
    ADMIN_ID,
  );
  const [{ changes }] = query<{ changes: number }>(
    `SELECT count(*) AS changes FROM AuditEvent
     WHERE patientId = ? AND (careUnitId IS NULL OR careUnitId IN (SELECT careUnitId FROM RoleGrant WHERE userId = ?))`,
    patient.id,
    ADMIN_ID,
  );
  return { ...patient, changes };
}

const stockholmDay = (iso: string) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Stockholm" }).format(new Date(iso));

const written = (identifier: string) => `${identifier.slice(0, 8)}-${identifier.slice(8)}`;

async function signInAsAdministrator(page: Page) {
  await signIn(page, "administrator");
  await page.waitForURL(/\/valj-enhet/);
  await page.getByLabel(new RegExp(`^${VC_NORRSJO} –`)).check();
  await page.getByRole("button", { name: t("chooseUnit.submit") }).click();
  await page.getByTestId("active-unit").getByText(VC_NORRSJO).waitFor();
}

function accessRows(patientId: string) {
  return query<{ action: string; roleCode: string }>(
    `SELECT action, roleCode FROM AccessLog WHERE userId = ? AND patientId = ? ORDER BY id`,
    ADMIN_ID,
    patientId,
  );
}

// A whole story per test, on a machine shared by several builds: more time than one page needs.
const STORY_TIMEOUT = 120_000;

describe("with JavaScript", () => {
  const session = useBrowser();

  it("finds a seeded patient's extract, filters it, downloads the CSV, and opens the log of a user who acted", async () => {
    const patient = patientWithChanges();
    const { page } = session;
    await signInAsAdministrator(page);

    await page.getByRole("navigation", { name: t("app.mainNav") }).getByRole("link", { name: t("nav.audit") }).click();
    await page.getByRole("heading", { level: 1, name: t("audit.title") }).waitFor();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "audit-start");

    // A typo first: the message stands next to the field.
    await page.getByLabel(t("audit.patientSearch.label")).fill(`${patient.identifier.slice(0, 11)}${(Number(patient.identifier[11]) + 1) % 10}`);
    await page.getByRole("button", { name: t("audit.patientSearch.submit") }).click();
    await page.getByText(t("identifier.checkDigit")).waitFor();
    expect(await page.getByLabel(t("audit.patientSearch.label")).getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "audit-start-error");

    await page.getByLabel(t("audit.patientSearch.label")).fill(written(patient.identifier));
    await page.getByRole("button", { name: t("audit.patientSearch.submit") }).click();
    await page.getByRole("heading", { level: 1, name: t("audit.extract.title", { name: patientName(patient.id) }) }).waitFor();
    expect(await page.getByTestId("extract-identifier").textContent()).toBe(written(patient.identifier));
    const log = page.getByTestId("audit-log");
    expect(await log.locator('tr[data-kind="change"]').count()).toBe(patient.changes);
    expect(await log.locator('tr[data-kind="view"]').count()).toBeGreaterThan(0); // this very opening
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "audit-extract");

    // Only changes, from the day of the oldest one.
    const [oldest] = query<{ at: string }>(`SELECT at FROM AuditEvent WHERE patientId = ? ORDER BY at LIMIT 1`, patient.id);
    const from = stockholmDay(oldest.at);
    await page.getByLabel(t("audit.filter.from")).fill(from);
    await page.getByLabel(t("audit.filter.kind")).selectOption("andringar");
    await page.getByRole("button", { name: t("audit.filter.submit") }).click();
    await page.waitForURL(/typ=andringar/);
    await page.getByTestId("log-summary").getByText(new RegExp(`^${patient.changes} händelser: ${patient.changes} ändringar och 0 visningar`)).waitFor();
    expect(await log.locator('tr[data-kind="view"]').count()).toBe(0);
    expect(await page.getByTestId("extract-period").textContent()).toBe(t("audit.period.from", { from }));
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "audit-extract-filtered");

    // The print layout: no menu, no filter, the whole table.
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("navigation", { name: t("app.mainNav") }).isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: t("audit.filter.submit") }).isVisible()).toBe(false);
    expect(await log.isVisible()).toBe(true);
    await saveScreenshot(page, "audit-extract-print");
    await page.emulateMedia({ media: "screen" });

    // The CSV file of the same rows.
    const href = await page.getByRole("link", { name: t("audit.extract.csv") }).getAttribute("href");
    expect(href).toBe(`/logg/patient/${patient.id}/loggutdrag.csv?fran=${from}&typ=andringar`);
    const response = await page.context().request.get(`${baseUrl()}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="loggutdrag-.*\.csv"$/);
    const body = await response.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString("utf-8").slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "Tidpunkt;Typ;Händelse;Uppgift;Vem;Roll;Enhet eller system;Delegering eller skäl;Begäran-id;Patient;Personnummer",
    );
    expect(lines).toHaveLength(patient.changes + 1);
    expect(lines.slice(1).every((line) => line.includes(";Ändring;") && line.endsWith(`;${written(patient.identifier)}`))).toBe(true);

    // The log of the user who made the newest change, on the day of that change.
    const [actor] = query<{ id: string; displayName: string; at: string }>(
      `SELECT u.id, u.displayName, e.at FROM AuditEvent e JOIN User u ON u.id = e.userId
       WHERE e.patientId = ? ORDER BY e.at DESC, e.id DESC LIMIT 1`,
      patient.id,
    );
    await log.getByRole("link", { name: t("audit.userLogLink", { name: actor.displayName }) }).first().click();
    await page.getByRole("heading", { level: 1, name: t("audit.user.title", { name: actor.displayName }) }).waitFor();
    await page.getByLabel(t("audit.filter.from")).fill(stockholmDay(actor.at));
    await page.getByLabel(t("audit.filter.to")).fill(stockholmDay(actor.at));
    await page.getByRole("button", { name: t("audit.filter.submit") }).click();
    await page.waitForURL(/till=/);
    await page.getByTestId("audit-log").getByText(written(patient.identifier)).first().waitFor();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "audit-user");

    expect(accessRows(patient.id).map((r) => r.action)).toEqual(
      expect.arrayContaining(["audit.extract", "audit.export", "audit.user-log"]),
    );
    expect(new Set(accessRows(patient.id).map((r) => r.roleCode))).toEqual(new Set(["ADMINISTRATOR"]));
  }, STORY_TIMEOUT);

  it("finds users by name and shows the extract at tablet width", async () => {
    const patient = patientWithChanges();
    const { page } = session;
    await signInAsAdministrator(page);
    await openPage(page, "/logg");
    await page.getByLabel(t("audit.userSearch.label")).fill("lindqvist");
    await page.getByRole("button", { name: t("audit.userSearch.submit") }).click();
    await page.getByTestId("user-list").getByRole("link", { name: "Karin Lindqvist" }).waitFor();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "audit-user-search");

    await page.setViewportSize({ width: 768, height: 1024 });
    await openPage(page, `/logg/patient/${patient.id}`);
    await page.getByTestId("audit-log").waitFor();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "audit-extract-tablet");
    await page.setViewportSize({ width: 1280, height: 720 });
  }, STORY_TIMEOUT);

  it("shows the Swedish 403 page to a verksamhetschef", async () => {
    const { page, browser } = session;
    await signIn(page, "verksamhetschef");
    await page.getByTestId("active-unit").waitFor();
    const response = await page.goto(`${baseUrl()}/logg`);
    expect(response?.status()).toBe(403);
    expect(browser.consoleErrors.splice(0)).toEqual(["Failed to load resource: the server responded with a status of 403 (Forbidden)"]);
    await page.getByRole("heading", { level: 1, name: t("error.forbidden.title") }).waitFor();
  });
});

describe("without JavaScript", () => {
  const session = useBrowser({ javaScriptEnabled: false });

  it("searches, filters and pages with plain GET forms", async () => {
    const patient = patientWithChanges();
    const { page } = session;
    await signIn(page, "administrator");
    await page.getByLabel(new RegExp(`^${VC_NORRSJO} –`)).check();
    await page.getByRole("button", { name: t("chooseUnit.submit") }).click();
    await page.goto(`${baseUrl()}/logg`);
    await page.getByLabel(t("audit.patientSearch.label")).fill(patient.identifier);
    await page.getByRole("button", { name: t("audit.patientSearch.submit") }).click();
    await page.getByTestId("audit-log").waitFor();
    await page.getByLabel(t("audit.filter.to")).fill("2026-02-30");
    await page.getByRole("button", { name: t("audit.filter.submit") }).click();
    await page.getByText(t("event.dateFormat")).waitFor();
    expect(await page.getByLabel(t("audit.filter.to")).getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByTestId("audit-log").count()).toBe(0);
    await page.getByLabel(t("audit.filter.to")).fill("");
    await page.getByLabel(t("audit.filter.kind")).selectOption("visningar");
    await page.getByRole("button", { name: t("audit.filter.submit") }).click();
    await page.waitForURL(/typ=visningar/);
    expect(await page.getByTestId("audit-log").locator('tr[data-kind="change"]').count()).toBe(0);
    expect(await page.getByTestId("audit-log").locator('tr[data-kind="view"]').count()).toBeGreaterThan(0);
    // Without scripts there is no print button: the browser's own print command remains.
    expect(await page.getByRole("button", { name: t("audit.extract.print") }).count()).toBe(0);
  }, STORY_TIMEOUT);
});
