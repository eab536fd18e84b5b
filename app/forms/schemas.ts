// One zod schema per form, shared by the browser (react-hook-form) and the server action.
import { z } from "zod";
import { message } from "~/i18n";

export const signInSchema = z.object({
  username: z.string().trim().min(1, message("signIn.usernameRequired")),
  password: z.string().min(1, message("signIn.passwordRequired")),
  redirectTo: z.string().optional(),
});

export const chooseUnitSchema = z.object({
  // "<careUnitId>|<roleCode>", the value of one radio button.
  choice: z.string().regex(/^[^|]+\|[A-Z_]+$/, message("chooseUnit.required")),
  redirectTo: z.string().optional(),
});

export const accessReasonSchema = z.object({
  reason: z.string().trim().min(5, message("patient.reasonRequired")).max(200, message("patient.reasonRequired")),
});
