// The turnover page's form: the reason and the review date are validated like the change
// case's own fields (the same schemas); the choices are one select per group and per row,
// plain fields that post without JavaScript.
import { z } from "zod";
import { EVENT_INPUT } from "~/processes/event-input";
import type { TurnoverChoices } from "~/turnover/plan";

export const turnoverFormSchema = z.object({
  reason: EVENT_INPUT.REQUEST_CHANGE.shape.reason,
  reviewDueDate: EVENT_INPUT.APPOINT.shape.reviewDueDate,
});

export const groupField = (key: string) => `group:${key}`;
export const rowField = (assignmentId: string) => `row:${assignmentId}`;
/** The new medically responsible läkare of a contact whose current one leaves (decision 018). */
export const medicalField = (assignmentId: string) => `medical:${assignmentId}`;

/** The group and row selects of the posted form, alongside the validated fields. */
export function choicesFrom(formData: FormData, fields: { reason: string; reviewDueDate: string | null }): TurnoverChoices {
  const groups: Record<string, string> = {};
  const rows: Record<string, string> = {};
  const medical: Record<string, string> = {};
  for (const [name, value] of formData) {
    if (typeof value !== "string" || !value) continue;
    if (name.startsWith("group:")) groups[name.slice("group:".length)] = value;
    else if (name.startsWith("row:")) rows[name.slice("row:".length)] = value;
    else if (name.startsWith("medical:")) medical[name.slice("medical:".length)] = value;
  }
  return { ...fields, groups, rows, medical };
}
