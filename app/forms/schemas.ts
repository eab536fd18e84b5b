// One zod schema per form, shared by the browser (react-hook-form) and the server action.
import { z } from "zod";
import { message } from "~/i18n";
import { TEXT_LIMITS } from "~/forms/text-limits";

export const signInSchema = z.object({
  username: z
    .string()
    .trim()
    .min(1, message("signIn.usernameRequired"))
    .max(TEXT_LIMITS.username, message("form.tooLong", { max: TEXT_LIMITS.username })),
  password: z
    .string()
    .min(1, message("signIn.passwordRequired"))
    .max(TEXT_LIMITS.password, message("form.tooLong", { max: TEXT_LIMITS.password })),
  // Judged by safeRedirectTarget; anything longer is not a path of ours.
  redirectTo: z.string().max(TEXT_LIMITS.redirectTarget).optional(),
});

export const chooseUnitSchema = z.object({
  // "<careUnitId>|<roleCode>", the value of one radio button.
  choice: z.string().max(2 * TEXT_LIMITS.id, message("chooseUnit.required")).regex(/^[^|]+\|[A-Z_]+$/, message("chooseUnit.required")),
  // Judged by safeRedirectTarget; anything longer is not a path of ours.
  redirectTo: z.string().max(TEXT_LIMITS.redirectTarget).optional(),
});

export const accessReasonSchema = z.object({
  reason: z.string().trim().min(5, message("patient.reasonRequired")).max(TEXT_LIMITS.unlockReason, message("form.tooLong", { max: TEXT_LIMITS.unlockReason })),
});
