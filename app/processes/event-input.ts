// What a user enters for each process event, as one zod schema per event type. The same
// schema validates in the browser (react-hook-form) and in the executor; values arrive as
// form strings and come out as the machine event's payload. Messages are per field, in
// the language of whoever submits (resolved when checked, see `message`).
import { z } from "zod";
import { isIsoDate, stockholmInstant } from "~/domain/dates";
import { message, t } from "~/i18n";
import { TEXT_LIMITS } from "~/forms/text-limits";
import { REQUEST_CLOSING_REASONS } from "../../machines/rules";

const date = () =>
  z
    .string(message("event.dateRequired"))
    .trim()
    .min(1, message("event.dateRequired"))
    .refine(isIsoDate, message("event.dateFormat"));

const optionalDate = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isIsoDate(v), message("event.dateFormat"));

/** "YYYY-MM-DDTHH:MM" as a datetime-local input sends it, read as Stockholm time. */
const instant = () =>
  z
    .string(message("event.timeRequired"))
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, message("event.timeFormat"))
    .refine((v) => isIsoDate(v.slice(0, 10)) && Number(v.slice(11, 13)) < 24 && Number(v.slice(14, 16)) < 60, message("event.timeFormat"))
    .transform((v) => stockholmInstant(v.slice(0, 10), v.slice(11, 16)).toISOString());

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, message("event.tooLong", { max }))
    .optional()
    .transform((v) => (v ? v : null));

const requiredText = (key: "event.reasonRequired" | "event.roleTitleRequired", max: number = TEXT_LIMITS.reason) =>
  z
    .string(message(key))
    .trim()
    .min(1, message(key))
    .max(max, message("event.tooLong", { max }));

const id = (key: "event.staffRequired" | "event.unitRequired") =>
  z
    .string(message(key))
    .trim()
    .min(1, message(key))
    .max(TEXT_LIMITS.id, message("event.tooLong", { max: TEXT_LIMITS.id }));
const optionalId = () => text(TEXT_LIMITS.id);

/** A checkbox: present ("on") when ticked, absent when not. */
const checkbox = () =>
  z
    .union([z.boolean(), z.string().max(TEXT_LIMITS.id)])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true");

/** A yes/no radio group. */
const yesNo = () =>
  z.enum(["yes", "no"], message("event.yesNoRequired")).transform((v) => v === "yes");

const channel = () => z.enum(["VIA_1177", "LETTER", "PHONE", "IN_PERSON"], message("event.channelRequired"));

const appoint = z.object({
  staffMemberId: id("event.staffRequired"),
  teamId: optionalId(),
  reviewDueDate: optionalDate(),
  directPhoneVisibleToPatient: checkbox(),
  overallCoordination: checkbox(),
  coordinationConsentDate: optionalDate(),
  medicallyResponsibleStaffId: optionalId(),
  roleTitle: text(TEXT_LIMITS.shortText),
  contactAbout: text(TEXT_LIMITS.mediumText),
  competenceJustification: text(TEXT_LIMITS.freeText),
  externalNote: text(TEXT_LIMITS.externalNote),
  internalNote: text(TEXT_LIMITS.freeText),
});

const notify = z
  .object({
    patientChannel: channel().optional().or(z.literal("").transform(() => undefined)),
    patientNotifiedOn: optionalDate(),
    // "Patienten kunde inte informeras" (rules.notificationInsteadOfPatientRules): why, and who was told instead.
    patientNotInformed: checkbox(),
    patientNotInformedReason: text(TEXT_LIMITS.reason),
    relativeWho: text(TEXT_LIMITS.shortText),
    relativeChannel: channel().optional().or(z.literal("").transform(() => undefined)),
    relativeNotifiedOn: optionalDate(),
    message: text(TEXT_LIMITS.freeText),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, text: string) => ctx.addIssue({ code: "custom", path: [path], message: text });
    if (!v.patientNotInformed) {
      if (!v.patientChannel) issue("patientChannel", t("event.channelRequired"));
      if (!v.patientNotifiedOn) issue("patientNotifiedOn", t("event.dateRequired"));
    } else {
      if (v.patientChannel) issue("patientChannel", t("event.patientBothInformedAndNot"));
      if (!v.patientNotInformedReason) issue("patientNotInformedReason", t("event.patientNotInformedReasonRequired"));
      if (!v.relativeWho) issue("relativeWho", t("event.representativeWhoRequired"));
      if (!v.relativeChannel) issue("relativeChannel", t("event.representativeChannelRequired"));
    }
    if (v.relativeChannel && !v.relativeNotifiedOn) issue("relativeNotifiedOn", t("event.dateRequired"));
  })
  .transform((v) => ({
    entries: [
      ...(!v.patientNotInformed && v.patientChannel && v.patientNotifiedOn
        ? [{ recipient: "PATIENT" as const, channel: v.patientChannel, notifiedOn: v.patientNotifiedOn }]
        : []),
      ...(v.relativeChannel && v.relativeNotifiedOn
        ? [{ recipient: "RELATIVE" as const, channel: v.relativeChannel, notifiedOn: v.relativeNotifiedOn, who: v.relativeWho }]
        : []),
    ],
    message: v.message,
    patientNotInformed: v.patientNotInformed ? { reason: v.patientNotInformedReason ?? "" } : null,
  }));

export const EVENT_INPUT = {
  RECEIVE_REQUEST: z.object({
    channel: z.enum(["VIA_1177", "PHONE", "IN_PERSON", "LETTER"], message("event.channelRequired")),
    receivedOn: date(),
    requestText: text(TEXT_LIMITS.freeText),
  }),
  REGISTER_VISIT: z.object({ visitDate: date() }),
  ASSESS: z
    .object({ needed: yesNo(), reason: text(TEXT_LIMITS.freeText) })
    .refine((v) => v.needed || v.reason !== null, { path: ["reason"], ...message("event.reasonRequired") }),
  INFORM_PATIENT: z.object({ informedOn: date() }),
  PATIENT_DECLINED: z.object({ declinedOn: date(), comment: text(TEXT_LIMITS.freeText) }),
  PATIENT_ACCEPTED: z.object({ acceptedOn: date() }),
  APPOINT: appoint,
  NOTIFY: notify,
  CANCEL: z.object({ reason: requiredText("event.reasonRequired") }),
  REGISTER_ADMISSION: z.object({ admittedAt: instant(), expectedDischargeDate: date() }),
  SEND_REFERRAL: z.object({ toUnitId: id("event.unitRequired"), expectedDischargeDate: date() }),
  UPDATE_DISCHARGE_DATE: z.object({ expectedDischargeDate: date() }),
  RECEIVE_REFERRAL: z.object({}),
  CONFIRM_EXISTING_CONTACT: z.object({}),
  CLOSE_REQUEST: z.object({
    closingReason: z.enum(REQUEST_CLOSING_REASONS, message("event.closingReasonRequired")),
    comment: text(TEXT_LIMITS.freeText),
  }),
  MARK_READY_FOR_DISCHARGE: z.object({ readyAt: instant(), sipRequired: checkbox() }),
  CALL_SIP: z.object({ calledOn: date(), sipDate: date() }),
  ASSESS_LIFE_THREATENING: z.object({ informRelatives: checkbox(), note: text(TEXT_LIMITS.freeText) }),
  REQUEST_CHANGE: z.object({ reason: requiredText("event.reasonRequired"), informRelatives: checkbox() }),
  // Whether a next review date is needed depends on the kind of contact (rules.nextReviewDateRules):
  // the executor checks it, with the case.
  REVIEW: z.object({ needRemains: yesNo(), nextReviewDate: optionalDate(), note: text(TEXT_LIMITS.freeText) }),
  END: z.object({ reason: requiredText("event.reasonRequired") }),
  OFFER_CONTACT: z.object({ offeredOn: date() }),
  RECORD_NOT_NEEDED: z.object({ reason: requiredText("event.reasonRequired") }),
  RECEIVE_CHOICE: z.object({
    channel: z.enum(["VIA_1177", "PHONE", "IN_PERSON", "LETTER", "LISTING"], message("event.channelRequired")),
    requestedStaffMemberId: optionalId(),
    prioritised: checkbox(),
  }),
} satisfies Record<string, z.ZodType>;

export type EventType = keyof typeof EVENT_INPUT;
export const isEventType = (value: string): value is EventType => Object.hasOwn(EVENT_INPUT, value);
