// Debian's Chromium driven by playwright-core: never a downloaded browser.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from "vitest";

/** Set by a story that runs a server of its own (own-server.ts); every other file uses the shared one. */
let ownServer: string | null = null;

export const baseUrl = () => ownServer ?? inject("baseUrl");

export function pointBrowserAt(url: string | null) {
  ownServer = url;
}

export type Browser = { context: BrowserContext; consoleErrors: string[]; close: () => Promise<void> };

export async function openBrowser(options: { javaScriptEnabled?: boolean } = {}): Promise<Browser> {
  const profile = mkdtempSync(path.join(tmpdir(), "fk-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 720 },
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    // The machine's network is closed: keep Chromium from calling home at every start.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  // Shorter than the test timeout, so a failing step names the locator it waited for.
  context.setDefaultTimeout(10_000);
  const consoleErrors: string[] = [];
  context.on("console", (message) => {
    // A 400 or 429 answer to a form post is the app saying "fix this field" (or "wait"):
    // expected, and Chromium logs it as a failed resource. Anything else is a defect.
    if (message.type() !== "error") return;
    if (/^Failed to load resource: the server responded with a status of (400|429) /.test(message.text())) return;
    consoleErrors.push(message.text());
  });
  context.on("weberror", (error) => consoleErrors.push(String(error.error())));
  return {
    context,
    consoleErrors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * One Chromium for the enclosing describe block and a fresh page for each test; after each
 * test the cookies are cleared and any console error fails it.
 */
export function useBrowser(options: { javaScriptEnabled?: boolean } = {}) {
  const state = {} as { browser: Browser; page: Page };
  beforeAll(async () => {
    state.browser = await openBrowser(options);
  });
  afterAll(async () => {
    await state.browser.close();
  });
  beforeEach(async () => {
    state.page = await state.browser.context.newPage();
    if (options.javaScriptEnabled === false) pagesWithoutScripts.add(state.page);
  });
  afterEach(async () => {
    await state.page.close();
    await state.browser.context.clearCookies();
    expect(state.browser.consoleErrors.splice(0)).toEqual([]);
  });
  return state;
}

/**
 * Opens a page and waits until React has hydrated it. Typing into a page that React 18 is
 * still hydrating can abort that hydration ("Minified React error #345"): the form then
 * works as plain HTML, but the console error would hide real ones.
 */
export async function openPage(page: Page, path: string) {
  const response = await page.goto(`${baseUrl()}${path}`);
  if (!pagesWithoutScripts.has(page)) await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
  return response;
}

/** Pages of a browser with JavaScript turned off: nothing is ever hydrated there. */
const pagesWithoutScripts = new WeakSet<Page>();

export async function signIn(page: Page, username: string, password = process.env.DEMO_PASSWORD ?? "fastakontakter") {
  await openPage(page, "/logga-in");
  await page.getByLabel("Användarnamn").fill(username);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
}

/** axe-core with the WCAG 2.1 A and AA rules: any violation fails the test with its summary. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * Saves a full-page screenshot as a test artifact (tests/.artifacts/screenshots/<name>.png,
 * kept by CI): every page a story visits is on record, as a reviewer would see it.
 */
export async function saveScreenshot(page: Page, name: string) {
  const file = path.resolve("tests/.artifacts/screenshots", `${name.replace(/[^\w.-]+/g, "-")}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
