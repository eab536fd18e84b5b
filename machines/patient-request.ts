// Bilaga 1.1 — Patienten begär fast vårdkontakt. A request by the patient must lead to an
// appointment (PL 6 kap. 2 §): there is no refusal and no way to close without one.
import { assign, setup } from "xstate";
import {
  anyOf,
  appointActions,
  appointer,
  baseContext,
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
import type { IsoDate } from "./rules";

export const id = "PATIENT_REQUEST";
export const version = 1;

export type RequestChannel = "VIA_1177" | "PHONE" | "IN_PERSON" | "LETTER";
export type ReceiveRequestEvent = Stamped & {
  type: "RECEIVE_REQUEST";
  channel: RequestChannel;
  receivedOn: IsoDate;
  requestText: string | null;
};
export type PatientRequestEvent = ReceiveRequestEvent | AppointEvent | NotifyEvent;
export type PatientRequestContext = CaseContext & {
  request: { channel: RequestChannel; receivedOn: IsoDate; text: string | null } | null;
};

type Context = PatientRequestContext;
type Event = PatientRequestEvent;

export const machine = setup({
  types: {} as { context: PatientRequestContext; events: PatientRequestEvent; input: CaseInput },
  actions: effectActions,
  guards: sharedGuards,
}).createMachine({
  id,
  context: ({ input }) => ({ ...baseContext(id, input), request: null }),
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
      },
    },
    awaitingNotification: {
      on: {
        // "Meddelar patienten" (1177 may suffice)
        NOTIFY: { guard: "notificationComplete", target: "closed", actions: notifyActions<Context, Event>("APPOINTED") },
      },
    },
    closed: { type: "final" },
  },
});

export const policy: Record<PatientRequestEvent["type"], EventPolicy<PatientRequestContext>> = {
  RECEIVE_REQUEST: { permissions: anyOf("case:start") },
  APPOINT: { permissions: appointer },
  NOTIFY: { permissions: anyOf("notification:record") },
};
