import { useLocation } from "@remix-run/react";
import { Form } from "~/components/form";
import { currentLocale, t } from "~/i18n";

/**
 * Swedish by default, English on request. A full page load (reloadDocument) so that the
 * whole page, the browser's own texts included, changes language at once; works without
 * JavaScript.
 */
export function LanguageSwitch() {
  const location = useLocation();
  const other = currentLocale() === "sv" ? "en" : "sv";
  return (
    <Form method="post" action="/sprak" reloadDocument className="language-switch">
      <input type="hidden" name="lang" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className="button button--link" lang={other}>
        {t(other === "en" ? "language.toEnglish" : "language.toSwedish")}
      </button>
    </Form>
  );
}
