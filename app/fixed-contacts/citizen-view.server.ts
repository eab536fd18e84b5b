// "Så ser patienten det på 1177" (issue 6 §1; seed §1, §6): the patient's fixed contacts as
// the citizen would see them, for staff to check before the patient asks. Built only from the
// contacts that leave the product (contacts.server.ts) and the one patient-facing projection
// (patient-facing.ts) that GetCareManagers and FHIR CareTeam also use, so the three agree:
// active contacts only, nothing staff-only.
import { actorRef, type Actor } from "~/auth/actor.server";
import { logAccess } from "~/audit.server";
import type { Db } from "~/db.server";
import { formatPatientIdentifier } from "~/domain/identifiers";
import { fullName } from "~/models/contact-view";
import { knownAtUnit } from "~/models/patients.server";
import { loadFixedContacts } from "./contacts.server";
import { patientFacing, type PatientFacingContact } from "./patient-facing";

export type CitizenView = {
  patient: { id: string; name: string; identifier: string; protectedIdentity: boolean };
  /** In the order every output shows them; only those active at the moment of the view. */
  contacts: PatientFacingContact[];
};

/**
 * The view for a patient known at the actor's unit (null otherwise), access-logged as
 * "patient.citizen-view" with the reason given for a protected identity.
 */
export async function loadCitizenView(
  db: Db,
  actor: Actor,
  patientId: string,
  { now, reason = null }: { now: Date; reason?: string | null },
): Promise<CitizenView | null> {
  const patient = await db.patient.findFirst({
    where: { AND: [{ id: patientId }, knownAtUnit(actor.unit.id, now)] },
    select: { id: true, identifier: true, firstName: true, middleName: true, lastName: true, protectedIdentity: true },
  });
  if (!patient) return null;
  const rows = await loadFixedContacts(db, { patientId: patient.id, at: now });
  await logAccess(db, actorRef(actor), now, [patient.id], "patient.citizen-view", reason);
  return {
    patient: {
      id: patient.id,
      name: fullName(patient),
      identifier: formatPatientIdentifier(patient.identifier),
      protectedIdentity: patient.protectedIdentity,
    },
    contacts: rows.map((row) => patientFacing(row)),
  };
}
