-- HSL 7 kap. 3 a §: a patient is listed at only one primary care unit at a time. Like the
-- one-active-fast-läkarkontakt index (20261125000100_integrity_rules), the database refuses a
-- second listing itself, whatever the code that writes it. Kept out of schema.prisma on
-- purpose (docs/decisions/002-data-model.md).

-- At most one open-ended listing ("to" IS NULL) per patient.
CREATE UNIQUE INDEX "Listing_one_active_per_patient"
  ON "Listing" ("patientId")
  WHERE "to" IS NULL;

-- A listing that ends on a known date may not overlap another of the same patient either
-- (a move is written as: the old one ends the day before the new one starts). Dates are
-- "YYYY-MM-DD" text and compare correctly; an open end counts as the last possible day. Two
-- open listings are left to the unique index above, so that case fails as a unique
-- violation (P2002), like a second active fast läkarkontakt.
CREATE TRIGGER "Listing_no_overlap_insert"
BEFORE INSERT ON "Listing"
WHEN EXISTS (
  SELECT 1 FROM "Listing" AS other
  WHERE other."patientId" = NEW."patientId"
    AND other."from" <= COALESCE(NEW."to", '9999-12-31')
    AND NEW."from" <= COALESCE(other."to", '9999-12-31')
    AND NOT (NEW."to" IS NULL AND other."to" IS NULL)
)
BEGIN
  SELECT RAISE(ABORT, 'Listing: the patient is already listed at a unit for part of this period');
END;

CREATE TRIGGER "Listing_no_overlap_update"
BEFORE UPDATE OF "patientId", "from", "to" ON "Listing"
WHEN EXISTS (
  SELECT 1 FROM "Listing" AS other
  WHERE other."patientId" = NEW."patientId"
    AND other."id" <> OLD."id"
    AND other."from" <= COALESCE(NEW."to", '9999-12-31')
    AND NEW."from" <= COALESCE(other."to", '9999-12-31')
    AND NOT (NEW."to" IS NULL AND other."to" IS NULL)
)
BEGIN
  SELECT RAISE(ABORT, 'Listing: the patient is already listed at a unit for part of this period');
END;
