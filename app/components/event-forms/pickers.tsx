import type { UseFormRegisterReturn } from "react-hook-form";
import { describedBy, FieldMessages } from "~/components/field-messages";
import { t } from "~/i18n";
import type { StaffChoice, UnitChoice } from "./choices";

type GroupProps = {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  registration: UseFormRegisterReturn;
  defaultValue?: string;
};

/** A fieldset with its hint and error announced (WCAG 1.3.1, 3.3.1). */
function Group({ id, legend, hint, error, children }: Omit<GroupProps, "registration"> & { children: React.ReactNode }) {
  return (
    <fieldset className={`field picker${error ? " field--error" : ""}`} aria-describedby={describedBy(id, hint, error)} id={id}>
      <legend>{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      {children}
    </fieldset>
  );
}

/** One radio with a short accessible name (the person or unit) and its details described. */
function Option(props: {
  groupId: string;
  value: string;
  name: string;
  disabled: boolean;
  checked: boolean;
  registration: UseFormRegisterReturn;
  details: React.ReactNode;
}) {
  const inputId = `${props.groupId}-${props.value}`;
  return (
    <li className={`picker__option${props.disabled ? " picker__option--disabled" : ""}`}>
      <input
        type="radio"
        id={inputId}
        value={props.value}
        disabled={props.disabled}
        defaultChecked={props.checked}
        aria-describedby={`${inputId}-details`}
        {...props.registration}
      />
      <div>
        <label htmlFor={inputId} className="picker__name">
          {props.name}
        </label>
        <div id={`${inputId}-details`} className="picker__details">
          {props.details}
        </div>
      </div>
    </li>
  );
}

/**
 * The people who can be appointed, eligible first with befattning, qualifications and how many
 * assignments they hold; below them the others, not selectable, each with the rules' reasons.
 */
export function StaffPicker({ people, ...group }: GroupProps & { people: StaffChoice[] }) {
  const eligible = people.filter((p) => p.eligible);
  const others = people.filter((p) => !p.eligible);
  const details = (p: StaffChoice) => (
    <>
      <span className="block">
        {p.befattning}
        {p.qualifications.length > 0 ? ` · ${p.qualifications.join(", ")}` : null}
      </span>
      <span className="block">{p.load === 1 ? t("cases.picker.assignmentsOne") : t("cases.picker.assignments", { count: p.load })}</span>
      {p.needsJustification ? <span className="block">{t("cases.picker.needsJustification")}</span> : null}
      {p.reasons.length > 0 ? (
        <ul className="picker__reasons">
          {p.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
  const list = (heading: string, rows: StaffChoice[], disabled: boolean) =>
    rows.length === 0 ? null : (
      <>
        <p className="picker__heading">{heading}</p>
        <ul className="picker__list">
          {rows.map((p) => (
            <Option
              key={p.staffMemberId}
              groupId={group.id}
              value={p.staffMemberId}
              name={p.name}
              disabled={disabled}
              checked={!disabled && group.defaultValue === p.staffMemberId}
              registration={group.registration}
              details={details(p)}
            />
          ))}
        </ul>
      </>
    );
  return (
    <Group {...group}>
      {people.length === 0 ? <p>{t("cases.picker.none")}</p> : null}
      {list(t("cases.picker.eligible"), eligible, false)}
      {list(t("cases.picker.ineligible"), others, true)}
    </Group>
  );
}

/** Units that may receive the inskrivningsmeddelande first; the others below with the reasons. */
export function UnitPicker({ units, ...group }: GroupProps & { units: UnitChoice[] }) {
  const list = (heading: string, rows: UnitChoice[], disabled: boolean) =>
    rows.length === 0 ? null : (
      <>
        <p className="picker__heading">{heading}</p>
        <ul className="picker__list">
          {rows.map((u) => (
            <Option
              key={u.unitId}
              groupId={group.id}
              value={u.unitId}
              name={u.name}
              disabled={disabled}
              checked={!disabled && group.defaultValue === u.unitId}
              registration={group.registration}
              details={
                u.reasons.length > 0 ? (
                  <ul className="picker__reasons">
                    {u.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                ) : null
              }
            />
          ))}
        </ul>
      </>
    );
  return (
    <Group {...group}>
      {units.length === 0 ? <p>{t("cases.picker.none")}</p> : null}
      {list(t("cases.picker.receiversEligible"), units.filter((u) => u.eligible), false)}
      {list(t("cases.picker.receiversIneligible"), units.filter((u) => !u.eligible), true)}
    </Group>
  );
}
