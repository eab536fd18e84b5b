// Response headers through helmet and permissions-policy rather than by hand (finding 7 of
// issue 13; docs/decisions/015-csrf-and-server-edge.md).
import { randomBytes } from "node:crypto";
import helmet from "helmet";
import permissionsPolicy from "permissions-policy";

/**
 * A fresh nonce per response: the Content-Security-Policy admits the inline scripts Remix
 * renders (hydration data, route modules, scroll restoration) only when they carry it.
 */
export function cspNonce(_req, res, next) {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  next();
}

export function securityHeaders({ production }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // No 'unsafe-inline': an injected <script> has no nonce and does not run.
        scriptSrc: ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
        scriptSrcAttr: ["'none'"],
        // The stylesheet is a file; no style attributes or <style> elements are used.
        styleSrc: ["'self'"],
        // data: for the empty favicon (root.tsx).
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        // A form can only post here; a redirect after a post cannot leave the origin either.
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Not upgrade-insecure-requests: every URL of the app is relative, and in production
        // HSTS keeps the browser on HTTPS.
      },
    },
    // Only in production, which runs behind TLS; the browser ignores it over plain HTTP anyway.
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
  });
}

// Nothing in the product uses these; a page that is ever compromised cannot ask for them.
// Only features Chromium knows, so the header adds no warning to the console.
export const permissions = permissionsPolicy({
  features: {
    accelerometer: [],
    camera: [],
    displayCapture: [],
    geolocation: [],
    gyroscope: [],
    magnetometer: [],
    microphone: [],
    midi: [],
    payment: [],
    usb: [],
    serial: [],
    xrSpatialTracking: [],
  },
});

/** Every response that is not a static file of the build: pages and data hold patient data. */
export function noStore(_req, res, next) {
  res.set("Cache-Control", "no-store");
  next();
}
