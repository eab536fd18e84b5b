import type { InputHTMLAttributes } from "react";
import { describedBy, FieldMessages } from "~/components/field-messages";
import type { UseFormRegisterReturn } from "react-hook-form";

type Props = {
  label: string;
  hint?: string;
  error?: string;
  registration: UseFormRegisterReturn;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name">;

/** A labelled input whose hint and error are announced with it (WCAG 1.3.1, 3.3.1). */
export function TextField({ label, hint, error, registration, id, ...input }: Props) {
  const fieldId = id ?? `field-${registration.name}`;
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={fieldId}>{label}</label>
      <FieldMessages id={fieldId} hint={hint} error={error} />
      <input
        id={fieldId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error)}
        {...input}
        {...registration}
      />
    </div>
  );
}
