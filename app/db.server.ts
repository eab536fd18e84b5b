import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";

export type Db = PrismaClient;
/** The client handed to the callback of db.$transaction(async (tx) => …). */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? "file:./prisma/dev.db";
}

export function createPrismaClient(url = databaseUrl()): PrismaClient {
  // A busy timeout so that concurrent writers queue instead of failing with SQLITE_BUSY.
  // (server/index.mjs switches the file to WAL at start-up.)
  const adapter = new PrismaBetterSqlite3({ url, timeout: 5000 });
  return new PrismaClient({ adapter });
}

declare global {
  // eslint-disable-next-line no-var
  var __prisma: PrismaClient | undefined;
}

/** The process-wide client; kept on globalThis so dev-server reloads do not leak connections. */
export const db: PrismaClient = globalThis.__prisma ?? (globalThis.__prisma = createPrismaClient());
