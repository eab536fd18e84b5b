// Production server: the Remix build behind Express, on 127.0.0.1:${PORT:-3000}.
// Express rather than remix-serve so that every request gets an id (logged with any
// unexpected error and written on audit rows) and so that sign-in throttling sees the
// client's address.
import { randomUUID } from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import Database from "better-sqlite3";
import express from "express";

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

const app = express();
app.disable("x-powered-by");
// Behind a hospital's reverse proxy, set TRUST_PROXY so req.ip is the client's address.
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);

app.use((req, res, next) => {
  const incoming = req.get("x-request-id");
  res.locals.requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
  res.set({
    "x-request-id": res.locals.requestId,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
  });
  next();
});
app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
app.use(express.static("build/client", { maxAge: "1h" }));
const handleRemix = createRequestHandler({
  build,
  mode: process.env.NODE_ENV,
  getLoadContext: (req, res) => ({ requestId: res.locals.requestId, clientAddress: req.ip ?? "unknown" }),
});
// Loaders, actions and the render all answer in the language of the `lang` cookie.
app.all("*", (req, res, next) => build.entry.module.withRequestLocale(req.get("cookie"), () => handleRemix(req, res, next)));

app.listen(port, host, () => {
  console.log(`Fasta kontakter listening on http://${host}:${port}`);
});
