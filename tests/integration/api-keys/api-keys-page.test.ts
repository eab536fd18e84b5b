// The API-key page (issue 6 §4): only an administrator names, creates and revokes the keys of
// connected systems; a key is shown once and stored only as a hash; revoking is final; every
// change leaves an audit row without the key; the audit pages say what the rows mean.
import { describe, expect, it } from "vitest";
import { authenticateConsumer, hashApiKey } from "~/api/consumers.server";
import { db } from "~/db.server";
import { action, loader } from "~/routes/_app.api-nycklar";
import { loader as userLogLoader } from "~/routes/_app.logg.anvandare.$userId";
import { extractCsv } from "~/models/audit-csv";
import { actorName, describeAction, describeEntity } from "~/models/audit-describe";
import type { LogRow } from "~/models/audit-log.server";
import { createApiKey, createUnit, request, signedIn } from "../../factories";
import { statusOf, thrown } from "../../setup/responses";

const args = (req: Request, params: Record<string, string> = {}) => ({ request: req, params, context: {} });
const post = (cookie: string, fields: Record<string, string>) => args(request("/api-nycklar", cookie, { method: "POST", body: new URLSearchParams(fields) }));
const page = (cookie: string, search = "") => loader(args(request(`/api-nycklar${search}`, cookie)));

/** The value of a data() answer (or a plain object). */
const payload = (value: unknown) => ((value && typeof value === "object" && "data" in value ? (value as { data: unknown }).data : value) as Record<string, unknown>);

async function administrator() {
  const unit = await createUnit(db);
  return { unit, careGiverId: unit.organisationId, ...(await signedIn(db, unit.id, "ADMINISTRATOR")) };
}

/** The create form as the page posts it: the administrator's care giver and both services ticked. */
const createFields = (admin: { careGiverId: string }, name: string, extra: Record<string, string> = {}) => ({
  intent: "create",
  name,
  careGiverId: admin.careGiverId,
  serviceGetCareManagers: "ja",
  serviceFhirCareTeam: "ja",
  ...extra,
});

const keyAudit = (entityId: string) => db.auditEvent.findMany({ where: { entityType: "ApiKey", entityId }, orderBy: { id: "asc" } });

describe("who may manage API keys", () => {
  it("refuses everyone but the administrator with 403 and writes nothing", async () => {
    const unit = await createUnit(db);
    for (const role of ["VERKSAMHETSCHEF", "VARDPERSONAL", "LAKARE", "ENHETSCHEF_HEMTJANST"] as const) {
      const { cookie } = await signedIn(db, unit.id, role);
      expect(statusOf(await thrown(page(cookie))), role).toBe(403);
      const before = await db.apiKey.count();
      expect(statusOf(await thrown(action(post(cookie, { intent: "create", name: "Obehörigt system" })))), role).toBe(403);
      expect(await db.apiKey.count()).toBe(before);
    }
  });
});

describe("creating a key", () => {
  it("says next to the field what is wrong with the name, and writes nothing", async () => {
    const admin = await administrator();
    const before = { keys: await db.apiKey.count(), audit: await db.auditEvent.count({ where: { action: "apikey.create" } }) };
    for (const [name, message] of [
      ["", "Ange systemets namn, till exempel ”1177 Vårdguiden”."],
      ["    ", "Ange systemets namn, till exempel ”1177 Vårdguiden”."],
      ["x".repeat(101), "Namnet får vara högst 100 tecken. Korta det."],
    ]) {
      const result = await action(post(admin.cookie, createFields(admin, name)));
      expect(statusOf(result)).toBe(400);
      expect(payload(result).errors).toEqual({ name: message });
    }
    expect(await db.apiKey.count()).toBe(before.keys);
    expect(await db.auditEvent.count({ where: { action: "apikey.create" } })).toBe(before.audit);
  });

  it("shows the key once in the answer, stores only its hash, and the key then lets the system in", async () => {
    const admin = await administrator();
    const result = await action(post(admin.cookie, createFields(admin, "  1177 Vårdguiden  ")));
    expect(statusOf(result)).toBe(200);
    expect((result as { init?: ResponseInit }).init?.headers).toEqual({ "Cache-Control": "no-store" });
    const created = payload(result).created as { id: string; name: string; prefix: string; key: string };
    expect(created.name).toBe("1177 Vårdguiden");
    expect(created.key).toMatch(/^fk_[A-Za-z0-9_-]{43}$/);
    expect(created.prefix).toBe(created.key.slice(0, 9));

    const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ name: "1177 Vårdguiden", prefix: created.prefix, hash: hashApiKey(created.key), createdByUserId: admin.user.id, revokedAt: null });
    expect(JSON.stringify(row)).not.toContain(created.key);

    // The page afterwards lists the key but never holds the key itself.
    const listed = await page(admin.cookie);
    expect(listed.keys.find((k) => k.id === created.id)).toMatchObject({ name: "1177 Vårdguiden", prefix: created.prefix, createdBy: admin.user.displayName, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.key);

    const [audit] = await keyAudit(created.id);
    expect(audit).toMatchObject({ action: "apikey.create", userId: admin.user.id, roleCode: "ADMINISTRATOR", careUnitId: admin.unit.id, patientId: null });
    const careGiver = await db.organisation.findUniqueOrThrow({ where: { id: admin.careGiverId } });
    expect(JSON.parse(audit.after!)).toEqual({ name: "1177 Vårdguiden", prefix: created.prefix, careGiverHsaId: careGiver.hsaId, services: "GetCareManagers,FhirCareTeam" });
    expect(JSON.stringify(audit)).not.toContain(created.key);
    expect(JSON.stringify(audit)).not.toContain(row.hash);

    const call = new Request("http://localhost/fhir/CareTeam", { headers: { authorization: `Bearer ${created.key}` } });
    expect(await authenticateConsumer(db, call, { now: new Date(), requestId: "req-new-key", endpoint: "/fhir/CareTeam" })).toEqual({
      ok: true,
      consumer: { keyId: created.id, name: "1177 Vårdguiden", careGiverHsaId: careGiver.hsaId, services: ["GetCareManagers", "FhirCareTeam"] },
    });
  });

  it("lists the keys newest first", async () => {
    const admin = await administrator();
    const older = await createApiKey(db, "Äldre system", { careGiverId: admin.careGiverId });
    await db.apiKey.update({ where: { id: older.id }, data: { createdAt: new Date("2020-01-01T00:00:00Z") } });
    const newer = payload(await action(post(admin.cookie, createFields(admin, "Nyare system")))).created as { id: string };
    const ids = (await page(admin.cookie)).keys.map((k) => k.id);
    expect(ids.indexOf(newer.id)).toBe(0);
    expect(ids.indexOf(older.id)).toBe(ids.length - 1);
  });
});

describe("revoking a key", () => {
  it("asks first, then revokes for good with date and administrator, audited; the system is turned away afterwards", async () => {
    const admin = await administrator();
    const key = await createApiKey(db, "Journalsystem Y", { careGiverId: admin.careGiverId });

    const confirm = await page(admin.cookie, `?aterkalla=${key.id}`);
    expect(confirm.toRevoke).toMatchObject({ id: key.id, name: "Journalsystem Y", prefix: key.prefix });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).revokedAt).toBeNull();

    const done = await thrown(action(post(admin.cookie, { intent: "revoke", keyId: key.id })));
    expect(statusOf(done)).toBe(302);
    expect((done as Response).headers.get("Location")).toBe(`/api-nycklar?aterkallad=${key.id}`);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(row.revokedByUserId).toBe(admin.user.id);
    expect(row.revokedAt).not.toBeNull();

    const after = await page(admin.cookie, `?aterkallad=${key.id}&aterkalla=${key.id}`);
    expect(after.revokedName).toBe("Journalsystem Y");
    expect(after.toRevoke).toBeNull(); // a revoked key is not offered again
    expect(after.keys.find((k) => k.id === key.id)).toMatchObject({ revokedAt: row.revokedAt!.toISOString(), revokedBy: admin.user.displayName });

    const audit = await keyAudit(key.id);
    expect(audit.map((a) => [a.action, a.userId])).toEqual([["apikey.revoke", admin.user.id]]);
    expect(JSON.parse(audit[0].after!)).toEqual({ name: "Journalsystem Y", prefix: key.prefix, revokedAt: row.revokedAt!.toISOString() });

    const call = new Request("http://localhost/riv/GetCareManagers/1", { headers: { "x-api-key": key.key } });
    expect(await authenticateConsumer(db, call, { now: new Date(), requestId: "req-after-revoke", endpoint: "/riv/GetCareManagers/1" })).toEqual({
      ok: false,
      rejection: "revoked",
    });
    // The turned-away call shows on the page, with the system's name.
    const rejections = (await page(admin.cookie)).rejections;
    expect(rejections.find((r) => r.requestId === "req-after-revoke")).toMatchObject({
      rejection: "revoked",
      endpoint: "/riv/GetCareManagers/1",
      prefix: key.prefix,
      keyName: "Journalsystem Y",
    });
  });

  it("is final: a second revocation changes nothing and writes no second audit row; an unknown key is 404", async () => {
    const admin = await administrator();
    const other = await signedIn(db, admin.unit.id, "ADMINISTRATOR");
    const key = await createApiKey(db, undefined, { careGiverId: admin.careGiverId });
    await thrown(action(post(admin.cookie, { intent: "revoke", keyId: key.id })));
    const first = await db.apiKey.findUniqueOrThrow({ where: { id: key.id } });

    const again = await action(post(other.cookie, { intent: "revoke", keyId: key.id }));
    expect(statusOf(again)).toBe(409);
    expect(payload(again)).toEqual({ alreadyRevoked: key.name });
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).toEqual(first);
    expect((await keyAudit(key.id)).map((a) => a.action)).toEqual(["apikey.revoke"]);

    expect(statusOf(await thrown(action(post(admin.cookie, { intent: "revoke", keyId: "finns-inte" }))))).toBe(404);
    expect(statusOf(await thrown(action(post(admin.cookie, { intent: "radera", keyId: key.id }))))).toBe(400);
  });
});

describe("the audit pages", () => {
  it("list an administrator's key changes in their user log, in words", async () => {
    const admin = await administrator();
    const created = payload(await action(post(admin.cookie, createFields(admin, "Loggat system")))).created as { id: string };
    await thrown(action(post(admin.cookie, { intent: "revoke", keyId: created.id })));

    const log = await userLogLoader(args(request(`/logg/anvandare/${admin.user.id}`, admin.cookie), { userId: admin.user.id }));
    const rows = log.log!.rows.filter((r) => r.entityType === "ApiKey");
    expect(rows.map((r) => [r.action, r.entityId])).toEqual([
      ["apikey.revoke", created.id],
      ["apikey.create", created.id],
    ]);
    expect(rows.map((r) => describeAction(r.action).label)).toEqual(["API-nyckel återkallad", "API-nyckel skapad"]);
    expect(describeEntity("ApiKey").label).toBe("API-nyckel");
    expect(describeAction("apikey.rejected").label).toBe("Anrop avvisat: ogiltig eller återkallad API-nyckel");
  });

  it("name the consumer system as the one who read, for a row written by a connected system", () => {
    const row: LogRow = {
      key: "v1",
      kind: "view",
      at: "2026-05-04T07:30:00.000Z",
      action: "api.get-care-managers",
      step: null,
      entityType: null,
      entityId: null,
      user: null,
      roleCode: null,
      unitName: null,
      consumerSystem: "1177 Vårdguiden",
      delegationId: null,
      delegatorName: null,
      reason: null,
      requestId: "req-api-1",
      patientId: "p1",
    };
    expect(actorName(row)).toBe("System: 1177 Vårdguiden");
    expect(actorName({ ...row, consumerSystem: null })).toBe("Ingen användare (systemet)");
    const csv = extractCsv({ id: "p1", identifier: "191212121212", identifierKind: "PERSONNUMMER", name: "Tolvan Tolvansson", protectedIdentity: false }, [row]);
    expect(csv.split("\r\n")[1]).toBe(
      "2026-05-04 09:30:00;Visning;Lästes av anslutet system (GetCareManagers);;System: 1177 Vårdguiden;;System: 1177 Vårdguiden;;req-api-1;Tolvan Tolvansson;19121212-1212",
    );
  });
});
