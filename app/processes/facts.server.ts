// Fresh facts for the rules (machines/rules.ts), read from the database inside the
// executor's transaction, or for a staff picker that explains who is not eligible.
import type { Db, Tx } from "~/db.server";
import type { ActiveAssignmentFacts, PatientFacts, StaffFacts, UnitFacts } from "../../machines/rules";

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
  ...s,
  legitimations: s.legitimations
    .split(",")
    .map((code) => code.trim())
    .filter(Boolean),
});

export async function loadStaffFacts(db: Reader, staffMemberId: string): Promise<StaffFacts | null> {
  const row = await db.staffMember.findUnique({ where: { id: staffMemberId }, select: staffSelect });
  return row ? toStaffFacts(row) : null;
}

export async function loadPatientFacts(db: Reader, patientId: string): Promise<PatientFacts | null> {
  const patient = await db.patient.findUnique({
    where: { id: patientId },
    select: {
      id: true,
      birthDate: true,
      listings: { select: { careUnitId: true, from: true, to: true } },
      homeCareServices: { select: { careUnitId: true, from: true, to: true } },
      assignments: { where: { endedAt: null }, select: activeAssignmentSelect },
    },
  });
  if (!patient) return null;
  const { assignments, ...rest } = patient;
  return { ...rest, activeAssignments: assignments };
}

/** The assignment if it is still active, else null. */
export async function loadActiveAssignment(db: Reader, assignmentId: string | null): Promise<ActiveAssignmentFacts | null> {
  if (!assignmentId) return null;
  return db.assignment.findFirst({ where: { id: assignmentId, endedAt: null }, select: activeAssignmentSelect });
}

/** An active assignment with what its replacement keeps: the consent to coordination and the review date. */
export async function loadReplacedAssignment(db: Reader, assignmentId: string | null) {
  if (!assignmentId) return null;
  const row = await db.assignment.findFirst({
    where: { id: assignmentId, endedAt: null },
    select: { ...activeAssignmentSelect, coordinationConsentAt: true, reviewDueDate: true },
  });
  if (!row) return null;
  const { coordinationConsentAt, reviewDueDate, ...facts } = row;
  return { facts: facts as ActiveAssignmentFacts, coordinationConsentAt, reviewDueDate };
}
