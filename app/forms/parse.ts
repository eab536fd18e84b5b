import type { z } from "zod";
import { t } from "~/i18n";

export type FieldErrors = Partial<Record<string, string>>;

export type FormParse<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Validates submitted form data with the same zod schema the browser used. Values stay
 * strings, exactly as a form posted without JavaScript sends them.
 */
export function parseForm<S extends z.ZodType>(formData: FormData, schema: S): FormParse<z.output<S>> {
  const { values, errors } = formValues(formData);
  const parsed = parseValues(values, schema);
  if (Object.keys(errors).length === 0) return parsed;
  // A field sent twice or as a file is the sender's mistake, told next to that field.
  return { ok: false, errors: { ...(parsed.ok ? {} : parsed.errors), ...errors } };
}

/**
 * A form's fields as single strings. Our forms send each field once and as text; a field
 * sent twice (which value would count?) or as a file upload is an error on that field,
 * never silently the last value and never an exception.
 */
export function formValues(formData: FormData): { values: Record<string, string>; errors: FieldErrors } {
  const values: Record<string, string> = {};
  const errors: FieldErrors = {};
  for (const [key, value] of formData) {
    if (typeof value !== "string") errors[key] = t("form.notText");
    else if (key in values) errors[key] = t("form.duplicateField");
    else values[key] = value;
  }
  return { values, errors };
}

/** The same for values already read from a form, with the first message per field. */
export function parseValues<S extends z.ZodType>(values: Record<string, unknown>, schema: S): FormParse<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
