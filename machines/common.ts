// What the eight machines share: the case context, the common events (appoint, notify,
// decline, cancel), and the guards and effect parameters built from them.
import { assign, type EventObject } from "xstate";
import type { Permission } from "~/domain/permissions";
import type { CreateAssignment, QueueNotification, RecordNotification, Recipient } from "./effects";
import {
  checkAppointment,
  checkReplacement,
  notificationRules,
  refusalPossible,
  type ActiveAssignmentFacts,
  type AppointmentFacts,
  type ContactKind,
  type IsoDate,
  type NotificationEntry,
  type NotificationRequirement,
  type PatientNotInformed,
  type ProcessCode,
} from "./rules";

/** How a case ended. */
export type Outcome =
  | "APPOINTED"
  | "CHANGED"
  | "ENDED"
  | "NEED_REMAINS"
  | "DECLINED"
  | "NO_NEED"
  | "NOT_NEEDED"
  | "EXISTING_CONTACT"
  | "CANCELLED"
  // A patient's request closed without an appointment (rules.requestClosingRules).
  | "WITHDRAWN"
  | "DIED"
  | "MOVED_AWAY";

/** Every event carries when it happened and an id for the row it may create (set by the executor). */
export type Stamped = { at: string; newId: string };

/** What the appointing user enters (SPEC §4). */
export type AppointPayload = {
  staffMemberId: string;
  teamId: string | null;
  reviewDueDate: IsoDate | null;
  directPhoneVisibleToPatient: boolean;
  overallCoordination: boolean;
  coordinationConsentDate: IsoDate | null;
  medicallyResponsibleStaffId: string | null;
  roleTitle: string | null;
  contactAbout: string | null;
  competenceJustification: string | null;
  externalNote: string | null;
  internalNote: string | null;
};

/**
 * Appointing. `facts` is fresh data loaded by the executor inside the transaction; `replaced`
 * is the assignment being replaced (CHANGE, a new choice of doctor), if still active.
 */
export type AppointEvent = Stamped &
  AppointPayload & { type: "APPOINT"; facts: AppointmentFacts; replaced: ActiveAssignmentFacts | null };
/** `patientNotInformed`: the patient could not be told, why; relatives or a representative were told instead. */
export type NotifyEvent = Stamped & {
  type: "NOTIFY";
  entries: NotificationEntry[];
  message: string | null;
  patientNotInformed?: PatientNotInformed | null;
};
export type DeclineEvent = Stamped & { type: "PATIENT_DECLINED"; declinedOn: IsoDate; comment: string | null };
export type CancelEvent = Stamped & { type: "CANCEL"; reason: string };
export type InformEvent = Stamped & { type: "INFORM_PATIENT"; informedOn: IsoDate };
export type AcceptEvent = Stamped & { type: "PATIENT_ACCEPTED"; acceptedOn: IsoDate };
export type AssessEvent = Stamped & { type: "ASSESS"; needed: boolean; reason: string | null };

/** Fields every case context has; the executor reads them to keep the case row in step. */
export type CaseContext = {
  process: ProcessCode;
  patientId: string;
  /** The unit that acts next (the case's unit on worklists and for permissions). */
  unitId: string;
  contactKind: ContactKind;
  /** The assignment the case created, changes or ends. */
  assignmentId: string | null;
  lifeThreatening: boolean;
  /** How the patient must be told (Bilaga 1.4, 1.5: personally; relatives where applicable). */
  notice: NotificationRequirement;
  outcome: Outcome | null;
};

export type CaseInput = {
  patientId: string;
  unitId: string;
  contactKind: ContactKind;
  assignmentId?: string | null;
  homeCareServiceId?: string | null;
};

export const baseContext = (process: ProcessCode, input: CaseInput): CaseContext => ({
  process,
  patientId: input.patientId,
  unitId: input.unitId,
  contactKind: input.contactKind,
  assignmentId: input.assignmentId ?? null,
  lifeThreatening: false,
  notice: { personal: false, direct: false, relatives: false },
  outcome: null,
});

/** The facts the executor loaded must describe this case and this appointment, not another. */
function factsDescribe(context: CaseContext, event: AppointEvent): boolean {
  const f = event.facts;
  return (
    f.process === context.process &&
    f.patient.id === context.patientId &&
    f.unit.id === context.unitId &&
    f.kind === context.contactKind &&
    f.staff.id === event.staffMemberId &&
    f.lifeThreatening === context.lifeThreatening &&
    f.overallCoordination === event.overallCoordination &&
    f.coordinationConsentDate === event.coordinationConsentDate &&
    f.competenceJustification === event.competenceJustification &&
    f.roleTitle === event.roleTitle &&
    f.contactAbout === event.contactAbout &&
    f.replacesAssignmentId === (event.replaced?.id ?? null)
  );
}

/** Guard: the appointment passes every rule of its kind (machines/rules.ts). */
export function appointmentAllowed({ context, event }: { context: CaseContext; event: AppointEvent }): boolean {
  return factsDescribe(context, event) && checkAppointment(event.facts).eligible;
}

/** Guard for CHANGE: the replacement passes the same rules as the assignment it replaces. */
export function replacementAllowed({ context, event }: { context: CaseContext; event: AppointEvent }): boolean {
  return (
    factsDescribe(context, event) &&
    event.replaced !== null &&
    event.replaced.id === context.assignmentId &&
    checkReplacement(event.replaced, event.facts).eligible
  );
}

/** Guard: the patient (and relatives where required) were told as the process demands. */
export function notificationComplete({ context, event }: { context: CaseContext; event: NotifyEvent }): boolean {
  return notificationRules(context.notice, event.entries, event.patientNotInformed ?? null).eligible;
}

/** Guard: a refusal is possible in this process (PL 6 kap. 2 §: not after the patient's own request). */
export function refusalAllowed({ context }: { context: CaseContext }): boolean {
  return refusalPossible(context.process).eligible;
}

/** The new assignment row an APPOINT asks for. */
export function assignmentFrom(context: CaseContext, event: AppointEvent, replacesId: string | null): CreateAssignment {
  return {
    id: event.newId,
    kind: context.contactKind,
    patientId: context.patientId,
    staffMemberId: event.staffMemberId,
    careUnitId: context.unitId,
    teamId: event.teamId,
    startedAt: event.at,
    reviewDueDate: event.reviewDueDate,
    directPhoneVisibleToPatient: event.directPhoneVisibleToPatient,
    overallCoordination: event.overallCoordination,
    coordinationConsentDate: event.coordinationConsentDate,
    medicallyResponsibleStaffId: event.medicallyResponsibleStaffId,
    lifeThreatening: context.lifeThreatening,
    roleTitle: event.roleTitle,
    contactAbout: event.contactAbout,
    competenceJustification: event.competenceJustification,
    externalNote: event.externalNote,
    internalNote: event.internalNote,
    replacesId,
  };
}

export function notificationsDue(context: CaseContext, assignmentId: string | null): QueueNotification {
  const recipients: Recipient[] = context.notice.relatives ? ["PATIENT", "RELATIVE"] : ["PATIENT"];
  return { patientId: context.patientId, assignmentId, recipients };
}

export function notificationsGiven(context: CaseContext, event: NotifyEvent): RecordNotification {
  return {
    patientId: context.patientId,
    assignmentId: context.assignmentId,
    entries: event.entries,
    message: event.message,
    patientNotInformed: event.patientNotInformed ?? null,
  };
}

/** The permission that appointing a contact of this kind needs (SPEC §2). */
export const APPOINT_PERMISSION: Record<ContactKind, Permission> = {
  FAST_VARDKONTAKT: "appoint:fast-vardkontakt",
  FAST_LAKARKONTAKT: "appoint:fast-lakarkontakt",
  FAST_OMSORGSKONTAKT: "appoint:fast-omsorgskontakt",
  ANNAN_FAST_KONTAKT: "appoint:annan-fast-kontakt",
};

/**
 * Who may send an event: any of the permissions, in the unit the function names (by default
 * the unit that acts next). The executor checks this before it moves the case.
 */
export type EventPolicy<C extends CaseContext> = {
  permissions: (context: C) => readonly Permission[];
  unit?: (context: C) => string;
};
export const anyOf =
  (...permissions: Permission[]) =>
  () =>
    permissions;
export const appointer = (context: CaseContext) => [APPOINT_PERMISSION[context.contactKind]];

// ───────────────────────────── Shared guards and transitions ──────────────────────
// Every machine names these the same way; each machine spreads them into its setup().

export const sharedGuards = {
  appointmentAllowed: ({ context, event }: { context: CaseContext; event: EventObject }) =>
    event.type === "APPOINT" && appointmentAllowed({ context, event: event as AppointEvent }),
  notificationComplete: ({ context, event }: { context: CaseContext; event: EventObject }) =>
    event.type === "NOTIFY" && notificationComplete({ context, event: event as NotifyEvent }),
  refusalAllowed,
  nothingAppointed: ({ context }: { context: CaseContext }) => context.assignmentId === null,
};

type Args<C, E> = { context: C; event: E };

/** APPOINT: the new assignment, and the patient (and relatives where required) to be told. */
export function appointActions<C extends CaseContext, E extends EventObject>() {
  return [
    assign<C, AppointEvent, undefined, E, never>(({ event }) => ({ assignmentId: event.newId }) as Partial<C>),
    { type: "createAssignment" as const, params: ({ context, event }: Args<C, AppointEvent>) => assignmentFrom(context, event, null) },
    { type: "queueNotification" as const, params: ({ context, event }: Args<C, AppointEvent>) => notificationsDue(context, event.newId) },
  ];
}

/** NOTIFY: who was told, how and when; the case closes with `outcome` (null: keep the outcome). */
export function notifyActions<C extends CaseContext, E extends EventObject>(outcome: Outcome | null) {
  return [
    { type: "recordNotification" as const, params: ({ context, event }: Args<C, NotifyEvent>) => notificationsGiven(context, event) },
    ...(outcome ? [assign<C, NotifyEvent, undefined, E, never>(() => ({ outcome }) as Partial<C>)] : []),
  ];
}

/** PATIENT_DECLINED: the refusal is documented at `unitOf(context)` and the case closes. */
export function declineActions<C extends CaseContext, E extends EventObject>(unitOf: (context: C) => string = (c) => c.unitId) {
  return [
    {
      type: "recordRefusal" as const,
      params: ({ context, event }: Args<C, DeclineEvent>) => ({
        id: event.newId,
        patientId: context.patientId,
        careUnitId: unitOf(context),
        kind: context.contactKind,
        declinedOn: event.declinedOn,
        comment: event.comment,
      }),
    },
    assign<C, DeclineEvent, undefined, E, never>(() => ({ outcome: "DECLINED" }) as Partial<C>),
  ];
}

