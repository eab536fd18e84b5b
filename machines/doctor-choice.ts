// Seed §2 — Val av fast läkarkontakt. A patient listed at a regionally financed primary
// care unit chooses a läkare there (PL 6 kap. 3 §), or the unit assigns one, with priority to
// patients with complex needs (seed §2.3). The appointment is shown to the patient; an earlier
// fast läkarkontakt ends at the same instant (at most one per patient).
import { assign, setup } from "xstate";
import {
  anyOf,
  appointer,
  appointmentAllowed,
  assignmentFrom,
  baseContext,
  type AppointEvent,
  type CancelEvent,
  type CaseContext,
  type CaseInput,
  type EventPolicy,
  type Stamped,
} from "./common";
import { t } from "~/i18n";
import { effectActions } from "./effects";

export const id = "DOCTOR_CHOICE";
export const version = 1;

export type ChoiceChannel = "VIA_1177" | "PHONE" | "IN_PERSON" | "LETTER" | "LISTING";
export type ReceiveChoiceEvent = Stamped & {
  type: "RECEIVE_CHOICE";
  channel: ChoiceChannel;
  /** The läkare the patient asked for; null when the unit assigns one. */
  requestedStaffMemberId: string | null;
  /** Assigned by the unit because of complex needs (multisjuka äldre, kroniska sjukdomar). */
  prioritised: boolean;
};
export type DoctorChoiceEvent = ReceiveChoiceEvent | AppointEvent | CancelEvent;
export type DoctorChoiceContext = CaseContext & {
  choice: { channel: ChoiceChannel; requestedStaffMemberId: string | null; prioritised: boolean } | null;
  replacedAssignmentId: string | null;
};

export const machine = setup({
  types: {} as { context: DoctorChoiceContext; events: DoctorChoiceEvent; input: CaseInput },
  actions: effectActions,
  guards: {
    replacesEarlier: ({ context, event }) =>
      event.type === "APPOINT" && event.replaced !== null && appointmentAllowed({ context, event }),
    appointmentAllowed: ({ context, event }) =>
      event.type === "APPOINT" && event.replaced === null && appointmentAllowed({ context, event }),
  },
}).createMachine({
  id,
  context: ({ input }) => ({ ...baseContext(id, input), choice: null, replacedAssignmentId: null }),
  initial: "new",
  states: {
    new: {
      on: {
        // The patient chooses (or the unit prioritises the patient)
        RECEIVE_CHOICE: {
          target: "awaitingAppointment",
          actions: assign({
            choice: ({ event }) => ({
              channel: event.channel,
              requestedStaffMemberId: event.requestedStaffMemberId,
              prioritised: event.prioritised,
            }),
          }),
        },
      },
    },
    awaitingAppointment: {
      on: {
        // Appointed and documented; from then on shown to the patient on 1177
        APPOINT: [
          {
            guard: "replacesEarlier",
            target: "closed",
            actions: [
              {
                type: "endAssignment",
                params: ({ event }) => ({
                  assignmentId: event.replaced?.id ?? "",
                  endedAt: event.at,
                  reason: t("case.newDoctorChosen"),
                }),
              },
              { type: "createAssignment", params: ({ context, event }) => assignmentFrom(context, event, event.replaced?.id ?? null) },
              assign({
                assignmentId: ({ event }) => event.newId,
                replacedAssignmentId: ({ event }) => event.replaced?.id ?? null,
                outcome: "APPOINTED",
              }),
            ],
          },
          {
            guard: "appointmentAllowed",
            target: "closed",
            actions: [
              { type: "createAssignment", params: ({ context, event }) => assignmentFrom(context, event, null) },
              assign({ assignmentId: ({ event }) => event.newId, outcome: "APPOINTED" }),
            ],
          },
        ],
        CANCEL: { target: "closed", actions: assign({ outcome: "CANCELLED" }) },
      },
    },
    closed: { type: "final" },
  },
});

export const policy: Record<DoctorChoiceEvent["type"], EventPolicy<DoctorChoiceContext>> = {
  RECEIVE_CHOICE: { permissions: anyOf("case:start") },
  APPOINT: { permissions: appointer },
  CANCEL: { permissions: anyOf("case:document") },
};
