import type { z } from "zod";

export type FieldErrors = Partial<Record<string, string>>;

export type FormParse<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Validates submitted form data with the same zod schema the browser used. Values stay
 * strings, exactly as a form posted without JavaScript sends them.
 */
export function parseForm<S extends z.ZodType>(formData: FormData, schema: S): FormParse<z.output<S>> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") values[key] = value;
  return parseValues(values, schema);
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
