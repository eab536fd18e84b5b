import type { ReactNode, SelectHTMLAttributes } from "react";
import { describedBy, FieldMessages } from "~/components/field-messages";
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
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={fieldId}>{label}</label>
      <FieldMessages id={fieldId} hint={hint} error={error} />
      <select
        id={fieldId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
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
  return (
    <fieldset className={`field staff-fieldset${error ? " field--error" : ""}`} aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      {children}
    </fieldset>
  );
}
