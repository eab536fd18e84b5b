// What the pickers of the event forms offer, as the loader hands it to the page: the shapes
// of app/processes/candidates.server.ts (type-only imports: nothing of the server module
// reaches the browser).
import type { AppointmentPickers, Candidate, UnitCandidate } from "~/processes/candidates.server";
import type { NotificationRequirement } from "../../../machines/rules";

export type StaffChoice = Candidate;
export type UnitChoice = UnitCandidate;

export type FormChoices = {
  staff: StaffChoice[];
  teams: AppointmentPickers["teams"];
  doctors: AppointmentPickers["medicallyResponsible"];
  receivers: UnitChoice[];
  /** How the patient must be told, for the NOTIFY form's hint. */
  notice: NotificationRequirement | null;
  /** Today ("YYYY-MM-DD") and now ("YYYY-MM-DDTHH:MM"), Stockholm time, for the date fields' defaults. */
  today: string;
  now: string;
};
