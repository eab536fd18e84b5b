// CSRF tried as an attacker would (issue 13, "Done when"): the victim signs in on the app in
// Chromium; a page on a second origin (http://localhost:<other port>, another site than
// http://127.0.0.1:<port>) auto-submits cross-site forms to sign-out, language, a case step
// (also through the legacy ?_data= path) and sign-in (login CSRF). Nothing may change: no row,
// no session, the language stays, and the victim is still signed in as herself.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, type Browser } from "../e2e/browser";
import { baseUrl, DEMO_PASSWORD, formFields, query, rowCounts, tableDigest } from "./http";

const escape = (s: string) => s.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

function attackPage(action: string, fields: [string, string][]): string {
  const inputs = fields.map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`).join("");
  return `<!doctype html><html><body><h1>Vinn en resa!</h1><form id="f" method="post" action="${escape(action)}">${inputs}</form><script>document.getElementById("f").submit()</script></body></html>`;
}

function snapshot() {
  return { counts: rowCounts(), sessions: tableDigest("Session"), cases: tableDigest("ProcessCase"), keys: tableDigest("ApiKey") };
}

describe("cross-site forms in Chromium change nothing", () => {
  let browser: Browser;
  let attacker: Server;
  let attackerOrigin = "";
  const pages = new Map<string, string>();

  beforeAll(async () => {
    attacker = createServer((request, response) => {
      const html = pages.get(request.url ?? "");
      response.writeHead(html ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
      response.end(html ?? "");
    });
    await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
    attackerOrigin = `http://localhost:${(attacker.address() as AddressInfo).port}`;
    browser = await openBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => attacker?.close(resolve));
  });

  it("sign-out, language, a case step (page and ?_data=) and sign-in from another site", async () => {
    const app = baseUrl();
    const page = await browser.context.newPage();
    // The victim signs in as anyone does.
    await page.goto(`${app}/logga-in`);
    await page.getByLabel("Användarnamn").fill("verksamhetschef");
    await page.getByLabel("Lösenord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/logga-in"));
    const session = (await browser.context.cookies(app)).find((c) => c.name === "fk_session")?.value;
    expect(session).toBeTruthy();

    // The attacker knows the case and the form (they are the same for everyone).
    const kase = query<{ id: string }>(
      `SELECT id FROM "ProcessCase" WHERE status = 'OPEN' AND careUnitId = (SELECT careUnitId FROM "RoleGrant" WHERE userId = 'demo-user-verksamhetschef' LIMIT 1) ORDER BY id LIMIT 1`,
    )[0];
    const casePath = `/arenden/${kase.id}`;
    const caseHtml = await (await browser.context.request.get(`${app}${casePath}`)).text();
    const step = (formFields(caseHtml, casePath, casePath) ?? []).filter(([k]) => k !== "csrf");
    expect(step.some(([k]) => k === "type"), "the case page has a step form").toBe(true);

    const attacks: [string, string, [string, string][]][] = [
      ["sign-out", `${app}/logga-ut`, []],
      ["language", `${app}/sprak`, [["lang", "en"], ["redirectTo", "/"]]],
      ["case step", `${app}${casePath}`, step],
      ["case step, ?_data=", `${app}${casePath}?_data=${encodeURIComponent("routes/_app.arenden.$caseId")}`, step],
      ["case step, .data", `${app}${casePath}.data`, step],
      ["sign-in as the attacker", `${app}/logga-in`, [["username", "lakare"], ["password", DEMO_PASSWORD], ["redirectTo", "/"]]],
      ["sign-in as the attacker, ?_data=", `${app}/logga-in?_data=routes%2Flogga-in`, [["username", "lakare"], ["password", DEMO_PASSWORD], ["redirectTo", "/"]]],
    ];
    const changed: string[] = [];
    for (const [name, action, fields] of attacks) {
      const path = `/attack/${attacks.findIndex((a) => a[0] === name)}`;
      pages.set(path, attackPage(action, fields));
      const before = snapshot();
      const answer = page.waitForResponse((r) => r.url().startsWith(action.split("?")[0]) && r.request().method() === "POST");
      await page.goto(`${attackerOrigin}${path}`);
      const response = await answer;
      await page.waitForLoadState();
      if (response.status() !== 403) changed.push(`${name}: answered ${response.status()}`);
      if (JSON.stringify(snapshot()) !== JSON.stringify(before)) changed.push(`${name}: the database changed`);
      const cookies = await browser.context.cookies(app);
      if (cookies.find((c) => c.name === "fk_session")?.value !== session) changed.push(`${name}: the session cookie changed`);
      if (cookies.some((c) => /lang/i.test(c.name) && c.value === "en")) changed.push(`${name}: the language changed`);
    }
    expect(changed).toEqual([]);

    // Still signed in, as herself, in Swedish, and never sent off-site.
    await page.goto(`${app}/`);
    expect(new URL(page.url()).pathname).toBe("/");
    await expect(page.getByText("Karin Lindqvist").first().isVisible()).resolves.toBe(true);
    expect(await page.locator("html").getAttribute("lang")).toBe("sv");
    await page.close();
  }, 180_000);
});
