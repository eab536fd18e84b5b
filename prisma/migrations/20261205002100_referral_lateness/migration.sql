-- Lateness of the inskrivningsmeddelande (lag 2017:612: within 24 hours of admission, or of an
-- assessment made 24 hours or more after it; issue "the law, round two" item 8, decision 019).
--
-- The message records the deadline it was due by and whether it was sent after it. Both are
-- written by the executor from rules.ts (referralDeadline, referralSentLate) in the step that
-- sends it; the compliance measure "inskrivningsmeddelanden skickade för sent" counts them per
-- ward (fromUnitId) and month of the deadline.

-- AlterTable
ALTER TABLE "DischargeReferral" ADD COLUMN "dueAt" DATETIME;
ALTER TABLE "DischargeReferral" ADD COLUMN "sentLate" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "DischargeReferral_fromUnitId_dueAt_idx" ON "DischargeReferral"("fromUnitId", "dueAt");

-- Messages sent before this migration: the same rule, from the admission on the message and the
-- assessment in its case's snapshot. Prisma's SQLite adapter stores DateTime as ISO-8601 text in
-- UTC ("…T07:00:00.000+00:00"); strftime writes the same form, so the texts compare exactly.
UPDATE "DischargeReferral"
SET "dueAt" = (
  SELECT strftime('%Y-%m-%dT%H:%M:%f+00:00',
    CASE
      WHEN json_extract(c."snapshot", '$.context.assessedAt') IS NULL
        OR strftime('%Y-%m-%dT%H:%M:%f+00:00', json_extract(c."snapshot", '$.context.assessedAt'))
           < strftime('%Y-%m-%dT%H:%M:%f+00:00', "DischargeReferral"."admittedAt", '+24 hours')
      THEN "DischargeReferral"."admittedAt"
      ELSE json_extract(c."snapshot", '$.context.assessedAt')
    END, '+24 hours')
  FROM "ProcessCase" c WHERE c."id" = "DischargeReferral"."caseId"
)
WHERE "caseId" IS NOT NULL;

UPDATE "DischargeReferral"
SET "sentLate" = strftime('%Y-%m-%dT%H:%M:%f+00:00', "sentAt") > "dueAt"
WHERE "dueAt" IS NOT NULL;
