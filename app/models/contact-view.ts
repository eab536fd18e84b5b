// How a fixed contact is shown to staff (SPEC §4): a plain, serialisable view built from
// the query result, with dates already as YYYY-MM-DD in Europe/Stockholm.
import { LEGITIMATIONS, SPECIALTIES } from "~/domain/codes";
import { formatPatientIdentifier, isoDateInStockholm } from "~/domain/identifiers";
import { t } from "~/i18n";
import { reviewOverdue, type ContactKind } from "../../machines/rules";
import type { PatientOverview } from "./patients.server";

type AssignmentRow = PatientOverview["assignments"][number];

export const fullName = (p: { firstName: string; middleName?: string | null; lastName: string }) =>
  [p.firstName, p.middleName, p.lastName].filter(Boolean).join(" ");

/** A patient as staff lists show one: name and personnummer (never the address). */
export type PatientRef = { id: string; name: string; identifier: string; protectedIdentity: boolean };

export function patientRef(p: { id: string; identifier: string; firstName: string; middleName: string | null; lastName: string; protectedIdentity: boolean }): PatientRef {
  return { id: p.id, name: fullName(p), identifier: formatPatientIdentifier(p.identifier), protectedIdentity: p.protectedIdentity };
}

/** Patients in Swedish order by surname, then first name (Å before Ä before Ö, which SQLite's byte order is not). */
export const bySurname = (a: { lastName: string; firstName: string }, b: { lastName: string; firstName: string }) =>
  a.lastName.localeCompare(b.lastName, "sv") || a.firstName.localeCompare(b.firstName, "sv");

/** "Gata 1, 123 45 Ort", or null: never for skyddade personuppgifter, whose address never leaves the server. */
export function patientAddress(p: {
  protectedIdentity: boolean;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
}): string | null {
  if (p.protectedIdentity) return null;
  return [p.streetAddress, [p.postalCode, p.city].filter(Boolean).join(" ")].filter(Boolean).join(", ") || null;
}

type Qualified = {
  legitimations: string;
  underskoterskaBevis: boolean;
  specialties: { specialty: string; status: "SPECIALIST" | "IN_TRAINING" }[];
};

const nameOf = (codes: Record<string, string>, code: string) => (codes[code] ?? code).toLowerCase();

/** Legitimation, specialties and the undersköterska title, as staff read them (SPEC §4). */
export function qualificationsOf(staff: Qualified): string[] {
  return [
    ...staff.legitimations
      .split(",")
      .filter(Boolean)
      .map((code) => t("qualification.legitimation", { profession: nameOf(LEGITIMATIONS, code.trim()) })),
    ...staff.specialties.map(({ specialty, status }) =>
      t(status === "SPECIALIST" ? "qualification.specialist" : "qualification.inTraining", {
        specialty: nameOf(SPECIALTIES, specialty),
      }),
    ),
    ...(staff.underskoterskaBevis ? [t("qualification.underskoterska")] : []),
  ];
}

export function contactView(a: AssignmentRow, today: string) {
  return {
    id: a.id,
    kind: a.kind,
    since: isoDateInStockholm(a.startedAt),
    /** Set ahead by a change (staff turnover): the patient sees this contact from `since`. */
    upcoming: isoDateInStockholm(a.startedAt) > today,
    /** The day a change set ahead ends this contact; null while it runs until further notice. */
    until: a.endedAt ? isoDateInStockholm(a.endedAt) : null,
    reviewDueDate: a.reviewDueDate,
    reviewOverdue: reviewOverdue({ kind: a.kind as ContactKind, reviewDueDate: a.reviewDueDate }, today),
    overallCoordination: a.overallCoordination,
    lifeThreatening: a.lifeThreatening,
    roleTitle: a.roleTitle,
    contactAbout: a.contactAbout,
    externalNote: a.externalNote,
    internalNote: a.internalNote,
    person: {
      name: fullName(a.staffMember),
      hsaId: a.staffMember.hsaId,
      befattning: a.staffMember.befattning.name,
      qualifications: qualificationsOf(a.staffMember),
      directPhone: a.staffMember.directPhone,
      directPhoneVisibleToPatient: a.directPhoneVisibleToPatient,
      contactWays: a.staffMember.contactWays,
    },
    medicallyResponsible: a.medicallyResponsibleStaff ? fullName(a.medicallyResponsibleStaff) : null,
    team: a.team,
    unit: a.careUnit,
  };
}

export type ContactView = ReturnType<typeof contactView>;
