-- When the patient cannot be informed (unconscious, dying), staff record why and who among the
-- relatives or legal representatives was told instead (SPEC §3.4, seed §3.3, Bilaga 1.4;
-- machines/rules.ts notificationInsteadOfPatientRules). The patient's notice then gets the status
-- NOT_POSSIBLE (an enum value: TEXT in SQLite, no schema change) with its reason.

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "toldWhom" TEXT;
ALTER TABLE "Notification" ADD COLUMN "notPossibleReason" TEXT;

-- A notice marked "could not be informed" always says why.
CREATE TRIGGER "Notification_not_possible_needs_reason_insert"
BEFORE INSERT ON "Notification"
WHEN NEW."status" = 'NOT_POSSIBLE' AND (NEW."notPossibleReason" IS NULL OR trim(NEW."notPossibleReason") = '')
BEGIN
  SELECT RAISE(ABORT, 'a notice that could not be given needs its reason');
END;

CREATE TRIGGER "Notification_not_possible_needs_reason_update"
BEFORE UPDATE ON "Notification"
WHEN NEW."status" = 'NOT_POSSIBLE' AND (NEW."notPossibleReason" IS NULL OR trim(NEW."notPossibleReason") = '')
BEGIN
  SELECT RAISE(ABORT, 'a notice that could not be given needs its reason');
END;
