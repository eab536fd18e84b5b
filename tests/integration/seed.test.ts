// The demo region (seed.ts → prisma/demo/): it can be seeded again without harm, it holds
// what the demo and the browser tests rely on, and every row obeys the rules of the law that
// the application enforces (SPEC §3) — a demo that breaks them would teach the wrong thing.
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyChains } from "~/audit/verify.server";
import type { Db } from "~/db.server";
import { ageOn, isoDateInStockholm, luhnCheckDigit, parseHsaId, parsePersonalIdentityNumber, parseReservnummer } from "~/domain/identifiers";
import { addDays } from "../../prisma/demo/dates";
import { TABLES, seedDemoRegion, type Summary } from "../../prisma/demo/region";
import { DEMO_DELEGATION, DEMO_USERS } from "../../prisma/demo/users";
import { acceptedEvents, PROCESSES, restoreSnapshot, type ProcessCode } from "../../machines/index";
import { createTestDatabase, type TestDatabase } from "../setup/database";

const today = isoDateInStockholm(new Date());
const password = "test-lösenord-123";
const SEED_TIMEOUT = 60_000;

/** Rows in every table of the schema, reference data and logs included. */
async function countAll(db: Db): Promise<Record<string, number>> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' ORDER BY name",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS n FROM "${name}"`);
    counts[name] = Number(row.n);
  }
  return counts;
}

const nothingCreated = Object.fromEntries(TABLES.map((t) => [t, 0]));

describe("seeding the demo region again", () => {
  let t: TestDatabase;
  beforeAll(() => {
    t = createTestDatabase();
  });
  afterAll(async () => {
    await t.close();
  });

  it(
    "gives the same number of rows in every table, creates nothing and fails on nothing, also on a later day",
    async () => {
      const first = await seedDemoRegion(t.db, { today, password });
      const afterFirst = await countAll(t.db);
      expect(first.created.assignment).toBeGreaterThan(0);
      expect(first.counts).toEqual(first.created); // the base database holds no demo rows
      // The history is written in time order, so the hash chain takes it (decision 014).
      expect(await verifyChains(t.db)).toMatchObject({ ok: true, broken: null, chains: { AuditEvent: { rows: first.counts.auditEvent } } });

      const second = await seedDemoRegion(t.db, { today, password });
      expect(second.created).toEqual(nothingCreated);
      expect(await countAll(t.db)).toEqual(afterFirst);

      // Cohorts are chosen by age on a fixed date, so a run weeks later finds the same rows.
      const later = await seedDemoRegion(t.db, { today: addDays(today, 45), password });
      expect(later.created).toEqual(nothingCreated);
      expect(await countAll(t.db)).toEqual(afterFirst);
    },
    SEED_TIMEOUT,
  );

  it(
    "audits every seeded assignment, refusal and case once, at the time it happened, on the first run only",
    async () => {
      const seeded = await t.db.auditEvent.findMany({ where: { requestId: "seed" } });
      const created = (action: string) => seeded.filter((e) => e.action === action);
      expect(created("assignment.create")).toHaveLength(await t.db.assignment.count());
      expect(created("refusal.create")).toHaveLength(await t.db.refusal.count());
      // The cases ran through the executor: one case.start each, then a case.step per step.
      expect(created("case.start")).toHaveLength(await t.db.processCase.count());
      for (const action of ["assignment.create", "refusal.create", "case.start"]) {
        expect(new Set(created(action).map((e) => e.entityId)).size).toBe(created(action).length);
      }
      const assignments = await t.db.assignment.findMany();
      for (const a of assignments) {
        const event = created("assignment.create").find((e) => e.entityId === a.id)!;
        expect(event).toMatchObject({ patientId: a.patientId, careUnitId: a.careUnitId, userId: a.appointedByUserId });
        expect(event.at.getTime()).toBe(a.startedAt.getTime());
        expect(JSON.parse(event.after!)).toMatchObject({ id: a.id, staffMemberId: a.staffMemberId });
      }
    },
    SEED_TIMEOUT,
  );

  it("changes the demo users' password when DEMO_PASSWORD changes", async () => {
    await seedDemoRegion(t.db, { today, password: "ett-annat-lösenord" });
    const user = await t.db.user.findUniqueOrThrow({ where: { username: "lakare" } });
    expect(await bcrypt.compare("ett-annat-lösenord", user.passwordHash)).toBe(true);
  }, SEED_TIMEOUT);
});

describe("the demo region", () => {
  let t: TestDatabase;
  let db: Db;
  let summary: Summary;
  beforeAll(async () => {
    t = createTestDatabase();
    db = t.db;
    summary = await seedDemoRegion(db, { today, password });
  }, SEED_TIMEOUT);
  afterAll(async () => {
    await t.close();
  });

  it("is the same region on every machine (no randomness outside the seeded generator)", async () => {
    const other = createTestDatabase();
    try {
      await seedDemoRegion(other.db, { today, password });
      const fingerprint = async (d: Db) => ({
        patients: await d.patient.findMany({ orderBy: { id: "asc" } }),
        assignments: await d.assignment.findMany({ orderBy: { id: "asc" } }),
        cases: await d.processCase.findMany({ orderBy: { id: "asc" } }),
      });
      expect(await fingerprint(other.db)).toEqual(await fingerprint(db));
    } finally {
      await other.close();
    }
  }, SEED_TIMEOUT);

  it("has three regionally financed vårdcentraler, one privately run; two wards; a specialist clinic; two hemtjänst units, one private", async () => {
    const units = await db.careUnit.findMany({ include: { organisation: true, contactWays: true } });
    const vardcentraler = units.filter((u) => u.kind === "REGIONAL_PRIMARVARD");
    expect(vardcentraler).toHaveLength(3);
    expect(vardcentraler.every((u) => u.regionallyFinanced)).toBe(true);
    expect(vardcentraler.filter((u) => u.organisation.kind === "PRIVATE_PROVIDER")).toHaveLength(1);
    expect(units.filter((u) => u.kind === "SLUTENVARD").map((u) => u.name)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Medicinavdelning 12/), expect.stringMatching(/^Geriatrisk avdelning 7/)]),
    );
    expect(units.filter((u) => u.kind === "SLUTENVARD")).toHaveLength(2);
    expect(units.filter((u) => u.kind === "SPECIALISERAD_OPPENVARD").map((u) => u.name)).toEqual([expect.stringMatching(/^Onkologmottagningen/)]);
    const hemtjanst = units.filter((u) => u.kind === "HEMTJANST");
    expect(hemtjanst).toHaveLength(2);
    expect(hemtjanst.map((u) => u.organisation.kind).sort()).toEqual(["KOMMUN", "PRIVATE_PROVIDER"]);
    for (const u of units) {
      expect(u.visitingAddress && u.postalCode && u.city && u.publicPhone && u.careToCarePhone).toBeTruthy();
      expect(u.contactWays.some((c) => c.kind === "E_SERVICE" && /^https:\/\//.test(c.value) && c.contactTimes)).toBe(true);
    }
    expect(await db.team.count()).toBeGreaterThanOrEqual(units.length);
  });

  it("has about 40 staff and 200 patients, from small children to 95 and older", async () => {
    expect(summary.counts.staffMember).toBeGreaterThanOrEqual(35);
    expect(summary.counts.staffMember).toBeLessThanOrEqual(50);
    expect(summary.counts.patient).toBe(200);
    const ages = (await db.patient.findMany()).map((p) => ageOn(p.birthDate, today));
    expect(Math.min(...ages)).toBeLessThan(6);
    expect(Math.max(...ages)).toBeGreaterThanOrEqual(95);
  });

  it("stores only valid identity numbers: personnummer and samordningsnummer pass the checksum, one reservnummer", async () => {
    const patients = await db.patient.findMany();
    for (const p of patients) {
      if (p.identifierKind === "RESERVNUMMER") {
        expect(parseReservnummer(p.identifier)).toMatchObject({ ok: true });
        expect(parsePersonalIdentityNumber(p.identifier, today).ok).toBe(false);
        continue;
      }
      const parsed = parsePersonalIdentityNumber(p.identifier, today);
      expect(parsed, p.identifier).toEqual({ ok: true, value: { kind: p.identifierKind, value: p.identifier, birthDate: p.birthDate } });
    }
    const kinds = patients.map((p) => p.identifierKind);
    expect(kinds.filter((k) => k === "SAMORDNINGSNUMMER").length).toBeGreaterThanOrEqual(2);
    expect(kinds.filter((k) => k === "RESERVNUMMER")).toHaveLength(1);
  });

  it("gives every organisation, unit and staff member a valid HSA-id and Luhn-valid organisationsnummer", async () => {
    const ids = [
      ...(await db.organisation.findMany()).map((o) => o.hsaId),
      ...(await db.careUnit.findMany()).map((u) => u.hsaId),
      ...(await db.staffMember.findMany()).map((s) => s.hsaId),
    ];
    for (const id of ids) expect(parseHsaId(id), id).toEqual({ ok: true, value: id });
    for (const o of await db.organisation.findMany()) {
      expect(o.organisationNumber).toMatch(/^\d{10}$/);
      expect(luhnCheckDigit(o.organisationNumber.slice(0, 9))).toBe(Number(o.organisationNumber[9]));
    }
  });

  it("has exactly one patient with skyddade personuppgifter, with no address stored", async () => {
    const protectedPatients = await db.patient.findMany({ where: { protectedIdentity: true } });
    expect(protectedPatients).toHaveLength(1);
    expect(protectedPatients[0]).toMatchObject({ streetAddress: null, postalCode: null, city: null });
    const referrals = await db.dischargeReferral.findMany({ where: { patientId: protectedPatients[0].id } });
    expect(referrals.every((r) => r.patientAddress === null)).toBe(true);
  });

  it("has one staff member leaving in 14 days who holds at least 20 active fixed contacts", async () => {
    const leaving = await db.staffMember.findMany({ where: { employmentEndDate: { not: null } } });
    expect(leaving).toHaveLength(1);
    expect(leaving[0].employmentEndDate).toBe(addDays(today, 14));
    expect(await db.assignment.count({ where: { staffMemberId: leaving[0].id, endedAt: null } })).toBeGreaterThanOrEqual(20);
  });

  it("appoints every active fast omsorgskontakt among eligible undersköterskor of the executing hemtjänst unit (SoL 3 kap. 3 d §)", async () => {
    const contacts = await db.assignment.findMany({
      where: { kind: "FAST_OMSORGSKONTAKT", endedAt: null },
      include: { staffMember: { include: { employments: true } }, careUnit: true, patient: { include: { homeCareServices: true } } },
    });
    expect(contacts.length).toBeGreaterThanOrEqual(20);
    const transitional = new Set<string>();
    for (const c of contacts) {
      const s = c.staffMember;
      expect(c.careUnit.kind).toBe("HEMTJANST");
      expect(s.befattningCode).toMatch(/^20701[0-4]$/); // Undersköterska, …
      // Bevis, or recorded as tillsvidareanställd undersköterska on 2023-07-01 (the transitional rule's fact).
      expect(s.underskoterskaBevis || s.permanentUnderskoterskaOnTitleDay === true, s.id).toBe(true);
      if (!s.underskoterskaBevis) transitional.add(s.id);
      expect(s.employments.map((e) => e.careUnitId)).toContain(c.careUnitId);
      expect(c.patient.homeCareServices.some((h) => h.careUnitId === c.careUnitId && h.to === null)).toBe(true);
    }
    expect(transitional.size).toBeGreaterThanOrEqual(1);
    // Realistic staff: one undersköterska without bevis or transitional right, and vårdbiträden.
    const hemtjanstStaff = await db.staffMember.findMany({ where: { employments: { some: { careUnit: { kind: "HEMTJANST" } } } } });
    expect(hemtjanstStaff.some((s) => s.befattningCode.startsWith("20701") && !s.underskoterskaBevis && s.permanentUnderskoterskaFrom === null)).toBe(true);
    expect(hemtjanstStaff.filter((s) => s.befattningCode === "207023").length).toBeGreaterThanOrEqual(1);
  });

  it("records for every hemtjänst recipient a fast omsorgskontakt, a refusal, 'obviously unnecessary' — or leaves a visible gap", async () => {
    const services = await db.homeCareService.findMany({ where: { to: null } });
    expect(services.length).toBeGreaterThanOrEqual(35);
    expect(services.filter((s) => s.contactNotNeededReason).length).toBeGreaterThanOrEqual(2);
    expect(await db.refusal.count({ where: { kind: "FAST_OMSORGSKONTAKT" } })).toBeGreaterThanOrEqual(1);
  });

  it("places every active fast läkarkontakt at the unit where the patient is listed, with an eligible läkare (HSL 7 kap. 3 §)", async () => {
    const contacts = await db.assignment.findMany({
      where: { kind: "FAST_LAKARKONTAKT", endedAt: null },
      include: { staffMember: { include: { specialties: true, employments: true } }, careUnit: true, patient: { include: { listings: true } } },
    });
    expect(contacts.length).toBeGreaterThanOrEqual(50);
    for (const c of contacts) {
      const current = c.patient.listings.filter((l) => l.to === null);
      expect(current.map((l) => l.careUnitId), c.id).toEqual([c.careUnitId]);
      expect(c.careUnit).toMatchObject({ kind: "REGIONAL_PRIMARVARD", regionallyFinanced: true });
      expect(c.staffMember.legitimations.split(",")).toContain("LK");
      expect(c.staffMember.employments.map((e) => e.careUnitId)).toContain(c.careUnitId);
      const has = (specialty: string) => c.staffMember.specialties.some((s) => s.specialty === specialty);
      const age = ageOn(c.patient.birthDate, today);
      const eligible =
        has("ALLMANMEDICIN") || (has("BARN_OCH_UNGDOMSMEDICIN") && age < 18) || (has("GERIATRIK") && age >= 65) || c.competenceJustification !== null;
      expect(eligible, c.id).toBe(true);
    }
    expect(contacts.some((c) => c.staffMember.specialties.some((s) => s.status === "IN_TRAINING"))).toBe(true);
  });

  it("gives livshotande tillstånd only to legitimerade läkare, and övergripande samordningsansvar only with consent", async () => {
    const lifeThreatening = await db.assignment.findMany({ where: { lifeThreatening: true }, include: { staffMember: true } });
    expect(lifeThreatening.length).toBeGreaterThanOrEqual(2);
    for (const a of lifeThreatening) expect(a.staffMember.legitimations.split(",")).toContain("LK");
    const coordination = await db.assignment.findMany({ where: { overallCoordination: true } });
    expect(coordination.length).toBeGreaterThanOrEqual(1);
    for (const a of coordination) expect(a.coordinationConsentAt).not.toBeNull();
  });

  it("has one patient with two fasta vårdkontakter sharing samordningsansvar and one with several and none (the UI warns)", async () => {
    const active = await db.assignment.findMany({ where: { kind: "FAST_VARDKONTAKT", endedAt: null } });
    const byPatient = new Map<string, typeof active>();
    for (const a of active) byPatient.set(a.patientId, [...(byPatient.get(a.patientId) ?? []), a]);
    const several = [...byPatient.values()].filter((list) => list.length >= 2);
    expect(several.some((list) => list.filter((a) => a.overallCoordination).length === 1)).toBe(true);
    expect(several.some((list) => list.every((a) => !a.overallCoordination))).toBe(true);
  });

  it("employs every holder of an active contact at the contact's unit, and has ended contacts, a change chain and overdue reviews", async () => {
    const active = await db.assignment.findMany({ where: { endedAt: null }, include: { staffMember: { include: { employments: true } } } });
    for (const a of active) expect(a.staffMember.employments.map((e) => e.careUnitId), a.id).toContain(a.careUnitId);
    expect(active.every((a) => a.reviewDueDate !== null)).toBe(true);
    expect(active.some((a) => a.reviewDueDate! < today)).toBe(true);
    const ended = await db.assignment.findMany({ where: { endedAt: { not: null } } });
    expect(ended.length).toBeGreaterThanOrEqual(5);
    expect(ended.every((a) => a.endReason)).toBe(true);
    const replacement = await db.assignment.findFirstOrThrow({ where: { replacesId: { not: null } }, include: { replaces: true } });
    expect(replacement.replaces!.endedAt!.getTime()).toBe(replacement.startedAt.getTime());
    expect(replacement.replaces!.patientId).toBe(replacement.patientId);
  });

  it("has inpatients due for discharge, inskrivningsmeddelanden received and not yet received, refusals and notifications", async () => {
    const inpatients = await db.careEpisode.findMany({ where: { kind: "INPATIENT", endedAt: null } });
    expect(inpatients.length).toBeGreaterThanOrEqual(8);
    for (const e of inpatients) {
      expect(e.plannedDischargeDate! >= addDays(today, 2) && e.plannedDischargeDate! <= addDays(today, 7)).toBe(true);
    }
    expect(await db.careEpisode.count({ where: { kind: "OUTPATIENT", careUnit: { kind: "SPECIALISERAD_OPPENVARD" } } })).toBeGreaterThan(0);
    const referrals = await db.dischargeReferral.findMany();
    expect(referrals.filter((r) => r.receivedAt !== null).length).toBeGreaterThanOrEqual(1);
    expect(referrals.filter((r) => r.receivedAt === null).length).toBeGreaterThanOrEqual(1);
    for (const r of referrals) expect(r.expectedDischargeDate >= today).toBe(true);
    // Lag (2017:612): one sent late (26 h after admission) and one in time, each with its deadline.
    expect(referrals.every((r) => r.dueAt !== null)).toBe(true);
    expect(referrals.filter((r) => r.sentLate).length).toBeGreaterThanOrEqual(1);
    expect(referrals.filter((r) => !r.sentLate).length).toBeGreaterThanOrEqual(1);
    const refusalKinds = new Set((await db.refusal.findMany()).map((r) => r.kind));
    expect(refusalKinds).toEqual(new Set(["FAST_VARDKONTAKT", "FAST_OMSORGSKONTAKT"]));
    expect(await db.notification.count({ where: { status: "QUEUED" } })).toBeGreaterThan(0);
    expect(await db.notification.count({ where: { status: "DONE", channel: { not: null }, notifiedAt: { not: null } } })).toBeGreaterThan(0);
    const kontaktssk = await db.assignment.findFirst({ where: { kind: "ANNAN_FAST_KONTAKT", roleTitle: "Kontaktsjuksköterska", endedAt: null } });
    expect(kontaktssk?.contactAbout).toBe("Frågor om din cancerbehandling");
  });

  it("has requests closed without an appointment for their audited reasons, and a patient who could not be told", async () => {
    const closed = await db.processCase.findMany({ where: { processCode: "PATIENT_REQUEST", status: "CLOSED" } });
    expect(new Set(closed.map((c) => c.outcome))).toEqual(new Set(["WITHDRAWN", "MOVED_AWAY", "EXISTING_CONTACT"]));
    const existing = closed.find((c) => c.outcome === "EXISTING_CONTACT")!;
    // No second fast vårdkontakt at the unit: the one the patient had is still the only one.
    expect(await db.assignment.count({ where: { patientId: existing.patientId, careUnitId: existing.careUnitId, kind: "FAST_VARDKONTAKT", endedAt: null } })).toBe(1);
    const notTold = await db.notification.findFirstOrThrow({ where: { status: "NOT_POSSIBLE" } });
    expect(notTold).toMatchObject({ recipient: "PATIENT", channel: null, notPossibleReason: expect.stringMatching(/\S/) });
    expect(await db.notification.findFirstOrThrow({ where: { caseId: notTold.caseId, recipient: "RELATIVE" } })).toMatchObject({
      status: "DONE",
      channel: "IN_PERSON",
      toldWhom: expect.stringMatching(/\S/),
    });
  });

  it("has open cases of every process, each snapshot one its machine can restore and move on", async () => {
    const cases = await db.processCase.findMany({ where: { status: "OPEN" } });
    expect(new Set(cases.map((c) => c.processCode))).toEqual(
      new Set(["PATIENT_REQUEST", "ASSESSMENT", "DISCHARGE_REFERRAL", "LIFE_THREATENING", "CHANGE", "ENDING", "HOME_CARE_CONTACT", "DOCTOR_CHOICE"]),
    );
    const userIds = new Set((await db.user.findMany()).map((u) => u.id));
    for (const c of cases) {
      const snapshot = JSON.parse(c.snapshot);
      expect(snapshot).toMatchObject({ status: "active", value: c.state });
      expect(snapshot.context).toMatchObject({ process: c.processCode, patientId: c.patientId, unitId: c.careUnitId });
      const definition = PROCESSES[c.processCode as ProcessCode];
      expect(c.machineVersion).toBe(definition.version);
      expect(acceptedEvents(restoreSnapshot(definition, c.machineVersion, c.snapshot)).length).toBeGreaterThan(0);
      expect(userIds).toContain(c.openedByUserId);
    }
    const beforeDischarge = cases.filter((c) => c.deadlineKind === "APPOINT_BEFORE_DISCHARGE");
    expect(beforeDischarge.length).toBeGreaterThanOrEqual(1);
  });

  it("lets the six demo users sign in with the password, each with the role at the documented units", async () => {
    expect(DEMO_USERS.map((u) => u.username)).toEqual(["verksamhetschef", "sjukskoterska", "lakare", "enhetschef", "administrator", "delegat"]);
    for (const demo of DEMO_USERS) {
      const user = await db.user.findUniqueOrThrow({ where: { username: demo.username }, include: { roleGrants: { include: { careUnit: true } } } });
      expect(await bcrypt.compare(password, user.passwordHash), demo.username).toBe(true);
      expect(user.disabledAt).toBeNull();
      expect(user.staffMemberId).not.toBeNull();
      expect(user.roleGrants.every((g) => g.roleCode === demo.role)).toBe(true);
      expect(user.roleGrants.map((g) => g.careUnit.name).sort()).toEqual([...demo.unitNames].sort());
    }
    const sjukskoterska = DEMO_USERS.find((u) => u.username === "sjukskoterska")!;
    expect(sjukskoterska.unitNames).toHaveLength(2);
    expect(DEMO_USERS.find((u) => u.username === "administrator")!.unitNames.length).toBeGreaterThanOrEqual(3);
    const delegation = await db.delegation.findUniqueOrThrow({ where: { id: DEMO_DELEGATION.id }, include: { delegator: true, delegate: true, careUnit: true } });
    expect(delegation).toMatchObject({ permissionCode: "appoint:fast-vardkontakt", revokedAt: null, validTo: null });
    expect([delegation.delegator.username, delegation.delegate.username]).toEqual(["verksamhetschef", "delegat"]);
    expect(delegation.careUnit.name).toBe(DEMO_USERS[0].unitNames[0]);
    // The administrator carries out turnover at the vårdcentral on the verksamhetschef's delegation (decision 018).
    const turnover = await db.delegation.findMany({ where: { delegate: { username: "administrator" } }, orderBy: { permissionCode: "asc" } });
    expect(turnover.map((d) => d.permissionCode)).toEqual(["appoint:annan-fast-kontakt", "appoint:fast-lakarkontakt", "appoint:fast-vardkontakt"]);
  });
});
