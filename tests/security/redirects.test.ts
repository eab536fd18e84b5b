// Open redirects (issue 13, finding 2): hostile `redirectTo` values through every route that
// takes a redirect target (grep app/routes for redirectTo: the sign-in GET and POST, the unit
// choice GET and POST, the language switch). Whatever comes back, the Location resolves to our
// own origin, and no answer is a 500 (an invalid Location header used to be one).
import { beforeAll, describe, expect, it } from "vitest";
import { baseUrl, Client, DEMO_PASSWORD, inBatches, signedIn, urlencoded } from "./http";

const HOSTILE = [
  "//evil.example",
  "//evil.example/",
  "///evil.example",
  "////evil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/%0a/evil.example",
  "/%0d/evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/%5cevil.example",
  "/%5c%5cevil.example",
  "/%2f%2fevil.example",
  "https://evil.example",
  "http://evil.example/path",
  "HTTPS://EVIL.EXAMPLE",
  "https:evil.example",
  "http:/evil.example",
  "//evil.example@127.0.0.1",
  "/@evil.example",
  "//127.0.0.1@evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(document.cookie)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "/\r\nSet-Cookie: fk_session=attacker",
  "/\r\nLocation: https://evil.example",
  "/%0d%0aLocation:%20https://evil.example",
  "/ok\u0000//evil.example",
  "/\u0000",
  "/ärenden/ö",
  "/\u2028//evil.example",
  "/\u3002evil.example",
  "//evil\u3002example",
  "/\uff0f\uff0fevil.example",
  "//\u0435vil.example",
  " //evil.example",
  "\t//evil.example",
  "/./..//evil.example",
  "/..//evil.example",
  "/.//evil.example",
  "//%65vil.example",
  "/" + "a".repeat(10_000),
  "//evil.example\\@127.0.0.1",
  "https://127.0.0.1.evil.example/",
  "",
  "%",
  "/%",
  "/%ff",
  "?redirectTo=//evil.example",
  "#//evil.example",
];

function sameOriginLocation(location: string | null): boolean {
  if (location === null) return true;
  try {
    return new URL(location, baseUrl()).origin === new URL(baseUrl()).origin;
  } catch {
    return false;
  }
}

type Outcome = { via: string; value: string; status: number; location: string | null };

function judge(outcomes: Outcome[]) {
  const wrong = outcomes.filter((o) => o.status >= 500 || !sameOriginLocation(o.location));
  expect(wrong.map((o) => `${o.via} ${JSON.stringify(o.value)} → ${o.status} ${o.location}`)).toEqual([]);
}

describe("hostile redirect targets never leave the origin", () => {
  let signedInClient: Client;
  let chooser: Client;
  beforeAll(async () => {
    signedInClient = await signedIn("lakare");
    // Two units: the unit choice page with its own redirectTo.
    chooser = await signedIn("sjukskoterska");
  }, 120_000);

  it("has at least 30 hostile values", () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(30);
  });

  it("POST /logga-in with correct credentials", async () => {
    const outcomes = await inBatches(HOSTILE, 3, async (value) => {
      const client = new Client();
      const token = await client.csrfToken("/logga-in");
      const fields: [string, string][] = [["username", "lakare"], ["password", DEMO_PASSWORD], ["redirectTo", value]];
      if (token) fields.push(["csrf", token]);
      const answer = await client.request("/logga-in", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl(), "sec-fetch-site": "same-origin", accept: "text/html" },
        body: urlencoded(fields),
      });
      return { via: "POST /logga-in", value, status: answer.status, location: answer.location };
    });
    judge(outcomes);
    // The legitimate sign-ins got through at all (the values were not just refused wholesale).
    expect(outcomes.filter((o) => o.status === 302 || o.status === 303).length).toBeGreaterThan(HOSTILE.length / 2);
  }, 180_000);

  it("GET /logga-in?redirectTo=… as a signed-in user", async () => {
    const outcomes = await inBatches(HOSTILE, 4, async (value) => {
      const answer = await signedInClient.get(`/logga-in?redirectTo=${encodeURIComponent(value)}`);
      return { via: "GET /logga-in", value, status: answer.status, location: answer.location };
    });
    judge(outcomes);
  }, 120_000);

  it("GET /logga-in?redirectTo=… raw (undecoded) in the query string", async () => {
    const raw = HOSTILE.filter((v) => !/[\s\u0000-\u001f#?]/.test(v) && /^[\x21-\x7e]*$/.test(v));
    const outcomes = await inBatches(raw, 4, async (value) => {
      const answer = await signedInClient.get(`/logga-in?redirectTo=${value}`);
      return { via: "GET /logga-in raw", value, status: answer.status, location: answer.location };
    });
    judge(outcomes);
  }, 120_000);

  it("POST /valj-enhet with the user's own unit", async () => {
    const page = await chooser.get("/valj-enhet");
    const choice = /name="choice" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const outcomes = await inBatches(HOSTILE, 3, async (value) => {
      const answer = await chooser.post("/valj-enhet", { choice: choice.replaceAll("&amp;", "&"), redirectTo: value });
      return { via: "POST /valj-enhet", value, status: answer.status, location: answer.location };
    });
    judge(outcomes);
  }, 180_000);

  it("GET /valj-enhet?redirectTo=… renders a same-origin target into its form", async () => {
    const outcomes = await inBatches(HOSTILE, 4, async (value) => {
      const answer = await chooser.get(`/valj-enhet?redirectTo=${encodeURIComponent(value)}`);
      const hidden = /name="redirectTo" value="([^"]*)"/.exec(answer.body)?.[1]?.replaceAll("&amp;", "&") ?? null;
      return { via: "GET /valj-enhet (hidden field)", value, status: answer.status, location: answer.location ?? hidden };
    });
    judge(outcomes);
  }, 120_000);

  it("POST /sprak", async () => {
    const outcomes = await inBatches(HOSTILE, 3, async (value) => {
      const answer = await signedInClient.post("/sprak", { lang: "sv", redirectTo: value }, { tokenFrom: "/" });
      return { via: "POST /sprak", value, status: answer.status, location: answer.location };
    });
    judge(outcomes);
  }, 180_000);
});
