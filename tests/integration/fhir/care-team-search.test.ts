// GET /fhir/CareTeam?patient=…: a consumer system (1177) reads what the patient may see of
// their fixed contacts, as FHIR R4 CareTeams after Inera's draft profile (issue 6 §3).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { isoDateInStockholm } from "~/domain/dates";
import { action, loader } from "~/routes/fhir.CareTeam";
import {
  consumerKey,
  daysFromNow,
  fhirBody,
  fhirRequest,
  outcome,
  patientWithEveryKindOfContact,
  PNR,
  SECRETS,
  searchPath,
  SNR,
  testSamordningsnummer,
} from "./fhir-kit";

/** JSON as the consumer reads it: walked freely by the assertions. */
type CareTeam = Record<string, any>;
type Bundle = { resourceType: string; type: string; total: number; link: { relation: string; url: string }[]; entry?: { fullUrl: string; resource: CareTeam; search: { mode: string } }[] };

const HSA = "urn:oid:1.2.752.29.4.19";
const KV_TYP = "https://terminologitjansten.inera.se/inera-kodverksforvaltning/kodverk/kv_typ_av_fast_kontakt";
const BEFATTNING = "urn:oid:1.2.752.129.2.2.1.4";
const TYP_AV_CARETEAM = "https://fhir.inera.se/ig/careteam/CodeSystem/typ-av-careteam-cs";
const CONTACT_VIA_TEAM = "https://fhir.inera.se/ig/careteam/StructureDefinition/riv-contact-via-team-extension";

let key: string;
let keyName: string;
let fixture: Awaited<ReturnType<typeof patientWithEveryKindOfContact>>;

beforeAll(async () => {
  const apiKey = await consumerKey(db);
  key = apiKey.key;
  keyName = apiKey.name;
  fixture = await patientWithEveryKindOfContact(db);
});

let requestCounter = 0;
async function search(path: string, init: RequestInit = {}, withKey: string | null = key) {
  const requestId = `req-search-${++requestCounter}`;
  const response = await loader({ request: fhirRequest(path, withKey, init), params: {}, context: { requestId } });
  return { response, requestId };
}

async function searchset(path: string) {
  const { response, requestId } = await search(path);
  const bundle = await fhirBody<Bundle & { resourceType: string }>(response, 200);
  return { bundle, requestId, byId: new Map((bundle.entry ?? []).map((e) => [e.resource.id as string, e.resource])) };
}

const patientSearch = (rest = "") => searchPath(PNR, fixture.patient.identifier, rest);

describe("a search by personnummer", () => {
  it("answers a searchset of the active contacts with total, self link, fullUrl and search mode match", async () => {
    const { bundle } = await searchset(patientSearch());
    const { contacts, patient } = fixture;
    expect(bundle.resourceType).toBe("Bundle");
    expect(bundle.type).toBe("searchset");
    expect(bundle.total).toBe(5);
    expect(bundle.link).toEqual([{ relation: "self", url: `http://localhost/fhir/CareTeam?patient=${encodeURIComponent(`${PNR}|${patient.identifier}`)}&status=active` }]);
    const ids = bundle.entry!.map((e) => e.resource.id);
    // The order every output uses: läkarkontakt, the coordinating vårdkontakt, omsorg, others.
    expect(ids.slice(0, 3)).toEqual([contacts.doctorContact.id, contacts.coordinating.id, contacts.endsTomorrow.id]);
    expect(new Set(ids.slice(3))).toEqual(new Set([contacts.other.id, contacts.handlaggarContact.id]));
    for (const entry of bundle.entry!) {
      expect(entry.fullUrl).toBe(`http://localhost/fhir/CareTeam/${entry.resource.id}`);
      expect(entry.search).toEqual({ mode: "match" });
      expect(entry.resource.status).toBe("active");
    }
  });

  it("maps the coordinating fast vårdkontakt field by field: code 4, befattning, HSA-ids, shown direct phone, team, unit, note", async () => {
    const { byId } = await searchset(patientSearch());
    const { contacts, staff, unit, organisation, patient } = fixture;
    expect(byId.get(contacts.coordinating.id)).toEqual({
      resourceType: "CareTeam",
      id: contacts.coordinating.id,
      contained: [
        {
          resourceType: "PractitionerRole",
          id: "role",
          practitioner: { reference: "#practitioner", type: "Practitioner", display: "Eva Maria Svensson" },
          organization: { reference: "#unit", type: "Organization", display: "Vårdcentralen Norrsjö" },
          code: [{ coding: [{ system: BEFATTNING, code: "206011", display: "Distriktssköterska" }] }],
          telecom: [
            { system: "phone", value: "070-111 22 33" },
            { system: "url", value: "https://chatt.example.se/eva" },
          ],
        },
        { resourceType: "Practitioner", id: "practitioner", identifier: [{ system: HSA, value: staff.nurse.hsaId }], name: [{ text: "Eva Maria Svensson", family: "Svensson", given: ["Eva", "Maria"] }] },
        {
          resourceType: "Organization",
          id: "unit",
          identifier: [{ system: HSA, value: unit.hsaId }],
          name: "Vårdcentralen Norrsjö",
          address: [{ use: "work", type: "physical", line: ["Storgatan 1"], postalCode: "111 11", city: "Norrsjö" }],
          partOf: { type: "Organization", identifier: { system: HSA, value: organisation.hsaId }, display: organisation.name },
        },
        {
          resourceType: "CareTeam",
          id: "team",
          category: [{ coding: [{ system: TYP_AV_CARETEAM, code: "team", display: "Team" }] }],
          name: "Team Blå",
          telecom: [
            { system: "phone", value: "010-111 11 11" },
            { system: "url", value: "https://chatt.example.se/team-bla" },
          ],
          note: [{ text: "Ring teamet vid akuta frågor" }, { text: "Kontakttider: Vardagar 08–16" }],
        },
      ],
      status: "active",
      category: [{ coding: [{ system: TYP_AV_CARETEAM, code: "fast-kontakt", display: "Fast kontakt" }] }],
      subject: { type: "Patient", identifier: { system: PNR, value: patient.identifier } },
      period: { start: isoDateInStockholm(contacts.coordinating.startedAt) },
      participant: [
        {
          extension: [{ url: CONTACT_VIA_TEAM, valueReference: { reference: "#team", display: "Team Blå" } }],
          role: [{ coding: [{ system: KV_TYP, code: "4", display: "fast vårdkontakt med övergripande samordningsansvar" }] }],
          member: { reference: "#role", type: "PractitionerRole", display: "Eva Maria Svensson" },
        },
      ],
      managingOrganization: [{ reference: "#unit", type: "Organization", identifier: { system: HSA, value: unit.hsaId }, display: "Vårdcentralen Norrsjö" }],
      telecom: [
        { system: "phone", value: "0771-11 22 33" },
        { system: "url", value: "https://e-tjanster.1177.se/vc-norrsjo" },
      ],
      note: [{ text: "Eva nås enklast via teamet." }],
    });
  });

  it("gives the fast läkarkontakt code 2 and leaves out the direct phone the assignment does not show", async () => {
    const { byId } = await searchset(patientSearch());
    const doctor = byId.get(fixture.contacts.doctorContact.id)!;
    expect(doctor.participant[0].role).toEqual([{ coding: [{ system: KV_TYP, code: "2", display: "fast läkarkontakt i primärvård" }] }]);
    const role = doctor.contained.find((r: CareTeam) => r.resourceType === "PractitionerRole");
    expect(role.code).toEqual([{ coding: [{ system: BEFATTNING, code: "201011", display: "Distriktsläkare/Specialist allmänmedicin" }] }]);
    expect(role.telecom).toBeUndefined();
    expect(doctor.participant[0].extension).toBeUndefined(); // no team
    expect(doctor.contained.map((r: CareTeam) => r.id)).toEqual(["role", "practitioner", "unit"]);
    expect(doctor.note).toBeUndefined();
  });

  it("sends annan fast kontakt by its role title only, with what to contact it about as a note", async () => {
    const { byId } = await searchset(patientSearch());
    const other = byId.get(fixture.contacts.other.id)!;
    expect(other.participant[0].role).toEqual([{ text: "Kontaktsjuksköterska" }]);
    expect(other.note).toEqual([{ text: "Kontakta om: frågor om cytostatikabehandlingen" }]);
  });

  it("gives a handläggare's role and unit only: no Practitioner, name, HSA-id or contact details, even where the assignment shows the direct phone (seed §5.1)", async () => {
    const { bundle, byId } = await searchset(patientSearch());
    const handlaggare = byId.get(fixture.contacts.handlaggarContact.id)!;
    const role = handlaggare.contained.find((r: CareTeam) => r.resourceType === "PractitionerRole");
    expect(role.code).toEqual([{ coding: [{ system: BEFATTNING, code: "351012", display: "Biståndsbedömare" }] }]);
    expect(role.telecom).toBeUndefined();
    expect(role.practitioner).toBeUndefined();
    expect(handlaggare.contained.map((r: CareTeam) => r.resourceType)).not.toContain("Practitioner");
    expect(handlaggare.participant[0].member.display).toBe("Biståndsbedömare");
    const person = fixture.staff.handlaggare;
    expect(JSON.stringify(handlaggare)).not.toContain(person.hsaId);
    expect(JSON.stringify(handlaggare)).not.toContain(person.lastName);
    // The unit's public ways in remain: contact goes through the unit.
    expect(handlaggare.telecom[0]).toEqual({ system: "phone", value: "0771-11 22 33" });
    const text = JSON.stringify(bundle);
    expect(text).not.toContain(SECRETS.handlaggarePhone);
    expect(text).not.toContain(SECRETS.handlaggareChat);
  });

  it("never carries an internal note, a hidden direct phone or the vård-till-vård phone, active or ended", async () => {
    const { response } = await search(patientSearch("&status=active,inactive"));
    const text = await response.clone().text();
    await fhirBody(response, 200);
    expect(text).toContain(fixture.contacts.ended.id); // the ended contact with an internal note is in it
    for (const secret of Object.values(SECRETS)) expect(text, secret).not.toContain(secret);
  });

  it("shows an ended contact only with status=inactive, as inactive with its end date", async () => {
    const active = await searchset(patientSearch());
    expect(active.byId.has(fixture.contacts.ended.id)).toBe(false);

    const inactive = await searchset(patientSearch("&status=inactive"));
    expect([...inactive.byId.keys()]).toEqual([fixture.contacts.ended.id]);
    const ended = inactive.byId.get(fixture.contacts.ended.id)!;
    expect(ended.status).toBe("inactive");
    expect(ended.period).toEqual({ start: isoDateInStockholm(fixture.contacts.ended.startedAt), end: isoDateInStockholm(fixture.contacts.ended.endedAt!) });
    expect(ended.participant[0].role).toEqual([{ coding: [{ system: KV_TYP, code: "3", display: "fast omsorgskontakt i hemtjänsten" }] }]);
    expect(inactive.bundle.link[0].url).toContain("&status=inactive");

    const both = await searchset(patientSearch("&status=active,inactive"));
    expect(both.bundle.total).toBe(6);
  });

  it("leaves out a contact that starts tomorrow, whatever the status asked", async () => {
    const both = await searchset(patientSearch("&status=active,inactive"));
    expect(both.byId.has(fixture.contacts.startsTomorrow.id)).toBe(false);
  });

  it("shows a contact that ends tomorrow as active, with its end date", async () => {
    const { byId } = await searchset(patientSearch());
    expect(byId.get(fixture.contacts.endsTomorrow.id)).toMatchObject({
      status: "active",
      period: { start: isoDateInStockholm(fixture.contacts.endsTomorrow.startedAt), end: isoDateInStockholm(daysFromNow(1)) },
    });
  });

  it("writes one access-log row naming the consumer system and the patient", async () => {
    const { requestId } = await searchset(patientSearch());
    const rows = await db.accessLog.findMany({ where: { requestId } });
    expect(rows).toEqual([
      expect.objectContaining({ patientId: fixture.patient.id, consumerSystem: keyName, action: "api.fhir-care-team", userId: null }),
    ]);
  });
});

describe("a search by samordningsnummer", () => {
  it("finds the patient and names them by the samordningsnummer system in subject", async () => {
    const other = await patientWithEveryKindOfContact(db, "SAMORDNINGSNUMMER");
    const { bundle } = await searchset(searchPath(SNR, other.patient.identifier));
    expect(bundle.total).toBe(5);
    for (const entry of bundle.entry!) {
      expect(entry.resource.subject).toEqual({ type: "Patient", identifier: { system: SNR, value: other.patient.identifier } });
    }
  });
});

describe("a patient without contacts, or not known here", () => {
  it("a known patient without matching contacts gets an empty searchset, and the look-up is logged", async () => {
    const patient = await db.patient.create({
      data: { identifierKind: "SAMORDNINGSNUMMER", identifier: testSamordningsnummer(), firstName: "Utan", lastName: "Kontakter", birthDate: "1970-10-03" },
    });
    const { bundle, requestId } = await searchset(searchPath(SNR, patient.identifier));
    expect(bundle).toMatchObject({ type: "searchset", total: 0 });
    expect(bundle.entry).toBeUndefined();
    expect(await db.accessLog.findMany({ where: { requestId } })).toEqual([expect.objectContaining({ patientId: patient.id, consumerSystem: keyName })]);
  });

  it("an unknown number gets the same empty searchset and logs no patient", async () => {
    const { bundle, requestId } = await searchset(searchPath(PNR, "191212121212"));
    expect(bundle).toEqual({
      resourceType: "Bundle",
      type: "searchset",
      total: 0,
      link: [{ relation: "self", url: `http://localhost/fhir/CareTeam?patient=${encodeURIComponent(`${PNR}|191212121212`)}&status=active` }],
    });
    expect(await db.accessLog.count({ where: { requestId } })).toBe(0);
  });
});

describe("search errors", () => {
  const cases: [string, string, number, string, string][] = [
    ["no patient", "/fhir/CareTeam?status=active", 400, "required", "Sökparametern patient saknas"],
    ["a patient without system", `/fhir/CareTeam?patient=191212121212`, 400, "invalid", "ska skrivas <system>|<nummer>"],
    ["an unknown identifier system", `/fhir/CareTeam?patient=${encodeURIComponent("urn:oid:1.2.752.129.2.1.3.1|191212121212")}`, 400, "not-supported", "stöds inte"],
    ["a malformed personnummer", searchPath(PNR, "191212121213"), 400, "value", "kontrollsiffran stämmer inte"],
    ["a personnummer under the samordningsnummer system", searchPath(SNR, "191212121212"), 400, "value", "är ett personnummer"],
    ["an unsupported status", searchPath(PNR, "191212121212", "&status=proposed"), 400, "value", 'Status "proposed" stöds inte'],
  ];
  for (const [what, path, status, code, text] of cases) {
    it(`${what} gets ${status} ${code} with a Swedish text that says so, and nothing is logged`, async () => {
      const { response, requestId } = await search(path);
      const issue = await outcome(response, status, code);
      expect(issue.details.text).toContain(text);
      expect(issue.diagnostics).toBe(`Begärans id: ${requestId}`);
      expect(await db.accessLog.count({ where: { requestId } })).toBe(0);
    });
  }

  it("ignores an unknown parameter, but refuses it with 400 under Prefer: handling=strict", async () => {
    const lenient = await searchset(patientSearch("&_count=1"));
    expect(lenient.bundle.total).toBe(5);
    expect(lenient.bundle.link[0].url).not.toContain("_count");

    const { response } = await search(patientSearch("&_count=1"), { headers: { Prefer: "handling=strict" } });
    const issue = await outcome(response, 400, "not-supported");
    expect(issue.details.text).toContain('"_count"');
  });
});

describe("who may search", () => {
  const rejections: [string, (h: Headers) => void, string, string][] = [
    ["no key", () => {}, "missing", "API-nyckel saknas"],
    ["an unknown key", (h) => h.set("Authorization", `Bearer fk_${"x".repeat(43)}`), "unknown", "ogiltig eller återkallad"],
    ["a malformed key", (h) => h.set("Authorization", "Bearer nyckel"), "malformed", "ogiltig eller återkallad"],
  ];
  for (const [what, setKey, rejection, text] of rejections) {
    it(`${what} gets 401 with a Bearer challenge, reads nothing and is written to the audit trail`, async () => {
      const headers = new Headers();
      setKey(headers);
      const { response, requestId } = await search(patientSearch(), { headers }, null);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer realm="fasta-kontakter"/);
      const issue = await outcome(response, 401, "login");
      expect(issue.details.text).toContain(text);
      expect(await db.accessLog.count({ where: { requestId } })).toBe(0);
      const audit = await db.auditEvent.findMany({ where: { requestId } });
      expect(audit).toEqual([expect.objectContaining({ action: "apikey.rejected", entityType: "ApiKey", userId: null })]);
      expect(JSON.parse(audit[0].after!)).toMatchObject({ rejection, endpoint: "GET /fhir/CareTeam" });
    });
  }

  it("a revoked key gets 401 invalid_token, and the audit row names the key", async () => {
    const revoked = await consumerKey(db, "Gammalt system");
    await db.apiKey.update({ where: { id: revoked.id }, data: { revokedAt: new Date(), revokedByUserId: "admin" } });
    const { response, requestId } = await search(patientSearch(), {}, revoked.key);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="fasta-kontakter", error="invalid_token"');
    await outcome(response, 401, "login");
    expect(await db.auditEvent.findMany({ where: { requestId } })).toEqual([
      expect.objectContaining({ action: "apikey.rejected", entityId: revoked.id }),
    ]);
    expect(await db.accessLog.count({ where: { requestId } })).toBe(0);
  });

  it("a key sent as X-API-Key is accepted too", async () => {
    const { response } = await search(patientSearch(), { headers: { "X-API-Key": key } }, null);
    expect(response.status).toBe(200);
  });
});

describe("methods other than GET", () => {
  it("POST, PUT and DELETE get 405 with Allow: GET, HEAD", async () => {
    for (const method of ["POST", "PUT", "DELETE"]) {
      const response = await action({ request: fhirRequest(patientSearch(), key, { method }), params: {}, context: { requestId: "req-405" } });
      expect(response.headers.get("allow")).toBe("GET, HEAD");
      const issue = await outcome(response, 405, "not-supported");
      expect(issue.details.text).toBe(`Metoden ${method} stöds inte. Gränssnittet är bara för läsning: använd GET.`);
    }
  });
});
