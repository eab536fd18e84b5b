// Talking to the shared security server the way a browser does: a small cookie jar, the CSRF
// token read from the page's hidden `csrf` input, same-origin headers. A legitimate request is
// one call (`client.post(path, fields)`); every attack in the suite is the same call with one
// thing taken away or changed.
import { inject } from "vitest";
import Database from "better-sqlite3";

export const baseUrl = () => inject("securityBaseUrl");
export const dbFile = () => inject("securityDbFile");
export const DEMO_PASSWORD = "fastakontakter";

/** Read-only query on the server's database; a fresh connection sees its last commit. */
export function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbFile(), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** The tables whose rows a refused request must not change. */
export const WRITTEN_TABLES = [
  "AuditEvent",
  "AccessLog",
  "Session",
  "SignInAttempt",
  "ProcessCase",
  "Assignment",
  "Refusal",
  "Notification",
  "DischargeReferral",
  "TurnoverBatch",
  "CareEpisode",
  "StaffMember",
  "ApiKey",
  "Delegation",
  "Patient",
] as const;

function existingTables(): Set<string> {
  return new Set(query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").map((r) => r.name));
}

/** Row count of each named table that exists (plus the newest AuditEvent id, which a REPLACE would not move). */
export function rowCounts(tables: readonly string[] = WRITTEN_TABLES): Record<string, number> {
  const present = existingTables();
  const counts: Record<string, number> = {};
  for (const t of tables) if (present.has(t)) counts[t] = query<{ n: number }>(`SELECT count(*) AS n FROM "${t}"`)[0].n;
  return counts;
}

/** A fingerprint of a table's content: detects an update that keeps the row count. */
export function tableDigest(table: string): string {
  if (!existingTables().has(table)) return "";
  const rows = query<Record<string, unknown>>(`SELECT * FROM "${table}" ORDER BY rowid`);
  return JSON.stringify(rows).length + ":" + hash(JSON.stringify(rows));
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

export type Answer = { status: number; location: string | null; headers: Headers; body: string };

export type RequestOptions = {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer | Uint8Array | null;
};

/** A browser-like client: keeps cookies, follows no redirect (the tests judge each Location). */
export class Client {
  readonly cookies = new Map<string, string>();
  /** The active unit after `signedIn`. */
  unitId = "";

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Raw request: cookies sent unless `headers.cookie` is given explicitly. */
  async request(path: string, options: RequestOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (!("cookie" in headers) && this.cookies.size) headers.cookie = this.cookieHeader();
    if (headers.cookie === "") delete headers.cookie;
    const response = await fetch(new URL(path, baseUrl()), {
      method: options.method ?? "GET",
      headers,
      body: (options.body ?? undefined) as BodyInit | undefined,
      redirect: "manual",
    });
    this.remember(response.headers);
    return { status: response.status, location: response.headers.get("location"), headers: response.headers, body: await response.text() };
  }

  /** GET a page as a browser navigation does, same-origin. */
  get(path: string, headers: Record<string, string> = {}) {
    return this.request(path, { headers: { accept: "text/html", "sec-fetch-site": "same-origin", "sec-fetch-mode": "navigate", ...headers } });
  }

  /** The CSRF token of the page at `path` (the hidden `csrf` input), or "" while the page has none. */
  async csrfToken(path: string): Promise<string> {
    const page = await this.get(path);
    return csrfOf(page.body);
  }

  /**
   * A legitimate form POST from our own page: the token read from `tokenFrom` (default: the
   * same path), same-origin Origin and Sec-Fetch-Site, urlencoded body.
   */
  async post(
    path: string,
    fields: Record<string, string | string[]>,
    options: { tokenFrom?: string; token?: string; headers?: Record<string, string> } = {},
  ) {
    const token = options.token ?? (await this.csrfToken(options.tokenFrom ?? path.split("?")[0]));
    const form = new URLSearchParams();
    if (token) form.append("csrf", token);
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) form.append(k, one);
    return this.request(path, {
      method: "POST",
      headers: { ...sameOrigin(), "content-type": "application/x-www-form-urlencoded", ...options.headers },
      body: form.toString(),
    });
  }
}

export function csrfOf(html: string): string {
  const input = /<input[^>]*name="csrf"[^>]*>/.exec(html)?.[0];
  return input ? (/value="([^"]*)"/.exec(input)?.[1] ?? "").replaceAll("&amp;", "&") : "";
}

export const sameOrigin = () => ({ origin: baseUrl(), "sec-fetch-site": "same-origin", "sec-fetch-mode": "navigate", "sec-fetch-dest": "document", accept: "text/html" });

export type DemoUser = "verksamhetschef" | "sjukskoterska" | "lakare" | "enhetschef" | "administrator" | "delegat";

/** Signs a demo user in (choosing the unit with `choice` when given or needed) and returns the client. */
export async function signedIn(username: DemoUser, options: { unitId?: string } = {}): Promise<Client> {
  const client = new Client();
  const answer = await client.post("/logga-in", { username, password: DEMO_PASSWORD, redirectTo: "/" });
  if (answer.status !== 302 && answer.status !== 303) throw new Error(`sign-in of ${username} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  const choices = query<{ careUnitId: string; roleCode: string }>(
    `SELECT careUnitId, roleCode FROM "RoleGrant" WHERE userId = ? ORDER BY careUnitId`,
    `demo-user-${username}`,
  );
  client.unitId = choices[0]?.careUnitId ?? "";
  if (choices.length > 1 || options.unitId) {
    const chosen = choices.find((c) => !options.unitId || c.careUnitId === options.unitId) ?? choices[0];
    client.unitId = chosen.careUnitId;
    const chose = await client.post("/valj-enhet", { choice: `${chosen.careUnitId}|${chosen.roleCode}`, redirectTo: "/" });
    if (chose.status !== 302 && chose.status !== 303) throw new Error(`unit choice of ${username} answered ${chose.status}`);
  }
  return client;
}

/** Runs `work` over `items` with at most `limit` in flight: the machine has two cores. */
export async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A stack trace or an internal error leaking into a response body. */
export const LEAK = /\bat [\w$.<>]+ \(|node:internal|\/node_modules\/|\bTypeError\b|\bRangeError\b|\bSyntaxError: |PrismaClient|SqliteError/;

/** One demo user per role of the reference data. */
export const USER_OF_ROLE: Record<string, DemoUser> = {
  VERKSAMHETSCHEF: "verksamhetschef",
  VARDPERSONAL: "sjukskoterska",
  LAKARE: "lakare",
  ENHETSCHEF_HEMTJANST: "enhetschef",
  ADMINISTRATOR: "administrator",
};

export const permissionsOfRole = (role: string) =>
  new Set(query<{ permissionCode: string }>(`SELECT permissionCode FROM "RolePermission" WHERE roleCode = ?`, role).map((r) => r.permissionCode));

/** The first demo user whose role holds every one of `permissions` (verksamhetschef first). */
export function userHolding(permissions: readonly string[]): DemoUser {
  const role = Object.keys(USER_OF_ROLE).find((r) => permissions.every((p) => permissionsOfRole(r).has(p)));
  if (!role) throw new Error(`no demo role holds ${permissions.join(", ")}`);
  return USER_OF_ROLE[role];
}

export type FormFields = [string, string][];

/**
 * The fields a browser would submit with the first POST form of `html` (the page at `page`)
 * that posts to `action`: hidden inputs, text inputs with their
 * value, checked boxes and radios (the first radio of a group when none is checked), the first
 * option of each select. Good enough to replay a real form without a browser.
 */
export function formFields(html: string, page: string, action: string): FormFields | null {
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attributes = match[1];
    if (!/method="post"/i.test(attributes)) continue;
    const formAction = /action="([^"]*)"/.exec(attributes)?.[1]?.replaceAll("&amp;", "&") ?? null;
    // A form without an action posts to the page itself (`page`).
    if ((formAction ?? page).split("?")[0] !== action.split("?")[0]) continue;
    const fields: FormFields = [];
    const radios = new Set<string>();
    for (const input of match[2].matchAll(/<(input|select|textarea)\b([^>]*)>/g)) {
      const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(input[2])?.[1]?.replaceAll("&amp;", "&");
      const name = attr("name");
      if (!name) continue;
      const type = attr("type") ?? "text";
      if (type === "submit" || type === "button") continue;
      if (input[1] === "select") {
        const rest = match[2].slice((input.index ?? 0));
        fields.push([name, /<option[^>]*value="([^"]*)"/.exec(rest)?.[1] ?? ""]);
        continue;
      }
      if (type === "checkbox" && !/\bchecked\b/.test(input[2])) continue;
      if (type === "radio") {
        if (radios.has(name)) continue;
        radios.add(name);
      }
      fields.push([name, attr("value") ?? ""]);
    }
    const submit = /<button[^>]*name="([^"]*)"[^>]*value="([^"]*)"/.exec(match[2]);
    if (submit && !fields.some(([k]) => k === submit[1])) fields.push([submit[1], submit[2]]);
    return fields;
  }
  return null;
}

export const urlencoded = (fields: FormFields) => new URLSearchParams(fields).toString();
