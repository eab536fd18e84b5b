import { isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { t } from "~/i18n";
import type { loader as rootLoader } from "~/root";

/** The one error page: 403 and 404 explain themselves; anything else shows the request id. */
export function ErrorPage() {
  const error = useRouteError();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404
      ? [t("error.notFound.title"), t("error.notFound.body")]
      : status === 403
        ? [t("error.forbidden.title"), t("error.forbidden.body")]
        : [t("error.unexpected.title"), t("error.unexpected.body")];
  return (
    <section className="error-page" aria-labelledby="error-title">
      <title>{`${title} – ${t("app.name")}`}</title>
      <h1 id="error-title">{title}</h1>
      <p>{body}</p>
      {status >= 500 && root?.requestId ? (
        <p>
          {t("error.requestId")}: <code>{root.requestId}</code>
        </p>
      ) : null}
      <p>
        <Link to="/">{t("error.home")}</Link>
      </p>
    </section>
  );
}
