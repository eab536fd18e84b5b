import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { createSession, findActiveSession, safeRedirectTarget, sessionCookieHeader } from "~/auth/session.server";
import { signIn } from "~/auth/sign-in.server";
import { Form } from "~/components/form";
import { LanguageSwitch } from "~/components/language-switch";
import { TextField } from "~/components/text-field";
import { db } from "~/db.server";
import { parseForm } from "~/forms/parse";
import { signInSchema } from "~/forms/schemas";
import { useValidatedForm } from "~/forms/use-validated-form";
import { pageTitle, t } from "~/i18n";
import { clientAddressOf } from "~/request-context.server";
import { readFormData } from "~/forms/read-form-data";
import { TEXT_LIMITS } from "~/forms/text-limits";

export const meta: MetaFunction = () => [{ title: pageTitle(t("signIn.title")) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirectTarget(url.searchParams.get("redirectTo"));
  if (await findActiveSession(db, request, new Date())) throw redirect(redirectTo);
  return {
    redirectTo,
    notice: url.searchParams.has("utloggad")
      ? t("signOut.done")
      : url.searchParams.has("redirectTo")
        ? t("signIn.sessionEnded")
        : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(await readFormData(request), signInSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, formError: null }, { status: 400 });
  const { username, password, redirectTo } = parsed.data;
  const now = new Date();
  const result = await signIn(db, { username, password, address: clientAddressOf(context) }, now);
  if (!result.ok) {
    const formError =
      result.reason === "throttled"
        ? t("signIn.throttled", { minutes: result.retryAfterMinutes })
        : t("signIn.failed");
    return data({ errors: {}, formError }, { status: result.reason === "throttled" ? 429 : 400 });
  }
  const sessionId = await createSession(db, result.userId, now);
  throw redirect(safeRedirectTarget(redirectTo), { headers: { "Set-Cookie": await sessionCookieHeader(sessionId) } });
}

export default function SignInPage() {
  const { redirectTo, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { register, onSubmit, errorFor } = useValidatedForm(signInSchema, result?.errors);
  const busy = useNavigation().state === "submitting";
  return (
    <main id="main" className="page page--narrow">
      <h1>{t("signIn.title")}</h1>
      <p>{t("signIn.intro")}</p>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {result?.formError ? (
        <p className="notice notice--error" role="alert">
          {result.formError}
        </p>
      ) : null}
      <Form method="post" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          label={t("signIn.username")}
          registration={register("username")}
          maxLength={TEXT_LIMITS.username}
          error={errorFor("username")}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField
          label={t("signIn.password")}
          type="password"
          registration={register("password")}
          maxLength={TEXT_LIMITS.password}
          error={errorFor("password")}
          autoComplete="current-password"
        />
        <button type="submit" className="button" disabled={busy}>
          {t("signIn.submit")}
        </button>
      </Form>
      {/* After the form, so that the keyboard reaches the fields first. */}
      <LanguageSwitch />
    </main>
  );
}
