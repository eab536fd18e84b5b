// Bilaga 1.1 — Patienten begär fast vårdkontakt. A request by the patient must lead to an
// appointment (PL 6 kap. 2 §): there is no refusal and no closing for lack of need. It closes
// without one only for the audited reasons of rules.requestClosingRules (withdrawn, died,
// moved away) or because the patient already has a fast vårdkontakt at the unit.
import { and, assign, setup } from "xstate";
import {
  anyOf,
  appointActions,
  appointer,
  baseContext,
  notificationsDue,
  notifyActions,
  sharedGuards,
  type AppointEvent,
  type CaseContext,
  type CaseInput,
  type EventPolicy,
  type NotifyEvent,
  type Stamped,
} from "./common";
import { effectActions } from "./effects";
import {
  careContactAtUnit,
  requestClosingRules,
  type ActiveAssignmentFacts,
  type IsoDate,
  type RequestClosingReason,
} from "./rules";

export const id = "PATIENT_REQUEST";
export const version = 1;

export type RequestChannel = "VIA_1177" | "PHONE" | "IN_PERSON" | "LETTER";
export type ReceiveRequestEvent = Stamped & {
  type: "RECEIVE_REQUEST";
  channel: RequestChannel;
  receivedOn: IsoDate;
  requestText: string | null;
};
/** The request ends without an appointment, for one of the reasons the rules allow. */
export type CloseRequestEvent = Stamped & { type: "CLOSE_REQUEST"; closingReason: RequestClosingReason; comment: string | null };
/** `existing` is the patient's active fast vårdkontakt at the unit, loaded by the executor. */
export type ConfirmExistingContactEvent = Stamped & { type: "CONFIRM_EXISTING_CONTACT"; existing: ActiveAssignmentFacts | null };
export type PatientRequestEvent = ReceiveRequestEvent | AppointEvent | NotifyEvent | CloseRequestEvent | ConfirmExistingContactEvent;
export type PatientRequestContext = CaseContext & {
  request: { channel: RequestChannel; receivedOn: IsoDate; text: string | null } | null;
  /** Why the request closed without an appointment, if it did. */
  closing: { reason: RequestClosingReason; comment: string | null; at: string } | null;
};

type Context = PatientRequestContext;
type Event = PatientRequestEvent;

export const machine = setup({
  types: {} as { context: PatientRequestContext; events: PatientRequestEvent; input: CaseInput },
  actions: effectActions,
  guards: {
    ...sharedGuards,
    closingAllowed: ({ context, event }) =>
      event.type === "CLOSE_REQUEST" && context.assignmentId === null && requestClosingRules(context.process, event.closingReason).eligible,
    // Only a request for a fast vårdkontakt is answered by the one the patient has at the unit.
    confirmedExisting: ({ context }) => context.outcome === "EXISTING_CONTACT",
    hasContactAtUnit: ({ context, event }) =>
      event.type === "CONFIRM_EXISTING_CONTACT" &&
      context.contactKind === "FAST_VARDKONTAKT" &&
      event.existing !== null &&
      careContactAtUnit([event.existing], context.unitId) !== null,
  },
}).createMachine({
  id,
  context: ({ input }) => ({ ...baseContext(id, input), request: null, closing: null }),
  initial: "new",
  states: {
    new: {
      on: {
        // "Tar emot begäran om fast vårdkontakt"
        RECEIVE_REQUEST: {
          target: "awaitingAppointment",
          actions: assign({
            request: ({ event }) => ({ channel: event.channel, receivedOn: event.receivedOn, text: event.requestText }),
          }),
        },
      },
    },
    awaitingAppointment: {
      on: {
        // "Utser fast vårdkontakt" + "Dokumenterar fast vårdkontakt"
        APPOINT: { guard: "appointmentAllowed", target: "awaitingNotification", actions: appointActions<Context, Event>() },
        // The patient already has a fast vårdkontakt here (rules.requestedContactRules): no second
        // one; the patient is told who it is, as after a discharge referral (Bilaga 1.3).
        CONFIRM_EXISTING_CONTACT: {
          guard: "hasContactAtUnit",
          target: "awaitingNotification",
          actions: [
            assign({ assignmentId: ({ event }) => event.existing?.id ?? null, outcome: "EXISTING_CONTACT" }),
            { type: "queueNotification", params: ({ context, event }) => notificationsDue(context, event.existing?.id ?? null) },
          ],
        },
        // Withdrawn, died, moved away from the unit's responsibility: audited with the reason.
        CLOSE_REQUEST: {
          guard: "closingAllowed",
          target: "closed",
          actions: assign({
            closing: ({ event }) => ({ reason: event.closingReason, comment: event.comment, at: event.at }),
            outcome: ({ event }) => event.closingReason,
          }),
        },
      },
    },
    awaitingNotification: {
      on: {
        // "Meddelar patienten" (1177 may suffice)
        // After CONFIRM_EXISTING_CONTACT the outcome stays EXISTING_CONTACT.
        NOTIFY: [
          { guard: and(["notificationComplete", "confirmedExisting"]), target: "closed", actions: notifyActions<Context, Event>(null) },
          { guard: "notificationComplete", target: "closed", actions: notifyActions<Context, Event>("APPOINTED") },
        ],
      },
    },
    closed: { type: "final" },
  },
});

export const policy: Record<PatientRequestEvent["type"], EventPolicy<PatientRequestContext>> = {
  RECEIVE_REQUEST: { permissions: anyOf("case:start") },
  APPOINT: { permissions: appointer },
  NOTIFY: { permissions: anyOf("notification:record") },
  CONFIRM_EXISTING_CONTACT: { permissions: anyOf("case:document") },
  CLOSE_REQUEST: { permissions: anyOf("case:document") },
};
