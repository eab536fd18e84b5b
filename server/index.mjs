// Production server: the Remix build behind Express, on 127.0.0.1:${PORT:-3000}.
// Express rather than remix-serve so that every request gets an id (logged with any
// unexpected error and written on audit rows), so that sign-in throttling sees the client's
// address, and so that one edge in front of Remix sets the security headers and refuses
// forged or malformed posts before any route runs (docs/decisions/005 and 015).
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import cookieParser from "cookie-parser";
import express from "express";
import { createCsrf } from "./csrf.mjs";
import { checkFormPost, isApiRequest, isCheckedRequest } from "./form-posts.mjs";
import { createRefuse } from "./refusal.mjs";
import { createRemixHandler } from "./remix-handler.mjs";
import { logPrefix, requestIds } from "./request-id.mjs";
import { cspNonce, noStore, permissions, securityHeaders } from "./security-headers.mjs";

// The database must exist (npm run setup); WAL lets readers go on while a write commits.
// The mode is stored in the file, so setting it once at start-up is enough.
const databaseFile = (process.env.DATABASE_URL ?? "file:./prisma/dev.db").replace(/^file:/, "");
try {
  const sqlite = new Database(databaseFile, { fileMustExist: true });
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
} catch (error) {
  console.error(`Cannot open the database ${databaseFile}: ${error.message}. Run \`npm run setup\` first.`);
  process.exit(1);
}

const build = await import("../build/server/index.js");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const production = process.env.NODE_ENV === "production";
// Our origin as the browser sees it, when a proxy in front changes Host (see form-posts.mjs).
const publicOrigin = process.env.PUBLIC_ORIGIN ? new URL(process.env.PUBLIC_ORIGIN).origin : null;
// Without SESSION_SECRET the app signs sessions with a random secret per process
// (app/config.server.ts); the CSRF key then changes at restart as the sessions do.
const csrf = createCsrf({ secret: process.env.SESSION_SECRET ?? randomBytes(32).toString("hex"), secure: production });
const refuse = createRefuse(build.entry.module.edgeRefusalText);

const app = express();
app.disable("x-powered-by");
// Behind a hospital's reverse proxy, set TRUST_PROXY so req.ip is the client's address.
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);

app.use(requestIds);
app.use(cspNonce, securityHeaders({ production }), permissions);
// A path whose percent-escapes are not UTF-8 names no page of ours, and Remix's router throws
// on it (a 500): answer 400 first.
app.use((req, res, next) => {
  try {
    decodeURIComponent(req.path);
  } catch {
    return refuse(req, res, 400, "badUrl");
  }
  next();
});
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
// Everything below is dynamic.
app.use(noStore, cookieParser());
const formPost = checkFormPost({ csrf, refuse, publicOrigin });
app.use((req, res, next) => (isCheckedRequest(req) ? formPost(req, res, next) : next()));
// Pages get the token for their forms; the consumer APIs have no forms and no cookies.
app.use((req, res, next) => {
  if (!isApiRequest(req)) res.locals.csrfToken = csrf.issue(req, res);
  next();
});

const handleRemix = createRemixHandler({
  build,
  mode: process.env.NODE_ENV,
  getLoadContext: (req, res) => ({
    requestId: res.locals.requestId,
    clientRequestId: res.locals.clientRequestId,
    clientAddress: req.ip ?? "unknown",
    csrfToken: res.locals.csrfToken,
    cspNonce: res.locals.cspNonce,
  }),
});
// Loaders, actions and the render all answer in the language of the `lang` cookie.
app.all("*", (req, res, next) => build.entry.module.withRequestLocale(req.get("cookie"), () => handleRemix(req, res, next)));

// Anything that escapes the handlers: logged with the request id, answered without details.
app.use((error, req, res, _next) => {
  console.error("%s", `${logPrefix(res)} ${req.method} ${req.path}`, error);
  if (!res.headersSent) res.status(500).type("text/plain; charset=utf-8").send("Internt fel.\n");
  else res.end();
});

app.listen(port, host, () => {
  console.log(`Fasta kontakter listening on http://${host}:${port}`);
});
