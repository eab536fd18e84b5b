import type { ReactNode, SelectHTMLAttributes } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

type SelectProps = {
  label: string;
  hint?: string;
  error?: string;
  registration: UseFormRegisterReturn;
  children: ReactNode;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name">;

/** A labelled select whose hint and error are announced with it, like TextField (WCAG 1.3.1, 3.3.1). */
export function SelectField({ label, hint, error, registration, id, children, ...select }: SelectProps) {
  const fieldId = id ?? `field-${registration.name}`;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={fieldId}>{label}</label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      <select
        id={fieldId}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        {...select}
        {...registration}
      >
        {children}
      </select>
    </div>
  );
}

/** A group of related fields with a legend, a hint and one error for the group. */
export function FieldGroup({ legend, hint, error, id, children }: { legend: string; hint?: string; error?: string; id: string; children: ReactNode }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className={`field staff-fieldset${error ? " field--error" : ""}`} aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}
