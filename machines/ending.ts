// Bilaga 1.6 — Avslut av fast kontakt, for every contact kind. A review finds that the need
// remains (a new review date is set) or that it no longer exists; the ending is documented,
// the contact disappears from what the patient sees, and the patient is informed.
import { assign, setup } from "xstate";
import {
  anyOf,
  baseContext,
  notificationsDue,
  notifyActions,
  sharedGuards,
  type CancelEvent,
  type CaseContext,
  type CaseInput,
  type EventPolicy,
  type NotifyEvent,
  type Stamped,
} from "./common";
import { effectActions } from "./effects";
import { isoDateInStockholm } from "~/domain/dates";
import { nextReviewDateRules, type ActiveAssignmentFacts, type IsoDate } from "./rules";

export const id = "ENDING";
export const version = 1;

/** `current` is the assignment under review, loaded fresh by the executor. */
export type ReviewEvent = Stamped & {
  type: "REVIEW";
  needRemains: boolean;
  nextReviewDate: IsoDate | null;
  note: string | null;
  current: ActiveAssignmentFacts | null;
};
export type EndEvent = Stamped & { type: "END"; reason: string };
export type EndingEvent = ReviewEvent | EndEvent | NotifyEvent | CancelEvent;
export type EndingContext = CaseContext & { review: { needRemains: boolean; note: string | null; at: string } | null };

type Context = EndingContext;
type Event = EndingEvent;

export const machine = setup({
  types: {} as { context: EndingContext; events: EndingEvent; input: CaseInput },
  actions: effectActions,
  guards: {
    ...sharedGuards,
    noRemainingNeed: ({ context, event }) =>
      event.type === "REVIEW" && !event.needRemains && event.current?.id === context.assignmentId,
    // Seed §3.3: the next review lies after the review day; a fast läkarkontakt needs none (rules.nextReviewDateRules).
    needRemains: ({ context, event }) =>
      event.type === "REVIEW" &&
      event.needRemains &&
      nextReviewDateRules(context.contactKind, true, event.nextReviewDate, isoDateInStockholm(new Date(event.at))).length === 0 &&
      event.current?.id === context.assignmentId,
  },
}).createMachine({
  id,
  context: ({ input }) => ({ ...baseContext(id, input), review: null }),
  initial: "new",
  states: {
    new: {
      on: {
        // "Omprövning av behov av fast vårdkontakt"
        REVIEW: [
          {
            guard: "noRemainingNeed",
            target: "awaitingEndDocumentation",
            actions: assign({
              review: ({ event }) => ({ needRemains: false, note: event.note, at: event.at }),
              notice: { personal: false, direct: true, relatives: false },
            }),
          },
          {
            guard: "needRemains",
            target: "closed",
            actions: [
              assign({ review: ({ event }) => ({ needRemains: true, note: event.note, at: event.at }), outcome: "NEED_REMAINS" }),
              {
                type: "setReviewDate",
                params: ({ context, event }) => ({ assignmentId: context.assignmentId ?? "", reviewDueDate: event.nextReviewDate }),
              },
            ],
          },
        ],
      },
    },
    awaitingEndDocumentation: {
      on: {
        // "Dokumentation om avslut" — from now on not shown on 1177 ("visas inte längre")
        END: {
          target: "awaitingNotification",
          actions: [
            {
              type: "endAssignment",
              params: ({ context, event }) => ({ assignmentId: context.assignmentId ?? "", endedAt: event.at, reason: event.reason }),
            },
            { type: "queueNotification", params: ({ context }) => notificationsDue(context, context.assignmentId) },
          ],
        },
        CANCEL: { target: "closed", actions: assign({ outcome: "CANCELLED" }) },
      },
    },
    awaitingNotification: {
      on: {
        // "Mottager information om att fast vårdkontakt är avslutad"
        NOTIFY: { guard: "notificationComplete", target: "closed", actions: notifyActions<Context, Event>("ENDED") },
      },
    },
    closed: { type: "final" },
  },
});

export const policy: Record<EndingEvent["type"], EventPolicy<EndingContext>> = {
  REVIEW: { permissions: anyOf("case:start") },
  END: { permissions: anyOf("assignment:end") },
  NOTIFY: { permissions: anyOf("notification:record") },
  CANCEL: { permissions: anyOf("case:document") },
};
