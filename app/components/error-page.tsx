import type { MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { pageTitle, t } from "~/i18n";
import type { loader as rootLoader } from "~/root";

function explain(error: unknown) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status === 404) return { status, title: t("error.notFound.title"), body: t("error.notFound.body") };
  if (status === 403) return { status, title: t("error.forbidden.title"), body: t("error.forbidden.body") };
  if (status === 413) return { status, title: t("error.payloadTooLarge.title"), body: t("error.payloadTooLarge.body") };
  if (status === 415) {
    return { status, title: t("error.unsupportedMediaType.title"), body: t("error.unsupportedMediaType.body") };
  }
  if (status >= 400 && status < 500) return { status, title: t("error.badRequest.title"), body: t("error.badRequest.body") };
  return { status, title: t("error.unexpected.title"), body: t("error.unexpected.body") };
}

/** The page title while an error page is shown (for routes whose boundary renders it). */
export const errorMeta: MetaFunction = ({ error }) =>
  error ? [{ title: pageTitle(explain(error).title) }] : [];

/** The one error page: 403 and 404 explain themselves; anything else shows the request id. */
export function ErrorPage() {
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const { status, title, body } = explain(useRouteError());
  return (
    <section className="error-page" aria-labelledby="error-title">
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
