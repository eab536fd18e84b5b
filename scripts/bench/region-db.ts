// A region-size database for benchmarks: the project's schema (every migration, with its
// reference data and integrity triggers) and ~40 units, ~2,500 staff, 100,000 patients and
// 150,000+ active fixed contacts, among them one leaving sjuksköterska with
// `leaverAssignments` fasta vårdkontakter. Written with better-sqlite3 directly — the Prisma
// client would take minutes — in the representation the app's Prisma adapter uses
// (sqlite-rows.ts). Deterministic for a given seed and `today`.
import bcrypt from "bcryptjs";
import Database from "better-sqlite3";
import { readFileSync, readdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { EMPTY_HEAD, extendChain } from "~/audit/chain";
import { isoDateInStockholm } from "~/domain/dates";
import { DEFAULT_DEMO_PASSWORD } from "../../prisma/demo/users";
import { createRandom } from "../../prisma/demo/random";
import { createClock } from "./region-clock";
import { buildContacts } from "./region-contacts";
import { buildPatients } from "./region-patients";
import { ADMIN_USER_ID, LEAVER_ID, buildStaff } from "./region-staff";
import { LEAVER_UNIT_ID, buildUnits } from "./region-units";
import { insertRows, type Row } from "./sqlite-rows";

export type RegionOptions = {
  /** Active fasta vårdkontakter of the leaver, all at the leaver's unit (default 5,000). */
  leaverAssignments?: number;
  /** Patients in the region (default 100,000). */
  patients?: number;
  /** The date the data is built around, "YYYY-MM-DD" (default: today in Stockholm). */
  today?: string;
  seed?: number;
};

export type RegionDatabase = {
  /** The leaving sjuksköterska (StaffMember.id); last day of employment a few days ahead. */
  leaverId: string;
  /** The leaver's vårdcentral. */
  unitId: string;
  /** A user with the ADMINISTRATOR role at the leaver's unit (password: the demo password). */
  adminUserId: string;
  /** The teams of the leaver's unit. */
  teamIds: string[];
  /** Patients, active assignments and staff members of the whole region. */
  counts: { patients: number; assignments: number; staff: number };
};

const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
// A fixed salt keeps the file deterministic; the hash still verifies with bcrypt.compare.
const PASSWORD_SALT = "$2b$10$fastakontakterbenchsal";

/** Applies every migration in name order, as `prisma migrate deploy` would (without its bookkeeping table). */
function applyMigrations(db: Database.Database): void {
  const names = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const name of names) db.exec(readFileSync(`${MIGRATIONS_DIR}/${name}/migration.sql`, "utf8"));
}

export function buildRegionDatabase(file: string, options: RegionOptions = {}): RegionDatabase {
  const started = performance.now();
  const leaverAssignments = options.leaverAssignments ?? 5_000;
  const today = options.today ?? isoDateInStockholm(new Date());
  const random = createRandom(options.seed ?? 4_711);
  const clock = createClock();

  const { rows: unitRows, units } = buildUnits(random);
  const { rows: staffRows, staff } = buildStaff(units, today, bcrypt.hashSync(DEFAULT_DEMO_PASSWORD, PASSWORD_SALT), random);
  const { rows: patientRows, patients } = buildPatients(options.patients ?? 100_000, units, leaverAssignments, today, clock, random);
  const contacts = buildContacts({ units, staff, patients, leaverAssignments, today, clock, random });

  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  const db = new Database(file);
  try {
    // A throw-away file while it is built: no journal, no fsync, foreign keys checked once at
    // the end. The Assignment triggers make every INSERT keep a statement journal; in a temp
    // file that costs ~35 µs a row (5 s of the build), in memory almost nothing.
    db.pragma("journal_mode = OFF");
    db.pragma("synchronous = OFF");
    db.pragma("foreign_keys = OFF");
    db.pragma("cache_size = -262144");
    db.pragma("temp_store = MEMORY");
    applyMigrations(db);
    const tables: [string, readonly Row[]][] = [
      ["Organisation", unitRows.organisations],
      ["CareUnit", unitRows.units],
      ["Team", unitRows.teams],
      ["ContactWay", unitRows.contactWays],
      ["StaffMember", staffRows.staff],
      ["StaffSpecialty", staffRows.specialties],
      ["Employment", staffRows.employments],
      ["TeamMember", staffRows.teamMembers],
      ["User", staffRows.users],
      ["RoleGrant", staffRows.roleGrants],
      ["Patient", patientRows.patients],
      ["Listing", patientRows.listings],
      ["HomeCareService", patientRows.homeCareServices],
      ["CareEpisode", patientRows.careEpisodes],
      ["Assignment", contacts.assignments],
      ["Notification", contacts.notifications],
      // The audit trail is a hash chain in time order (docs/decisions/014).
      ["AuditEvent", extendChain("AuditEvent", EMPTY_HEAD, [...contacts.auditEvents].sort((a, b) => a.at.getTime() - b.at.getTime())).rows],
    ];
    db.transaction(() => {
      for (const [table, rows] of tables) insertRows(db, table, rows);
    })();
    const broken = db.pragma("foreign_key_check") as unknown[];
    if (broken.length > 0) throw new Error(`${broken.length} rows break a foreign key, e.g. ${JSON.stringify(broken[0])}`);
    // The app runs in WAL mode (server/index.mjs); the mode is stored in the file.
    db.pragma("journal_mode = WAL");
  } catch (error) {
    db.close();
    rmSync(file, { force: true });
    throw error;
  }
  db.close();

  const active = contacts.assignments.filter((a) => a.endedAt === null).length;
  const result: RegionDatabase = {
    leaverId: LEAVER_ID,
    unitId: LEAVER_UNIT_ID,
    adminUserId: ADMIN_USER_ID,
    teamIds: units.find((u) => u.id === LEAVER_UNIT_ID)!.teamIds,
    counts: { patients: patients.length, assignments: active, staff: staff.length },
  };
  console.error(
    `region database ${file}: ${units.length} units, ${staff.length} staff, ${patients.length} patients, ` +
      `${active} active assignments (${contacts.assignments.length} in all, ${leaverAssignments} of the leaver), ` +
      `${contacts.notifications.length} notifications, ${contacts.auditEvents.length} audit events; ` +
      `today ${today}; ${Math.round(performance.now() - started)} ms`,
  );
  return result;
}
