import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { safeRedirectTarget } from "~/auth/session.server";
import { config } from "~/config.server";
import { isLocale } from "~/i18n";
import { localeCookieHeader } from "~/i18n/locale.server";
import { readFormData } from "~/forms/read-form-data";

// The language switch: remembers the choice in a cookie and goes back to the same page.
export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const lang = form.get("lang");
  const back = safeRedirectTarget(form.get("redirectTo"));
  if (!isLocale(lang)) throw redirect(back);
  throw redirect(back, { headers: { "Set-Cookie": localeCookieHeader(lang, config.production) } });
}

// A typed-in URL just goes home.
export async function loader() {
  throw redirect("/");
}
