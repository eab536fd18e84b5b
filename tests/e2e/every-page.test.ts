// Every page of the app, each as a role that uses it (issue 4 §5): one h1, axe-core clean, a
// screenshot at 1280×720; the main pages also at 768 px (tablet) without sideways scrolling;
// and on the main pages a keyboard check: the skip link comes first and leads into the main
// content, Tab reaches the main menu, and the focused element is visibly marked.
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { t, type MessageKey } from "~/i18n";
import type { UnitKey } from "../../prisma/demo/units";
import type { DemoUsername } from "../../prisma/demo/users";
import { baseUrl, expectNoAxeViolations, openPage, saveScreenshot, useBrowser } from "./browser";
import { first, unitId } from "./database";
import { signInAs } from "./stories/story";

type Spec = {
  name: string;
  /** Who looks at the page (null: nobody is signed in), and in which unit if they have several. */
  user: DemoUsername | null;
  unit?: UnitKey;
  path: () => string;
  /** The page's answer; error pages are checked like any other. */
  status?: 200 | 403 | 404;
  keyboard?: boolean;
  tablet?: boolean;
};

const VC = "vcNorrsjo" as const;

const caseOf = (process: string, unit: UnitKey) => () =>
  `/arenden/${first<{ id: string }>(`an open ${process} case at ${unit}`, `SELECT id FROM ProcessCase WHERE processCode = ? AND careUnitId = ? AND status = 'OPEN' ORDER BY openedAt LIMIT 1`, process, unitId(unit)).id}`;

/** A patient listed at Vårdcentralen Norrsjö with active fixed contacts: the fullest patient page. */
const patientWithContacts = () =>
  first<{ id: string }>(
    "listed patient with fixed contacts",
    `SELECT p.id FROM Patient p JOIN Listing l ON l.patientId = p.id AND l."to" IS NULL AND l.careUnitId = ?
     WHERE p.protectedIdentity = 0 AND EXISTS (SELECT 1 FROM Assignment a WHERE a.patientId = p.id AND a.endedAt IS NULL)
     ORDER BY p.identifier LIMIT 1`,
    unitId(VC),
  ).id;

const protectedPatient = () =>
  first<{ id: string }>(
    "protected patient listed at Vårdcentralen Norrsjö",
    `SELECT p.id FROM Patient p JOIN Listing l ON l.patientId = p.id AND l."to" IS NULL AND l.careUnitId = ? WHERE p.protectedIdentity = 1 LIMIT 1`,
    unitId(VC),
  ).id;

/** The hemtjänst patient whose annan fast kontakt is the demo's biståndshandläggare (seed §5.1). */
const handlaggarePatient = () =>
  first<{ patientId: string }>(
    "patient of the biståndshandläggare",
    `SELECT patientId FROM Assignment WHERE staffMemberId = 'demo-staff-lena-axelsson' AND endedAt IS NULL LIMIT 1`,
  ).patientId;

/** A patient with changes made at the administrator's unit: a log extract with rows. */
const patientWithAuditRows = () =>
  first<{ patientId: string }>(
    "patient with audit rows at Vårdcentralen Norrsjö",
    `SELECT patientId FROM AuditEvent WHERE careUnitId = ? AND patientId IS NOT NULL GROUP BY patientId ORDER BY count(*) DESC LIMIT 1`,
    unitId(VC),
  ).patientId;

const PAGES: Spec[] = [
  { name: "sign-in", user: null, path: () => "/logga-in", keyboard: true },
  { name: "choose-unit", user: "sjukskoterska", unit: VC, path: () => "/valj-enhet" },
  { name: "worklist", user: "verksamhetschef", path: () => "/", keyboard: true, tablet: true },
  { name: "worklist-enhetschef", user: "enhetschef", path: () => "/" },
  { name: "patients", user: "verksamhetschef", path: () => "/patienter", keyboard: true, tablet: true },
  { name: "patient", user: "verksamhetschef", path: () => `/patienter/${patientWithContacts()}`, keyboard: true, tablet: true },
  { name: "patient-protected-reason", user: "verksamhetschef", path: () => `/patienter/${protectedPatient()}` },
  { name: "patient-1177", user: "verksamhetschef", path: () => `/patienter/${patientWithContacts()}/1177`, keyboard: true, tablet: true },
  { name: "patient-1177-handlaggare", user: "enhetschef", path: () => `/patienter/${handlaggarePatient()}/1177` },
  { name: "patient-1177-protected-reason", user: "verksamhetschef", path: () => `/patienter/${protectedPatient()}/1177` },
  { name: "start-case", user: "sjukskoterska", unit: VC, path: () => `/patienter/${patientWithContacts()}/nytt-arende/ASSESSMENT` },
  { name: "case-patient-request", user: "verksamhetschef", path: caseOf("PATIENT_REQUEST", VC), keyboard: true, tablet: true },
  { name: "case-assessment", user: "sjukskoterska", unit: VC, path: caseOf("ASSESSMENT", VC) },
  { name: "case-discharge-referral-ward", user: "sjukskoterska", unit: "avd12", path: caseOf("DISCHARGE_REFERRAL", "avd12") },
  { name: "case-discharge-referral-primary-care", user: "verksamhetschef", path: caseOf("DISCHARGE_REFERRAL", VC) },
  { name: "case-life-threatening", user: "verksamhetschef", path: caseOf("LIFE_THREATENING", VC) },
  { name: "case-change", user: "verksamhetschef", path: caseOf("CHANGE", VC) },
  { name: "case-ending", user: "verksamhetschef", path: caseOf("ENDING", VC) },
  { name: "case-home-care-contact", user: "enhetschef", path: caseOf("HOME_CARE_CONTACT", "hemtjanstCentrum"), tablet: true },
  { name: "case-doctor-choice", user: "verksamhetschef", path: caseOf("DOCTOR_CHOICE", VC) },
  { name: "staff", user: "verksamhetschef", path: () => "/personal", keyboard: true, tablet: true },
  { name: "staff-member", user: "verksamhetschef", path: () => "/personal/demo-staff-sara-nilsson" },
  { name: "staff-new", user: "administrator", unit: VC, path: () => "/personal/ny" },
  // Read-only here: previewing or carrying out a turnover would empty the leaver other files count on (story h does it on its own server).
  { name: "turnover", user: "administrator", unit: VC, path: () => "/personalbyte", keyboard: true, tablet: true },
  { name: "turnover-leaver", user: "administrator", unit: VC, path: () => "/personalbyte/demo-staff-eva-sjoberg", tablet: true },
  { name: "unit", user: "verksamhetschef", path: () => "/enhet", tablet: true },
  { name: "audit", user: "administrator", unit: VC, path: () => "/logg", keyboard: true },
  { name: "audit-patient-extract", user: "administrator", unit: VC, path: () => `/logg/patient/${patientWithAuditRows()}`, tablet: true },
  { name: "audit-user", user: "administrator", unit: VC, path: () => "/logg/anvandare/demo-user-verksamhetschef" },
  // Read-only here: creating a key would add rows other files do not expect (citizen-view.test.ts creates and revokes on its own server).
  { name: "api-keys", user: "administrator", unit: VC, path: () => "/api-nycklar", keyboard: true, tablet: true },
  { name: "compliance", user: "verksamhetschef", path: () => "/uppfoljning", keyboard: true, tablet: true },
  { name: "compliance-list", user: "verksamhetschef", path: () => "/uppfoljning/omprovning" },
  { name: "not-found", user: "verksamhetschef", path: () => "/finns-inte", status: 404 },
  { name: "forbidden", user: "lakare", path: () => "/logg", status: 403 },
];

const ERROR_TITLES: Record<number, MessageKey> = { 403: "error.forbidden.title", 404: "error.notFound.title" };

describe("every page", () => {
  const session = useBrowser();
  // One sign-in per user and unit: later pages reuse its cookies (the browser clears them after each test).
  const signedIn = new Map<string, Awaited<ReturnType<BrowserContext["cookies"]>>>();

  async function signInOnce(page: Page, user: DemoUsername, unit?: UnitKey) {
    const key = `${user}@${unit ?? ""}`;
    const cookies = signedIn.get(key);
    if (cookies) return page.context().addCookies(cookies);
    await signInAs(page, user, unit);
    signedIn.set(key, await page.context().cookies());
  }

  for (const spec of PAGES) {
    it(`${spec.name} (${spec.user ?? "signed out"})`, { timeout: 60_000 }, async () => {
      const { page, browser } = session;
      if (spec.user) await signInOnce(page, spec.user, spec.unit);
      const status = spec.status ?? 200;
      // An error page is not hydrated the way the app's pages are: wait for its heading instead.
      const response = status === 200 ? await openPage(page, spec.path()) : await page.goto(`${baseUrl()}${spec.path()}`);
      expect(response?.status(), page.url()).toBe(status);
      if (status !== 200) {
        await page.getByRole("heading", { level: 1, name: t(ERROR_TITLES[status]) }).waitFor();
        // Chromium logs the error document itself as a failed resource: expected here.
        expect(browser.consoleErrors.splice(0)).toEqual([expect.stringMatching(new RegExp(`status of ${status} `))]);
      }
      // One h1 per page (headings in order start there).
      expect(await page.locator("h1").count()).toBe(1);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, `every-page-${spec.name}`);
      // Tablet first: its screenshot shows the page as it opens, before the keyboard moves focus.
      if (spec.tablet) await checkTablet(page, spec.name);
      if (spec.keyboard) await checkKeyboard(page, spec.user !== null);
    });
  }
});

/** The focused element is visibly marked: an outline or a box shadow (the app's :focus-visible style). */
async function expectFocusVisible(page: Page) {
  const style = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    return { tag: el.tagName, text: el.textContent?.trim().slice(0, 40), outline: s.outlineStyle, outlineWidth: s.outlineWidth, boxShadow: s.boxShadow };
  });
  expect(style, "something has focus").not.toBeNull();
  const outlined = style!.outline !== "none" && style!.outlineWidth !== "0px";
  expect(outlined || style!.boxShadow !== "none", `focus visible on ${JSON.stringify(style)}`).toBe(true);
}

const focusedIsInside = (page: Page, selector: string) =>
  page.evaluate((s) => Boolean(document.querySelector(s)?.contains(document.activeElement)), selector);

async function checkKeyboard(page: Page, hasMenu: boolean) {
  // The first Tab lands on the skip link, which then shows itself.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(t("app.skipToContent"));
  await expectFocusVisible(page);
  const box = await page.locator(".skip-link").boundingBox();
  expect(box && box.x >= 0 && box.y >= 0, "the focused skip link is on screen").toBe(true);

  if (hasMenu) {
    // Tab reaches the main menu, with a visible focus on each link on the way.
    let inMenu = false;
    for (let i = 0; i < 20 && !inMenu; i++) {
      await page.keyboard.press("Tab");
      await expectFocusVisible(page);
      inMenu = await focusedIsInside(page, `nav[aria-label="${t("app.mainNav")}"]`);
    }
    expect(inMenu, "Tab reaches the main menu").toBe(true);
    // Back to the skip link.
    for (let i = 0; i < 25 && (await page.evaluate(() => !document.activeElement?.classList.contains("skip-link"))); i++) {
      await page.keyboard.press("Shift+Tab");
    }
  }

  // The skip link moves on past the header: the next Tab is in the main content.
  await page.keyboard.press("Enter");
  await page.waitForURL(/#main$/);
  await page.keyboard.press("Tab");
  expect(await focusedIsInside(page, "main#main"), "after the skip link, Tab goes into the main content").toBe(true);
  await expectFocusVisible(page);
}

/** At tablet width nothing forces sideways scrolling, and the page is kept as a screenshot. */
async function checkTablet(page: Page, name: string) {
  await page.setViewportSize({ width: 768, height: 1024 });
  try {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "no sideways scrolling at 768 px").toBeLessThanOrEqual(0);
    await saveScreenshot(page, `every-page-${name}-768`);
  } finally {
    await page.setViewportSize({ width: 1280, height: 720 });
  }
}
