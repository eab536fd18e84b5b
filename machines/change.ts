// Bilaga 1.5 — Ändring av fast kontakt, for every contact kind. The replacement must satisfy
// the same rules as the contact it replaces (machines/rules.ts checkReplacement); the old
// assignment ends and the new one starts at the same instant; the patient and, where
// applicable, relatives are told — personally for a fast vårdkontakt.
import { assign, setup } from "xstate";
import {
  anyOf,
  APPOINT_PERMISSION,
  assignmentFrom,
  baseContext,
  notificationsDue,
  notifyActions,
  replacementAllowed,
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
import type { ActiveAssignmentFacts } from "./rules";

export const id = "CHANGE";
export const version = 1;

/** `current` is the assignment to change, loaded fresh by the executor (null if no longer active). */
export type RequestChangeEvent = Stamped & {
  type: "REQUEST_CHANGE";
  reason: string;
  informRelatives: boolean;
  current: ActiveAssignmentFacts | null;
};
export type ChangeEvent = RequestChangeEvent | AppointEvent | NotifyEvent | CancelEvent;
export type ChangeContext = CaseContext & {
  reason: string | null;
  replacedAssignmentId: string | null;
  /** The replaced contact's övergripande samordningsansvar stays with the replacement. */
  overallCoordination: boolean;
};

type Context = ChangeContext;
type Event = ChangeEvent;

export const machine = setup({
  types: {} as { context: ChangeContext; events: ChangeEvent; input: CaseInput },
  actions: effectActions,
  guards: {
    ...sharedGuards,
    currentIsActive: ({ context, event }) =>
      event.type === "REQUEST_CHANGE" && event.current !== null && event.current.id === context.assignmentId,
    replacementAllowed: ({ context, event }) =>
      event.type === "APPOINT" &&
      event.overallCoordination === context.overallCoordination &&
      replacementAllowed({ context, event }),
  },
}).createMachine({
  id,
  context: ({ input }) => ({ ...baseContext(id, input), reason: null, replacedAssignmentId: null, overallCoordination: false }),
  initial: "new",
  states: {
    new: {
      on: {
        // "Behov av ändring av fast vårdkontakt"
        REQUEST_CHANGE: {
          guard: "currentIsActive",
          target: "awaitingReplacement",
          actions: assign({
            reason: ({ event }) => event.reason,
            lifeThreatening: ({ event }) => event.current?.lifeThreatening ?? false,
            overallCoordination: ({ event }) => event.current?.overallCoordination ?? false,
            notice: ({ context, event }) => ({
              personal: context.contactKind === "FAST_VARDKONTAKT",
              direct: false,
              relatives: event.informRelatives,
            }),
          }),
        },
      },
    },
    awaitingReplacement: {
      on: {
        // "Utser en ersättare för uppdraget" + "Dokumenterar fast vårdkontakt"
        APPOINT: {
          guard: "replacementAllowed",
          target: "awaitingNotification",
          actions: [
            {
              type: "endAssignment",
              params: ({ context, event }) => ({
                assignmentId: context.assignmentId ?? "",
                endedAt: event.at,
                reason: context.reason ?? "",
              }),
            },
            {
              type: "createAssignment",
              params: ({ context, event }) => assignmentFrom(context, event, context.assignmentId),
            },
            { type: "queueNotification", params: ({ context, event }) => notificationsDue(context, event.newId) },
            assign({
              replacedAssignmentId: ({ context }) => context.assignmentId,
              assignmentId: ({ event }) => event.newId,
            }),
          ],
        },
        CANCEL: { target: "closed", actions: assign({ outcome: "CANCELLED" }) },
      },
    },
    awaitingNotification: {
      on: {
        // "Meddelar patienten": the patient and, where applicable, relatives
        NOTIFY: { guard: "notificationComplete", target: "closed", actions: notifyActions<Context, Event>("CHANGED") },
      },
    },
    closed: { type: "final" },
  },
});

export const policy: Record<ChangeEvent["type"], EventPolicy<ChangeContext>> = {
  // Preparing a change (and a staff turnover) is open to the administrator; appointing the
  // replacement needs the appointing right, the role's or a delegation's, as in every other
  // process (PL 6 kap. 2 §, HSF 4 kap. 1–2 §§; docs/decisions/018 supersedes 006 here).
  REQUEST_CHANGE: { permissions: anyOf("case:start", "turnover:reassign") },
  APPOINT: { permissions: (c) => [APPOINT_PERMISSION[c.contactKind]] },
  NOTIFY: { permissions: anyOf("notification:record") },
  CANCEL: { permissions: anyOf("case:document", "turnover:reassign") },
};
