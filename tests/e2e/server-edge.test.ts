// The server edge in front of Remix (server/index.mjs, docs/decisions/015), spoken to as a
// forged page or a script would: no token, a wrong one, a foreign Origin, the data paths, other
// content types, an oversized or broken body. Each is a 4xx with a Swedish message and writes
// nothing; a real form with its token goes through. Also: the request id is the server's own,
// sent once, and every dynamic answer carries the security headers.
import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import { t } from "~/i18n";
import { openPage, signIn, useBrowser } from "./browser";
import { one, query } from "./database";
import { useOwnServer } from "./own-server";

const own = useOwnServer("e2e-edge");
const base = () => own.server.baseUrl;
const PASSWORD = process.env.DEMO_PASSWORD ?? "fastakontakter";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The cookies of one browser, kept as a browser would from each answer's Set-Cookie. */
class Browser {
  cookies = new Map<string, string>();

  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async fetch(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.header());
    const response = await fetch(`${base()}${path}`, { redirect: "manual", ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const [name, value] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
      if (value === "" || attributes.some((a) => /^\s*max-age=0$/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Opens a page and returns the token of its forms (the hidden `csrf` input). */
  async token(path = "/logga-in") {
    const html = await (await this.fetch(path)).text();
    const match = /<input type="hidden" name="csrf" value="([^"]+)"/.exec(html);
    if (!match) throw new Error(`no csrf input on ${path}`);
    return match[1];
  }

  post(path: string, body: BodyInit, headers: Record<string, string> = {}) {
    return this.fetch(path, { method: "POST", body, headers: { origin: base(), "sec-fetch-site": "same-origin", ...headers } });
  }
}

const signInForm = (csrf: string | null, username = "lakare") =>
  new URLSearchParams({ ...(csrf === null ? {} : { csrf }), username, password: PASSWORD, redirectTo: "/" });

const attempts = () => one<{ n: number }>(`SELECT count(*) AS n FROM SignInAttempt`).n;

/** A refusal page: Swedish, with a way back to the start page, and nothing written. */
async function expectRefusalPage(response: Response, status: number, reason: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^text\/html/);
  const html = await response.text();
  expect(html).toContain('<html lang="sv">');
  expect(html).toContain(t(`edge.${reason}.title` as Parameters<typeof t>[0]));
  expect(html).toContain(`<a href="/">${t("error.home")}</a>`);
}

async function signedIn(username = "lakare") {
  const browser = new Browser();
  const response = await browser.post("/logga-in", signInForm(await browser.token(), username));
  expect(response.status).toBe(302);
  expect(browser.cookies.has("fk_session")).toBe(true);
  return browser;
}

describe("a state-changing request must prove it came from our own page", () => {
  it("signs in with the token of the sign-in page (urlencoded and multipart), and not without it", async () => {
    const browser = new Browser();
    const token = await browser.token();
    const before = attempts();

    await expectRefusalPage(await browser.post("/logga-in", signInForm(null)), 403, "csrf");
    await expectRefusalPage(await browser.post("/logga-in", signInForm("0".repeat(64) + "." + "1".repeat(64))), 403, "csrf");
    // A token of another browser (another anonymous visitor) does not fit this one's cookie.
    await expectRefusalPage(await browser.post("/logga-in", signInForm(await new Browser().token())), 403, "csrf");
    expect(attempts()).toBe(before);

    const multipart = new FormData();
    for (const [name, value] of signInForm(token)) multipart.append(name, value);
    const response = await browser.post("/logga-in", multipart);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    expect(attempts()).toBe(before + 1);
  });

  it("takes the token from the x-csrf-token header as well, and then from the header alone", async () => {
    const browser = new Browser();
    const token = await browser.token();
    const withWrongHeader = await browser.post("/logga-in", signInForm(token), { "x-csrf-token": "wrong" });
    await expectRefusalPage(withWrongHeader, 403, "csrf");
    const response = await browser.post("/logga-in", signInForm(null), { "x-csrf-token": token });
    expect(response.status).toBe(302);
  });

  it("refuses a foreign Origin or a cross-site fetch even with a valid token (a 403, not Remix's 500)", async () => {
    const browser = new Browser();
    const token = await browser.token();
    const before = attempts();
    await expectRefusalPage(await browser.post("/logga-in", signInForm(token), { origin: "http://evil.example" }), 403, "foreignOrigin");
    await expectRefusalPage(await browser.post("/logga-in", signInForm(token), { origin: "null" }), 403, "foreignOrigin");
    for (const site of ["cross-site", "same-site", "none"]) {
      await expectRefusalPage(await browser.post("/logga-in", signInForm(token), { "sec-fetch-site": site }), 403, "foreignOrigin");
    }
    expect(attempts()).toBe(before);
  });

  it("refuses the data paths (?_data= and .data) without a token, with a line of Swedish text", async () => {
    const browser = await signedIn();
    for (const path of ["/logga-ut?_data=routes%2Flogga-ut", "/logga-ut.data", "/sprak?_data=routes%2Fsprak"]) {
      const response = await browser.post(path, new URLSearchParams({ lang: "en", redirectTo: "/" }));
      expect(response.status, path).toBe(403);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(await response.text()).toContain(t("edge.csrf.title"));
    }
    // Still signed in, still Swedish: nothing was done.
    const sessionId = decodeURIComponent(browser.cookies.get("fk_session") ?? "");
    expect(sessionId).not.toBe("");
    expect(browser.cookies.has("lang")).toBe(false);
    const home = await browser.fetch("/");
    expect(home.status).toBe(200);
  });

  it("gives a new session a new token: the sign-in page's token no longer counts, the next page's does", async () => {
    const browser = new Browser();
    const anonymous = await browser.token();
    expect((await browser.post("/logga-in", signInForm(anonymous))).status).toBe(302);

    await expectRefusalPage(await browser.post("/logga-ut", new URLSearchParams({ csrf: anonymous })), 403, "csrf");
    const token = await browser.token("/");
    expect(token).not.toBe(anonymous);
    const signOut = await browser.post("/logga-ut", new URLSearchParams({ csrf: token }));
    expect(signOut.status).toBe(302);
    expect(signOut.headers.get("location")).toBe("/logga-in?utloggad=1");
    expect(browser.cookies.has("fk_session")).toBe(false);
    // Signed out, the sign-in page has a token for the anonymous visitor again.
    expect((await browser.post("/logga-in", signInForm(await browser.token()))).status).toBe(302);
  });
});

describe("a state-changing request must be a form of a form's size", () => {
  it.each([
    ["JSON", "application/json", JSON.stringify({ username: "lakare" })],
    ["text", "text/plain", "username=lakare"],
    ["XML", "application/xml", "<username>lakare</username>"],
    ["no content type", null, "username=lakare"],
  ])("answers %s with 415", async (_, type, body) => {
    const browser = new Browser();
    const token = await browser.token();
    const bytes = new TextEncoder().encode(body);
    const response = await browser.post("/logga-in", bytes, type ? { "content-type": type, "x-csrf-token": token } : { "x-csrf-token": token });
    await expectRefusalPage(response, 415, "contentType");
  });

  it("answers a body over the limit with 413 and a broken multipart body with 400", async () => {
    const browser = new Browser();
    const token = await browser.token();
    const big = new URLSearchParams({ csrf: token, username: "x".repeat(300_000), password: PASSWORD });
    await expectRefusalPage(await browser.post("/logga-in", big), 413, "tooLarge");

    const broken = `--abc\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${token}\r\n--abc\r\nContent-Disposition: form-dat`;
    await expectRefusalPage(await browser.post("/logga-in", broken, { "content-type": "multipart/form-data; boundary=abc" }), 400, "badBody");
    await expectRefusalPage(await browser.post("/logga-in", "x", { "content-type": "multipart/form-data" }), 400, "badBody");
  });

  it("leaves the consumer APIs to their API keys: no token, no form needed", async () => {
    const response = await fetch(`${base()}/riv/GetCareManagers/1`, {
      method: "POST",
      headers: { "content-type": "text/xml; charset=utf-8", origin: "http://evil.example" },
      body: "<not-soap/>",
    });
    // The endpoint's own answer (no key: a SOAP fault), not the edge's refusal.
    expect(response.status).not.toBe(403);
    expect(response.status).not.toBe(415);
    expect(await response.text()).toContain("Fault");
  });
});

/** A POST with the path exactly as given (fetch would resolve its dot segments first). */
function rawPost(path: string, cookie: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base());
    const req = httpRequest({ hostname, port, path, method: "POST", headers: { cookie, "content-type": "application/x-www-form-urlencoded" } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("the API paths' exemption", () => {
  it("holds only for the path Remix will see: /fhir/../logga-ut is checked like /logga-ut", async () => {
    const browser = await signedIn();
    for (const path of ["/fhir/../logga-ut", "/fhir/%2e%2e/logga-ut", "/riv/%2E%2E/logga-ut?_data=routes%2Flogga-ut"]) {
      expect(await rawPost(path, browser.header(), "x=1"), path).toBe(403);
    }
    expect((await browser.fetch("/")).status).toBe(200);
  });
});

describe("request ids", () => {
  it("are made by the server: a client's id is neither returned nor written on the access log", async () => {
    const browser = await signedIn("verksamhetschef");
    const patient = one<{ id: string }>(
      `SELECT p.id FROM Patient p JOIN Listing l ON l.patientId = p.id AND l."to" IS NULL
       JOIN CareUnit u ON u.id = l.careUnitId AND u.name = 'Vårdcentralen Norrsjö'
       WHERE p.protectedIdentity = 0 ORDER BY p.identifier LIMIT 1`,
    );
    const response = await browser.fetch(`/patienter/${patient.id}`, { headers: { "x-request-id": "client-chosen-id" } });
    expect(response.status).toBe(200);
    // Exactly one id: a second header would come back joined with ", ".
    const id = response.headers.get("x-request-id") ?? "";
    expect(id).toMatch(UUID);
    const rows = query<{ requestId: string }>(`SELECT requestId FROM AccessLog WHERE patientId = ? ORDER BY id DESC LIMIT 1`, patient.id);
    expect(rows).toEqual([{ requestId: id }]);
  });

  it("come once on every kind of answer: a page, data, a redirect, a refusal", async () => {
    const browser = new Browser();
    for (const response of [
      await browser.fetch("/logga-in"),
      await browser.fetch("/logga-in.data"),
      await browser.fetch("/"),
      await browser.post("/logga-in", signInForm(null)),
    ]) {
      expect(response.headers.get("x-request-id")).toMatch(UUID);
    }
  });
});

describe("security headers", () => {
  it("allow only the page's own scripts, by a fresh nonce per answer, never 'unsafe-inline'", async () => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${base()}/logga-in`);
      const csp = response.headers.get("content-security-policy") ?? "";
      const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src ")) ?? "";
      const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1] ?? "";
      expect(nonce).not.toBe("");
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("form-action 'self'");
      const html = await response.text();
      const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
      expect(inlineScripts.length).toBeGreaterThan(0);
      for (const attributes of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("keep pages and data out of every cache, deny the browser features nobody uses, and keep the rest", async () => {
    const browser = await signedIn();
    for (const path of ["/", "/.data", "/patienter", "/logga-in"]) {
      const response = await browser.fetch(path);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
    }
    const page = await browser.fetch("/");
    const permissions = page.headers.get("permissions-policy") ?? "";
    for (const feature of ["camera=()", "microphone=()", "geolocation=()", "payment=()"]) expect(permissions).toContain(feature);
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBe("same-origin");
    // The test server runs as production.
    expect(page.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);

    const asset = /<link rel="stylesheet" href="(\/assets\/[^"]+)"/.exec(await (await fetch(`${base()}/logga-in`)).text())?.[1];
    expect(asset).toBeDefined();
    const assetResponse = await fetch(`${base()}${asset}`);
    expect(assetResponse.status).toBe(200);
    expect(assetResponse.headers.get("cache-control")).toMatch(/immutable/);
  });
});

describe.each([true, false])("in Chromium (JavaScript %s)", (javaScriptEnabled) => {
  const session = useBrowser({ javaScriptEnabled });

  it("signs in, out, in as someone else and out again: every form carries its session's token", async () => {
    const { page } = session;
    for (const username of ["lakare", "verksamhetschef"]) {
      await signIn(page, username);
      await page.getByTestId("active-unit").waitFor();
      await page.getByRole("button", { name: t("signOut.submit") }).click();
      await page.getByRole("status").getByText(t("signOut.done")).waitFor();
    }
  });

  it("refuses a form posted from another site, and the user stays signed in", async () => {
    const { page } = session;
    await signIn(page, "lakare");
    await page.getByTestId("active-unit").waitFor();
    // A page of another origin (answered by the test, never fetched) that posts to /logga-ut.
    await page.route("http://evil.example/**", (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<form method="post" action="${base()}/logga-ut"><input name="csrf" value="guess"><button>Vinn</button></form>`,
      }),
    );
    await page.goto("http://evil.example/");
    await page.getByRole("button", { name: "Vinn" }).click();
    await page.getByRole("heading", { level: 1, name: t("edge.foreignOrigin.title") }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("sv");
    await openPage(page, "/");
    await page.getByTestId("active-unit").waitFor();
    // The refusal page's 403 is what this test expects Chromium to report.
    session.browser.consoleErrors.splice(0);
  });
});

describe("the Content-Security-Policy in Chromium", () => {
  const session = useBrowser();

  it("hydrates the page with its own scripts and stops a script injected without the nonce", async () => {
    const { page } = session;
    await openPage(page, "/logga-in");
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true";
      document.body.append(script);
    });
    expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined();
    const refused = session.browser.consoleErrors.splice(0);
    expect(refused).toEqual([expect.stringContaining("Content Security Policy")]);
  });
});
