// Sign-in throttling (issue 13, finding 5): 40 concurrent wrong passwords for one user from one
// address. The limit (5) must hold under concurrency — at most 5 are answered "wrong password",
// the rest 429 — and the owner, from another address, still signs in. A private server: the
// throttle's state must not lock the shared server's users out of the other files. Distinct
// client addresses without trusting any proxy: the requests leave from 127.0.0.1 and 127.0.0.2
// (Linux routes all of 127/8 to loopback), so the server sees two real peers.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSeededServer, type SeededServer } from "../e2e/server";
import { csrfOf, DEMO_PASSWORD } from "./http";

const LIMIT = 5;
const ATTEMPTS = 40;

type Raw = { status: number; body: string; setCookie: string[] };

/** One HTTP request from a chosen local address, with a cookie header. */
function from(localAddress: string, url: string, options: { method?: string; cookie?: string; body?: string } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? "GET",
        localAddress,
        agent: false,
        headers: {
          accept: "text/html",
          origin: target.origin,
          "sec-fetch-site": "same-origin",
          "sec-fetch-mode": "navigate",
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(options.body !== undefined ? { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(options.body) } : {}),
        },
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body, setCookie: response.headers["set-cookie"] ?? [] }));
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

/** The sign-in page's cookies and token for a browser at `localAddress`. */
async function signInForm(localAddress: string, baseUrl: string) {
  const page = await from(localAddress, `${baseUrl}/logga-in`);
  const cookie = page.setCookie.map((c) => c.split(";")[0]).join("; ");
  return { cookie, token: csrfOf(page.body) };
}

const body = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe("sign-in throttling under concurrency", () => {
  let server: SeededServer;
  beforeAll(async () => {
    server = await startSeededServer("security-throttling");
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  it(`${ATTEMPTS} concurrent wrong passwords: at most ${LIMIT} judged, the rest 429; the owner still signs in from another address`, async () => {
    const attacker = await signInForm("127.0.0.1", server.baseUrl);
    const answers = await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, i) =>
        from("127.0.0.1", `${server.baseUrl}/logga-in`, {
          method: "POST",
          cookie: attacker.cookie,
          body: body({ username: "lakare", password: `fel-${i}`, redirectTo: "/", ...(attacker.token ? { csrf: attacker.token } : {}) }),
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    const judged = answers.filter((a) => a.status === 400 && a.body.includes("Fel användarnamn eller lösenord"));
    const throttled = answers.filter((a) => a.status === 429);
    expect(judged.length, `statuses: ${statuses.join(",")}`).toBeLessThanOrEqual(LIMIT);
    expect(judged.length).toBeGreaterThan(0);
    expect(judged.length + throttled.length, `statuses: ${statuses.join(",")}`).toBe(ATTEMPTS);
    // The refusal is Swedish.
    expect(throttled[0]?.body ?? "").toMatch(/[åäö]/);

    // The owner, at another address, with the right password.
    const owner = await signInForm("127.0.0.2", server.baseUrl);
    const signIn = await from("127.0.0.2", `${server.baseUrl}/logga-in`, {
      method: "POST",
      cookie: owner.cookie,
      body: body({ username: "lakare", password: DEMO_PASSWORD, redirectTo: "/", ...(owner.token ? { csrf: owner.token } : {}) }),
    });
    expect(signIn.status, signIn.body.slice(0, 300)).toBe(302);
    expect(signIn.setCookie.some((c) => c.startsWith("fk_session="))).toBe(true);
  }, 120_000);
});
