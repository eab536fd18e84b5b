// How the edge says no (docs/decisions/015): before Remix sees the request, so nothing is
// written. A document request gets a plain page, a data request (`.data`, `?_data=`) a line of
// text; both in the request's language, from the app's catalogs (app/edge-refusal.server.ts).
import { logPrefix } from "./request-id.mjs";

/** A request that Remix's client router sent for data rather than a page. */
export function isDataRequest(req) {
  return req.path.endsWith(".data") || new URLSearchParams(req.originalUrl.split("?")[1] ?? "").has("_data");
}

/** `refusalText(reason, cookieHeader)` is entry.server's edgeRefusalText. */
export function createRefuse(refusalText) {
  return function refuse(req, res, status, reason) {
    console.warn(`${logPrefix(res)} refused ${status} ${reason}: ${req.method} ${req.path}`);
    const { html, text } = refusalText(reason, req.get("cookie"));
    // The body of a refused post may still be arriving: do not keep the connection for it.
    res.set("Connection", "close");
    res.status(status);
    if (isDataRequest(req)) res.type("text/plain; charset=utf-8").send(text);
    else res.type("text/html; charset=utf-8").send(html);
  };
}
