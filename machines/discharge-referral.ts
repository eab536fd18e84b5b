// Bilaga 1.3 — Tilldelning i enlighet med lag (2017:612) om samverkan vid utskrivning. The
// ward assesses and sends an inskrivningsmeddelande; the receiving unit in the regionally
// financed open care appoints a fast vårdkontakt before discharge (2 kap. 5 §), unless the
// patient already has one there; the fast vårdkontakt calls to SIP within the configured
// number of days of the notice that the patient is ready for discharge (4 kap. 1, 3 §§).
import { and, assign, setup } from "xstate";
import {
  anyOf,
  appointActions,
  appointer,
  baseContext,
  declineActions,
  notificationsDue,
  notifyActions,
  sharedGuards,
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
import { effectActions, type DeadlineKind } from "./effects";
import {
  careContactAtUnit,
  referralDeadline,
  referralReceiverRules,
  referralSentLate,
  sipCallDeadline,
  type ActiveAssignmentFacts,
  type IsoDate,
  type UnitFacts,
} from "./rules";

export const id = "DISCHARGE_REFERRAL";
export const version = 1;

export type RegisterAdmissionEvent = Stamped & {
  type: "REGISTER_ADMISSION";
  admittedAt: string;
  expectedDischargeDate: IsoDate;
};
/** `toUnit` is loaded fresh by the executor from the chosen unit id. */
export type SendReferralEvent = Stamped & { type: "SEND_REFERRAL"; toUnit: UnitFacts; expectedDischargeDate: IsoDate };
export type UpdateDischargeDateEvent = Stamped & { type: "UPDATE_DISCHARGE_DATE"; expectedDischargeDate: IsoDate };
export type ReceiveReferralEvent = Stamped & { type: "RECEIVE_REFERRAL" };
/** `existing` is the patient's active fast vårdkontakt at the receiving unit, loaded by the executor. */
export type ConfirmExistingContactEvent = Stamped & { type: "CONFIRM_EXISTING_CONTACT"; existing: ActiveAssignmentFacts | null };
/** `sipCallDays` comes from configuration (calendar days by default). */
export type MarkReadyEvent = Stamped & {
  type: "MARK_READY_FOR_DISCHARGE";
  readyAt: string;
  sipRequired: boolean;
  sipCallDays: number;
};
export type CallSipEvent = Stamped & { type: "CALL_SIP"; calledOn: IsoDate; sipDate: IsoDate };

export type DischargeReferralEvent =
  | RegisterAdmissionEvent
  | AssessEvent
  | InformEvent
  | DeclineEvent
  | SendReferralEvent
  | UpdateDischargeDateEvent
  | ReceiveReferralEvent
  | AppointEvent
  | ConfirmExistingContactEvent
  | NotifyEvent
  | MarkReadyEvent
  | CallSipEvent
  | CancelEvent;

export type DischargeReferralContext = CaseContext & {
  wardUnitId: string;
  admittedAt: string | null;
  expectedDischargeDate: IsoDate | null;
  assessedAt: string | null;
  informedOn: IsoDate | null;
  referralId: string | null;
  readyAt: string | null;
  sipRequired: boolean;
  sipCall: { calledOn: IsoDate; sipDate: IsoDate } | null;
};

const ALL_DEADLINES: DeadlineKind[] = ["SEND_REFERRAL", "APPOINT_BEFORE_DISCHARGE", "CALL_SIP"];
const clearAllDeadlines = ALL_DEADLINES.map((kind) => ({ type: "clearDeadline" as const, params: { kind } }));

const markReady = (withSipDeadline: boolean) => [
  assign<DischargeReferralContext, MarkReadyEvent, undefined, DischargeReferralEvent, never>({
    readyAt: ({ event }) => event.readyAt,
    sipRequired: ({ event }) => event.sipRequired,
  }),
  {
    type: "updateDischargeReferral" as const,
    params: ({ context, event }: { context: DischargeReferralContext; event: MarkReadyEvent }) => ({
      referralId: context.referralId ?? "",
      readyForDischargeAt: event.readyAt,
    }),
  },
  ...(withSipDeadline
    ? [
        {
          type: "setDeadline" as const,
          params: ({ event }: { event: MarkReadyEvent }) => ({
            kind: "CALL_SIP" as const,
            at: sipCallDeadline(event.readyAt, event.sipCallDays),
          }),
        },
      ]
    : []),
];

/** A changed estimate is passed on "så snart det är möjligt", and moves the appointment deadline. */
const updateDischargeDate = [
  assign<DischargeReferralContext, UpdateDischargeDateEvent, undefined, DischargeReferralEvent, never>({
    expectedDischargeDate: ({ event }) => event.expectedDischargeDate,
  }),
  {
    type: "updateDischargeReferral" as const,
    params: ({ context, event }: { context: DischargeReferralContext; event: UpdateDischargeDateEvent }) => ({
      referralId: context.referralId ?? "",
      expectedDischargeDate: event.expectedDischargeDate,
    }),
  },
  {
    type: "setDeadline" as const,
    params: ({ event }: { event: UpdateDischargeDateEvent }) => ({
      kind: "APPOINT_BEFORE_DISCHARGE" as const,
      at: event.expectedDischargeDate,
    }),
  },
];

type Context = DischargeReferralContext;
type Event = DischargeReferralEvent;

/**
 * The deadline the inskrivningsmeddelande is sent against: the one REGISTER_ADMISSION and ASSESS
 * set (referralDeadline from the admission, or from an assessment made 24 h or more after it).
 */
const referralDueAt = (context: Context, sentAt: string) => {
  const admittedAt = context.admittedAt ?? sentAt;
  return referralDeadline(admittedAt, context.assessedAt ?? admittedAt);
};

export const machine = setup({
  types: {} as { context: DischargeReferralContext; events: DischargeReferralEvent; input: CaseInput },
  actions: effectActions,
  guards: {
    ...sharedGuards,
    needed: ({ event }) => event.type === "ASSESS" && event.needed,
    receiverAllowed: ({ context, event }) =>
      event.type === "SEND_REFERRAL" && referralReceiverRules(context.wardUnitId, event.toUnit).eligible,
    hasContactAtUnit: ({ context, event }) =>
      event.type === "CONFIRM_EXISTING_CONTACT" && event.existing !== null && careContactAtUnit([event.existing], context.unitId) !== null,
    sipRequired: ({ event }) => event.type === "MARK_READY_FOR_DISCHARGE" && event.sipRequired,
    notYetReady: ({ context }) => context.referralId !== null && context.readyAt === null,
    sipPending: ({ context }) => context.readyAt !== null && context.sipRequired && context.sipCall === null,
    ready: ({ context }) => context.readyAt !== null,
  },
}).createMachine({
  id,
  context: ({ input }) => ({
    ...baseContext(id, input),
    wardUnitId: input.unitId,
    admittedAt: null,
    expectedDischargeDate: null,
    assessedAt: null,
    informedOn: null,
    referralId: null,
    readyAt: null,
    sipRequired: false,
    sipCall: null,
  }),
  initial: "new",
  states: {
    new: {
      on: {
        // "Läggs in på avdelning"
        REGISTER_ADMISSION: {
          target: "awaitingAssessment",
          actions: [
            assign({
              admittedAt: ({ event }) => event.admittedAt,
              expectedDischargeDate: ({ event }) => event.expectedDischargeDate,
            }),
            {
              type: "setDeadline",
              params: ({ event }) => ({ kind: "SEND_REFERRAL", at: referralDeadline(event.admittedAt, event.admittedAt) }),
            },
          ],
        },
      },
    },
    awaitingAssessment: {
      on: {
        // "Bedömer behov av fast vårdkontakt inom primärvården"
        ASSESS: [
          {
            guard: "needed",
            target: "awaitingInformation",
            actions: [
              assign({ assessedAt: ({ event }) => event.at }),
              {
                type: "setDeadline",
                params: ({ context, event }) => ({
                  kind: "SEND_REFERRAL",
                  at: referralDeadline(context.admittedAt ?? event.at, event.at),
                }),
              },
            ],
          },
          {
            target: "closed",
            actions: [
              assign({ assessedAt: ({ event }) => event.at, outcome: "NO_NEED" }),
              { type: "clearDeadline", params: { kind: "SEND_REFERRAL" } },
            ],
          },
        ],
      },
    },
    awaitingInformation: {
      // "Informerar patienten"
      on: { INFORM_PATIENT: { target: "awaitingReferral", actions: assign({ informedOn: ({ event }) => event.informedOn }) } },
    },
    awaitingReferral: {
      on: {
        // "Dokumenterar att patienten avböjt erbjudande om fast vårdkontakt"
        PATIENT_DECLINED: {
          guard: "refusalAllowed",
          target: "closed",
          actions: [
            ...declineActions<Context, Event>((c) => c.wardUnitId),
            { type: "clearDeadline", params: { kind: "SEND_REFERRAL" } },
          ],
        },
        // "Skapar och skickar ett inskrivningsmeddelande"
        SEND_REFERRAL: {
          guard: "receiverAllowed",
          target: "awaitingReceipt",
          actions: [
            {
              type: "createDischargeReferral",
              params: ({ context, event }) => ({
                id: event.newId,
                patientId: context.patientId,
                fromUnitId: context.wardUnitId,
                toUnitId: event.toUnit.id,
                admittedAt: context.admittedAt ?? event.at,
                expectedDischargeDate: event.expectedDischargeDate,
                sentAt: event.at,
                dueAt: referralDueAt(context, event.at),
                // Lateness is recorded, never refused: a late message must still be sent.
                sentLate: referralSentLate(referralDueAt(context, event.at), event.at),
              }),
            },
            { type: "clearDeadline", params: { kind: "SEND_REFERRAL" } },
            {
              type: "setDeadline",
              params: ({ event }) => ({ kind: "APPOINT_BEFORE_DISCHARGE", at: event.expectedDischargeDate }),
            },
            assign({
              referralId: ({ event }) => event.newId,
              unitId: ({ event }) => event.toUnit.id,
              expectedDischargeDate: ({ event }) => event.expectedDischargeDate,
            }),
          ],
        },
      },
    },
    awaitingReceipt: {
      on: {
        // "Ta emot inskrivningsmeddelande"
        RECEIVE_REFERRAL: {
          target: "awaitingAppointment",
          actions: {
            type: "updateDischargeReferral",
            params: ({ context, event }) => ({ referralId: context.referralId ?? "", receivedAt: event.at }),
          },
        },
        UPDATE_DISCHARGE_DATE: { actions: updateDischargeDate },
      },
    },
    awaitingAppointment: {
      on: {
        // "Utser fast vårdkontakt" + "Dokumenterar fast vårdkontakt"
        APPOINT: {
          guard: "appointmentAllowed",
          target: "awaitingNotification",
          actions: [
            ...appointActions<Context, Event>(),
            assign({ outcome: "APPOINTED" }),
            { type: "clearDeadline", params: { kind: "APPOINT_BEFORE_DISCHARGE" } },
          ],
        },
        // "unless the patient already has one at the unit" (2 kap. 5 §)
        // The patient is still told who the fast vårdkontakt is (Bilaga 1.3; PL 3 kap. 2 b §).
        CONFIRM_EXISTING_CONTACT: {
          guard: "hasContactAtUnit",
          target: "awaitingNotification",
          actions: [
            assign({ assignmentId: ({ event }) => event.existing?.id ?? null, outcome: "EXISTING_CONTACT" }),
            { type: "queueNotification", params: ({ context, event }) => notificationsDue(context, event.existing?.id ?? null) },
            { type: "clearDeadline", params: { kind: "APPOINT_BEFORE_DISCHARGE" } },
          ],
        },
        UPDATE_DISCHARGE_DATE: { actions: updateDischargeDate },
      },
    },
    awaitingNotification: {
      on: {
        // "Meddelar patienten"
        NOTIFY: {
          guard: "notificationComplete",
          target: "afterContact",
          actions: notifyActions<Context, Event>(null),
        },
      },
    },
    // The fast vårdkontakt exists: the case stays open until discharge and, where both region
    // and kommun take part, until the SIP call.
    afterContact: {
      always: [{ guard: "sipPending", target: "awaitingSipCall" }, { guard: "ready", target: "closed" }, { target: "awaitingDischarge" }],
    },
    awaitingDischarge: {
      on: {
        // "Underrättelse om utskrivningsklar patient"
        MARK_READY_FOR_DISCHARGE: [
          { guard: "sipRequired", target: "afterContact", actions: markReady(true) },
          { target: "afterContact", actions: markReady(false) },
        ],
        // The discharge does not happen (the patient died, stays, or is moved): the contact stays.
        CANCEL: { target: "closed", actions: clearAllDeadlines },
      },
    },
    awaitingSipCall: {
      on: {
        CANCEL: { target: "closed", actions: clearAllDeadlines },
        // Kallelse till samordnad individuell planering (4 kap. 1 och 3 §§)
        CALL_SIP: {
          target: "closed",
          actions: [
            assign({ sipCall: ({ event }) => ({ calledOn: event.calledOn, sipDate: event.sipDate }) }),
            { type: "clearDeadline", params: { kind: "CALL_SIP" } },
          ],
        },
      },
    },
    closed: { type: "final" },
  },
  on: {
    // Ready for discharge before the contact is appointed: recorded, the deadline set, same step.
    MARK_READY_FOR_DISCHARGE: [
      { guard: and(["notYetReady", "sipRequired"]), actions: markReady(true) },
      { guard: "notYetReady", actions: markReady(false) },
    ],
    CANCEL: {
      guard: "nothingAppointed",
      target: ".closed",
      actions: [...clearAllDeadlines, assign({ outcome: "CANCELLED" })],
    },
  },
});

export const policy: Record<DischargeReferralEvent["type"], EventPolicy<DischargeReferralContext>> = {
  REGISTER_ADMISSION: { permissions: anyOf("case:start") },
  ASSESS: { permissions: anyOf("case:document"), unit: (c) => c.wardUnitId },
  INFORM_PATIENT: { permissions: anyOf("case:document"), unit: (c) => c.wardUnitId },
  PATIENT_DECLINED: { permissions: anyOf("refusal:record"), unit: (c) => c.wardUnitId },
  SEND_REFERRAL: { permissions: anyOf("referral:send"), unit: (c) => c.wardUnitId },
  UPDATE_DISCHARGE_DATE: { permissions: anyOf("referral:send"), unit: (c) => c.wardUnitId },
  MARK_READY_FOR_DISCHARGE: { permissions: anyOf("referral:send"), unit: (c) => c.wardUnitId },
  RECEIVE_REFERRAL: { permissions: anyOf("referral:receive") },
  APPOINT: { permissions: appointer },
  CONFIRM_EXISTING_CONTACT: { permissions: anyOf("referral:receive") },
  NOTIFY: { permissions: anyOf("notification:record") },
  CALL_SIP: { permissions: anyOf("case:document") },
  // Before the referral is sent the ward cancels; after it, the receiving unit.
  CANCEL: { permissions: anyOf("case:document") },
};
