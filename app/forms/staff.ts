// The staff register's forms (add a staff member, set or clear the last day of employment).
// Shared by the browser (react-hook-form) and the server action, which adds the checks that
// need the database: a unique HSA-id, a unit the administrator administers, a known
// befattning, a last day not before the start of employment.
import { z } from "zod";
import { LEGITIMATIONS, SPECIALTIES, type Legitimation, type Specialty } from "~/domain/codes";
import { isIsoDate } from "~/domain/dates";
import { parseHsaId } from "~/domain/identifiers";
import { message, t } from "~/i18n";
import { TEXT_LIMITS } from "~/forms/text-limits";

export const NAME_MAX = TEXT_LIMITS.name;

export const LEGITIMATION_CODES = Object.keys(LEGITIMATIONS) as Legitimation[];
export const SPECIALTY_CODES = Object.keys(SPECIALTIES) as Specialty[];

/** One checkbox per legitimation and one select per specialty: plain fields that post without JavaScript. */
export const legitimationField = (code: Legitimation) => `legitimation_${code}` as const;
export const specialtyField = (code: Specialty) => `specialty_${code}` as const;

const name = (requiredKey: "staff.form.firstNameRequired" | "staff.form.lastNameRequired") =>
  z
    .string()
    .trim()
    .min(1, message(requiredKey))
    .max(NAME_MAX, message("staff.form.tooLong", { max: NAME_MAX }));

const requiredDate = z
  .string()
  .trim()
  .min(1, message("staff.form.dateRequired"))
  .refine(isIsoDate, message("staff.form.dateFormat"));

const optionalDate = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || isIsoDate(v), message("staff.form.dateFormat"))
  .transform((v) => v || null);

// A checkbox posts its value ("ja") when ticked and nothing otherwise; react-hook-form reads
// an unticked box as false.
const checkbox = z
  .union([z.string(), z.boolean()])
  .optional()
  .transform((v) => v === "ja" || v === true);

const hsaId = z
  .string()
  .trim()
  .min(1, message("staff.form.hsaIdRequired"))
  .max(TEXT_LIMITS.hsaId, message("staff.form.tooLong", { max: TEXT_LIMITS.hsaId }))
  .superRefine((value, ctx) => {
    const parsed = parseHsaId(value);
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: t(parsed.error === "identifier.empty" ? "staff.form.hsaIdRequired" : parsed.error) });
  });

/**
 * SoL 3 kap. 3 d §, transitional rule: "tillsvidareanställd med titeln undersköterska den
 * 2023-07-01?" — "ja", "nej", or not answered ("", the default): true, false, null.
 */
const onTitleDay = z
  .enum(["", "ja", "nej"], message("staff.form.onTitleDayInvalid"))
  .optional()
  .transform((v) => (v === "ja" ? true : v === "nej" ? false : null));

const specialtyStatus = z
  .enum(["", "SPECIALIST", "IN_TRAINING"], message("staff.form.specialtyInvalid"))
  .optional()
  .transform((v) => v || null);

const qualificationFields = {
  ...Object.fromEntries(LEGITIMATION_CODES.map((code) => [legitimationField(code), checkbox])),
  ...Object.fromEntries(SPECIALTY_CODES.map((code) => [specialtyField(code), specialtyStatus])),
} as Record<ReturnType<typeof legitimationField>, typeof checkbox> &
  Record<ReturnType<typeof specialtyField>, typeof specialtyStatus>;

export const addStaffSchema = z.object({
  firstName: name("staff.form.firstNameRequired"),
  middleName: z
    .string()
    .trim()
    .max(NAME_MAX, message("staff.form.tooLong", { max: NAME_MAX }))
    .optional()
    .transform((v) => v || null),
  lastName: name("staff.form.lastNameRequired"),
  hsaId,
  befattningCode: z.string().min(1, message("staff.form.befattningRequired")).max(TEXT_LIMITS.id, message("staff.form.befattningRequired")),
  careUnitId: z.string().min(1, message("staff.form.unitRequired")).max(TEXT_LIMITS.id, message("staff.form.unitRequired")),
  employmentFrom: requiredDate,
  ...qualificationFields,
  underskoterskaBevis: checkbox,
  permanentUnderskoterskaFrom: optionalDate,
  permanentUnderskoterskaOnTitleDay: onTitleDay,
});

export type AddStaffInput = z.output<typeof addStaffSchema>;

/** The qualifications of a valid form as the register stores them. */
export function qualificationsOfInput(input: AddStaffInput) {
  return {
    legitimations: LEGITIMATION_CODES.filter((code) => input[legitimationField(code)]),
    specialties: SPECIALTY_CODES.flatMap((code) => {
      const status = input[specialtyField(code)];
      return status ? [{ specialty: code, status }] : [];
    }),
  };
}

export const employmentEndSchema = z.object({
  employmentEndDate: requiredDate,
});
