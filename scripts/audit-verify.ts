// `npm run audit:verify`: walks the AuditEvent and AccessLog hash chains (docs/decisions/014),
// records the outcome (shown on /logg) and exits 0 when both hold, 1 otherwise, printing the
// first broken row as "AuditEvent <id>" or "AccessLog <id>". DATABASE_URL names the database.
// A region ships the printed chain heads to storage the database's writers cannot change.
import { createPrismaClient, databaseUrl } from "~/db.server";
import { describeVerification, verifyAndRecord } from "~/audit/verify.server";

const db = createPrismaClient(databaseUrl());
try {
  const result = await verifyAndRecord(db, new Date());
  const lines = describeVerification(result);
  if (result.ok) {
    console.log(`Audit chains hold (${databaseUrl()}, ${new Date().toISOString()}).`);
    for (const line of lines) console.log(`  ${line}`);
  } else {
    console.error(`Audit chain broken (${databaseUrl()}): ${lines.join("; ")}`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
