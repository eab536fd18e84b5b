// Seeds the demo region "Region Norrsjö" (prisma/demo/). Run with `vite-node seed.ts` or
// `prisma db seed`. Safe to run again: it only creates what is missing.
//
//   DATABASE_URL   default file:./prisma/dev.db
//   DEMO_PASSWORD  password of every demo user; defaults to "fastakontakter" outside
//                  production, and must be set when NODE_ENV=production.
import { createPrismaClient, databaseUrl } from "~/db.server";
import { isoDateInStockholm } from "~/domain/identifiers";
import { seedDemoRegion } from "./prisma/demo/region";
import { DEFAULT_DEMO_PASSWORD, DEMO_USERS } from "./prisma/demo/users";

const password = process.env.DEMO_PASSWORD || (process.env.NODE_ENV === "production" ? null : DEFAULT_DEMO_PASSWORD);
if (password === null) {
  console.error("DEMO_PASSWORD must be set when NODE_ENV=production; the default demo password is only for development.");
  process.exit(1);
}

const url = databaseUrl();
const today = isoDateInStockholm(new Date());
const db = createPrismaClient(url);
const started = performance.now();
try {
  const { counts, created } = await seedDemoRegion(db, { today, password });
  const createdTotal = Object.values(created).reduce((a, b) => a + b, 0);
  console.log(`Region Norrsjö seeded into ${url} (today ${today}) in ${Math.round(performance.now() - started)} ms.`);
  console.log(
    `  ${counts.careUnit} units, ${counts.staffMember} staff, ${counts.patient} patients, ${counts.assignment} assignments, ` +
      `${counts.processCase} cases, ${counts.auditEvent} audit events; ${createdTotal === 0 ? "nothing new" : `${createdTotal} rows created`}.`,
  );
  console.log(`  Demo users (password ${process.env.DEMO_PASSWORD ? "from DEMO_PASSWORD" : `"${password}"`}):`);
  for (const u of DEMO_USERS) console.log(`    ${u.username.padEnd(16)} ${u.role.padEnd(21)} ${u.unitNames.join("; ")}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
