-- Rules the database enforces itself, whatever the application code does.
-- Prisma's schema language cannot express these; they are kept out of schema.prisma on
-- purpose (docs/decisions/002-data-model.md).

-- SPEC §3 / HSL 7 kap. 3 §: at most one active fast läkarkontakt per patient.
CREATE UNIQUE INDEX "Assignment_one_active_lakarkontakt"
  ON "Assignment" ("patientId")
  WHERE "kind" = 'FAST_LAKARKONTAKT' AND "endedAt" IS NULL;

-- SPEC §3 / SoL: at most one active fast omsorgskontakt per patient and hemtjänst unit.
CREATE UNIQUE INDEX "Assignment_one_active_omsorgskontakt_per_unit"
  ON "Assignment" ("patientId", "careUnitId")
  WHERE "kind" = 'FAST_OMSORGSKONTAKT' AND "endedAt" IS NULL;

-- Seed §3.3.2: at most one active övergripande samordningsansvar per patient.
CREATE UNIQUE INDEX "Assignment_one_active_overall_coordination"
  ON "Assignment" ("patientId")
  WHERE "overallCoordination" = 1 AND "endedAt" IS NULL;

-- Seed §3.3.2: övergripande samordningsansvar needs the patient's recorded consent.
CREATE TRIGGER "Assignment_coordination_needs_consent_insert"
BEFORE INSERT ON "Assignment"
WHEN NEW."overallCoordination" = 1 AND NEW."coordinationConsentAt" IS NULL
BEGIN
  SELECT RAISE(ABORT, 'overall coordination requires the patient''s consent');
END;

CREATE TRIGGER "Assignment_coordination_needs_consent_update"
BEFORE UPDATE ON "Assignment"
WHEN NEW."overallCoordination" = 1 AND NEW."coordinationConsentAt" IS NULL
BEGIN
  SELECT RAISE(ABORT, 'overall coordination requires the patient''s consent');
END;

-- Patientdatalagen / HSLF-FS 2016:40: audit and access rows are append-only.
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
BEGIN
  SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;

CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
BEGIN
  SELECT RAISE(ABORT, 'AuditEvent is append-only');
END;

CREATE TRIGGER "AccessLog_no_update" BEFORE UPDATE ON "AccessLog"
BEGIN
  SELECT RAISE(ABORT, 'AccessLog is append-only');
END;

CREATE TRIGGER "AccessLog_no_delete" BEFORE DELETE ON "AccessLog"
BEGIN
  SELECT RAISE(ABORT, 'AccessLog is append-only');
END;
