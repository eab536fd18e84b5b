// What each process event asks the user for, as a description the one form renderer
// (event-form.tsx) draws. The names are the fields of the event's zod schema in
// app/processes/event-input.ts, which validates them in the browser and again on the server.
import type { MessageKey } from "~/i18n";
import type { EventType } from "~/processes/event-input";
import type { ContactKind, ProcessCode } from "../../../machines/rules";
import { TEXT_LIMITS } from "~/forms/text-limits";

/** What the form is about: some fields apply only to some processes or kinds of contact. */
export type FormSetting = { process: ProcessCode; contactKind: ContactKind | null };
type When = (setting: FormSetting) => boolean;

type Option = { value: string; label: MessageKey };
/** `group`: consecutive fields with the same group are drawn in one fieldset with this legend. */
type Base = { name: string; label: MessageKey; hint?: MessageKey; when?: When; group?: MessageKey };

export type Field = Base &
  (
    | { kind: "date"; optional?: boolean; defaultToday?: boolean }
    | { kind: "datetime"; defaultNow?: boolean }
    | { kind: "text"; optional?: boolean; maxLength: number }
    | { kind: "textarea"; optional?: boolean; maxLength: number }
    | { kind: "checkbox" }
    /** Radio buttons, one of which must be chosen. */
    | { kind: "choice"; options: readonly Option[] }
    /** A list with an empty first choice ("none"). */
    | { kind: "select"; options: readonly Option[] }
    /** The people who can be appointed: eligible first, the others with their reasons. */
    | { kind: "staff" }
    /** Units that may receive an inskrivningsmeddelande. */
    | { kind: "receiver" }
    /** The unit's teams. */
    | { kind: "team" }
    /** A läkare at the unit, or none. */
    | { kind: "doctor" }
  );

const channels = (values: readonly string[]): Option[] => values.map((value) => ({ value, label: `cases.channel.${value}` as MessageKey }));
const yesNo: Option[] = [
  { value: "yes", label: "cases.yes" },
  { value: "no", label: "cases.no" },
];

const isVardkontakt: When = ({ contactKind }) => contactKind === "FAST_VARDKONTAKT";
const isAnnan: When = ({ contactKind }) => contactKind === "ANNAN_FAST_KONTAKT";
const isLakarkontakt: When = ({ contactKind }) => contactKind === "FAST_LAKARKONTAKT";
// A change keeps the övergripande samordningsansvar and its consent (dispatch.server.ts).
const isChange: When = ({ process }) => process === "CHANGE";
const mayCoordinate: When = (s) => isVardkontakt(s) && s.process !== "CHANGE";

const reason = (label: MessageKey, maxLength: number = TEXT_LIMITS.reason): Field => ({ name: "reason", kind: "textarea", label, maxLength });

export const EVENT_FIELDS: Record<EventType, readonly Field[]> = {
  RECEIVE_REQUEST: [
    { name: "channel", kind: "choice", label: "cases.field.channelRequest", options: channels(["VIA_1177", "PHONE", "IN_PERSON", "LETTER"]) },
    { name: "receivedOn", kind: "date", label: "cases.field.receivedOn", defaultToday: true },
    { name: "requestText", kind: "textarea", label: "cases.field.requestText", optional: true, maxLength: TEXT_LIMITS.freeText },
  ],
  REGISTER_VISIT: [{ name: "visitDate", kind: "date", label: "cases.field.visitDate", defaultToday: true }],
  ASSESS: [
    { name: "needed", kind: "choice", label: "cases.field.needed", options: yesNo },
    { name: "reason", kind: "textarea", label: "cases.field.reason", hint: "cases.field.reasonHintNoNeed", optional: true, maxLength: TEXT_LIMITS.freeText },
  ],
  INFORM_PATIENT: [{ name: "informedOn", kind: "date", label: "cases.field.informedOn", defaultToday: true }],
  PATIENT_DECLINED: [
    { name: "declinedOn", kind: "date", label: "cases.field.declinedOn", defaultToday: true },
    { name: "comment", kind: "textarea", label: "cases.field.comment", optional: true, maxLength: TEXT_LIMITS.freeText },
  ],
  PATIENT_ACCEPTED: [{ name: "acceptedOn", kind: "date", label: "cases.field.acceptedOn", defaultToday: true }],
  APPOINT: [
    { name: "staffMemberId", kind: "staff", label: "cases.field.staffMemberId", hint: "cases.field.staffHint" },
    { name: "roleTitle", kind: "text", label: "cases.field.roleTitle", maxLength: TEXT_LIMITS.shortText, when: isAnnan },
    { name: "contactAbout", kind: "text", label: "cases.field.contactAbout", maxLength: TEXT_LIMITS.mediumText, when: isAnnan },
    { name: "competenceJustification", kind: "textarea", label: "cases.field.competenceJustification", optional: true, maxLength: TEXT_LIMITS.freeText, when: isLakarkontakt },
    { name: "teamId", kind: "team", label: "cases.field.teamId" },
    // A new contact needs a review date (rules.reviewDateRules); a replacement keeps the one it replaces unless a new one is given.
    // A fast läkarkontakt needs none (rules.reviewDateRequiredFor): the field is optional.
    { name: "reviewDueDate", kind: "date", label: "cases.field.reviewDueDate", hint: "cases.field.reviewDueDateHintNew", when: (s) => s.process !== "CHANGE" && !isLakarkontakt(s) },
    { name: "reviewDueDate", kind: "date", label: "cases.field.reviewDueDate", hint: "cases.field.reviewDueDateHintLakare", optional: true, when: (s) => s.process !== "CHANGE" && isLakarkontakt(s) },
    { name: "reviewDueDate", kind: "date", label: "cases.field.reviewDueDate", hint: "cases.field.reviewDueDateHint", optional: true, when: isChange },
    { name: "directPhoneVisibleToPatient", kind: "checkbox", label: "cases.field.directPhoneVisibleToPatient" },
    { name: "overallCoordination", kind: "checkbox", label: "cases.field.overallCoordination", when: mayCoordinate },
    { name: "coordinationConsentDate", kind: "date", label: "cases.field.coordinationConsentDate", optional: true, when: mayCoordinate },
    { name: "medicallyResponsibleStaffId", kind: "doctor", label: "cases.field.medicallyResponsibleStaffId", when: isVardkontakt },
    { name: "externalNote", kind: "textarea", label: "cases.field.externalNote", optional: true, maxLength: TEXT_LIMITS.externalNote },
    { name: "internalNote", kind: "textarea", label: "cases.field.internalNote", optional: true, maxLength: TEXT_LIMITS.freeText },
  ],
  NOTIFY: [
    { name: "patientChannel", kind: "choice", label: "cases.field.patientChannel", options: channels(["VIA_1177", "LETTER", "PHONE", "IN_PERSON"]), group: "cases.group.patient" },
    { name: "patientNotifiedOn", kind: "date", label: "cases.field.patientNotifiedOn", defaultToday: true, group: "cases.group.patient" },
    // "Patienten kunde inte informeras" (rules.notificationInsteadOfPatientRules): why, then who was told instead.
    { name: "patientNotInformed", kind: "checkbox", label: "cases.field.patientNotInformed", group: "cases.group.patientNotInformed" },
    { name: "patientNotInformedReason", kind: "textarea", label: "cases.field.patientNotInformedReason", hint: "cases.field.patientNotInformedReasonHint", maxLength: TEXT_LIMITS.reason, group: "cases.group.patientNotInformed" },
    { name: "relativeWho", kind: "text", label: "cases.field.relativeWho", hint: "cases.field.relativeWhoHint", maxLength: TEXT_LIMITS.shortText, group: "cases.group.relative" },
    { name: "relativeChannel", kind: "select", label: "cases.field.relativeChannel", options: channels(["LETTER", "PHONE", "IN_PERSON", "VIA_1177"]), group: "cases.group.relative" },
    { name: "relativeNotifiedOn", kind: "date", label: "cases.field.relativeNotifiedOn", optional: true, group: "cases.group.relative" },
    { name: "message", kind: "textarea", label: "cases.field.message", optional: true, maxLength: TEXT_LIMITS.freeText },
  ],
  CANCEL: [reason("cases.field.cancelReason")],
  REGISTER_ADMISSION: [
    { name: "admittedAt", kind: "datetime", label: "cases.field.admittedAt", defaultNow: true },
    { name: "expectedDischargeDate", kind: "date", label: "cases.field.expectedDischargeDate" },
  ],
  SEND_REFERRAL: [
    { name: "toUnitId", kind: "receiver", label: "cases.field.toUnitId", hint: "cases.field.toUnitHint" },
    { name: "expectedDischargeDate", kind: "date", label: "cases.field.expectedDischargeDate" },
  ],
  UPDATE_DISCHARGE_DATE: [{ name: "expectedDischargeDate", kind: "date", label: "cases.field.expectedDischargeDate" }],
  RECEIVE_REFERRAL: [],
  CONFIRM_EXISTING_CONTACT: [],
  CLOSE_REQUEST: [
    { name: "closingReason", kind: "choice", label: "cases.field.closingReason", hint: "cases.field.closingReasonHint", options: [
      { value: "WITHDRAWN", label: "cases.closingReason.WITHDRAWN" },
      { value: "DIED", label: "cases.closingReason.DIED" },
      { value: "MOVED_AWAY", label: "cases.closingReason.MOVED_AWAY" },
    ] },
    { name: "comment", kind: "textarea", label: "cases.field.comment", optional: true, maxLength: TEXT_LIMITS.freeText },
  ],
  MARK_READY_FOR_DISCHARGE: [
    { name: "readyAt", kind: "datetime", label: "cases.field.readyAt", defaultNow: true },
    { name: "sipRequired", kind: "checkbox", label: "cases.field.sipRequired" },
  ],
  CALL_SIP: [
    { name: "calledOn", kind: "date", label: "cases.field.calledOn", defaultToday: true },
    { name: "sipDate", kind: "date", label: "cases.field.sipDate" },
  ],
  ASSESS_LIFE_THREATENING: [
    { name: "informRelatives", kind: "checkbox", label: "cases.field.informRelatives" },
    { name: "note", kind: "textarea", label: "cases.field.note", optional: true, maxLength: TEXT_LIMITS.freeText },
  ],
  REQUEST_CHANGE: [reason("cases.field.changeReason"), { name: "informRelatives", kind: "checkbox", label: "cases.field.informRelatives" }],
  REVIEW: [
    { name: "needRemains", kind: "choice", label: "cases.field.needRemains", options: yesNo },
    { name: "nextReviewDate", kind: "date", label: "cases.field.nextReviewDate", optional: true },
    { name: "note", kind: "textarea", label: "cases.field.note", optional: true, maxLength: TEXT_LIMITS.freeText },
  ],
  END: [reason("cases.field.endReason")],
  OFFER_CONTACT: [{ name: "offeredOn", kind: "date", label: "cases.field.offeredOn", defaultToday: true }],
  RECORD_NOT_NEEDED: [reason("cases.field.notNeededReason")],
  RECEIVE_CHOICE: [
    { name: "channel", kind: "choice", label: "cases.field.channelChoice", options: channels(["VIA_1177", "PHONE", "IN_PERSON", "LETTER", "LISTING"]) },
    { name: "requestedStaffMemberId", kind: "doctor", label: "cases.field.requestedStaffMemberId" },
    { name: "prioritised", kind: "checkbox", label: "cases.field.prioritised" },
  ],
};

export const fieldsFor = (type: EventType, setting: FormSetting) => EVENT_FIELDS[type].filter((f) => !f.when || f.when(setting));
