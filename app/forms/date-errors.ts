// The dates of a form that cannot be true (machines/date-plausibility.ts), as field errors:
// one Swedish (or English) sentence per field, shown next to it like any other field error.
import { isoDateInStockholm } from "~/domain/dates";
import type { FieldErrors } from "~/forms/parse";
import { reasonText } from "~/processes/reasons";
import { datePlausibility, type DateFacts } from "../../machines/date-plausibility";

/** The first reason of each field whose date cannot be true; empty when all can. */
export function implausibleDateErrors(values: Readonly<Record<string, unknown>>, facts: DateFacts): FieldErrors {
  return Object.fromEntries(Object.entries(datePlausibility(values, facts)).map(([field, [reason]]) => [field, reasonText(reason)]));
}

/** The facts of a form that is about no patient and no case (the staff register, a turnover). */
export function factsAt(now: Date): DateFacts {
  return { today: isoDateInStockholm(now), now: now.toISOString(), birthDate: null, caseOpenedOn: null };
}
