// The API-key page's form: the name of the consumer system, which the access log shows for
// every call made with the key. Shared by the browser (react-hook-form) and the server action.
import { z } from "zod";
import { message } from "~/i18n";
import { TEXT_LIMITS } from "~/forms/text-limits";

export const API_KEY_NAME_MAX = TEXT_LIMITS.apiKeyName;

export const createApiKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, message("apiKeys.create.nameRequired"))
    .max(API_KEY_NAME_MAX, message("apiKeys.create.nameTooLong", { max: API_KEY_NAME_MAX })),
});
