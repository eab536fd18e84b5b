// CSRF (issue 13, finding 1): every state-changing route — every route module exporting an
// `action` (sign-in, sign-out, language and unit choice among them), the API routes excepted —
// is attacked six ways with the victim's valid session cookie. Each attempt must be refused
// with 403 by the server edge and write nothing: no row added or changed in the main tables,
// no session or language cookie set.
import { beforeAll, describe, expect, it } from "vitest";
import { baseUrl, Client, rowCounts, tableDigest, urlencoded, type DemoUser } from "./http";
import { stateChangingFiles, stateChangingTargets, type Target } from "./targets";

type Attack = { name: string; url: (t: Target) => string; fields: (t: Target) => [string, string][]; headers: Record<string, string> };

const withoutToken = (t: Target) => t.fields.filter(([k]) => k !== "csrf");
const sameSite = () => ({ origin: baseUrl(), "sec-fetch-site": "same-origin", "sec-fetch-mode": "navigate", accept: "text/html" });
const crossSite = { origin: "http://evil.example", "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate", accept: "text/html" };
const withQuery = (path: string, query: string) => `${path}${path.includes("?") ? "&" : "?"}${query}`;

const ATTACKS: Attack[] = [
  { name: "no token", url: (t) => t.path, fields: withoutToken, headers: {} },
  { name: "no token, same-origin headers", url: (t) => t.path, fields: withoutToken, get headers() { return sameSite(); } },
  { name: "wrong token", url: (t) => t.path, fields: (t) => [...withoutToken(t), ["csrf", "forged-token-0123456789abcdef"]], get headers() { return sameSite(); } },
  { name: "valid token, foreign Origin", url: (t) => t.path, fields: (t) => t.fields, headers: { ...crossSite } },
  { name: "valid token, Sec-Fetch-Site cross-site", url: (t) => t.path, fields: (t) => t.fields, headers: { "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate" } },
  { name: "valid token, Origin null", url: (t) => t.path, fields: (t) => t.fields, headers: { origin: "null", "sec-fetch-site": "cross-site" } },
  { name: "?_data= legacy path, foreign Origin", url: (t) => withQuery(t.path, `_data=${encodeURIComponent(t.routeId)}`), fields: withoutToken, headers: { origin: "http://evil.example" } },
  { name: "?_data= legacy path, no headers", url: (t) => withQuery(t.path, `_data=${encodeURIComponent(t.routeId)}`), fields: withoutToken, headers: {} },
  { name: "single-fetch .data path", url: (t) => `${t.path === "/" ? "/_root" : t.path}.data`, fields: withoutToken, headers: { origin: "http://evil.example" } },
  { name: "single-fetch .data path, no headers", url: (t) => `${t.path === "/" ? "/_root" : t.path}.data`, fields: withoutToken, headers: {} },
];

/** Everything a forged request could change. */
function snapshot() {
  return { counts: rowCounts(), sessions: tableDigest("Session"), cases: tableDigest("ProcessCase"), staff: tableDigest("StaffMember"), keys: tableDigest("ApiKey") };
}

describe("CSRF: every state-changing route × every forgery is refused with 403 and writes nothing", () => {
  let targets: Target[] = [];
  let clients = new Map<DemoUser, Client>();
  beforeAll(async () => {
    ({ targets, clients } = await stateChangingTargets());
  }, 120_000);

  it("covers every route that exports an action, sign-in, sign-out, language and unit choice among them", () => {
    const files = targets.map((t) => t.file);
    expect(files).toEqual(stateChangingFiles());
    expect(files).toEqual(expect.arrayContaining(["logga-in.tsx", "logga-ut.tsx", "sprak.tsx", "valj-enhet.tsx", "_app.arenden.$caseId.tsx", "_app.api-nycklar.tsx"]));
  });

  it("the pages carry the token a legitimate form sends (hidden input `csrf`)", () => {
    // Judged where the page shows the route's form: the catch-all 404 route exports an action
    // but has no form, and a patient page shows its form only while the patient is locked.
    expect(targets.filter((t) => t.formOnPage).length).toBeGreaterThan(5);
    const missing = targets.filter((t) => t.formOnPage).filter((t) => !t.fields.some(([k, v]) => k === "csrf" && v !== "")).map((t) => `${t.file} (${t.page})`);
    expect(missing).toEqual([]);
  });

  for (const attack of ATTACKS) {
    it(attack.name, async () => {
      const wrong: string[] = [];
      for (const target of targets) {
        const client = target.victim ? clients.get(target.victim)! : new Client();
        const before = snapshot();
        const answer = await client.request(attack.url(target), {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", ...attack.headers },
          body: urlencoded(attack.fields(target)),
        });
        const cookies = answer.headers.getSetCookie().filter((c) => /^(fk_session|lang|fk_lang)=/i.test(c));
        const after = snapshot();
        if (answer.status !== 403) wrong.push(`${target.file} ${attack.url(target)}: ${answer.status}`);
        if (JSON.stringify(after) !== JSON.stringify(before)) wrong.push(`${target.file}: wrote ${JSON.stringify({ before, after })}`);
        if (cookies.length) wrong.push(`${target.file}: set ${cookies.join(", ")}`);
        if (answer.status === 403 && /text\/html/.test(answer.headers.get("content-type") ?? "") && !/[åäö]/i.test(answer.body)) {
          wrong.push(`${target.file}: the 403 page has no Swedish message`);
        }
      }
      expect(wrong).toEqual([]);
    }, 120_000);
  }

  it("the victims are still signed in after every forgery", async () => {
    for (const [user, client] of clients) {
      const page = await client.get("/");
      expect(page.status, user).toBe(200);
    }
  });
});
