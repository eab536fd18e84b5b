// Part of `npm run db:migrate`: seals audit and access-log rows written before the hash chain
// existed (app/audit/seal.server.ts). Nothing to do on a new or already sealed database.
import { createPrismaClient, databaseUrl } from "~/db.server";
import { sealLegacyRows } from "~/audit/seal.server";

const db = createPrismaClient(databaseUrl());
try {
  const sealed = await sealLegacyRows(db);
  if (sealed.AuditEvent + sealed.AccessLog > 0) {
    console.log(`Sealed rows written before the audit chain: ${sealed.AuditEvent} AuditEvent, ${sealed.AccessLog} AccessLog.`);
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
