// The staff register and the unit page in the browser: the administrator adds a staff
// member (after a validation error), sets the last day of employment and finds it on the
// list; the verksamhetschef reads a colleague's assignments (access-logged) and the unit
// page. Every page passes axe and is saved as a screenshot; the rows written are checked.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addDays, isoDateInStockholm } from "~/domain/dates";
import { t } from "~/i18n";
import { expectNoAxeViolations, openPage, saveScreenshot, signIn, useBrowser } from "./browser";
import { logMark, query } from "./database";

const VC_NORRSJO = "Vårdcentralen Norrsjö";
// Whole stories with axe on every page: more than the default 30 s on a busy two-core machine.
const STORY_TIMEOUT = 150_000;

/** A fresh, well-formed HSA-id (Region Norrsjö's organisation number), unique per run. */
const freshHsaId = (tag: string) => `SE2321000016-${tag}${Date.now().toString(36).toUpperCase()}`;

async function signInAsAdministratorAt(page: Page, unitName: string) {
  await signIn(page, "administrator");
  await page.waitForURL(/\/valj-enhet/);
  await page.getByLabel(new RegExp(`^${unitName} –`)).check();
  await page.getByRole("button", { name: t("chooseUnit.submit") }).click();
  await page.getByTestId("active-unit").getByText(unitName).waitFor();
}

async function checkPage(page: Page, name: string) {
  await expectNoAxeViolations(page);
  await saveScreenshot(page, name);
}

describe("with JavaScript", () => {
  const session = useBrowser();

  it("lets the administrator add a staff member, set the last day and see it on the list", async () => {
    const { page } = session;
    const today = isoDateInStockholm(new Date());
    const lastDay = addDays(today, 20);
    const hsaId = freshHsaId("E2E");
    await signInAsAdministratorAt(page, VC_NORRSJO);

    await openPage(page, "/personal");
    await page.getByRole("heading", { level: 1, name: t("staff.list.headingManaged") }).waitFor();
    expect(await page.getByTestId("staff-row").count()).toBeGreaterThan(10);
    await checkPage(page, "staff-list-administrator");

    await page.getByRole("link", { name: t("staff.list.add") }).click();
    await page.getByRole("heading", { level: 1, name: t("staff.form.title") }).waitFor();
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await checkPage(page, "staff-add-empty");

    await page.getByLabel(t("staff.form.firstName")).fill("Greta");
    await page.getByLabel(t("staff.form.lastName")).fill("Provsson");
    await page.getByLabel(t("staff.form.hsaId")).fill("SE2321000016-GRÖN");
    await page.getByLabel(t("staff.form.befattning")).selectOption("206011");
    await page.getByLabel(t("staff.form.unit")).selectOption({ label: VC_NORRSJO });
    await page.getByLabel(t("staff.form.employmentFrom")).fill(today);
    await page.getByLabel("Sjuksköterska", { exact: true }).check();
    await page.getByLabel("Allmänmedicin").selectOption("IN_TRAINING");
    await page.getByRole("button", { name: t("staff.form.submit") }).click();
    // Checked in the browser with the shared schema: the message sits next to the field.
    await page.getByText(t("hsaId.forbiddenCharacters")).waitFor();
    expect(await page.getByLabel(t("staff.form.hsaId")).getAttribute("aria-invalid")).toBe("true");
    await checkPage(page, "staff-add-error");

    await page.getByLabel(t("staff.form.hsaId")).fill(hsaId);
    await page.getByRole("button", { name: t("staff.form.submit") }).click();
    await page.getByRole("heading", { level: 1, name: "Greta Provsson" }).waitFor();
    await page.getByRole("status").getByText(t("staff.detail.created", { name: "Greta Provsson" })).waitFor();
    expect(await page.getByTestId("staff-hsa-id").textContent()).toBe(hsaId);
    await page.getByText(t("staff.end.warningWorklist", { days: 30 })).waitFor();
    await checkPage(page, "staff-detail-new");

    // A last day before the first day is refused by the server, next to the field.
    await page.getByLabel(t("staff.end.label")).fill(addDays(today, -1));
    await page.getByRole("button", { name: t("staff.end.submit") }).click();
    await page.getByText(t("staff.end.beforeStart", { start: today })).waitFor();
    await checkPage(page, "staff-detail-end-error");

    await page.getByLabel(t("staff.end.label")).fill(lastDay);
    await page.getByRole("button", { name: t("staff.end.submit") }).click();
    await page.getByRole("status").getByText(t("staff.end.saved", { date: lastDay })).waitFor();
    await page.getByTestId("staff-status").getByText(t("staff.status.leavingInDays", { days: 20 })).waitFor();
    await checkPage(page, "staff-detail-leaving");

    await page.getByRole("link", { name: t("staff.detail.back") }).click();
    await page.getByLabel(t("staff.list.search")).fill("Provsson");
    await page.getByRole("button", { name: t("staff.list.searchSubmit") }).click();
    await page.getByTestId("staff-count").getByText(t("staff.list.countFilteredOne", { query: "Provsson" })).waitFor();
    const row = page.getByTestId("staff-row");
    await row.getByText(t("staff.status.leaving", { date: lastDay })).waitFor();
    await row.getByText(t("staff.status.leavingInDays", { days: 20 })).waitFor();
    expect(await row.textContent()).toContain(hsaId);
    await checkPage(page, "staff-list-search");

    const [staff] = query<{ id: string; employmentEndDate: string; legitimations: string }>(
      `SELECT id, employmentEndDate, legitimations FROM StaffMember WHERE hsaId = ?`,
      hsaId,
    );
    expect(staff).toMatchObject({ employmentEndDate: lastDay, legitimations: "SJ" });
    expect(query(`SELECT specialty, status FROM StaffSpecialty WHERE staffMemberId = ?`, staff.id)).toEqual([
      { specialty: "ALLMANMEDICIN", status: "IN_TRAINING" },
    ]);
    const audit = query<{ action: string; roleCode: string; after: string }>(
      `SELECT a.action, a.roleCode, a.after FROM AuditEvent a JOIN User u ON u.id = a.userId
       WHERE u.username = 'administrator' AND a.entityId = ? ORDER BY a.id`,
      staff.id,
    );
    expect(audit.map((a) => [a.action, a.roleCode])).toEqual([
      ["staff.create", "ADMINISTRATOR"],
      ["staff.employment-end", "ADMINISTRATOR"],
    ]);
    expect(JSON.parse(audit[1].after)).toEqual({ employmentEndDate: lastDay });
  }, STORY_TIMEOUT);

  it("lets the administrator open the page of another unit they administer", async () => {
    const { page } = session;
    await signInAsAdministratorAt(page, VC_NORRSJO);
    await openPage(page, "/enhet");
    await page.getByRole("heading", { level: 1, name: VC_NORRSJO }).waitFor();
    await page.getByRole("navigation", { name: t("staff.unit.otherUnits") }).getByRole("link", { name: /Medicinavdelning 12/ }).click();
    await page.getByRole("heading", { level: 1, name: /Medicinavdelning 12/ }).waitFor();
    await page.getByRole("heading", { level: 3, name: "Vårdlag A" }).waitFor();
    await checkPage(page, "unit-other-administrator");
  }, STORY_TIMEOUT);

  it("shows the verksamhetschef a colleague's current assignments, access-logged, and the unit page", async () => {
    const { page } = session;
    // A colleague at the verksamhetschef's unit who is fast kontakt for patients there.
    const [colleague] = query<{ id: string; firstName: string; lastName: string; assignments: number }>(
      `SELECT s.id, s.firstName, s.lastName, COUNT(a.id) AS assignments FROM StaffMember s
       JOIN Assignment a ON a.staffMemberId = s.id AND a.endedAt IS NULL
       JOIN CareUnit u ON u.id = a.careUnitId AND u.name = ?
       GROUP BY s.id ORDER BY assignments DESC, s.lastName LIMIT 1`,
      VC_NORRSJO,
    );
    await signIn(page, "verksamhetschef");
    await page.getByTestId("active-unit").getByText(VC_NORRSJO).waitFor();
    // Only this visit's log rows: other files may have shown staff pages to the same user before.
    const mark = logMark();

    await openPage(page, "/personal");
    await page.getByRole("heading", { level: 1, name: t("staff.list.headingUnit", { unit: VC_NORRSJO }) }).waitFor();
    expect(await page.getByRole("link", { name: t("staff.list.add") }).count()).toBe(0);
    await checkPage(page, "staff-list-verksamhetschef");

    await page.getByRole("link", { name: `${colleague.firstName} ${colleague.lastName}`, exact: false }).first().click();
    await page.getByRole("heading", { level: 1, name: new RegExp(colleague.lastName) }).waitFor();
    await page.getByRole("heading", { level: 2, name: t("staff.detail.qualifications") }).waitFor();
    const rows = page.getByTestId("staff-assignment");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(colleague.assignments);
    expect(await rows.first().textContent()).toMatch(/\d{8}-\d{4}/);
    expect(await page.getByRole("heading", { level: 2, name: t("staff.end.heading") }).count()).toBe(0);
    await checkPage(page, "staff-detail-verksamhetschef");

    const logged = query<{ patientId: string }>(
      `SELECT DISTINCT a.patientId FROM AccessLog a JOIN User u ON u.id = a.userId
       WHERE u.username = 'verksamhetschef' AND a.action = 'staff.assignments' AND a.id > ?`,
      mark.access,
    );
    const shown = query<{ patientId: string }>(
      `SELECT DISTINCT a.patientId FROM Assignment a JOIN CareUnit u ON u.id = a.careUnitId AND u.name = ?
       WHERE a.staffMemberId = ? AND a.endedAt IS NULL`,
      VC_NORRSJO,
      colleague.id,
    );
    expect(logged.map((r) => r.patientId).sort()).toEqual(shown.map((r) => r.patientId).sort());

    await rows.first().getByRole("link").click();
    await page.getByTestId("patient-identifier").waitFor();

    await openPage(page, "/enhet");
    await page.getByRole("heading", { level: 1, name: VC_NORRSJO }).waitFor();
    await page.getByText(t("staff.unit.staffOnly")).waitFor();
    await page.getByTestId("unit-leader").getByText("Karin Lindqvist").waitFor();
    await page.getByRole("heading", { level: 3, name: "Team Blå" }).waitFor();
    await page.getByText("1177 e-tjänster").first().waitFor();
    await checkPage(page, "unit-verksamhetschef");

    // Tablet width: the pages reflow, wide tables scroll inside their own box.
    await page.setViewportSize({ width: 768, height: 1024 });
    await checkPage(page, "unit-verksamhetschef-768");
    await openPage(page, "/personal");
    await page.getByTestId("staff-row").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await checkPage(page, "staff-list-verksamhetschef-768");
  }, STORY_TIMEOUT);
});

describe("without JavaScript", () => {
  const session = useBrowser({ javaScriptEnabled: false });

  it("answers an incomplete form with the server's messages next to the fields and keeps what was typed", async () => {
    const { page } = session;
    await signInAsAdministratorAt(page, VC_NORRSJO);
    await openPage(page, "/personal/ny");
    await page.getByLabel(t("staff.form.firstName")).fill("Utan");
    await page.getByLabel(t("staff.form.hsaId")).fill("SE2321000017-ABC");
    await page.getByRole("button", { name: t("staff.form.submit") }).click();
    await page.getByText(t("staff.form.lastNameRequired")).waitFor();
    await page.getByText(t("hsaId.organisationNumber")).waitFor();
    await page.getByText(t("staff.form.befattningRequired")).waitFor();
    expect(await page.getByLabel(t("staff.form.firstName")).inputValue()).toBe("Utan");
    // axe needs scripts in the page; the same form with errors is checked with JavaScript above.
    await saveScreenshot(page, "staff-add-error-no-js");
  }, STORY_TIMEOUT);
});
