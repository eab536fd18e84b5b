// What the pickers of the event forms offer, as the loader hands it to the page. The shapes
// are those of app/processes/candidates.server.ts (Candidate, AppointmentPickers, UnitCandidate).
import type { NotificationRequirement } from "../../../machines/rules";

export type StaffChoice = {
  staffMemberId: string;
  name: string;
  befattning: string;
  hsaId: string;
  qualifications: string[];
  /** Active assignments the person holds now. */
  load: number;
  eligible: boolean;
  /** Why the person cannot be appointed, as sentences (empty when eligible). */
  reasons: string[];
  needsJustification?: boolean;
  requestedByPatient?: boolean;
};

export type UnitChoice = { unitId: string; name: string; eligible: boolean; reasons: string[]; patientListed?: boolean };

export type FormChoices = {
  staff: StaffChoice[];
  teams: { id: string; name: string }[];
  doctors: { staffMemberId: string; name: string; befattning: string }[];
  receivers: UnitChoice[];
  /** How the patient must be told, for the NOTIFY form's hint. */
  notice: NotificationRequirement | null;
  /** Today ("YYYY-MM-DD") and now ("YYYY-MM-DDTHH:MM"), Stockholm time, for the date fields' defaults. */
  today: string;
  now: string;
};
