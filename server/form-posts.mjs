// The edge every state-changing request passes before Remix (docs/decisions/015): it must come
// from our own page (Origin, Sec-Fetch-Site), be a form (content type), be of a form's size,
// parse, and carry the CSRF token. Each refusal is a 4xx with a message, and nothing is written.
import express from "express";

/**
 * The largest body a form of ours may send. The biggest real one is the staff-turnover form:
 * a hundred row choices a page plus choices carried from other pages, about 60 bytes each, so
 * 256 kB holds some 4,000 hand-made choices; every free-text field is far shorter.
 */
export const BODY_LIMIT = "256kb";

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** The consumer APIs: API keys in a header, no cookies, so no CSRF; they read their own bodies. */
const API_PATHS = /^\/(riv|fhir)(\/|$)/;

/**
 * The path as Remix will see it (remix-handler.mjs builds its URL the same way): the URL
 * parser resolves dot segments, so /fhir/../logga-ut is /logga-ut and no API path.
 */
const remixPath = (req) => new URL(`http://edge.invalid${req.originalUrl}`).pathname;

export function isApiRequest(req) {
  return API_PATHS.test(remixPath(req));
}

export function isCheckedRequest(req) {
  return !SAFE_METHODS.has(req.method) && !isApiRequest(req);
}

/**
 * Our own origin: PUBLIC_ORIGIN when set (behind a proxy that rewrites Host), else the scheme
 * and Host of the request (the browser sets Host, so a forged page cannot choose it).
 */
function ownOrigin(req, publicOrigin) {
  if (publicOrigin) return publicOrigin;
  try {
    return new URL(`${req.protocol}://${req.get("host")}`).origin;
  } catch {
    return null;
  }
}

function comesFromElsewhere(req, publicOrigin) {
  const site = req.get("sec-fetch-site");
  if (site !== undefined && site !== "same-origin") return true;
  const origin = req.get("origin");
  return origin !== undefined && origin !== ownOrigin(req, publicOrigin);
}

const mediaType = (req) => (req.get("content-type") ?? "").split(";")[0].trim().toLowerCase();

// Reads the whole body into a Buffer (req.body) up to the limit; a compressed body is refused,
// as no browser compresses a form and inflating is work an attacker would choose the size of.
const readBody = express.raw({ type: () => true, limit: BODY_LIMIT, inflate: false });

const bodyErrorStatus = (error) =>
  error.type === "entity.too.large" ? [413, "tooLarge"] : error.type === "encoding.unsupported" ? [415, "contentType"] : [400, "badBody"];

/** The fields of a buffered form body, parsed as Remix will parse them; throws when broken. */
async function parseForm(contentType, body) {
  const request = new Request("http://form.invalid/", { method: "POST", headers: { "content-type": contentType }, body });
  return request.formData();
}

/**
 * Middleware for a state-changing request. On success `res.locals.formBody` holds the
 * buffered body (the request stream is used up) for the Remix adapter.
 */
export function checkFormPost({ csrf, refuse, publicOrigin }) {
  return (req, res, next) => {
    if (comesFromElsewhere(req, publicOrigin)) return refuse(req, res, 403, "foreignOrigin");
    if (!FORM_TYPES.has(mediaType(req))) return refuse(req, res, 415, "contentType");
    readBody(req, res, async (error) => {
      if (error) {
        const [status, reason] = bodyErrorStatus(error);
        return refuse(req, res, status, reason);
      }
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      try {
        req.formFields = await parseForm(req.get("content-type"), body);
      } catch {
        return refuse(req, res, 400, "badBody");
      }
      if (!csrf.isValid(req)) return refuse(req, res, 403, "csrf");
      res.locals.formBody = body;
      next();
    });
  };
}
