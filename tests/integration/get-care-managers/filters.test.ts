// GetCareManagers filters (issue 6 §2): careManagerType (0..*), careUnitId, careGiverId and the
// LogicalAddress each narrow the answer; careProcessId finds nothing, since no contact here is
// tied to a hälsoärende. Every answer is schema-valid (careManagersOf checks it).
import { beforeAll, describe, expect, it } from "vitest";
import { buildScenario, type Scenario } from "./scenario";
import { call, careManagersOf, envelope, getCareManagersBody, type Filters, type Parsed } from "./soap";

let s: Scenario;
beforeAll(async () => {
  s = await buildScenario();
});

async function practitioners(filters: Omit<Filters, "extension">, logicalAddress = s.region.hsaId): Promise<string[]> {
  const key = logicalAddress === s.kommun.hsaId ? s.kommunConsumer.key : s.consumer.key;
  const response = await call({ key, body: envelope(getCareManagersBody({ extension: s.patient.identifier, ...filters }), logicalAddress) });
  return (await careManagersOf(response)).map((cm: Parsed) => cm.practitioner.hsaId.extension);
}

describe("careManagerType", () => {
  it("one code gives only that kind", async () => {
    expect(await practitioners({ careManagerTypes: ["2"] })).toEqual([s.staff.doctor.hsaId]);
    expect(await practitioners({ careManagerTypes: ["1"] })).toEqual([s.staff.nurse.hsaId]);
  });

  it("several codes give every kind named, and annan fast kontakt (no code) never matches a code", async () => {
    expect(await practitioners({ careManagerTypes: ["4", "1"] })).toEqual([s.staff.coordinator.hsaId, s.staff.nurse.hsaId]);
    expect(await practitioners({ careManagerTypes: ["1", "2", "3", "4"] })).toEqual([s.staff.doctor.hsaId, s.staff.coordinator.hsaId, s.staff.nurse.hsaId]);
  });

  it("a code with no contact at this care giver gives an empty answer", async () => {
    expect(await practitioners({ careManagerTypes: ["3"] })).toEqual([]);
    expect(await practitioners({ careManagerTypes: ["3"] }, s.kommun.hsaId)).toEqual([s.staff.careWorker.hsaId]);
  });
});

describe("careUnitId", () => {
  it("gives only the contacts at that unit", async () => {
    expect(await practitioners({ careUnitId: s.ward.hsaId })).toEqual([s.staff.nurse.hsaId, s.staff.contactNurse.hsaId]);
    expect(await practitioners({ careUnitId: s.vc.hsaId })).toEqual([s.staff.doctor.hsaId, s.staff.coordinator.hsaId]);
  });

  it("combines with careManagerType", async () => {
    expect(await practitioners({ careUnitId: s.vc.hsaId, careManagerTypes: ["4"] })).toEqual([s.staff.coordinator.hsaId]);
  });

  it("a unit of another care giver than the one asked gives nothing", async () => {
    expect(await practitioners({ careUnitId: s.homeCare.hsaId })).toEqual([]);
  });
});

describe("careGiverId and LogicalAddress", () => {
  it("careGiverId equal to the LogicalAddress changes nothing", async () => {
    expect(await practitioners({ careGiverId: s.region.hsaId })).toEqual(await practitioners({}));
    expect(await practitioners({})).toHaveLength(4);
  });

  it("careGiverId naming another care giver than the LogicalAddress gives nothing: only the addressed care giver answers", async () => {
    expect(await practitioners({ careGiverId: s.kommun.hsaId })).toEqual([]);
  });

  it("the LogicalAddress alone decides which care giver's contacts come back", async () => {
    // The handläggare is answered by role, her HSA-id not disclosed (seed §5.1): no extension.
    expect(await practitioners({}, s.kommun.hsaId)).toEqual([s.staff.careWorker.hsaId, undefined]);
    expect(await practitioners({ careGiverId: s.kommun.hsaId }, s.kommun.hsaId)).toEqual([s.staff.careWorker.hsaId, undefined]);
  });
});

describe("careProcessId", () => {
  it("is accepted and finds no contact: none is tied to a hälsoärende", async () => {
    expect(await practitioners({ careProcessId: "ARENDE-1" })).toEqual([]);
  });
});
