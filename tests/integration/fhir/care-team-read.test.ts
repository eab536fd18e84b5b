// GET /fhir/CareTeam/<id>: one fixed contact, whatever its status, exactly as the search
// shows it; the read is logged as an access to that contact's patient (issue 6 §3, §4).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import { isoDateInStockholm } from "~/domain/dates";
import { loader as searchLoader } from "~/routes/fhir.CareTeam";
import { action, loader } from "~/routes/fhir.CareTeam_.$id";
import { allowConsoleError } from "../../setup/setup-test-env";
import { createStaff, createUnit } from "../../factories";
import { consumerKey, fhirBody, fhirRequest, outcome, patientWithEveryKindOfContact, PNR, SECRETS, searchPath } from "./fhir-kit";

/** JSON as the consumer reads it: walked freely by the assertions. */
type CareTeam = Record<string, any>;

let key: string;
let keyName: string;
let fixture: Awaited<ReturnType<typeof patientWithEveryKindOfContact>>;

beforeAll(async () => {
  const apiKey = await consumerKey(db, "Journalsystem Norr");
  key = apiKey.key;
  keyName = apiKey.name;
  fixture = await patientWithEveryKindOfContact(db);
});

let requestCounter = 0;
async function read(id: string, withKey: string | null = key) {
  const requestId = `req-read-${++requestCounter}`;
  const response = await loader({ request: fhirRequest(`/fhir/CareTeam/${encodeURIComponent(id)}`, withKey), params: { id }, context: { requestId } });
  return { response, requestId };
}

describe("reading one CareTeam by id", () => {
  it("answers the same CareTeam the search gives for it", async () => {
    const { response } = await read(fixture.contacts.coordinating.id);
    const careTeam = await fhirBody<CareTeam & { resourceType: string }>(response, 200);
    const search = await searchLoader({ request: fhirRequest(searchPath(PNR, fixture.patient.identifier), key), params: {}, context: { requestId: "req-read-search" } });
    const bundle = await fhirBody<{ resourceType: string; entry: { resource: CareTeam }[] }>(search, 200);
    expect(careTeam).toEqual(bundle.entry.find((e) => e.resource.id === fixture.contacts.coordinating.id)!.resource);
    expect(careTeam.participant[0].role[0].coding[0].code).toBe("4");
  });

  it("reads an ended contact as inactive with its end date, without its internal note", async () => {
    const { response } = await read(fixture.contacts.ended.id);
    const text = await response.clone().text();
    const careTeam = await fhirBody<CareTeam & { resourceType: string }>(response, 200);
    expect(careTeam.status).toBe("inactive");
    expect(careTeam.period.end).toBe(isoDateInStockholm(fixture.contacts.ended.endedAt!));
    expect(text).not.toContain(SECRETS.internalNote);
  });

  it("reads a contact that starts tomorrow as proposed, with the day it starts", async () => {
    const { response } = await read(fixture.contacts.startsTomorrow.id);
    const careTeam = await fhirBody<CareTeam & { resourceType: string }>(response, 200);
    expect(careTeam.status).toBe("proposed");
    expect(careTeam.period).toEqual({ start: isoDateInStockholm(fixture.contacts.startsTomorrow.startedAt) });
  });

  it("logs the read as an access to the contact's patient by the consumer system", async () => {
    const { requestId } = await read(fixture.contacts.other.id);
    expect(await db.accessLog.findMany({ where: { requestId } })).toEqual([
      expect.objectContaining({ patientId: fixture.patient.id, consumerSystem: keyName, action: "api.fhir-care-team", userId: null, roleCode: null }),
    ]);
  });
});

describe("read errors", () => {
  it("an unknown id gets 404 not-found naming the id, and nothing is logged", async () => {
    const { response, requestId } = await read("finns-inte");
    const issue = await outcome(response, 404, "not-found");
    expect(issue.details.text).toBe('Det finns ingen CareTeam med id "finns-inte".');
    expect(await db.accessLog.count({ where: { requestId } })).toBe(0);
  });

  it("the contact of a patient with a local reservnummer is not served (no national identifier for subject)", async () => {
    const unit = await createUnit(db);
    const nurse = await createStaff(db, unit.id);
    const tourist = await db.patient.create({
      data: { identifierKind: "RESERVNUMMER", identifier: "99AB12345678", firstName: "Hans", lastName: "Müller", birthDate: "1958-01-01" },
    });
    const contact = await db.assignment.create({
      data: { kind: "FAST_VARDKONTAKT", patientId: tourist.id, staffMemberId: nurse.id, careUnitId: unit.id, startedAt: new Date("2026-01-01T08:00:00Z") },
    });
    const { response, requestId } = await read(contact.id);
    await outcome(response, 404, "not-found");
    expect(await db.accessLog.count({ where: { requestId } })).toBe(0);
  });

  it("a revoked key gets 401 and the contact is not read", async () => {
    const revoked = await consumerKey(db, "Avvecklat system");
    await db.apiKey.update({ where: { id: revoked.id }, data: { revokedAt: new Date(), revokedByUserId: "admin" } });
    const { response, requestId } = await read(fixture.contacts.coordinating.id, revoked.key);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="fasta-kontakter", error="invalid_token"');
    const issue = await outcome(response, 401, "login");
    expect(issue.details.text).toContain("ogiltig eller återkallad");
    expect(await db.auditEvent.findMany({ where: { requestId } })).toEqual([
      expect.objectContaining({ action: "apikey.rejected", entityId: revoked.id }),
    ]);
    expect(JSON.parse((await db.auditEvent.findFirstOrThrow({ where: { requestId } })).after!)).toMatchObject({
      rejection: "revoked",
      endpoint: "GET /fhir/CareTeam/{id}",
    });
    expect(await db.accessLog.count({ where: { requestId } })).toBe(0);
  });

  it("PUT and DELETE get 405", async () => {
    for (const method of ["PUT", "DELETE", "PATCH"]) {
      const request = fhirRequest(`/fhir/CareTeam/${fixture.contacts.coordinating.id}`, key, { method });
      const response = await action({ request, params: { id: fixture.contacts.coordinating.id }, context: { requestId: "req-405" } });
      expect(response.headers.get("allow")).toBe("GET, HEAD");
      await outcome(response, 405, "not-supported");
    }
  });

  // Last in the file: it breaks this file's own database copy for real.
  it("an unexpected error gets 500 exception naming the request id, and is logged with it", async () => {
    allowConsoleError();
    const logged: unknown[][] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      logged.push(args);
    });
    await db.$executeRawUnsafe(`ALTER TABLE "Assignment" RENAME TO "Assignment_gone"`);
    const { response, requestId } = await read(fixture.contacts.coordinating.id);
    const issue = await outcome(response, 500, "exception");
    expect(issue.details.text).toContain(`Ange begärans id ${requestId}`);
    expect(issue.diagnostics).toBe(`Begärans id: ${requestId}`);
    expect(logged.some((args) => String(args[0]).includes(requestId))).toBe(true);
    spy.mockRestore();
  });
});
