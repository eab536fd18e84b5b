import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration } from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { ErrorPage, errorMeta } from "~/components/error-page";
import { useNonce } from "~/components/nonce";
import { currentLocale, t } from "~/i18n";
import { csrfTokenOf, requestIdOf } from "~/request-context.server";
import styles from "~/styles/app.css?url";

export const meta = errorMeta;

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  // No favicon request: a 404 for it would show up as a console error (stack-notes P9).
  { rel: "icon", href: "data:," },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  // The error page shows this id so support can find the log line. The CSRF token goes
  // into every form (components/form.tsx); this loader runs again after each submission,
  // so the page always holds the token of the current session.
  return { requestId: requestIdOf(context, request), csrfToken: csrfTokenOf(context) };
}

export function Layout({ children }: { children: ReactNode }) {
  // The Content-Security-Policy allows inline scripts only with this response's nonce.
  const nonce = useNonce();
  return (
    <html lang={currentLocale()}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("app.skipToContent")}
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  // Marks the page once React has taken it over. Until then the forms work as plain HTML;
  // the browser tests wait for the mark before typing, as a person waits for the page.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return <Outlet />;
}

export function ErrorBoundary() {
  return (
    <main id="main" className="page page--narrow">
      <ErrorPage />
    </main>
  );
}
