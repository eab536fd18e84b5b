// Texts of the staff and unit pickers (app/processes/candidates.server.ts), Swedish first;
// the English catalog must have the same keys.
import type { Translation } from "../translation";

export const sv = {
  "candidates.eligible": "Kan väljas",
  "candidates.notEligible": "Kan inte väljas",
  "candidates.needsJustification": "Kan väljas med en skriftlig motivering av den likvärdiga kompetensen",
  "candidates.requestedByPatient": "Patientens önskemål",
  "candidates.patientListed": "Patienten är listad här",
  "candidates.load": "Aktiva uppdrag: {count}",
  "candidates.none": "Ingen på enheten kan väljas.",
} as const;

export const en: Translation<typeof sv> = {
  "candidates.eligible": "Can be chosen",
  "candidates.notEligible": "Cannot be chosen",
  "candidates.needsJustification": "Can be chosen with a written justification of the equivalent competence",
  "candidates.requestedByPatient": "The patient's choice",
  "candidates.patientListed": "The patient is listed here",
  "candidates.load": "Active assignments: {count}",
  "candidates.none": "Nobody at the unit can be chosen.",
};
