// CSRF tokens with csrf-csrf (double-submit cookie, docs/decisions/015): the token is an HMAC
// over a random value and the session, kept in an httpOnly cookie and repeated by every form
// (hidden input `csrf`) or by a script (header `x-csrf-token`). A request counts only if the
// two agree and the HMAC holds for the session the request carries.
import { createHmac, randomBytes } from "node:crypto";
import { doubleCsrf } from "csrf-csrf";

/** The session cookie (app/auth/cookie.server.ts): a token is bound to its value. */
const SESSION_COOKIE = "fk_session";
export const CSRF_FIELD = "csrf";
export const CSRF_HEADER = "x-csrf-token";

/**
 * `secret`: the server's secret (SESSION_SECRET); a key of its own is derived from it.
 * `secure`: production; the cookies are then Secure and `__Host-` prefixed, so a sibling
 * subdomain cannot plant them (cookie tossing).
 */
export function createCsrf({ secret, secure }) {
  const prefix = secure ? "__Host-" : "";
  const visitorCookie = `${prefix}fk_visitor`;
  const cookieOptions = { sameSite: "lax", secure, httpOnly: true, path: "/" };
  const key = createHmac("sha256", secret).update("fasta-kontakter csrf token").digest("hex");

  /**
   * Whom the token belongs to: the session when signed in (so a new session, after sign-in,
   * needs a new token), else an anonymous visitor id, so the sign-in form is protected too
   * (login CSRF). Empty when the request carries neither: no token is valid then.
   */
  const sessionIdentifier = (req) => req.cookies[SESSION_COOKIE] || req.visitorId || req.cookies[visitorCookie] || "";

  const { generateCsrfToken, validateRequest } = doubleCsrf({
    getSecret: () => key,
    getSessionIdentifier: sessionIdentifier,
    cookieName: `${prefix}fk_csrf`,
    cookieOptions,
    // Either the header or the form field, never one as a fallback for a broken other: a
    // request that sends the header is judged by the header alone.
    getCsrfTokenFromRequest: (req) => (req.get(CSRF_HEADER) !== undefined ? req.get(CSRF_HEADER) : req.formFields?.get(CSRF_FIELD)),
  });

  return {
    /** True when the request proves it comes from a page we served to this browser and session. */
    isValid(req) {
      return sessionIdentifier(req) !== "" && validateRequest(req);
    },
    /**
     * The token for the page being answered: the cookie's own while it still fits the
     * session, else a new one (a new cookie goes with the response). A first-time visitor
     * gets an anonymous id here.
     */
    issue(req, res) {
      if (!req.cookies[SESSION_COOKIE] && !req.cookies[visitorCookie]) {
        req.visitorId = randomBytes(32).toString("base64url");
        res.cookie(visitorCookie, req.visitorId, cookieOptions);
      }
      return generateCsrfToken(req, res);
    },
  };
}
