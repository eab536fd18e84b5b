import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { clearedSessionCookieHeader, revokeSession } from "~/auth/session.server";
import { db } from "~/db.server";

export async function action({ request }: ActionFunctionArgs) {
  await revokeSession(db, request, new Date());
  throw redirect("/logga-in?utloggad=1", { headers: { "Set-Cookie": await clearedSessionCookieHeader() } });
}

// Signing out changes state, so it is a POST; a typed-in URL just goes home.
export async function loader() {
  throw redirect("/");
}
