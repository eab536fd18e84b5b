import { Form } from "~/components/form";
import { TextField } from "~/components/text-field";
import type { FieldErrors } from "~/forms/parse";
import { accessReasonSchema } from "~/forms/schemas";
import { useValidatedForm } from "~/forms/use-validated-form";
import { t } from "~/i18n";
import { TEXT_LIMITS } from "~/forms/text-limits";

/**
 * Asked before a protected patient's data is shown (app/models/patient-access.server.ts):
 * the page's own action logs the reason and opens the page under that log row.
 */
export function AccessReasonForm({ errors }: { errors?: FieldErrors }) {
  const { register, onSubmit, errorFor } = useValidatedForm(accessReasonSchema, errors);
  return (
    <>
      <h1>{t("patient.reasonTitle")}</h1>
      <p>{t("patient.reasonIntro")}</p>
      <Form method="post" onSubmit={onSubmit} noValidate>
        <TextField label={t("patient.reason")} registration={register("reason")} error={errorFor("reason")} maxLength={TEXT_LIMITS.unlockReason} />
        <button type="submit" className="button">
          {t("patient.reasonSubmit")}
        </button>
      </Form>
    </>
  );
}
