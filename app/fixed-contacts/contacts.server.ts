// A patient's fixed contacts as they leave the product: one query behind the 1177 view,
// GetCareManagers and FHIR CareTeam, so all three show the same contacts the same way.
import { activeAt, endedBy, typAvFastKontakt, type ContactKind } from "../../machines/rules";
import type { Db } from "~/db.server";

/** Which contacts to return, judged at `at` (FHIR's CareTeam.status words). */
export type ContactStatus = "active" | "inactive";

export type ContactQuery = {
  patientId: string;
  at: Date;
  statuses?: readonly ContactStatus[];
  /** KV Typ av fast kontakt codes "1"–"4" (GetCareManagers careManagerType). */
  typeCodes?: readonly string[];
  /** HSA-id of the care unit (careUnitId) or care giver (careGiverId, LogicalAddress). */
  careUnitHsaId?: string;
  careGiverHsaId?: string;
};

const contactWay = { select: { kind: true, label: true, value: true, contactTimes: true }, orderBy: { label: "asc" } } as const;

const contactSelect = {
  id: true,
  kind: true,
  startedAt: true,
  endedAt: true,
  overallCoordination: true,
  directPhoneVisibleToPatient: true,
  roleTitle: true,
  contactAbout: true,
  externalNote: true,
  internalNote: true,
  staffMember: {
    select: {
      hsaId: true,
      firstName: true,
      middleName: true,
      lastName: true,
      directPhone: true,
      befattning: { select: { code: true, name: true } },
      contactWays: contactWay,
    },
  },
  team: { select: { id: true, name: true, phone: true, comment: true, contactTimes: true, contactWays: contactWay } },
  careUnit: {
    select: {
      hsaId: true,
      name: true,
      visitingAddress: true,
      postalCode: true,
      city: true,
      publicPhone: true,
      careToCarePhone: true,
      contactWays: contactWay,
      organisation: { select: { hsaId: true, name: true } },
    },
  },
} as const;

/** Every field staff may see; the patient-facing projection (patient-facing.ts) takes from it. */
export type FixedContactRow = Awaited<ReturnType<typeof loadRows>>[number];

const loadRows = (db: Db, q: ContactQuery) =>
  db.assignment.findMany({
    where: {
      patientId: q.patientId,
      careUnit: {
        ...(q.careUnitHsaId !== undefined ? { hsaId: q.careUnitHsaId } : {}),
        ...(q.careGiverHsaId !== undefined ? { organisation: { hsaId: q.careGiverHsaId } } : {}),
      },
    },
    select: contactSelect,
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
  });

/** Order on every output: läkarkontakt, vårdkontakter (the coordinating one first), omsorg, others. */
const ORDER: Record<ContactKind, number> = { FAST_LAKARKONTAKT: 0, FAST_VARDKONTAKT: 1, FAST_OMSORGSKONTAKT: 2, ANNAN_FAST_KONTAKT: 3 };
const rank = (c: Pick<FixedContactRow, "kind" | "overallCoordination">) => ORDER[c.kind] * 2 + (c.overallCoordination ? 0 : 1);

/** The patient's contacts matching the query, in the order every output shows them. */
export async function loadFixedContacts(db: Db, q: ContactQuery): Promise<FixedContactRow[]> {
  const statuses = q.statuses ?? ["active"];
  const rows = await loadRows(db, q);
  return rows
    .filter((a) => (statuses.includes("active") && activeAt(a, q.at)) || (statuses.includes("inactive") && endedBy(a, q.at)))
    .filter((a) => q.typeCodes === undefined || q.typeCodes.includes(typAvFastKontakt(a) ?? ""))
    .sort((a, b) => rank(a) - rank(b));
}

const patientSelect = { id: true, identifierKind: true, identifier: true } as const;

/** One contact by its id (FHIR read), whatever its status. */
export async function loadFixedContact(db: Db, assignmentId: string) {
  return db.assignment.findUnique({ where: { id: assignmentId }, select: { ...contactSelect, patient: { select: patientSelect } } });
}

type TypeDisplays = Readonly<Record<string, string>>;
const typeDisplays = new WeakMap<Db, Promise<TypeDisplays>>();

/**
 * KV Typ av fast kontakt displays by code ("1" → "fast vårdkontakt"). Reference data that only a
 * migration changes (20261125000200_reference_data), so it is read once per database client,
 * not on every API call; a failed read is tried again on the next call.
 */
export function loadTypeDisplays(db: Db): Promise<TypeDisplays> {
  let displays = typeDisplays.get(db);
  if (!displays) {
    displays = db.fastKontaktTyp.findMany().then((rows) => Object.fromEntries(rows.map((r) => [String(r.code), r.display])));
    displays.catch(() => typeDisplays.delete(db));
    typeDisplays.set(db, displays);
  }
  return displays;
}

/** A patient by the 12-character identifier of the national platform. */
export async function findPatientByIdentifier(db: Db, identifier: string) {
  return db.patient.findUnique({ where: { identifier }, select: patientSelect });
}
