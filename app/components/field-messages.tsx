/** The ids a field's aria-describedby names: its hint and its error, where shown. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/**
 * A field's hint and error, above the control, with the ids `describedBy` names, so that a
 * screen reader reads both with the field (WCAG 1.3.1, 3.3.1). Every form uses this one.
 */
export function FieldMessages({ id, hint, error }: { id: string; hint?: string | null; error?: string | null }) {
  return (
    <>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}
