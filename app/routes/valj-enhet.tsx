import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireSignedIn, roleChoicesOf } from "~/auth/actor.server";
import { safeRedirectTarget } from "~/auth/session.server";
import { Form } from "~/components/form";
import { db } from "~/db.server";
import { parseForm } from "~/forms/parse";
import { chooseUnitSchema } from "~/forms/schemas";
import { pageTitle, t } from "~/i18n";
import { readFormData } from "~/forms/read-form-data";

export const meta: MetaFunction = () => [{ title: pageTitle(t("chooseUnit.title")) }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { session, user } = await requireSignedIn(request, db, new Date());
  const choices = await roleChoicesOf(db, user.id);
  return {
    displayName: user.displayName,
    choices,
    current: session.activeUnitId && session.activeRole ? `${session.activeUnitId}|${session.activeRole}` : null,
    redirectTo: safeRedirectTarget(new URL(request.url).searchParams.get("redirectTo")),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { session, user } = await requireSignedIn(request, db, new Date());
  const parsed = parseForm(await readFormData(request), chooseUnitSchema);
  const choices = await roleChoicesOf(db, user.id);
  const chosen = parsed.ok
    ? choices.find((c) => `${c.careUnitId}|${c.roleCode}` === parsed.data.choice)
    : undefined;
  // Only a role the user really holds can become active: the form value is not trusted.
  if (!parsed.ok || !chosen) return data({ error: t("chooseUnit.required") }, { status: 400 });
  await db.session.update({
    where: { id: session.id },
    data: { activeUnitId: chosen.careUnitId, activeRole: chosen.roleCode },
  });
  throw redirect(safeRedirectTarget(parsed.data.redirectTo));
}

export default function ChooseUnitPage() {
  const { displayName, choices, current, redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <main id="main" className="page page--narrow">
      <h1>{t("chooseUnit.title")}</h1>
      <p>
        {t("header.signedInAs")} {displayName}.
      </p>
      {choices.length === 0 ? (
        <p className="notice notice--error" role="alert">
          {t("signIn.noRoles")}
        </p>
      ) : (
        <Form method="post">
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <fieldset className={`field${result?.error ? " field--error" : ""}`} aria-describedby="choice-intro">
            <legend>{t("chooseUnit.title")}</legend>
            <p id="choice-intro" className="field__hint">
              {t("chooseUnit.intro")}
            </p>
            {result?.error ? (
              <p className="field__error" role="alert">
                {result.error}
              </p>
            ) : null}
            {choices.map((c) => {
              const value = `${c.careUnitId}|${c.roleCode}`;
              return (
                <label key={value} className="choice">
                  <input type="radio" name="choice" value={value} defaultChecked={value === current} required />
                  <span>
                    {c.unitName} – {t(`role.${c.roleCode}`)}
                  </span>
                </label>
              );
            })}
          </fieldset>
          <button type="submit" className="button">
            {t("chooseUnit.submit")}
          </button>
        </Form>
      )}
      <Form method="post" action="/logga-ut" className="sign-out-alone">
        <button type="submit" className="button button--secondary">
          {t("signOut.submit")}
        </button>
      </Form>
    </main>
  );
}
