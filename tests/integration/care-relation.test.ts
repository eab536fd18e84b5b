// Inre sekretess over time (PDL 4 kap. 1 §, decision 022): a unit knows a patient only while it
// has a current care relation. For each kind of relation, on both sides of its boundary, three
// answers must agree: the rule (hasCurrentCareRelation on the facts loaded for the executor),
// the query that lists and finds patients (knownAtUnit), and the executor opening a case.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { addDays, isoDateInStockholm, stockholmInstant } from "~/domain/dates";
import { knownAtUnit } from "~/models/patients.server";
import { startCase } from "~/processes/dispatch.server";
import { loadCareRelationFacts } from "~/processes/facts.server";
import { RECENT_CARE_DAYS, hasCurrentCareRelation } from "../../machines/rules";
import { createActor, createPatient, createStaff, createUnit, createUser } from "../factories";

const now = new Date("2026-11-25T09:00:00Z");
const today = isoDateInStockholm(now);
const yesterday = addDays(today, -1);
/** The first instant still "recent": the start of the day RECENT_CARE_DAYS days ago. */
const recentSince = stockholmInstant(addDays(today, -RECENT_CARE_DAYS));

type Setup = { unitId: string; patientId: string };
type Relation = (s: Setup) => Promise<unknown>;

async function judged(relate: Relation) {
  const unit = await createUnit(db, "SLUTENVARD");
  const patient = await createPatient(db);
  await relate({ unitId: unit.id, patientId: patient.id });
  const facts = await loadCareRelationFacts(db, patient.id, unit.id);
  const rule = facts !== null && hasCurrentCareRelation(facts, now);
  const listed = (await db.patient.count({ where: { AND: [{ id: patient.id }, knownAtUnit(unit.id, now)] } })) === 1;
  const nurse = await createActor(db, unit.id, "VARDPERSONAL", now);
  const opened = await startCase(
    { process: "PATIENT_REQUEST", patientId: patient.id, contactKind: "FAST_VARDKONTAKT" },
    { type: "RECEIVE_REQUEST", channel: "PHONE", receivedOn: today, requestText: "Jag vill ha en fast vårdkontakt." },
    nurse,
    { db, now },
  );
  const executor = opened.ok ? "opened" : opened.error;
  // Nothing is written for a patient the unit does not know.
  if (!opened.ok) expect(await db.processCase.count({ where: { patientId: patient.id, careUnitId: unit.id, status: "OPEN" } })).toBe(0);
  return { rule, listed, executor };
}

const KNOWN = { rule: true, listed: true, executor: "opened" };
const UNKNOWN = { rule: false, listed: false, executor: "notFound" };

const episode = (endedAt: Date | null, startedAt = new Date("2012-03-01T08:00:00Z")): Relation => ({ unitId, patientId }) =>
  db.careEpisode.create({ data: { patientId, careUnitId: unitId, kind: "INPATIENT", startedAt, endedAt } });

const period = (model: "listing" | "homeCareService", from: string, to: string | null): Relation => ({ unitId, patientId }) =>
  model === "listing"
    ? db.listing.create({ data: { patientId, careUnitId: unitId, from, to } })
    : db.homeCareService.create({ data: { patientId, careUnitId: unitId, from, to } });

const contact = (endedAt: Date | null): Relation => async ({ unitId, patientId }) => {
  const staff = await createStaff(db, unitId);
  return db.assignment.create({
    data: { kind: "FAST_VARDKONTAKT", patientId, staffMemberId: staff.id, careUnitId: unitId, startedAt: new Date("2025-01-01T08:00:00Z"), endedAt },
  });
};

const caseAtUnit = (status: "OPEN" | "CLOSED"): Relation => async ({ unitId, patientId }) => {
  const user = await createUser(db, [{ careUnitId: unitId, roleCode: "VARDPERSONAL" }]);
  return db.processCase.create({
    data: {
      processCode: "ASSESSMENT",
      machineVersion: 1,
      snapshot: "{}",
      state: status === "OPEN" ? "awaitingDecision" : "closed",
      status,
      contactKind: "FAST_VARDKONTAKT",
      patientId,
      careUnitId: unitId,
      openedAt: new Date("2010-01-01T08:00:00Z"),
      openedByUserId: user.id,
    },
  });
};

const referral = (sentAt: Date): Relation => async ({ unitId, patientId }) => {
  const ward = await createUnit(db, "SLUTENVARD");
  const user = await createUser(db, [{ careUnitId: ward.id, roleCode: "VARDPERSONAL" }]);
  return db.dischargeReferral.create({
    data: {
      patientId,
      fromUnitId: ward.id,
      toUnitId: unitId,
      patientName: "Test Patient",
      patientIdentifier: "191212121212",
      admittedAt: sentAt,
      expectedDischargeDate: isoDateInStockholm(sentAt),
      sentAt,
      sentByUserId: user.id,
    },
  });
};

describe("a current care relation (PDL 4 kap. 1 §, decision 022)", () => {
  it("does not know a patient whose only link is a stay that ended in 2012", async () => {
    expect(await judged(episode(new Date("2012-03-10T10:00:00Z")))).toEqual(UNKNOWN);
  });

  it("knows a patient during a stay, and for RECENT_CARE_DAYS days after it ended — not a moment longer", async () => {
    expect(await judged(episode(null, new Date("2026-11-20T08:00:00Z")))).toEqual(KNOWN);
    expect(await judged(episode(recentSince))).toEqual(KNOWN);
    expect(await judged(episode(new Date(recentSince.getTime() - 1)))).toEqual(UNKNOWN);
  });

  it("knows a patient through a listing in force today, not one that ended yesterday", async () => {
    expect(await judged(period("listing", "2020-01-01", today))).toEqual(KNOWN);
    expect(await judged(period("listing", "2020-01-01", null))).toEqual(KNOWN);
    expect(await judged(period("listing", "2020-01-01", yesterday))).toEqual(UNKNOWN);
  });

  it("knows a patient through hemtjänst in force today, not hemtjänst that ended yesterday", async () => {
    expect(await judged(period("homeCareService", "2024-01-01", today))).toEqual(KNOWN);
    expect(await judged(period("homeCareService", "2024-01-01", yesterday))).toEqual(UNKNOWN);
  });

  it("knows a patient through a fixed contact until it ends, not after", async () => {
    expect(await judged(contact(null))).toEqual(KNOWN);
    expect(await judged(contact(new Date(now.getTime() + 60_000)))).toEqual(KNOWN);
    expect(await judged(contact(now))).toEqual(UNKNOWN);
  });

  it("knows a patient through an open case, not a closed one", async () => {
    expect(await judged(caseAtUnit("OPEN"))).toMatchObject({ rule: true, listed: true });
    expect(await judged(caseAtUnit("CLOSED"))).toEqual(UNKNOWN);
  });

  it("knows a patient through an inskrivningsmeddelande received within RECENT_CARE_DAYS days", async () => {
    expect(await judged(referral(recentSince))).toEqual(KNOWN);
    expect(await judged(referral(new Date(recentSince.getTime() - 1)))).toEqual(UNKNOWN);
  });
});
