// What the machines ask the world to do. A machine declares these as named actions with
// plain-data parameters; it never carries them out. The executor (app/processes) turns each
// into rows in the same transaction as the new snapshot and the audit trail.
//
// Ids and times travel on events: the executor gives every event the instant it happened
// (`at`) and a fresh id (`newId`) for the row the event may create, so machines stay pure.
import type { ContactKind, IsoDate, NotificationChannel } from "./rules";

export type CreateAssignment = {
  id: string;
  kind: ContactKind;
  patientId: string;
  staffMemberId: string;
  careUnitId: string;
  teamId: string | null;
  startedAt: string;
  reviewDueDate: IsoDate | null;
  directPhoneVisibleToPatient: boolean;
  overallCoordination: boolean;
  coordinationConsentDate: IsoDate | null;
  medicallyResponsibleStaffId: string | null;
  lifeThreatening: boolean;
  roleTitle: string | null;
  contactAbout: string | null;
  competenceJustification: string | null;
  externalNote: string | null;
  internalNote: string | null;
  replacesId: string | null;
};

export type EndAssignment = { assignmentId: string; endedAt: string; reason: string };

/** A null review date: a fast läkarkontakt kept without one (rules.reviewDateRequiredFor). */
export type SetReviewDate = { assignmentId: string; reviewDueDate: IsoDate | null };

export type RecordRefusal = {
  id: string;
  patientId: string;
  careUnitId: string;
  kind: ContactKind;
  declinedOn: IsoDate;
  comment: string | null;
};

export type Recipient = "PATIENT" | "RELATIVE";

/** Someone must tell the patient (and relatives where required): shown on the worklist until done. */
export type QueueNotification = { patientId: string; assignmentId: string | null; recipients: Recipient[] };

/** Who was told, how and when; completes the queued notifications of the case. */
export type RecordNotification = {
  patientId: string;
  assignmentId: string | null;
  entries: { recipient: Recipient; channel: NotificationChannel; notifiedOn: IsoDate; who?: string | null }[];
  message: string | null;
  /** The patient could not be told (rules.notificationInsteadOfPatientRules): why. */
  patientNotInformed?: { reason: string } | null;
};

export type CreateDischargeReferral = {
  id: string;
  patientId: string;
  fromUnitId: string;
  toUnitId: string;
  admittedAt: string;
  expectedDischargeDate: IsoDate;
  sentAt: string;
  /** Lag (2017:612): the 24-hour deadline the message was due by (referralDeadline). */
  dueAt: string;
  /** Sent after `dueAt` (referralSentLate): recorded on the message, counted in the compliance measures. */
  sentLate: boolean;
};

export type UpdateDischargeReferral = {
  referralId: string;
  expectedDischargeDate?: IsoDate;
  receivedAt?: string;
  readyForDischargeAt?: string;
};

export type MarkContactNotNeeded = { homeCareServiceId: string; reason: string; at: string };

/** Deadlines are data on the case, never XState delays (issue: "deadlines are data"). */
export type DeadlineKind = "SEND_REFERRAL" | "APPOINT_BEFORE_DISCHARGE" | "CALL_SIP";
/** `at` is an instant, or a date meaning the start of that day in Europe/Stockholm. */
export type SetDeadline = { kind: DeadlineKind; at: string };
export type ClearDeadline = { kind: DeadlineKind };

/** Every effect a machine may declare, by action name. */
export type Effects = {
  createAssignment: CreateAssignment;
  endAssignment: EndAssignment;
  setReviewDate: SetReviewDate;
  recordRefusal: RecordRefusal;
  queueNotification: QueueNotification;
  recordNotification: RecordNotification;
  createDischargeReferral: CreateDischargeReferral;
  updateDischargeReferral: UpdateDischargeReferral;
  markContactNotNeeded: MarkContactNotNeeded;
  setDeadline: SetDeadline;
  clearDeadline: ClearDeadline;
};
export type EffectType = keyof Effects;
export type Effect = { [K in EffectType]: { type: K; params: Effects[K] } }[EffectType];

/**
 * The action implementations handed to `setup()`: they only give each effect a name and a
 * parameter type. They are never run — the executor uses XState's pure `transition()`,
 * which returns the actions instead of executing them.
 */
export const effectActions = {
  createAssignment: (_: unknown, _params: CreateAssignment) => {},
  endAssignment: (_: unknown, _params: EndAssignment) => {},
  setReviewDate: (_: unknown, _params: SetReviewDate) => {},
  recordRefusal: (_: unknown, _params: RecordRefusal) => {},
  queueNotification: (_: unknown, _params: QueueNotification) => {},
  recordNotification: (_: unknown, _params: RecordNotification) => {},
  createDischargeReferral: (_: unknown, _params: CreateDischargeReferral) => {},
  updateDischargeReferral: (_: unknown, _params: UpdateDischargeReferral) => {},
  markContactNotNeeded: (_: unknown, _params: MarkContactNotNeeded) => {},
  setDeadline: (_: unknown, _params: SetDeadline) => {},
  clearDeadline: (_: unknown, _params: ClearDeadline) => {},
};

export const EFFECT_TYPES = Object.keys(effectActions) as EffectType[];
