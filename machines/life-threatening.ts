// Bilaga 1.4 — Livshotande tillstånd. When a treating läkare has judged the condition
// life-threatening, the verksamhetschef sees that a legitimerad läkare is appointed fast
// vårdkontakt as soon as possible (SOSFS 2011:7 2 kap. 3 §; in the region's care — the
// regulation does not bind municipal health care, see fastVardkontaktRules); the patient and,
// where applicable, relatives are told personally.
import { assign, setup } from "xstate";
import {
  anyOf,
  appointActions,
  appointer,
  baseContext,
  notifyActions,
  sharedGuards,
  type AppointEvent,
  type CancelEvent,
  type CaseContext,
  type CaseInput,
  type EventPolicy,
  type NotifyEvent,
  type Stamped,
} from "./common";
import { effectActions } from "./effects";

export const id = "LIFE_THREATENING";
export const version = 1;

export type AssessLifeThreateningEvent = Stamped & {
  type: "ASSESS_LIFE_THREATENING";
  informRelatives: boolean;
  note: string | null;
};
export type LifeThreateningEvent = AssessLifeThreateningEvent | AppointEvent | NotifyEvent | CancelEvent;
export type LifeThreateningContext = CaseContext & { assessedAt: string | null };

type Context = LifeThreateningContext;
type Event = LifeThreateningEvent;

export const machine = setup({
  types: {} as { context: LifeThreateningContext; events: LifeThreateningEvent; input: CaseInput },
  actions: effectActions,
  guards: {
    ...sharedGuards,
  },
}).createMachine({
  id,
  context: ({ input }) => ({ ...baseContext(id, input), assessedAt: null }),
  initial: "new",
  states: {
    new: {
      on: {
        // "Bedömning att patientens tillstånd är livshotande och behov av fast vårdkontakt finns"
        ASSESS_LIFE_THREATENING: {
          target: "awaitingAppointment",
          actions: assign({
            assessedAt: ({ event }) => event.at,
            lifeThreatening: true,
            notice: ({ event }) => ({ personal: true, direct: true, relatives: event.informRelatives }),
          }),
        },
      },
    },
    awaitingAppointment: {
      on: {
        // "Utser en legitimerad läkare som fast vårdkontakt" + "Dokumenterar fast vårdkontakt"
        APPOINT: { guard: "appointmentAllowed", target: "awaitingNotification", actions: appointActions<Context, Event>() },
        // The condition is no longer judged life-threatening before anyone was appointed.
        CANCEL: { guard: "nothingAppointed", target: "closed", actions: assign({ outcome: "CANCELLED" }) },
      },
    },
    awaitingNotification: {
      on: {
        // "Meddelar patienten": personal information to the patient and, where applicable, relatives
        NOTIFY: { guard: "notificationComplete", target: "closed", actions: notifyActions<Context, Event>("APPOINTED") },
      },
    },
    closed: { type: "final" },
  },
});

export const policy: Record<LifeThreateningEvent["type"], EventPolicy<LifeThreateningContext>> = {
  ASSESS_LIFE_THREATENING: { permissions: anyOf("assess:life-threatening") },
  APPOINT: { permissions: appointer },
  NOTIFY: { permissions: anyOf("notification:record") },
  CANCEL: { permissions: anyOf("assess:life-threatening") },
};
