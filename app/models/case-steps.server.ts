// A form post on the case page or the start page as a step for the executor, and the
// executor's answer as what the page shows: field errors next to the fields, the rules'
// reasons as a list, "not now", "changed by someone else". Nothing is written on any of these.
import { formValues } from "~/forms/parse";
import type { FieldErrors } from "~/forms/parse";
import { t } from "~/i18n";
import { reasonText } from "~/processes/reasons";
import type { StepResult } from "~/processes/dispatch.server";
import { isEventType, type EventType } from "~/processes/event-input";

/** Fields of the form that are not the event's own. */
const CONTROL_FIELDS = new Set(["type", "revision", "subjectId"]);

export type PostedStep = {
  type: EventType;
  /** The event's fields as posted (strings), also handed back to refill a form after an error. */
  values: Record<string, string>;
  form: FormData;
};

/** The event type and its fields from a posted form, or null when the post is not one of ours. */
export function readPostedStep(form: FormData): PostedStep | null {
  const type = form.get("type");
  if (typeof type !== "string" || !isEventType(type)) return null;
  // A field sent twice or as a file is not something our forms send: the step is refused (400).
  const { values: all, errors } = formValues(form);
  if (Object.keys(errors).length > 0) return null;
  const values = Object.fromEntries(Object.entries(all).filter(([key]) => !CONTROL_FIELDS.has(key)));
  return { type, values, form };
}

/** The revision the page showed ("revision" field), or null when missing or malformed. */
export function postedRevision(form: FormData): number | null {
  const value = form.get("revision");
  return typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : null;
}

export type StepFeedback = {
  type: EventType;
  values: Record<string, string>;
  fieldErrors?: FieldErrors;
  /** The rules' reasons, one sentence each. */
  reasons?: string[];
  /** Shown with the form that was sent. */
  message?: string;
  /** Shown above all forms: the case moved on, or someone else changed it. */
  pageMessage?: string;
  conflict?: boolean;
  /** The open case of the same kind that kept a new one from starting. */
  existingCaseId?: string | null;
};

/** The page's answer to a refused step, and the HTTP status that goes with it. */
export function feedbackFor(posted: PostedStep, result: Extract<StepResult, { ok: false }>): { feedback: StepFeedback; status: number } {
  const base = { type: posted.type, values: posted.values };
  switch (result.error) {
    case "invalid":
      return { feedback: { ...base, fieldErrors: result.fieldErrors, message: t("case.invalid") }, status: 400 };
    case "rules":
      return { feedback: { ...base, reasons: result.reasons.map(reasonText) }, status: 400 };
    case "conflict":
      return { feedback: { ...base, pageMessage: result.message, conflict: true }, status: 409 };
    case "forbidden":
      return { feedback: { ...base, pageMessage: result.message }, status: 403 };
    case "notFound":
      return { feedback: { ...base, pageMessage: result.message }, status: 404 };
    case "notAccepted":
    case "closed":
    case "version":
      return { feedback: { ...base, pageMessage: result.message }, status: 400 };
  }
}
