import { createCookie } from "@remix-run/node";
import { config } from "~/config.server";

// The cookie holds only the id of a Session row: the session lives in the database so it
// can be revoked (sign-out, disabled account) and expires on the server's terms.
export const sessionCookie = createCookie("fk_session", {
  httpOnly: true,
  sameSite: "lax",
  secure: config.production,
  path: "/",
  secrets: [config.sessionSecret],
  maxAge: config.sessionAbsoluteHours * 3600,
});
