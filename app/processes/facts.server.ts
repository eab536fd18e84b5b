// Fresh facts for the rules (machines/rules.ts), read from the database inside the
// executor's transaction, or for a staff picker that explains who is not eligible.
import type { Db, Tx } from "~/db.server";
import { isoDateInStockholm } from "~/domain/dates";
import type { Grant } from "~/domain/permissions";
import { APPOINT_PERMISSION } from "../../machines/common";
import type {
  ActiveAssignmentFacts,
  AppointerFacts,
  CareGiverUnitFacts,
  ContactKind,
  IsoDate,
  PatientFacts,
  ProcessCode,
  StaffFacts,
  UnitFacts,
} from "../../machines/rules";
import type { DateFacts } from "../../machines/date-plausibility";
import type { AppointmentSetting } from "./appointment";

type Reader = Db | Tx;

const activeAssignmentSelect = {
  id: true,
  kind: true,
  careUnitId: true,
  staffMemberId: true,
  overallCoordination: true,
  lifeThreatening: true,
} as const;

export async function loadUnitFacts(db: Reader, unitId: string): Promise<UnitFacts | null> {
  return db.careUnit.findUnique({ where: { id: unitId }, select: { id: true, kind: true, regionallyFinanced: true } });
}

const staffSelect = {
  id: true,
  legitimations: true,
  underskoterskaBevis: true,
  permanentUnderskoterskaFrom: true,
  employmentEndDate: true,
  specialties: { select: { specialty: true, status: true } },
  employments: { select: { careUnitId: true, from: true } },
} as const;

type StaffRow = {
  id: string;
  legitimations: string;
  underskoterskaBevis: boolean;
  permanentUnderskoterskaFrom: string | null;
  employmentEndDate: string | null;
  specialties: { specialty: string; status: "SPECIALIST" | "IN_TRAINING" }[];
  employments: { careUnitId: string; from: string }[];
};

const toStaffFacts = (s: StaffRow): StaffFacts => ({
  id: s.id,
  legitimations: s.legitimations
    .split(",")
    .map((code) => code.trim())
    .filter(Boolean),
  underskoterskaBevis: s.underskoterskaBevis,
  permanentUnderskoterskaFrom: s.permanentUnderskoterskaFrom,
  employmentEndDate: s.employmentEndDate,
  specialties: s.specialties,
  employments: s.employments,
});

export async function loadStaffFacts(db: Reader, staffMemberId: string): Promise<StaffFacts | null> {
  const row = await db.staffMember.findUnique({ where: { id: staffMemberId }, select: staffSelect });
  return row ? toStaffFacts(row) : null;
}

/** The facts of several people at once (the turnover batch's replacements), by id. */
export async function loadStaffFactsById(db: Reader, staffMemberIds: readonly string[]): Promise<Map<string, StaffFacts>> {
  const rows = await db.staffMember.findMany({ where: { id: { in: [...staffMemberIds] } }, select: staffSelect });
  return new Map(rows.map((row) => [row.id, toStaffFacts(row)]));
}

/**
 * The people who could be chosen at a unit, in one query: everyone employed there, also one
 * whose employment starts later, one who left on or after `leftSince`, and anyone in
 * `include` — each with the facts the rules read, what a picker shows, and how many active
 * assignments the person holds now (in any unit).
 */
export async function loadStaffAtUnit(db: Reader, unitId: string, leftSince: IsoDate, include: readonly string[] = []) {
  const rows = await db.staffMember.findMany({
    where: {
      OR: [
        { id: { in: [...include] } },
        {
          employments: { some: { careUnitId: unitId } },
          OR: [{ employmentEndDate: null }, { employmentEndDate: { gte: leftSince } }],
        },
      ],
    },
    select: {
      ...staffSelect,
      firstName: true,
      middleName: true,
      lastName: true,
      hsaId: true,
      befattning: { select: { name: true } },
      _count: { select: { assignments: { where: { endedAt: null } } } },
    },
  });
  return rows.map((row) => ({ row, facts: toStaffFacts(row), load: row._count.assignments }));
}

/** A person who may be named medically responsible: the staff facts and the units they work at, with each unit's care giver. */
export type MedicalStaffFacts = { person: StaffFacts; workplaces: CareGiverUnitFacts[] };

/** The facts medicallyResponsibleRules reads (machines/rules.ts), for several people at once, by id. */
export async function loadMedicalStaffFacts(db: Reader, staffMemberIds: readonly string[]): Promise<Map<string, MedicalStaffFacts>> {
  if (staffMemberIds.length === 0) return new Map();
  const rows = await db.staffMember.findMany({
    where: { id: { in: [...staffMemberIds] } },
    select: { ...staffSelect, employments: { select: { careUnitId: true, from: true, careUnit: { select: { id: true, kind: true, organisationId: true } } } } },
  });
  return new Map(
    rows.map((row) => [
      row.id,
      {
        person: toStaffFacts({ ...row, employments: row.employments.map(({ careUnitId, from }) => ({ careUnitId, from })) }),
        workplaces: row.employments.map((e) => e.careUnit),
      },
    ]),
  );
}

/** The care giver (organisation) of each unit, by unit id. */
export async function loadCareGivers(db: Reader, unitIds: readonly string[]): Promise<Map<string, string>> {
  const units = await db.careUnit.findMany({ where: { id: { in: [...unitIds] } }, select: { id: true, organisationId: true } });
  return new Map(units.map((u) => [u.id, u.organisationId]));
}

const patientFactsSelect = {
  id: true,
  birthDate: true,
  listings: { select: { careUnitId: true, from: true, to: true } },
  homeCareServices: { select: { careUnitId: true, from: true, to: true } },
  assignments: { where: { endedAt: null }, select: activeAssignmentSelect },
} as const;

const toPatientFacts = ({ assignments, ...rest }: { assignments: ActiveAssignmentFacts[] } & Omit<PatientFacts, "activeAssignments">): PatientFacts => ({
  ...rest,
  activeAssignments: assignments,
});

export async function loadPatientFacts(db: Reader, patientId: string): Promise<PatientFacts | null> {
  const patient = await db.patient.findUnique({ where: { id: patientId }, select: patientFactsSelect });
  return patient ? toPatientFacts(patient) : null;
}

/** The facts of many patients at once (the turnover batch), by id. */
export async function loadPatientFactsById(db: Reader, patientIds: readonly string[]): Promise<Map<string, PatientFacts>> {
  const patients = await db.patient.findMany({ where: { id: { in: [...patientIds] } }, select: patientFactsSelect });
  return new Map(patients.map((p) => [p.id, toPatientFacts(p)]));
}

/** The assignment if it is still active, else null. */
export async function loadActiveAssignment(db: Reader, assignmentId: string | null): Promise<ActiveAssignmentFacts | null> {
  if (!assignmentId) return null;
  return db.assignment.findFirst({ where: { id: assignmentId, endedAt: null }, select: activeAssignmentSelect });
}

/** An active assignment with what its replacement keeps: the consent to coordination and the review date. */
export async function loadReplacedAssignment(db: Reader, assignmentId: string | null): Promise<ReplacedAssignment | null> {
  if (!assignmentId) return null;
  const row = await db.assignment.findFirst({
    where: { id: assignmentId, endedAt: null },
    select: { ...activeAssignmentSelect, coordinationConsentAt: true, reviewDueDate: true },
  });
  if (!row) return null;
  const { coordinationConsentAt, reviewDueDate, ...facts } = row;
  return { facts: facts as ActiveAssignmentFacts, coordinationConsentAt, reviewDueDate };
}

/** What an APPOINT is judged against besides the person (see ./appointment.ts). */
export type SettingRequest = {
  process: ProcessCode;
  kind: ContactKind;
  unitId: string;
  patientId: string;
  lifeThreatening: boolean;
  /** CHANGE: the assignment being replaced. */
  assignmentId: string | null;
};

/**
 * Loads the setting of an appointment, fresh: the unit, the patient, who appoints (with the
 * delegation that covers the kind, HSF 4 kap. 2 §), and in CHANGE the assignment replaced with
 * what its replacement keeps; in DOCTOR_CHOICE the fast läkarkontakt a new choice replaces.
 * Null when the unit or the patient does not exist.
 */
export async function loadAppointmentSetting(
  db: Reader,
  request: SettingRequest,
  grant: Pick<Grant, "roleCode" | "careUnitId" | "delegationIds">,
  date: IsoDate,
): Promise<AppointmentSetting | null> {
  const [unit, patient, kept] = await Promise.all([
    loadUnitFacts(db, request.unitId),
    loadPatientFacts(db, request.patientId),
    request.process === "CHANGE" ? loadReplacedAssignment(db, request.assignmentId) : null,
  ]);
  if (!unit || !patient) return null;
  return appointmentSetting(request, { unit, patient, replaced: kept }, grant, date);
}

/** An assignment a CHANGE replaces, with what the replacement keeps (loadReplacedAssignment). */
export type ReplacedAssignment = { facts: ActiveAssignmentFacts; coordinationConsentAt: Date | null; reviewDueDate: string | null };

/** The setting from facts already loaded: in CHANGE `replaced` is the assignment (null once no longer active). */
export function appointmentSetting(
  request: SettingRequest,
  loaded: { unit: UnitFacts; patient: PatientFacts; replaced: ReplacedAssignment | null },
  grant: Pick<Grant, "roleCode" | "careUnitId" | "delegationIds">,
  date: IsoDate,
): AppointmentSetting {
  const { unit, patient, replaced: kept } = loaded;
  let replaced: ActiveAssignmentFacts | null = null;
  let keeps: AppointmentSetting["kept"] = null;
  if (request.process === "CHANGE") {
    replaced = kept?.facts ?? null;
    keeps = {
      overallCoordination: replaced?.overallCoordination ?? false,
      coordinationConsentDate: kept?.coordinationConsentAt ? isoDateInStockholm(kept.coordinationConsentAt) : null,
      reviewDueDate: kept?.reviewDueDate ?? null,
    };
  } else if (request.process === "DOCTOR_CHOICE") {
    // A new choice of doctor replaces the earlier one (seed §2): it is not "another" contact.
    replaced = patient.activeAssignments.find((a) => a.kind === "FAST_LAKARKONTAKT") ?? null;
  }
  return {
    process: request.process,
    kind: request.kind,
    date,
    unit,
    patient,
    appointer: appointerOf(grant, request.kind),
    lifeThreatening: request.lifeThreatening,
    replaced,
    kept: keeps,
  };
}

/**
 * What the date plausibility rules (machines/date-plausibility.ts) judge a step's dates
 * against: today and now on Swedish clocks, the patient's birth date, and the day the case
 * was opened (null while it is being opened).
 */
export async function loadDateFacts(db: Reader, patientId: string, caseOpenedAt: Date | null, now: Date): Promise<DateFacts> {
  const patient = await db.patient.findUnique({ where: { id: patientId }, select: { birthDate: true } });
  return {
    today: isoDateInStockholm(now),
    now: now.toISOString(),
    birthDate: patient?.birthDate ?? null,
    caseOpenedOn: caseOpenedAt ? isoDateInStockholm(caseOpenedAt) : null,
  };
}

/** Who appoints a contact of this kind: the role in the unit, and whether a delegation covers it (HSF 4 kap. 2 §). */
export function appointerOf(grant: Pick<Grant, "roleCode" | "careUnitId" | "delegationIds">, kind: ContactKind): AppointerFacts {
  return { roleCode: grant.roleCode, careUnitId: grant.careUnitId, delegated: Boolean(grant.delegationIds[APPOINT_PERMISSION[kind]]) };
}
