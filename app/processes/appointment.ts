// How one APPOINT is judged: the case's setting (process, kind, unit, patient, who appoints,
// what a replacement keeps) plus one person plus what the user typed gives the facts for the
// rules module and its verdict. Pure, so that the executor, the staff pickers of the case page
// and the turnover batch judge a person with exactly the same facts and the same rule.
import type { AppointPayload } from "../../machines/common";
import {
  checkAppointment,
  checkReplacement,
  type ActiveAssignmentFacts,
  type AppointerFacts,
  type AppointmentFacts,
  type ContactKind,
  type IsoDate,
  type PatientFacts,
  type ProcessCode,
  type Reason,
  type ReasonCode,
  type StaffFacts,
  type UnitFacts,
  type Verdict,
} from "../../machines/rules";

/** Everything an appointment is checked against except the person and the form's fields. */
export type AppointmentSetting = {
  process: ProcessCode;
  kind: ContactKind;
  /** The Swedish calendar date of the appointment. */
  date: IsoDate;
  unit: UnitFacts;
  patient: PatientFacts;
  appointer: AppointerFacts;
  lifeThreatening: boolean;
  /**
   * The assignment the appointment replaces: in CHANGE the case's assignment (null once it is
   * no longer active), in DOCTOR_CHOICE the patient's current fast läkarkontakt, else null.
   */
  replaced: ActiveAssignmentFacts | null;
  /**
   * CHANGE only: the replacement keeps the övergripande samordningsansvar with its consent,
   * and the review date unless the user enters a new one (Bilaga 1.5). Null in other processes.
   */
  kept: { overallCoordination: boolean; coordinationConsentDate: IsoDate | null; reviewDueDate: IsoDate | null } | null;
};

/** The fields of the APPOINT form that the rules read, besides the person. */
export type AppointmentChoices = Pick<
  AppointPayload,
  "overallCoordination" | "coordinationConsentDate" | "competenceJustification" | "roleTitle" | "contactAbout"
>;

export type AppointmentJudgement = {
  facts: AppointmentFacts;
  /** The coordination the new assignment carries: kept in a CHANGE, as chosen otherwise. */
  coordination: { overallCoordination: boolean; coordinationConsentDate: IsoDate | null };
  verdict: Verdict;
};

/** The rules' verdict on appointing this person in this setting with these form fields. */
export function judgeAppointment(setting: AppointmentSetting, staff: StaffFacts, choices: AppointmentChoices): AppointmentJudgement {
  const coordination = setting.kept
    ? { overallCoordination: setting.kept.overallCoordination, coordinationConsentDate: setting.kept.coordinationConsentDate }
    : { overallCoordination: choices.overallCoordination, coordinationConsentDate: choices.coordinationConsentDate };
  const facts: AppointmentFacts = {
    process: setting.process,
    kind: setting.kind,
    date: setting.date,
    unit: setting.unit,
    staff,
    patient: setting.patient,
    appointer: setting.appointer,
    lifeThreatening: setting.lifeThreatening,
    ...coordination,
    competenceJustification: choices.competenceJustification,
    roleTitle: choices.roleTitle,
    contactAbout: choices.contactAbout,
    replacesAssignmentId: setting.replaced?.id ?? null,
  };
  // Bilaga 1.5: a replacement must satisfy the same rules as the contact it replaces.
  const verdict = setting.process === "CHANGE" ? checkReplacement(setting.replaced, facts) : checkAppointment(facts);
  return { facts, coordination, verdict };
}

/** The form as it stands before the user has typed anything but the person. */
const BLANK_CHOICES: AppointmentChoices = {
  overallCoordination: false,
  coordinationConsentDate: null,
  competenceJustification: null,
  roleTitle: null,
  contactAbout: null,
};

/** Reasons about fields of the form that hold for every person alike: the form asks for them, not the picker. */
const FORM_FIELD_REASONS: readonly ReasonCode[] = ["roleTitleRequired", "contactAboutRequired"];

export type CandidateJudgement = {
  eligible: boolean;
  /** Why the person cannot be appointed, whatever the user types (empty when eligible). */
  reasons: Reason[];
  /**
   * Seed §2.3: a specialist in another field may be fast läkarkontakt with a written
   * justification of the equivalent competence; the person is eligible once it is given.
   */
  needsJustification: boolean;
};

/**
 * Whether a person can be chosen, before the rest of the form is filled in: the verdict of
 * judgeAppointment on a blank form, without the reasons that only the user's typing clears.
 * Someone eligible here passes the executor once the form is complete; someone not eligible
 * is refused by it with exactly these reasons.
 */
export function judgeCandidate(setting: AppointmentSetting, staff: StaffFacts): CandidateJudgement {
  const { verdict } = judgeAppointment(setting, staff, BLANK_CHOICES);
  const all = verdict.eligible ? [] : verdict.reasons;
  const reasons = all.filter((r) => r.code !== "justificationRequired" && !FORM_FIELD_REASONS.includes(r.code));
  return {
    eligible: reasons.length === 0,
    reasons,
    needsJustification: all.some((r) => r.code === "justificationRequired"),
  };
}
