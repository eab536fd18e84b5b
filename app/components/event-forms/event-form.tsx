// One form per process event, drawn from its field description (fields.ts): a real
// <Form method="post"> that works without JavaScript, validated in the browser by
// react-hook-form with the event's zod schema (EVENT_INPUT), which the server checks again.
import { Fragment } from "react";
import { describedBy, FieldMessages } from "~/components/field-messages";
import type { UseFormRegisterReturn } from "react-hook-form";
import type { FieldValues } from "react-hook-form";
import type { z } from "zod";
import { Form } from "~/components/form";
import { TextField } from "~/components/text-field";
import type { FieldErrors } from "~/forms/parse";
import { useValidatedForm } from "~/forms/use-validated-form";
import { t } from "~/i18n";
import { EVENT_INPUT, type EventType } from "~/processes/event-input";
import type { FormChoices } from "./choices";
import { fieldsFor, type Field, type FormSetting } from "./fields";
import { NoticeHint } from "./notice-hint";
import { StaffPicker, UnitPicker } from "./pickers";

/** What the server answered to this form's last post. */
export type FormResult = { fieldErrors?: FieldErrors; reasons?: string[]; message?: string; values?: Record<string, string> };

type Props = {
  type: EventType;
  setting: FormSetting;
  choices: FormChoices;
  /** Hidden fields posted with the event (revision, process, subject…). */
  hidden: Record<string, string | number>;
  submitLabel: string;
  result?: FormResult;
  /** Extra fields before the event's own (the start page's choice of contact kind). */
  children?: React.ReactNode;
};

export function EventForm({ type, setting, choices, hidden, submitLabel, result, children }: Props) {
  const schema = EVENT_INPUT[type] as unknown as z.ZodType<FieldValues, FieldValues>;
  const { register, onSubmit, errorFor } = useValidatedForm(schema, result?.fieldErrors);
  const formId = `form-${type}`;
  const fields = fieldsFor(type, setting);
  const value = (name: string) => result?.values?.[name];
  return (
    <Form method="post" onSubmit={onSubmit} noValidate id={formId} className="event-form">
      <input type="hidden" name="type" value={type} />
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      {result?.reasons && result.reasons.length > 0 ? (
        <div className="notice notice--error" role="alert">
          <p>{t("cases.rulesHeading")}</p>
          <ul>
            {result.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      ) : result?.message ? (
        <p className="notice notice--error" role="alert">
          {result.message}
        </p>
      ) : null}
      {type === "NOTIFY" && choices.notice ? <NoticeHint notice={choices.notice} /> : null}
      {children}
      {fields.length === 0 ? <p>{t("cases.noFields")}</p> : null}
      {groupsOf(fields).map(({ legend, fields: members }) => {
        const inputs = members.map((field) => (
          <FieldInput
            key={field.name}
            field={field}
            id={`${type}-${field.name}`}
            registration={register(field.name)}
            error={errorFor(field.name)}
            defaultValue={value(field.name)}
            choices={choices}
          />
        ));
        return legend ? (
          <fieldset key={legend} className="field-group">
            <legend>{t(legend)}</legend>
            {inputs}
          </fieldset>
        ) : (
          <Fragment key={members[0].name}>{inputs}</Fragment>
        );
      })}
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}

/** Consecutive fields of the same group, in order; ungrouped fields stand alone. */
function groupsOf(fields: readonly Field[]): { legend: Field["group"]; fields: Field[] }[] {
  const groups: { legend: Field["group"]; fields: Field[] }[] = [];
  for (const field of fields) {
    const last = groups[groups.length - 1];
    if (field.group && last?.legend === field.group) last.fields.push(field);
    else groups.push({ legend: field.group, fields: [field] });
  }
  return groups;
}

type FieldProps = {
  field: Field;
  id: string;
  registration: UseFormRegisterReturn;
  error?: string;
  defaultValue?: string;
  choices: FormChoices;
};

const labelOf = (field: Field, optional: boolean | undefined) => (optional ? `${t(field.label)} ${t("cases.optional")}` : t(field.label));


function FieldInput({ field, id, registration, error, defaultValue, choices }: FieldProps) {
  const hint = field.hint ? t(field.hint) : undefined;
  switch (field.kind) {
    case "date":
      return (
        <TextField
          id={id}
          type="date"
          label={labelOf(field, field.optional)}
          hint={hint ?? t("cases.field.dateHint")}
          error={error}
          registration={registration}
          defaultValue={defaultValue ?? (field.defaultToday ? choices.today : undefined)}
        />
      );
    case "datetime":
      return (
        <TextField
          id={id}
          type="datetime-local"
          label={t(field.label)}
          hint={hint ?? t("cases.field.dateTimeHint")}
          error={error}
          registration={registration}
          defaultValue={defaultValue ?? (field.defaultNow ? choices.now : undefined)}
        />
      );
    case "text":
      return (
        <TextField
          id={id}
          label={labelOf(field, field.optional)}
          hint={hint}
          error={error}
          registration={registration}
          maxLength={field.maxLength}
          defaultValue={defaultValue}
        />
      );
    case "textarea":
      return (
        <div className={`field${error ? " field--error" : ""}`}>
          <label htmlFor={id}>{labelOf(field, field.optional)}</label>
          <FieldMessages id={id} hint={hint} error={error} />
          <textarea
            id={id}
            rows={3}
            maxLength={field.maxLength}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, hint, error)}
            defaultValue={defaultValue}
            {...registration}
          />
        </div>
      );
    case "checkbox":
      return (
        <div className={`field${error ? " field--error" : ""}`}>
          {error ? (
            <p className="field__error" id={`${id}-error`}>
              {error}
            </p>
          ) : null}
          <label className="choice" htmlFor={id}>
            <input
              type="checkbox"
              id={id}
              defaultChecked={defaultValue === "on" || defaultValue === "true"}
              aria-describedby={error ? `${id}-error` : undefined}
              {...registration}
            />
            <span>{t(field.label)}</span>
          </label>
        </div>
      );
    case "choice":
      return (
        <fieldset className={`field${error ? " field--error" : ""}`} aria-describedby={describedBy(id, hint, error)}>
          <legend>{t(field.label)}</legend>
          <FieldMessages id={id} hint={hint} error={error} />
          {field.options.map((o) => (
            <label key={o.value} className="choice" htmlFor={`${id}-${o.value}`}>
              <input type="radio" id={`${id}-${o.value}`} value={o.value} defaultChecked={defaultValue === o.value} {...registration} />
              <span>{t(o.label)}</span>
            </label>
          ))}
        </fieldset>
      );
    case "select":
    case "team":
    case "doctor": {
      const options =
        field.kind === "select"
          ? field.options.map((o) => ({ value: o.value, label: t(o.label) }))
          : field.kind === "team"
            ? choices.teams.map((team) => ({ value: team.id, label: team.name }))
            : choices.doctors.map((d) => ({ value: d.staffMemberId, label: `${d.name} (${d.befattning})` }));
      return (
        <div className={`field${error ? " field--error" : ""}`}>
          <label htmlFor={id}>{labelOf(field, true)}</label>
          <FieldMessages id={id} hint={hint} error={error} />
          <select
            id={id}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, hint, error)}
            defaultValue={defaultValue ?? ""}
            {...registration}
          >
            <option value="">{t("cases.noneChosen")}</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      );
    }
    case "staff":
      return (
        <StaffPicker
          id={id}
          legend={t(field.label)}
          hint={hint}
          error={error}
          registration={registration}
          defaultValue={defaultValue}
          people={choices.staff}
        />
      );
    case "receiver":
      return (
        <UnitPicker
          id={id}
          legend={t(field.label)}
          hint={hint}
          error={error}
          registration={registration}
          defaultValue={defaultValue}
          units={choices.receivers}
        />
      );
  }
}
