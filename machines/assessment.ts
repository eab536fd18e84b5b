// Bilaga 1.2 — Hälso- och sjukvården tilldelar fast vårdkontakt: after an outpatient visit
// the need is assessed, the patient informed, and the patient accepts or declines.
import { assign, setup } from "xstate";
import {
  anyOf,
  appointActions,
  appointer,
  baseContext,
  declineActions,
  notifyActions,
  sharedGuards,
  type AcceptEvent,
  type AppointEvent,
  type AssessEvent,
  type CancelEvent,
  type CaseContext,
  type CaseInput,
  type DeclineEvent,
  type EventPolicy,
  type InformEvent,
  type NotifyEvent,
  type Stamped,
} from "./common";
import { effectActions } from "./effects";
import type { IsoDate } from "./rules";

export const id = "ASSESSMENT";
export const version = 1;

export type RegisterVisitEvent = Stamped & { type: "REGISTER_VISIT"; visitDate: IsoDate };
export type AssessmentEvent =
  | RegisterVisitEvent
  | AssessEvent
  | InformEvent
  | DeclineEvent
  | AcceptEvent
  | AppointEvent
  | NotifyEvent
  | CancelEvent;
export type AssessmentContext = CaseContext & {
  visitDate: IsoDate | null;
  assessment: { needed: boolean; reason: string | null; at: string } | null;
  informedOn: IsoDate | null;
};

type Context = AssessmentContext;
type Event = AssessmentEvent;

export const machine = setup({
  types: {} as { context: AssessmentContext; events: AssessmentEvent; input: CaseInput },
  actions: effectActions,
  guards: {
    ...sharedGuards,
    needed: ({ event }) => event.type === "ASSESS" && event.needed,
  },
}).createMachine({
  id,
  context: ({ input }) => ({ ...baseContext(id, input), visitDate: null, assessment: null, informedOn: null }),
  initial: "new",
  states: {
    new: {
      on: {
        // "Deltar i ett öppenvårdsbesök"
        REGISTER_VISIT: { target: "awaitingAssessment", actions: assign({ visitDate: ({ event }) => event.visitDate }) },
      },
    },
    awaitingAssessment: {
      on: {
        // "Bedömer behov av fast vårdkontakt"
        ASSESS: [
          {
            guard: "needed",
            target: "awaitingInformation",
            actions: assign({ assessment: ({ event }) => ({ needed: true, reason: event.reason, at: event.at }) }),
          },
          {
            target: "closed",
            actions: assign({
              assessment: ({ event }) => ({ needed: false, reason: event.reason, at: event.at }),
              outcome: "NO_NEED",
            }),
          },
        ],
      },
    },
    awaitingInformation: {
      on: {
        // "Informerar patienten" / "Mottager information om fast vårdkontakt"
        INFORM_PATIENT: { target: "awaitingPatientDecision", actions: assign({ informedOn: ({ event }) => event.informedOn }) },
      },
    },
    awaitingPatientDecision: {
      on: {
        // "Dokumenterar att patienten avböjt erbjudande om fast vårdkontakt"
        PATIENT_DECLINED: {
          guard: "refusalAllowed",
          target: "closed",
          actions: declineActions<Context, Event>(),
        },
        PATIENT_ACCEPTED: { target: "awaitingAppointment" },
      },
    },
    awaitingAppointment: {
      on: {
        // "Utser fast vårdkontakt" + "Dokumenterar fast vårdkontakt"
        APPOINT: { guard: "appointmentAllowed", target: "awaitingNotification", actions: appointActions<Context, Event>() },
      },
    },
    awaitingNotification: {
      on: {
        // "Meddelar patienten"
        NOTIFY: { guard: "notificationComplete", target: "closed", actions: notifyActions<Context, Event>("APPOINTED") },
      },
    },
    closed: { type: "final" },
  },
  on: {
    // Before anything is appointed the case can be closed with a reason (the patient moved, died, …).
    CANCEL: { guard: ({ context }) => context.assignmentId === null, target: ".closed", actions: assign({ outcome: "CANCELLED" }) },
  },
});

export const policy: Record<AssessmentEvent["type"], EventPolicy<AssessmentContext>> = {
  REGISTER_VISIT: { permissions: anyOf("case:start") },
  ASSESS: { permissions: anyOf("case:document") },
  INFORM_PATIENT: { permissions: anyOf("case:document") },
  PATIENT_DECLINED: { permissions: anyOf("refusal:record") },
  PATIENT_ACCEPTED: { permissions: anyOf("case:document") },
  APPOINT: { permissions: appointer },
  NOTIFY: { permissions: anyOf("notification:record") },
  CANCEL: { permissions: anyOf("case:document") },
};
