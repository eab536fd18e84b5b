// Seed §4 — Fast omsorgskontakt i hemtjänsten. A person with hemtjänst is offered a fast
// omsorgskontakt unless it is obviously unnecessary, with the reason recorded (SoL 4 kap.
// 2 b §); the person declines (documented) or accepts, and an eligible undersköterska of the
// executing unit is appointed (SoL 3 kap. 3 d §) and the person informed.
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
  type CancelEvent,
  type CaseContext,
  type CaseInput,
  type DeclineEvent,
  type EventPolicy,
  type NotifyEvent,
  type Stamped,
} from "./common";
import { effectActions } from "./effects";
import type { IsoDate } from "./rules";

export const id = "HOME_CARE_CONTACT";
export const version = 1;

export type OfferContactEvent = Stamped & { type: "OFFER_CONTACT"; offeredOn: IsoDate };
export type RecordNotNeededEvent = Stamped & { type: "RECORD_NOT_NEEDED"; reason: string };
export type HomeCareContactEvent =
  | OfferContactEvent
  | RecordNotNeededEvent
  | DeclineEvent
  | AcceptEvent
  | AppointEvent
  | NotifyEvent
  | CancelEvent;
export type HomeCareContactContext = CaseContext & { homeCareServiceId: string; offeredOn: IsoDate | null };

type Context = HomeCareContactContext;
type Event = HomeCareContactEvent;

export const machine = setup({
  types: {} as { context: HomeCareContactContext; events: HomeCareContactEvent; input: CaseInput },
  actions: effectActions,
  guards: {
    ...sharedGuards,
    reasonGiven: ({ event }) => event.type === "RECORD_NOT_NEEDED" && event.reason.trim().length > 0,
  },
}).createMachine({
  id,
  context: ({ input }) => ({ ...baseContext(id, input), homeCareServiceId: input.homeCareServiceId ?? "", offeredOn: null }),
  initial: "new",
  states: {
    new: {
      on: {
        // "erbjudas en fast omsorgskontakt"
        OFFER_CONTACT: { target: "awaitingPatientDecision", actions: assign({ offeredOn: ({ event }) => event.offeredOn }) },
        // "om det inte bedöms vara uppenbart obehövligt" — the reason is recorded
        RECORD_NOT_NEEDED: {
          guard: "reasonGiven",
          target: "closed",
          actions: [
            {
              type: "markContactNotNeeded",
              params: ({ context, event }) => ({ homeCareServiceId: context.homeCareServiceId, reason: event.reason, at: event.at }),
            },
            assign({ outcome: "NOT_NEEDED" }),
          ],
        },
      },
    },
    awaitingPatientDecision: {
      on: {
        // "dokumenteras … om en person har tackat nej till erbjudandet" (seed §4.3)
        PATIENT_DECLINED: {
          guard: "refusalAllowed",
          target: "closed",
          actions: declineActions<Context, Event>(),
        },
        PATIENT_ACCEPTED: { target: "awaitingAppointment" },
        CANCEL: { target: "closed", actions: assign({ outcome: "CANCELLED" }) },
      },
    },
    awaitingAppointment: {
      on: {
        // "dokumenteras vem den fasta omsorgskontakten är"
        APPOINT: { guard: "appointmentAllowed", target: "awaitingNotification", actions: appointActions<Context, Event>() },
        CANCEL: { target: "closed", actions: assign({ outcome: "CANCELLED" }) },
      },
    },
    awaitingNotification: {
      on: {
        NOTIFY: { guard: "notificationComplete", target: "closed", actions: notifyActions<Context, Event>("APPOINTED") },
      },
    },
    closed: { type: "final" },
  },
});

export const policy: Record<HomeCareContactEvent["type"], EventPolicy<HomeCareContactContext>> = {
  OFFER_CONTACT: { permissions: anyOf("case:start") },
  RECORD_NOT_NEEDED: { permissions: anyOf("appoint:fast-omsorgskontakt") },
  PATIENT_DECLINED: { permissions: anyOf("refusal:record") },
  PATIENT_ACCEPTED: { permissions: anyOf("case:document") },
  APPOINT: { permissions: appointer },
  NOTIFY: { permissions: anyOf("notification:record") },
  CANCEL: { permissions: anyOf("case:document") },
};
