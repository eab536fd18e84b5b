-- The audit trail and the access log as hash chains (docs/decisions/014-tamper-evident-audit.md).
--
-- Each row carries prevHash (the hash of the row before it; the first row's is 64 zeros) and
-- hash = SHA-256 over its own columns and prevHash, computed by app/audit/chain.ts. SQLite
-- cannot compute SHA-256 itself, so the triggers check what it can check on every write — the
-- link, the order of ids and times, the form of the values — and `npm run audit:verify`
-- recomputes every hash. Rows written before this migration have no hash; `npm run db:migrate`
-- seals them in id order (scripts/audit-seal.ts), the only UPDATE these tables allow.
--
-- `at` is stored the way Prisma's SQLite adapter writes a DateTime: ISO-8601 text in UTC,
-- "2026-12-04T12:00:00.000+00:00". The triggers insist on exactly that form, so that text
-- order is time order and julianday() reads it.

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "prevHash" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "hash" TEXT;

-- AlterTable
ALTER TABLE "AccessLog" ADD COLUMN "prevHash" TEXT;
ALTER TABLE "AccessLog" ADD COLUMN "hash" TEXT;

-- CreateTable
CREATE TABLE "AuditVerification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "auditEventRows" INTEGER NOT NULL,
    "accessLogRows" INTEGER NOT NULL,
    "brokenTable" TEXT,
    "brokenId" INTEGER,
    "problem" TEXT,
    "auditEventHead" TEXT,
    "accessLogHead" TEXT
);

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AccessLog_at_idx" ON "AccessLog"("at");

-- ── AuditEvent ──────────────────────────────────────────────────────────────────
-- Every new row: ids are the app's (the last id + 1), so INSERT OR REPLACE of an existing row
-- and a row without an id (NEW."id" is -1 in a BEFORE trigger) are both refused before SQLite
-- resolves the conflict; REPLACE's implicit delete never fires delete triggers, this one fires.
CREATE TRIGGER "AuditEvent_chain_insert" BEFORE INSERT ON "AuditEvent"
BEGIN
  SELECT RAISE(ABORT, 'AuditEvent: every row carries its hash and the previous row''s hash')
  WHERE NEW."hash" IS NULL OR NEW."prevHash" IS NULL
     OR NEW."hash" NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
     OR NEW."prevHash" NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]';
  SELECT RAISE(ABORT, 'AuditEvent: the id must follow the last row''s id (an existing id or INSERT OR REPLACE is refused)')
  WHERE NEW."id" IS NOT (SELECT coalesce(max("id"), 0) + 1 FROM "AuditEvent");
  SELECT RAISE(ABORT, 'AuditEvent: prevHash is not the previous row''s hash')
  WHERE NEW."prevHash" IS NOT (CASE WHEN NEW."id" = 1 THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE (SELECT "hash" FROM "AuditEvent" WHERE "id" = NEW."id" - 1) END);
  SELECT RAISE(ABORT, 'AuditEvent: at must be UTC ISO-8601 text as the app writes it')
  WHERE typeof(NEW."at") IS NOT 'text' OR NEW."at" NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]+00:00';
  -- Back-dating: no row may be more than 60 seconds older than the newest row. The tolerance
  -- is for real concurrent writers, whose clock is read before they wait for the write lock.
  SELECT RAISE(ABORT, 'AuditEvent: back-dated row (at is earlier than the newest row)')
  WHERE julianday(NEW."at") < (SELECT julianday(max("at")) FROM "AuditEvent") - 60.0 / 86400.0;
END;

-- The one UPDATE allowed: sealing a row written before the chain existed (hash still NULL),
-- in id order, changing nothing but prevHash and hash. Everything else stays append-only.
DROP TRIGGER "AuditEvent_no_update";
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
WHEN NOT (OLD."hash" IS NULL AND NEW."id" IS OLD."id" AND NEW."at" IS OLD."at" AND NEW."userId" IS OLD."userId" AND NEW."roleCode" IS OLD."roleCode" AND NEW."careUnitId" IS OLD."careUnitId" AND NEW."delegationId" IS OLD."delegationId" AND NEW."action" IS OLD."action" AND NEW."entityType" IS OLD."entityType" AND NEW."entityId" IS OLD."entityId" AND NEW."patientId" IS OLD."patientId" AND NEW."before" IS OLD."before" AND NEW."after" IS OLD."after" AND NEW."requestId" IS OLD."requestId")
BEGIN
  SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;

CREATE TRIGGER "AuditEvent_seal" BEFORE UPDATE ON "AuditEvent"
WHEN OLD."hash" IS NULL
BEGIN
  SELECT RAISE(ABORT, 'AuditEvent: a sealed row carries its hash and the previous row''s hash')
  WHERE NEW."hash" IS NULL OR NEW."prevHash" IS NULL
     OR NEW."hash" NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]';
  SELECT RAISE(ABORT, 'AuditEvent: legacy rows are sealed in id order, each linked to the row before')
  WHERE NEW."prevHash" IS NOT (CASE WHEN OLD."id" = 1 THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE (SELECT "hash" FROM "AuditEvent" WHERE "id" = OLD."id" - 1) END);
END;

-- ── AccessLog ──────────────────────────────────────────────────────────────────
-- Every new row: ids are the app's (the last id + 1), so INSERT OR REPLACE of an existing row
-- and a row without an id (NEW."id" is -1 in a BEFORE trigger) are both refused before SQLite
-- resolves the conflict; REPLACE's implicit delete never fires delete triggers, this one fires.
CREATE TRIGGER "AccessLog_chain_insert" BEFORE INSERT ON "AccessLog"
BEGIN
  SELECT RAISE(ABORT, 'AccessLog: every row carries its hash and the previous row''s hash')
  WHERE NEW."hash" IS NULL OR NEW."prevHash" IS NULL
     OR NEW."hash" NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
     OR NEW."prevHash" NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]';
  SELECT RAISE(ABORT, 'AccessLog: the id must follow the last row''s id (an existing id or INSERT OR REPLACE is refused)')
  WHERE NEW."id" IS NOT (SELECT coalesce(max("id"), 0) + 1 FROM "AccessLog");
  SELECT RAISE(ABORT, 'AccessLog: prevHash is not the previous row''s hash')
  WHERE NEW."prevHash" IS NOT (CASE WHEN NEW."id" = 1 THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE (SELECT "hash" FROM "AccessLog" WHERE "id" = NEW."id" - 1) END);
  SELECT RAISE(ABORT, 'AccessLog: at must be UTC ISO-8601 text as the app writes it')
  WHERE typeof(NEW."at") IS NOT 'text' OR NEW."at" NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]+00:00';
  -- Back-dating: no row may be more than 60 seconds older than the newest row. The tolerance
  -- is for real concurrent writers, whose clock is read before they wait for the write lock.
  SELECT RAISE(ABORT, 'AccessLog: back-dated row (at is earlier than the newest row)')
  WHERE julianday(NEW."at") < (SELECT julianday(max("at")) FROM "AccessLog") - 60.0 / 86400.0;
END;

-- The one UPDATE allowed: sealing a row written before the chain existed (hash still NULL),
-- in id order, changing nothing but prevHash and hash. Everything else stays append-only.
DROP TRIGGER "AccessLog_no_update";
CREATE TRIGGER "AccessLog_no_update" BEFORE UPDATE ON "AccessLog"
WHEN NOT (OLD."hash" IS NULL AND NEW."id" IS OLD."id" AND NEW."at" IS OLD."at" AND NEW."userId" IS OLD."userId" AND NEW."roleCode" IS OLD."roleCode" AND NEW."careUnitId" IS OLD."careUnitId" AND NEW."consumerSystem" IS OLD."consumerSystem" AND NEW."patientId" IS OLD."patientId" AND NEW."action" IS OLD."action" AND NEW."reason" IS OLD."reason" AND NEW."requestId" IS OLD."requestId")
BEGIN
  SELECT RAISE(ABORT, 'AccessLog is append-only');
END;

CREATE TRIGGER "AccessLog_seal" BEFORE UPDATE ON "AccessLog"
WHEN OLD."hash" IS NULL
BEGIN
  SELECT RAISE(ABORT, 'AccessLog: a sealed row carries its hash and the previous row''s hash')
  WHERE NEW."hash" IS NULL OR NEW."prevHash" IS NULL
     OR NEW."hash" NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]';
  SELECT RAISE(ABORT, 'AccessLog: legacy rows are sealed in id order, each linked to the row before')
  WHERE NEW."prevHash" IS NOT (CASE WHEN OLD."id" = 1 THEN '0000000000000000000000000000000000000000000000000000000000000000' ELSE (SELECT "hash" FROM "AccessLog" WHERE "id" = OLD."id" - 1) END);
END;

-- ── AuditVerification: each run of audit:verify, append-only ──────────────────
CREATE TRIGGER "AuditVerification_no_replace" BEFORE INSERT ON "AuditVerification"
WHEN EXISTS (SELECT 1 FROM "AuditVerification" WHERE "id" = NEW."id")
BEGIN
  SELECT RAISE(ABORT, 'AuditVerification is append-only');
END;

CREATE TRIGGER "AuditVerification_no_update" BEFORE UPDATE ON "AuditVerification"
BEGIN
  SELECT RAISE(ABORT, 'AuditVerification is append-only');
END;

CREATE TRIGGER "AuditVerification_no_delete" BEFORE DELETE ON "AuditVerification"
BEGIN
  SELECT RAISE(ABORT, 'AuditVerification is append-only');
END;
