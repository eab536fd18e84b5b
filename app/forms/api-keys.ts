// The API-key page's form: the name of the consumer system (the access log shows it for every
// call made with the key), the care giver whose contacts the key reads, and the services it
// may call (decision 016). Shared by the browser (react-hook-form) and the server action; the
// server checks again that the care giver is one the administrator administers.
import { z } from "zod";
import type { ApiService } from "~/api/services";
import { message, t } from "~/i18n";
import { TEXT_LIMITS } from "~/forms/text-limits";

export const API_KEY_NAME_MAX = TEXT_LIMITS.apiKeyName;

/** One checkbox per service; the field names the page and the tests post. */
export const SERVICE_FIELDS = { GetCareManagers: "serviceGetCareManagers", FhirCareTeam: "serviceFhirCareTeam" } as const satisfies Record<ApiService, string>;

// A checkbox posts its value ("ja") when ticked and nothing otherwise; react-hook-form reads
// an unticked box as false.
const checkbox = z
  .union([z.string().max(TEXT_LIMITS.id), z.boolean()])
  .optional()
  .transform((v) => v === "ja" || v === true);

export const createApiKeySchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, message("apiKeys.create.nameRequired"))
      .max(API_KEY_NAME_MAX, message("apiKeys.create.nameTooLong", { max: API_KEY_NAME_MAX })),
    careGiverId: z
      .string(message("apiKeys.create.careGiverRequired"))
      .min(1, message("apiKeys.create.careGiverRequired"))
      .max(TEXT_LIMITS.id, message("apiKeys.create.careGiverRequired")),
    [SERVICE_FIELDS.GetCareManagers]: checkbox,
    [SERVICE_FIELDS.FhirCareTeam]: checkbox,
  })
  .transform((v, ctx) => {
    const services = (Object.keys(SERVICE_FIELDS) as ApiService[]).filter((s) => v[SERVICE_FIELDS[s]]);
    if (services.length === 0) {
      ctx.addIssue({ code: "custom", path: ["services"], message: t("apiKeys.create.servicesRequired") });
      return z.NEVER;
    }
    return { name: v.name, careGiverId: v.careGiverId, services };
  });
