import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireActor, requirePermission } from "~/auth/actor.server";
import { Form } from "~/components/form";
import { FieldGroup, SelectField } from "~/components/staff-fields";
import { TextField } from "~/components/text-field";
import { db } from "~/db.server";
import { LEGITIMATIONS, SPECIALTIES } from "~/domain/codes";
import { isoDateInStockholm } from "~/domain/dates";
import { parseForm, type FieldErrors } from "~/forms/parse";
import {
  addStaffSchema,
  LEGITIMATION_CODES,
  legitimationField,
  NAME_MAX,
  SPECIALTY_CODES,
  specialtyField,
} from "~/forms/staff";
import { useValidatedForm } from "~/forms/use-validated-form";
import { pageTitle, t } from "~/i18n";
import { addStaffMember, befattningar, managedUnits, staffScope } from "~/models/staff.server";
import { readFormData } from "~/forms/read-form-data";
import { TEXT_LIMITS } from "~/forms/text-limits";

export const meta: MetaFunction = () => [{ title: pageTitle(t("staff.form.title")) }];

async function requireManager(request: Request, context: unknown) {
  const actor = await requireActor(request, context);
  requirePermission(actor, "staff:manage");
  return actor;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireManager(request, context);
  const [codes, units] = await Promise.all([befattningar(db), managedUnits(db, staffScope(actor))]);
  return { befattningar: codes, units, activeUnitId: actor.unit.id, today: isoDateInStockholm(new Date()) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireManager(request, context);
  const formData = await readFormData(request);
  // What was typed goes back with the errors, so a form posted without JavaScript keeps it.
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") values[key] = value.slice(0, 200);
  const parsed = parseForm(formData, addStaffSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const result = await addStaffMember(db, actor, parsed.data, new Date());
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  throw redirect(`/personal/${result.value.id}?tillagd=1`);
}

export default function AddStaffPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const serverErrors: FieldErrors | undefined = result?.errors;
  const values = result?.values ?? {};
  const { register, onSubmit, errorFor } = useValidatedForm(addStaffSchema, serverErrors);
  const busy = useNavigation().state === "submitting";
  const text = (name: string, fallback = "") => values[name] ?? fallback;
  return (
    <>
      <p>
        <Link to="/personal">{t("staff.detail.back")}</Link>
      </p>
      <h1>{t("staff.form.title")}</h1>
      <p>{t("staff.form.intro")}</p>
      {serverErrors ? (
        <p className="notice notice--error" role="alert">
          {t("case.invalid")}
        </p>
      ) : null}
      <Form method="post" onSubmit={onSubmit} noValidate className="staff-form">
        <FieldGroup legend={t("staff.form.identity")} id="identity">
          <TextField
            label={t("staff.form.firstName")}
            registration={register("firstName")}
            error={errorFor("firstName")}
            defaultValue={text("firstName")}
            autoComplete="off"
            maxLength={NAME_MAX}
          />
          <TextField
            label={t("staff.form.middleName")}
            registration={register("middleName")}
            error={errorFor("middleName")}
            defaultValue={text("middleName")}
            autoComplete="off"
            maxLength={NAME_MAX}
          />
          <TextField
            label={t("staff.form.lastName")}
            registration={register("lastName")}
            error={errorFor("lastName")}
            defaultValue={text("lastName")}
            autoComplete="off"
            maxLength={NAME_MAX}
          />
          <TextField
            label={t("staff.form.hsaId")}
            hint={t("staff.form.hsaIdHint")}
            registration={register("hsaId")}
            error={errorFor("hsaId")}
            defaultValue={text("hsaId")}
            autoComplete="off"
            spellCheck={false}
            maxLength={TEXT_LIMITS.hsaId}
          />
        </FieldGroup>

        <FieldGroup legend={t("staff.form.employment")} id="employment">
          <SelectField
            label={t("staff.form.befattning")}
            hint={t("staff.form.befattningHint")}
            registration={register("befattningCode")}
            error={errorFor("befattningCode")}
            defaultValue={text("befattningCode")}
          >
            <option value="">{t("staff.form.befattningChoose")}</option>
            {page.befattningar.map((b) => (
              <option key={b.code} value={b.code}>
                {b.name} ({b.code})
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("staff.form.unit")}
            registration={register("careUnitId")}
            error={errorFor("careUnitId")}
            defaultValue={text("careUnitId", page.activeUnitId)}
          >
            <option value="">{t("staff.form.unitChoose")}</option>
            {page.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <TextField
            type="date"
            label={t("staff.form.employmentFrom")}
            hint={t("staff.form.dateHint")}
            registration={register("employmentFrom")}
            error={errorFor("employmentFrom")}
            defaultValue={text("employmentFrom", page.today)}
          />
        </FieldGroup>

        <FieldGroup legend={t("staff.form.legitimations")} hint={t("staff.form.legitimationsHint")} id="legitimations">
          <div className="staff-choices">
            {LEGITIMATION_CODES.map((code) => {
              const name = legitimationField(code);
              return (
                <label key={code} className="choice">
                  <input type="checkbox" value="ja" defaultChecked={values[name] === "ja"} {...register(name)} />
                  <span>{LEGITIMATIONS[code]}</span>
                </label>
              );
            })}
          </div>
        </FieldGroup>

        <FieldGroup legend={t("staff.form.specialties")} hint={t("staff.form.specialtiesHint")} id="specialties">
          <div className="staff-specialties">
            {SPECIALTY_CODES.map((code) => {
              const name = specialtyField(code);
              return (
                <SelectField key={code} label={SPECIALTIES[code]} registration={register(name)} error={errorFor(name)} defaultValue={text(name)}>
                  <option value="">{t("staff.form.specialty.none")}</option>
                  <option value="SPECIALIST">{t("staff.form.specialty.SPECIALIST")}</option>
                  <option value="IN_TRAINING">{t("staff.form.specialty.IN_TRAINING")}</option>
                </SelectField>
              );
            })}
          </div>
        </FieldGroup>

        <FieldGroup legend={t("staff.form.underskoterska")} id="underskoterska">
          <label className="choice">
            <input type="checkbox" value="ja" defaultChecked={values.underskoterskaBevis === "ja"} {...register("underskoterskaBevis")} />
            <span>{t("staff.form.underskoterskaBevis")}</span>
          </label>
          <TextField
            type="date"
            label={t("staff.form.permanentFrom")}
            hint={t("staff.form.permanentFromHint")}
            registration={register("permanentUnderskoterskaFrom")}
            error={errorFor("permanentUnderskoterskaFrom")}
            defaultValue={text("permanentUnderskoterskaFrom")}
          />
        </FieldGroup>

        {/* SoL 3 kap. 3 d §, transitional rule: the fact itself, not derived from a start date. */}
        <FieldGroup
          legend={t("staff.form.onTitleDay")}
          hint={t("staff.form.onTitleDayHint")}
          error={errorFor("permanentUnderskoterskaOnTitleDay")}
          id="permanentUnderskoterskaOnTitleDay"
        >
          {(
            [
              ["ja", t("staff.form.onTitleDay.ja")],
              ["nej", t("staff.form.onTitleDay.nej")],
              ["", t("staff.form.onTitleDay.unknown")],
            ] as const
          ).map(([value, label]) => (
            <label key={value || "unknown"} className="choice" htmlFor={`permanentUnderskoterskaOnTitleDay-${value || "unknown"}`}>
              <input
                type="radio"
                id={`permanentUnderskoterskaOnTitleDay-${value || "unknown"}`}
                value={value}
                defaultChecked={text("permanentUnderskoterskaOnTitleDay") === value}
                {...register("permanentUnderskoterskaOnTitleDay")}
              />
              <span>{label}</span>
            </label>
          ))}
        </FieldGroup>

        <div className="staff-form__actions">
          <button type="submit" className="button" disabled={busy}>
            {t("staff.form.submit")}
          </button>
          <Link to="/personal">{t("staff.form.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
