// The compliance follow-up (issue 4 §4) on the seeded demo region: a verksamhetschef and an
// administrator see the charts and tables, follow a figure to the patients behind it (which
// is access-logged), and use the filters; with JavaScript off the filters still work.
import { describe, expect, it } from "vitest";
import { isoDateInStockholm } from "~/domain/dates";
import { t } from "~/i18n";
import { complianceMonths } from "~/models/compliance-months";
import { DEMO_USERS } from "../../prisma/demo/users";
import { expectNoAxeViolations, openPage, saveScreenshot, signIn, useBrowser } from "./browser";
import { query } from "./database";
import type { Page } from "playwright-core";

const listLogRows = (username: string) =>
  query<{ patientId: string; careUnitId: string; roleCode: string }>(
    `SELECT a.patientId, a.careUnitId, a.roleCode FROM AccessLog a JOIN User u ON u.id = a.userId
     WHERE u.username = ? AND a.action = 'compliance.list' ORDER BY a.id`,
    username,
  );

const unitId = (name: string) => query<{ id: string }>("SELECT id FROM CareUnit WHERE name = ?", name)[0].id;

/** Follows the first linked figure of a measure's table and returns the list page's patient count. */
async function followFirstFigure(page: Page, measure: string) {
  const link = page.getByTestId(`compliance-table-${measure}`).getByRole("link").last();
  const text = (await link.textContent()) ?? "";
  const [, numerator, denominator] = /^(\d+) av (\d+)/.exec(text) ?? [];
  await link.click();
  await page.getByRole("heading", { level: 1, name: t(`compliance.${measure}.title` as never) }).waitFor();
  await page.getByTestId("compliance-summary").getByText(text, { exact: false }).waitFor();
  const rows = await page.locator("[data-testid=compliance-counted] tbody tr, [data-testid=compliance-rest] tbody tr").count();
  expect(rows).toBe(Number(denominator));
  expect(await page.locator("[data-testid=compliance-counted] tbody tr").count()).toBe(Number(numerator));
  return rows;
}

describe("with JavaScript", () => {
  const session = useBrowser();

  it("shows a verksamhetschef the unit's charts and tables, and the access-logged list behind a figure", { timeout: 120_000 }, async () => {
    const { page } = session;
    await signIn(page, "verksamhetschef");
    await page.getByTestId("active-unit").waitFor();
    await page.getByRole("link", { name: t("nav.compliance") }).click();
    await page.getByRole("heading", { level: 1, name: t("compliance.title") }).waitFor();
    await page.getByText(t("compliance.scopeOne", { unit: "Vårdcentralen Norrsjö" })).waitFor();

    // A vårdcentral has no hemtjänst; the four other measures are drawn for it.
    await page.getByTestId("measure-omsorgskontakt").getByText(t("compliance.notApplicable")).waitFor();
    for (const measure of ["utskrivning", "sip", "omprovning", "samordning"]) {
      const section = page.getByTestId(`measure-${measure}`);
      expect(await section.getByTestId("compliance-chart").count()).toBe(1);
      // Thirteen months: the twelve before this one and this one so far.
      expect(await section.getByRole("row").count()).toBe(14);
      expect(await section.getByRole("columnheader", { name: "Vårdcentralen Norrsjö" }).count()).toBe(1);
    }
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "compliance-overview-verksamhetschef");
    await page.setViewportSize({ width: 768, height: 1024 });
    await saveScreenshot(page, "compliance-overview-verksamhetschef-768");
    await page.setViewportSize({ width: 1280, height: 720 });

    const before = listLogRows("verksamhetschef").length;
    const shown = await followFirstFigure(page, "omprovning");
    expect(shown).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "compliance-list-omprovning");
    const logged = listLogRows("verksamhetschef").slice(before);
    expect(logged.length).toBeGreaterThan(0);
    expect(new Set(logged.map((r) => `${r.careUnitId}|${r.roleCode}`))).toEqual(new Set([`${unitId("Vårdcentralen Norrsjö")}|VERKSAMHETSCHEF`]));

    // The month filter (a GET form) moves the list to another month.
    const months = await page.getByLabel(t("compliance.filter.month")).locator("option").allTextContents();
    await page.getByLabel(t("compliance.filter.month")).selectOption({ index: 0 });
    await page.getByRole("button", { name: t("compliance.filter.submit") }).click();
    await page.waitForURL(new RegExp(`manad=${months[0]}`));
    await page.getByTestId("compliance-summary").getByText(months[0]).waitFor();

    // The bars link to the same lists as the table.
    await page.getByRole("link", { name: t("compliance.list.back") }).click();
    await page.getByRole("heading", { level: 1, name: t("compliance.title") }).waitFor();
    const bars = page.getByTestId("measure-utskrivning").getByTestId("compliance-chart").locator("a");
    const tableLinks = page.getByTestId("compliance-table-utskrivning").getByRole("link");
    expect(await bars.count()).toBe(await tableLinks.count());
  });

  it("shows an administrator every unit where they are administrator, filters to one, and logs a list under its unit", { timeout: 120_000 }, async () => {
    const { page } = session;
    const admin = DEMO_USERS.find((u) => u.username === "administrator")!;
    await signIn(page, "administrator");
    await page.waitForURL(/\/valj-enhet/);
    await page.getByLabel(`${admin.unitNames[0]} – ${t("role.ADMINISTRATOR")}`).check();
    await page.getByRole("button", { name: t("chooseUnit.submit") }).click();
    await page.getByTestId("active-unit").getByText(admin.unitNames[0]).waitFor();
    await openPage(page, "/uppfoljning");
    await page.getByText(t("compliance.scopeMany", { count: admin.unitNames.length })).waitFor();
    // Overdue reviews apply to every unit: one chart and one table column per unit.
    const reviews = page.getByTestId("measure-omprovning");
    expect(await reviews.getByTestId("compliance-chart").count()).toBe(admin.unitNames.length);
    for (const name of admin.unitNames) expect(await reviews.getByRole("columnheader", { name }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "compliance-overview-administrator");

    // Another of the administrator's units than the active one.
    const other = admin.unitNames[2];
    await page.getByLabel(t("compliance.filter.unit")).selectOption({ label: other });
    await page.getByRole("button", { name: t("compliance.filter.submit") }).click();
    await page.waitForURL(new RegExp(`enhet=${unitId(other)}`));
    // The URL changes as the new data arrives; the page re-renders just after.
    await expect.poll(() => reviews.getByTestId("compliance-chart").count(), { timeout: 10_000 }).toBe(1);
    await saveScreenshot(page, "compliance-overview-administrator-one-unit");

    const before = listLogRows("administrator").length;
    await followFirstFigure(page, "omprovning");
    await page.getByText(t("compliance.list.patientLinkNote")).waitFor();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "compliance-list-administrator");
    const logged = listLogRows("administrator").slice(before);
    expect(new Set(logged.map((r) => `${r.careUnitId}|${r.roleCode}`))).toEqual(new Set([`${unitId(other)}|ADMINISTRATOR`]));
  });

  it("shows an administrator the ward's inskrivningsmeddelande sent late (lag 2017:612)", { timeout: 120_000 }, async () => {
    const { page } = session;
    const admin = DEMO_USERS.find((u) => u.username === "administrator")!;
    await signIn(page, "administrator");
    await page.waitForURL(/\/valj-enhet/);
    await page.getByLabel(`${admin.unitNames[0]} – ${t("role.ADMINISTRATOR")}`).check();
    await page.getByRole("button", { name: t("chooseUnit.submit") }).click();
    await page.getByTestId("active-unit").getByText(admin.unitNames[0]).waitFor();
    // The demo's received message was sent 26 hours after admission; it counts in its deadline's month.
    const [late] = query<{ fromUnitId: string; dueAt: string }>("SELECT fromUnitId, dueAt FROM DischargeReferral WHERE sentLate = 1");
    const month = isoDateInStockholm(new Date(late.dueAt)).slice(0, 7);
    await openPage(page, `/uppfoljning/inskrivningsmeddelande?enhet=${late.fromUnitId}&manad=${month}`);
    await page.getByRole("heading", { level: 1, name: t("compliance.inskrivningsmeddelande.title") }).waitFor();
    await page.getByTestId("compliance-counted").getByText(/^För sent: skickat \d{4}-\d\d-\d\d \d\d:\d\d$/).first().waitFor();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "compliance-list-inskrivningsmeddelande");
  });

  it("shows the hemtjänst measure to the enhetschef of a hemtjänst unit", { timeout: 120_000 }, async () => {
    const { page } = session;
    await signIn(page, "enhetschef");
    await page.getByTestId("active-unit").waitFor();
    await openPage(page, "/uppfoljning");
    const section = page.getByTestId("measure-omsorgskontakt");
    expect(await section.getByTestId("compliance-chart").count()).toBe(1);
    await followFirstFigure(page, "omsorgskontakt");
    await expectNoAxeViolations(page);
    await saveScreenshot(page, "compliance-list-omsorgskontakt");
  });
});

describe("without JavaScript", () => {
  const session = useBrowser({ javaScriptEnabled: false });

  it("filters the list by unit and month with a plain GET form", { timeout: 120_000 }, async () => {
    const { page } = session;
    await signIn(page, "verksamhetschef");
    await page.getByTestId("active-unit").waitFor();
    await openPage(page, "/uppfoljning/samordning");
    await page.getByRole("heading", { level: 1, name: t("compliance.samordning.title") }).waitFor();
    const months = complianceMonths(new Date()).map((m) => m.key);
    await page.getByLabel(t("compliance.filter.month")).selectOption(months[5]);
    await page.getByRole("button", { name: t("compliance.filter.submit") }).click();
    await page.waitForURL(new RegExp(`enhet=${unitId("Vårdcentralen Norrsjö")}&manad=${months[5]}`));
    await page.getByTestId("compliance-summary").getByText(months[5]).waitFor();
    // (axe needs scripts in the page: the same page is checked with JavaScript above.)
    await saveScreenshot(page, "compliance-list-samordning-without-javascript");
  });
});
