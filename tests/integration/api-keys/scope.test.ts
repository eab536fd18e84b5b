// API keys belong to one care giver and name their services (issue 13 finding 8, decision 016):
// an administrator manages only their care givers' keys, and a key reads only its care giver's
// contacts, only through the services it names. The migration revokes the region-wide keys.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { loader as fhirRead } from "~/routes/fhir.CareTeam_.$id";
import { loader as fhirSearch } from "~/routes/fhir.CareTeam";
import { action, loader } from "~/routes/_app.api-nycklar";
import { createApiKey, createUnit, request, signedIn } from "../../factories";
import { statusOf, thrown } from "../../setup/responses";
import { fhirBody, fhirRequest, outcome, PNR, searchPath } from "../fhir/fhir-kit";
import { buildScenario, type Scenario } from "../get-care-managers/scenario";
import { call, careManagersOf, envelope, faultOf, getCareManagersBody } from "../get-care-managers/soap";

const args = (req: Request) => ({ request: req, params: {}, context: {} });
const post = (cookie: string, fields: Record<string, string>) => args(request("/api-nycklar", cookie, { method: "POST", body: new URLSearchParams(fields) }));
const page = (cookie: string, search = "") => loader(args(request(`/api-nycklar${search}`, cookie)));
const payload = (value: unknown) => ((value && typeof value === "object" && "data" in value ? (value as { data: unknown }).data : value) as Record<string, unknown>);

async function administratorOfNewCareGiver() {
  const unit = await createUnit(db);
  return { unit, careGiverId: unit.organisationId, ...(await signedIn(db, unit.id, "ADMINISTRATOR")) };
}

const createFields = (careGiverId: string, extra: Record<string, string> = { serviceGetCareManagers: "ja", serviceFhirCareTeam: "ja" }) => ({
  intent: "create",
  name: "1177 Vårdguiden",
  careGiverId,
  ...extra,
});

describe("the key page of one care giver's administrator", () => {
  it("neither lists nor offers to revoke another care giver's key, and refuses its revocation like an unknown id", async () => {
    const a = await administratorOfNewCareGiver();
    const b = await administratorOfNewCareGiver();
    const keyOfA = await createApiKey(db, "System hos A", { careGiverId: a.careGiverId });
    const keyOfB = await createApiKey(db, "System hos B", { careGiverId: b.careGiverId });

    const pageOfA = await page(a.cookie, `?aterkalla=${keyOfB.id}`);
    expect(pageOfA.keys.map((k) => k.id)).toContain(keyOfA.id);
    expect(pageOfA.keys.map((k) => k.id)).not.toContain(keyOfB.id);
    expect(pageOfA.toRevoke).toBeNull();
    expect(pageOfA.careGivers.map((c) => c.id)).toEqual([a.careGiverId]);
    expect(JSON.stringify(pageOfA)).not.toContain("System hos B");

    const foreign = await thrown(action(post(a.cookie, { intent: "revoke", keyId: keyOfB.id })));
    const unknown = await thrown(action(post(a.cookie, { intent: "revoke", keyId: "finns-inte" })));
    expect(statusOf(foreign)).toBe(404);
    expect(statusOf(unknown)).toBe(404);
    expect(await (foreign as Response).text()).toBe(await (unknown as Response).text());
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyOfB.id } })).revokedAt).toBeNull();
    expect(await db.auditEvent.count({ where: { entityType: "ApiKey", entityId: keyOfB.id } })).toBe(0);
  });

  it("creates a key only for the administrator's own care giver, with the services ticked", async () => {
    const a = await administratorOfNewCareGiver();
    const b = await administratorOfNewCareGiver();
    const before = await db.apiKey.count();
    const forged = await action(post(a.cookie, createFields(b.careGiverId)));
    expect(statusOf(forged)).toBe(400);
    expect(payload(forged).errors).toEqual({ careGiverId: "Välj vilken vårdgivares kontakter nyckeln ska läsa." });
    const none = await action(post(a.cookie, createFields(a.careGiverId, {})));
    expect(statusOf(none)).toBe(400);
    expect(payload(none).errors).toEqual({ services: "Välj minst en tjänst." });
    expect(await db.apiKey.count()).toBe(before);

    const created = payload(await action(post(a.cookie, createFields(a.careGiverId, { serviceFhirCareTeam: "ja" })))).created as { id: string };
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ organisationId: a.careGiverId, services: "FhirCareTeam" });
    expect((await page(a.cookie)).keys.find((k) => k.id === created.id)).toMatchObject({ services: ["FhirCareTeam"] });
  });
});

describe("a key reads only its own care giver's contacts", () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await buildScenario();
  }, 60_000);

  it("GetCareManagers: another care giver's LogicalAddress is refused like an unknown one", async () => {
    const own = await careManagersOf(await call({ key: s.consumer.key, body: envelope(getCareManagersBody({ extension: s.patient.identifier }), s.region.hsaId) }));
    expect(own.length).toBeGreaterThan(0);
    const fault = await faultOf(await call({ key: s.consumer.key, body: envelope(getCareManagersBody({ extension: s.patient.identifier }), s.kommun.hsaId) }));
    expect(fault.message).toBe(`LogicalAddress ${s.kommun.hsaId} är inte HSA-id för någon vårdgivare i tjänsten.`);
    expect(fault.text).not.toContain(s.staff.careWorker.hsaId);
  });

  it("FHIR: a search gives only the key's care giver's contacts, and another's contact reads as not found", async () => {
    const bundle = await fhirBody<{ resourceType: string; entry?: { resource: { id: string } }[] }>(
      await fhirSearch({ request: fhirRequest(searchPath(PNR, s.patient.identifier), s.consumer.key), params: {}, context: { requestId: "req-scope-search" } }),
      200,
    );
    const ids = (bundle.entry ?? []).map((e) => e.resource.id);
    expect(ids).toContain(s.contacts.doctorContact.id);
    expect(ids).not.toContain(s.contacts.homeCareContact.id);
    expect(ids).not.toContain(s.contacts.handlaggarContact.id);

    const id = s.contacts.homeCareContact.id;
    await outcome(await fhirRead({ request: fhirRequest(`/fhir/CareTeam/${id}`, s.consumer.key), params: { id }, context: { requestId: "req-scope-read" } }), 404, "not-found");
    await fhirBody(await fhirRead({ request: fhirRequest(`/fhir/CareTeam/${id}`, s.kommunConsumer.key), params: { id }, context: { requestId: "req-scope-read-own" } }), 200);
  });

  it("a key without FHIR gets 403 there; a key without GetCareManagers gets a SOAP fault", async () => {
    const soapOnly = await createApiKey(db, "Bara SOAP", { careGiverId: s.region.id, services: ["GetCareManagers"] });
    const fhirOnly = await createApiKey(db, "Bara FHIR", { careGiverId: s.region.id, services: ["FhirCareTeam"] });
    const issue = await outcome(
      await fhirSearch({ request: fhirRequest(searchPath(PNR, s.patient.identifier), soapOnly.key), params: {}, context: { requestId: "req-no-fhir" } }),
      403,
      "forbidden",
    );
    expect(issue.details.text).toMatch(/ger inte tillgång till FHIR CareTeam/);
    const id = s.contacts.doctorContact.id;
    await outcome(await fhirRead({ request: fhirRequest(`/fhir/CareTeam/${id}`, soapOnly.key), params: { id }, context: { requestId: "req-no-fhir-read" } }), 403, "forbidden");
    expect(await careManagersOf(await call({ key: soapOnly.key, body: envelope(getCareManagersBody({ extension: s.patient.identifier }), s.region.hsaId) }))).not.toHaveLength(0);

    const fault = await faultOf(await call({ key: fhirOnly.key, body: envelope(getCareManagersBody({ extension: s.patient.identifier }), s.region.hsaId) }));
    expect(fault.code).toMatch(/Client/);
    expect(fault.message).toMatch(/ger inte tillgång till GetCareManagers/);
    // Neither refusal read a patient: nothing in the access log under these systems.
    expect(await db.accessLog.count({ where: { consumerSystem: { in: ["Bara FHIR"] } } })).toBe(0);
  });
});

describe("migration 20261204000200_api_key_scope", () => {
  const file = path.resolve(`tests/.tmp/api-key-scope-${randomUUID()}.db`);
  afterAll(() => {
    for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  });

  it("revokes every region-wide key with a reason, and the triggers still keep it revoked and kept", () => {
    const dir = path.resolve("prisma/migrations");
    const migrations = readdirSync(dir).filter((name) => /^\d+_/.test(name)).sort();
    const sqlite = new Database(file);
    try {
      for (const name of migrations.filter((n) => n < "20261204000200")) sqlite.exec(readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
      sqlite
        .prepare(`INSERT INTO "ApiKey" ("id", "name", "prefix", "hash", "createdAt", "createdByUserId") VALUES (?, ?, ?, ?, ?, ?)`)
        .run("legacy-1", "Gammalt system", "fk_abcdef", "a".repeat(64), "2026-01-01T00:00:00.000+00:00", "admin");
      for (const name of migrations.filter((n) => n >= "20261204000200")) sqlite.exec(readFileSync(path.join(dir, name, "migration.sql"), "utf8"));

      const row = sqlite.prepare(`SELECT "revokedAt", "revocationReason", "organisationId" FROM "ApiKey" WHERE "id" = 'legacy-1'`).get() as Record<string, string | null>;
      expect(row.revocationReason).toBe("legacy-unscoped");
      expect(row.organisationId).toBeNull();
      expect(row.revokedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
      expect(() => sqlite.exec(`UPDATE "ApiKey" SET "revokedAt" = NULL WHERE "id" = 'legacy-1'`)).toThrow(/revoked key stays revoked/);
      expect(() => sqlite.exec(`DELETE FROM "ApiKey" WHERE "id" = 'legacy-1'`)).toThrow(/revoke the key instead/);
      // And no new key without a care giver and services.
      expect(() =>
        sqlite.exec(`INSERT INTO "ApiKey" ("id", "name", "prefix", "hash", "createdAt", "createdByUserId") VALUES ('new', 'x', 'fk_x', 'b', '2026-12-04T00:00:00.000+00:00', 'u')`),
      ).toThrow(/belongs to one care giver/);
    } finally {
      sqlite.close();
    }
  });
});
