// Patient queries. Every one takes the acting user and is scoped to the active unit
// (inre sekretess, PDL 4 kap. 1 §): a patient without a relation to the unit is simply
// not found — the same 404 as a patient that does not exist, so nothing leaks.
import type { Actor } from "~/auth/actor.server";
import type { Db } from "~/db.server";
import { parsePersonalIdentityNumber, type IdentifierError } from "~/domain/identifiers";
import type { Prisma } from "~/generated/prisma/client";
import { careRelationWindow } from "../../machines/rules";

/**
 * A patient is known at a unit while the unit has a current care relation with the patient
 * (PDL 4 kap. 1 §; hasCurrentCareRelation in machines/rules.ts, docs/decisions/022): a
 * listing or hemtjänst in force, a stay or visit open or ended within RECENT_CARE_DAYS, a
 * fixed contact not yet ended, an open case, an inskrivningsmeddelande received within
 * RECENT_CARE_DAYS. Each branch is one EXISTS on an indexed column (careUnitId/toUnitId).
 */
export function knownAtUnit(careUnitId: string, at: Date = new Date()): Prisma.PatientWhereInput {
  const { today, recentSince } = careRelationWindow(at);
  const inForce = { from: { lte: today }, OR: [{ to: null }, { to: { gte: today } }] };
  return {
    OR: [
      { listings: { some: { careUnitId, ...inForce } } },
      { homeCareServices: { some: { careUnitId, ...inForce } } },
      { careEpisodes: { some: { careUnitId, OR: [{ endedAt: null }, { endedAt: { gte: recentSince } }] } } },
      { assignments: { some: { careUnitId, OR: [{ endedAt: null }, { endedAt: { gt: at } }] } } },
      { cases: { some: { careUnitId, status: "OPEN" } } },
      { referrals: { some: { toUnitId: careUnitId, sentAt: { gte: recentSince } } } },
    ],
  };
}

/**
 * A patient the unit has ever had a relation with, current or not: the scope of the audit log
 * (a patient's log extract covers past access too, PDL 8 kap. 5 §; decision 008), never of
 * what staff may see.
 */
export function everKnownAtUnit(careUnitId: string): Prisma.PatientWhereInput {
  return {
    OR: [
      { listings: { some: { careUnitId } } },
      { homeCareServices: { some: { careUnitId } } },
      { careEpisodes: { some: { careUnitId } } },
      { assignments: { some: { careUnitId } } },
      { cases: { some: { careUnitId } } },
      { referrals: { some: { toUnitId: careUnitId } } },
    ],
  };
}

const PAGE_SIZE = 50;

/** Who the patient is: what every patient view shows first. */
const identity = {
  id: true,
  identifier: true,
  identifierKind: true,
  firstName: true,
  middleName: true,
  lastName: true,
  birthDate: true,
  protectedIdentity: true,
} as const;

export type PatientSearch =
  | { kind: "all" }
  | { kind: "identifier"; value: string }
  | { kind: "name"; words: string[] }
  | { kind: "invalid"; error: IdentifierError };

/** Reads a search box: anything made of digits, "-" and "+" is a personnummer, else a name. */
export function parsePatientSearch(query: string, today: string): PatientSearch {
  const text = query.trim();
  if (text === "") return { kind: "all" };
  if (/^[\d\s+-]+$/.test(text)) {
    const parsed = parsePersonalIdentityNumber(text.replace(/\s+/g, ""), today);
    return parsed.ok ? { kind: "identifier", value: parsed.value.value } : { kind: "invalid", error: parsed.error };
  }
  return { kind: "name", words: text.split(/\s+/).slice(0, 4) };
}

// SQLite's LIKE ignores case only for A–Z: also try the word with a capital first letter
// so that "åsa" finds "Åsa".
function nameWordFilter(word: string): Prisma.PatientWhereInput {
  const variants = [...new Set([word, word.charAt(0).toLocaleUpperCase("sv") + word.slice(1)])];
  return {
    OR: variants.flatMap((v) => [{ firstName: { contains: v } }, { lastName: { contains: v } }]),
  };
}

export async function listPatients(db: Db, actor: Actor, search: PatientSearch) {
  if (search.kind === "invalid") return { total: 0, patients: [] };
  const filters: Prisma.PatientWhereInput[] = [knownAtUnit(actor.unit.id)];
  if (search.kind === "identifier") filters.push({ identifier: search.value });
  if (search.kind === "name") filters.push(...search.words.map(nameWordFilter));
  const where: Prisma.PatientWhereInput = { AND: filters };
  const [total, patients] = await Promise.all([
    db.patient.count({ where }),
    db.patient.findMany({
      where,
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      take: PAGE_SIZE,
      select: {
        ...identity,
        _count: { select: { assignments: { where: { endedAt: null } } } },
      },
    }),
  ]);
  return { total, patients };
}

/** Just enough to ask for a reason before a protected patient's data is shown. */
export async function findPatientHeader(db: Db, actor: Actor, patientId: string) {
  return db.patient.findFirst({
    where: { AND: [{ id: patientId }, knownAtUnit(actor.unit.id)] },
    select: { id: true, protectedIdentity: true },
  });
}

const unitForContact = {
  select: {
    id: true,
    hsaId: true,
    name: true,
    visitingAddress: true,
    postalCode: true,
    city: true,
    publicPhone: true,
    careToCarePhone: true,
    contactWays: { select: { id: true, kind: true, label: true, value: true, contactTimes: true } },
  },
} as const;

/**
 * The patient page: identity and every fixed contact not yet ended at `now`, with the
 * information of SPEC §4. A change set ahead (staff turnover) shows both sides until it takes
 * effect: the contact that ends, with its last moment, and the one that starts, with its start.
 */
export async function getPatientOverview(db: Db, actor: Actor, patientId: string, now: Date) {
  return db.patient.findFirst({
    where: { AND: [{ id: patientId }, knownAtUnit(actor.unit.id, now)] },
    select: {
      ...identity,
      streetAddress: true,
      postalCode: true,
      city: true,
      assignments: {
        where: { OR: [{ endedAt: null }, { endedAt: { gt: now } }] },
        orderBy: [{ kind: "asc" }, { startedAt: "asc" }],
        select: {
          id: true,
          kind: true,
          startedAt: true,
          endedAt: true,
          reviewDueDate: true,
          overallCoordination: true,
          lifeThreatening: true,
          directPhoneVisibleToPatient: true,
          roleTitle: true,
          contactAbout: true,
          externalNote: true,
          internalNote: true,
          staffMember: {
            select: {
              firstName: true,
              middleName: true,
              lastName: true,
              hsaId: true,
              directPhone: true,
              legitimations: true,
              underskoterskaBevis: true,
              specialties: { select: { specialty: true, status: true } },
              befattning: { select: { code: true, name: true } },
              contactWays: { select: { id: true, kind: true, label: true, value: true, contactTimes: true } },
            },
          },
          medicallyResponsibleStaff: { select: { firstName: true, lastName: true } },
          team: {
            select: {
              id: true,
              name: true,
              phone: true,
              comment: true,
              contactTimes: true,
              contactWays: { select: { id: true, kind: true, label: true, value: true, contactTimes: true } },
            },
          },
          careUnit: unitForContact,
        },
      },
    },
  });
}

export type PatientOverview = NonNullable<Awaited<ReturnType<typeof getPatientOverview>>>;
