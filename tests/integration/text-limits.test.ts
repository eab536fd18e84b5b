// Every text field has a maximum length (issue 13, finding 4): a longer value is refused
// with the message next to the field, and nothing is written.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSession, sessionCookieHeader } from "~/auth/session.server";
import { db } from "~/db.server";
import { TEXT_LIMITS } from "~/forms/text-limits";
import { parseValues } from "~/forms/parse";
import { EVENT_INPUT } from "~/processes/event-input";
import { action as signInAction } from "~/routes/logga-in";
import { action as addStaffAction } from "~/routes/_app.personal.ny";
import { action as apiKeysAction } from "~/routes/_app.api-nycklar";
import { createUnit, createUser, request } from "../factories";
import { statusOf } from "../setup/responses";

const args = (req: Request) => ({ request: req, params: {}, context: { clientAddress: "10.0.0.1" } });
const post = (path: string, fields: Record<string, string>, cookie?: string) =>
  request(path, cookie, { method: "POST", body: new URLSearchParams(fields) });
const errorsOf = (value: unknown) => (value as { data: { errors: Record<string, string> } }).data.errors;
const tooLong = (max: number) => "x".repeat(max + 1);

async function administrator(unitId: string) {
  const user = await createUser(db, [{ careUnitId: unitId, roleCode: "ADMINISTRATOR" }]);
  const sessionId = await createSession(db, user.id, new Date());
  await db.session.update({ where: { id: sessionId }, data: { activeUnitId: unitId, activeRole: "ADMINISTRATOR" } });
  return (await sessionCookieHeader(sessionId)).split(";")[0];
}

describe("maximum lengths", () => {
  it("refuses a 1 MB username before any attempt is recorded", async () => {
    const before = await db.signInAttempt.count();
    const result = await signInAction(args(post("/logga-in", { username: "a".repeat(1024 * 1024), password: "x" })));
    expect(statusOf(result)).toBe(400);
    expect(errorsOf(result).username).toBe(`Högst ${TEXT_LIMITS.username} tecken.`);
    expect(await db.signInAttempt.count()).toBe(before);
  });

  it("refuses an over-long password before any attempt is recorded", async () => {
    const before = await db.signInAttempt.count();
    const result = await signInAction(args(post("/logga-in", { username: "anna", password: tooLong(TEXT_LIMITS.password) })));
    expect(errorsOf(result).password).toBe(`Högst ${TEXT_LIMITS.password} tecken.`);
    expect(await db.signInAttempt.count()).toBe(before);
  });

  it("refuses a 5,000-character first name and an over-long HSA-id, and saves no staff member", async () => {
    const unit = await createUnit(db);
    const cookie = await administrator(unit.id);
    const before = await db.staffMember.count();
    const result = await addStaffAction(
      args(
        post(
          "/personal/ny",
          {
            firstName: "G".repeat(5000),
            middleName: "",
            lastName: "Nyanställd",
            hsaId: `SE2321000016-T${"A".repeat(TEXT_LIMITS.hsaId)}`,
            befattningCode: "206011",
            careUnitId: unit.id,
            employmentFrom: "2026-12-01",
          },
          cookie,
        ),
      ),
    );
    expect(statusOf(result)).toBe(400);
    expect(errorsOf(result).firstName).toBe(`Skriv högst ${TEXT_LIMITS.name} tecken.`);
    expect(errorsOf(result).hsaId).toBe(`Skriv högst ${TEXT_LIMITS.hsaId} tecken.`);
    expect(await db.staffMember.count()).toBe(before);
  });

  it("refuses an over-long API key name and creates no key", async () => {
    const unit = await createUnit(db);
    const cookie = await administrator(unit.id);
    const before = await db.apiKey.count();
    const result = await apiKeysAction(args(post("/api-nycklar", { intent: "create", name: tooLong(TEXT_LIMITS.apiKeyName) }, cookie)));
    expect(statusOf(result)).toBe(400);
    expect(await db.apiKey.count()).toBe(before);
  });

  it("every free-text field of every event has a limit", () => {
    for (const [type, schema] of Object.entries(EVENT_INPUT)) {
      const shape = (schema as { shape?: Record<string, unknown> }).shape ?? {};
      for (const field of Object.keys(shape)) {
        // A field that takes a short text must refuse one longer than the longest limit.
        const short = parseValues({ [field]: "x" }, schema);
        if (!short.ok && short.errors[field]) continue;
        const long = parseValues({ [field]: "x".repeat(TEXT_LIMITS.freeText + 1) }, schema);
        expect(long.ok ? undefined : long.errors[field], `${type}.${field}`).toBeTruthy();
      }
    }
  });

  it("an event's over-long note is refused with the message next to the field", () => {
    const parsed = parseValues({ note: tooLong(TEXT_LIMITS.freeText) }, EVENT_INPUT.ASSESS_LIFE_THREATENING);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.note).toBe(`Texten får vara högst ${TEXT_LIMITS.freeText} tecken.`);
  });

  it("the id limit leaves room for the ids the database makes", () => {
    expect(randomUUID().length).toBeLessThan(TEXT_LIMITS.id);
  });
});
