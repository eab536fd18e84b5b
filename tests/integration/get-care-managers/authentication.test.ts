// Who may call GetCareManagers (issue 6 §4): a consumer system with an active API key. A
// missing, unknown or revoked key gets HTTP 401 with a Bearer challenge and a SOAP Fault, is
// written to the audit trail as apikey.rejected, and reads nothing about the patient.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createApiKey } from "../../factories";
import { buildScenario, type Scenario } from "./scenario";
import { call, careManagersOf, envelope, faultOf, getCareManagersBody } from "./soap";

let s: Scenario;
beforeAll(async () => {
  s = await buildScenario();
});

const body = () => envelope(getCareManagersBody({ extension: s.patient.identifier }), s.region.hsaId);

async function rejectedWith(requestId: string) {
  const rows = await db.auditEvent.findMany({ where: { requestId, action: "apikey.rejected" } });
  return rows.map((r) => ({ entityType: r.entityType, entityId: r.entityId, userId: r.userId, after: JSON.parse(r.after ?? "null") }));
}

describe("rejected calls", () => {
  it("no key: 401, a bare Bearer challenge, a Fault saying how to send the key, and an audit row", async () => {
    const response = await call({ key: null, body: body() }, "req-auth-missing");
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="fasta-kontakter"');
    expect(await faultOf(response)).toMatchObject({
      status: 401,
      code: "soap:Client",
      message: "API-nyckel saknas. Skicka systemets nyckel i Authorization: Bearer eller X-API-Key.",
    });
    expect(await rejectedWith("req-auth-missing")).toEqual([
      { entityType: "ApiKey", entityId: "-", userId: null, after: { rejection: "missing", endpoint: "/riv/GetCareManagers/1", prefix: null } },
    ]);
  });

  it("an unknown key: 401 invalid_token and an audit row with its prefix", async () => {
    const unknown = `fk_${"A".repeat(43)}`;
    const response = await call({ key: unknown, body: body() }, "req-auth-unknown");
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="fasta-kontakter", error="invalid_token"');
    expect(await faultOf(response)).toMatchObject({ status: 401, message: "API-nyckeln är ogiltig eller återkallad." });
    expect(await rejectedWith("req-auth-unknown")).toEqual([
      { entityType: "ApiKey", entityId: "-", userId: null, after: { rejection: "unknown", endpoint: "/riv/GetCareManagers/1", prefix: "fk_AAAAAA" } },
    ]);
  });

  it("a revoked key: 401 with the same text as an unknown one, and an audit row naming the key", async () => {
    const revoked = await createApiKey(db, "Avvecklat system");
    await db.apiKey.update({ where: { id: revoked.id }, data: { revokedAt: new Date(), revokedByUserId: "test" } });
    const response = await call({ key: revoked.key, body: body() }, "req-auth-revoked");
    expect(await faultOf(response)).toMatchObject({ status: 401, message: "API-nyckeln är ogiltig eller återkallad." });
    const [row] = await rejectedWith("req-auth-revoked");
    expect(row).toMatchObject({ entityId: revoked.id, after: { rejection: "revoked" } });
  });

  it("a rejected call reads and logs nothing about the patient", async () => {
    const before = await db.accessLog.count({ where: { patientId: s.patient.id } });
    const response = await call({ key: `fk_${"B".repeat(43)}`, body: body() });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain(s.staff.doctor.hsaId);
    expect(await db.accessLog.count({ where: { patientId: s.patient.id } })).toBe(before);
  });
});

describe("accepted calls", () => {
  it("the key works in Authorization: Bearer and in X-API-Key (for SOAP stacks that cannot set Authorization)", async () => {
    expect(await careManagersOf(await call({ key: s.consumer.key, body: body() }))).toHaveLength(4);
    expect(await careManagersOf(await call({ key: null, body: body(), headers: { "X-API-Key": s.consumer.key } }))).toHaveLength(4);
  });
});
