// The pure CareTeam mapping: its status at the boundaries of a contact's period, and the
// corners the database tests do not reach (contact ways that are not web addresses, an annan
// fast kontakt without a title, a contact with nothing optional).
import { describe, expect, it } from "vitest";
import { careTeam, careTeamStatus } from "~/api/fhir/care-team";
import type { PatientFacingContact } from "~/fixed-contacts/patient-facing";

const start = new Date("2026-03-01T08:00:00Z");
const end = new Date("2026-06-01T08:00:00Z");
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

describe("CareTeam.status of a fixed contact", () => {
  it("is proposed until the start, active from the start itself", () => {
    expect(careTeamStatus({ startedAt: start, endedAt: end }, ms(start, -1))).toBe("proposed");
    expect(careTeamStatus({ startedAt: start, endedAt: end }, start)).toBe("active");
  });

  it("is active until the end, inactive from the end itself", () => {
    expect(careTeamStatus({ startedAt: start, endedAt: end }, ms(end, -1))).toBe("active");
    expect(careTeamStatus({ startedAt: start, endedAt: end }, end)).toBe("inactive");
    expect(careTeamStatus({ startedAt: start, endedAt: null }, new Date("2099-01-01"))).toBe("active");
  });
});

const bare: PatientFacingContact = {
  id: "c1",
  kind: "ANNAN_FAST_KONTAKT",
  typeCode: null,
  roleTitle: null,
  contactAbout: null,
  start: "2026-03-01",
  end: null,
  externalNote: null,
  person: {
    identity: { name: "Anna Berg", given: ["Anna"], family: "Berg", hsaId: "SE2321000016-P1" },
    befattning: { code: "206090", name: "Sjuksköterska, allmän" },
    directPhone: null,
    contactWays: [
      { kind: "DIGITAL", label: "E-post", value: "anna.berg@region.example.se", contactTimes: null },
      { kind: "E_SERVICE", label: "Kiosk", value: "Receptionen, plan 2", contactTimes: "Vardagar" },
    ],
  },
  team: null,
  unit: { hsaId: "SE2321000016-U1", name: "Mottagningen", visitingAddress: "Gatan 1", postalCode: "111 11", city: "Norrsjö", publicPhone: "010-1", contactWays: [] },
  careGiver: { hsaId: "SE2321000016-ORG1", name: "Region Norr" },
};

describe("careTeam()", () => {
  const team = careTeam({ contact: bare, status: "active", patient: { kind: "PERSONNUMMER", identifier: "191212121212" }, typeDisplays: {} });

  it("sends an e-mail address as email and any other text as other", () => {
    const role = team.contained!.find((r) => r.resourceType === "PractitionerRole");
    expect(role && "telecom" in role ? role.telecom : null).toEqual([
      { system: "email", value: "anna.berg@region.example.se" },
      { system: "other", value: "Receptionen, plan 2" },
    ]);
  });

  it("names an annan fast kontakt without a title by the words 'annan fast kontakt'", () => {
    expect(team.participant![0].role).toEqual([{ text: "annan fast kontakt" }]);
  });

  it("writes no empty element: no note, no end, no team extension, no team resource", () => {
    expect(team).not.toHaveProperty("note");
    expect(team.period).toEqual({ start: "2026-03-01" });
    expect(team.participant![0]).not.toHaveProperty("extension");
    expect(team.contained!.map((r) => r.id)).toEqual(["role", "practitioner", "unit"]);
    expect(team.telecom).toEqual([{ system: "phone", value: "010-1" }]);
  });
});

describe("careTeam() for a handläggare (seed §5.1)", () => {
  const handlaggare: PatientFacingContact = {
    ...bare,
    roleTitle: "Biståndshandläggare",
    person: { identity: null, befattning: { code: "351012", name: "Biståndsbedömare" }, directPhone: null, contactWays: [] },
  };
  const team = careTeam({ contact: handlaggare, status: "active", patient: { kind: "PERSONNUMMER", identifier: "191212121212" }, typeDisplays: {} });

  it("sends the role and the unit, no Practitioner and no reference to one", () => {
    expect(team.contained!.map((r) => r.id)).toEqual(["role", "unit"]);
    const role = team.contained!.find((r) => r.resourceType === "PractitionerRole");
    expect(role).not.toHaveProperty("practitioner");
    expect(role).toMatchObject({ code: [{ coding: [{ code: "351012", display: "Biståndsbedömare" }] }], organization: { reference: "#unit" } });
    expect(team.participant![0].member).toEqual({ reference: "#role", type: "PractitionerRole", display: "Biståndsbedömare" });
    expect(JSON.stringify(team)).not.toMatch(/SE2321000016-P1|Anna|Berg/);
  });
});
