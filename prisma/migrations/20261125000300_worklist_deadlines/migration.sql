-- DropIndex
DROP INDEX "Assignment_careUnitId_endedAt_idx";

-- DropIndex
DROP INDEX "ProcessCase_careUnitId_status_idx";

-- AlterTable
ALTER TABLE "ProcessCase" ADD COLUMN "appointmentDueAt" DATETIME;
ALTER TABLE "ProcessCase" ADD COLUMN "referralDueAt" DATETIME;
ALTER TABLE "ProcessCase" ADD COLUMN "sipCallDueAt" DATETIME;
ALTER TABLE "ProcessCase" ADD COLUMN "subjectId" TEXT;

-- CreateIndex
CREATE INDEX "Assignment_careUnitId_endedAt_reviewDueDate_idx" ON "Assignment"("careUnitId", "endedAt", "reviewDueDate");

-- CreateIndex
CREATE INDEX "DischargeReferral_fromUnitId_readyForDischargeAt_idx" ON "DischargeReferral"("fromUnitId", "readyForDischargeAt");

-- CreateIndex
CREATE INDEX "Notification_caseId_status_idx" ON "Notification"("caseId", "status");

-- CreateIndex
CREATE INDEX "ProcessCase_careUnitId_status_deadlineAt_idx" ON "ProcessCase"("careUnitId", "status", "deadlineAt");

-- CreateIndex
CREATE INDEX "ProcessCase_status_deadlineAt_idx" ON "ProcessCase"("status", "deadlineAt");

-- CreateIndex
CREATE INDEX "ProcessCase_processCode_subjectId_status_idx" ON "ProcessCase"("processCode", "subjectId", "status");

-- Lag (2017:612): the treating läkare judges the need at admission, so a läkare on the ward
-- may send the inskrivningsmeddelande and the notices that follow it, as vårdpersonal may.
INSERT INTO "RolePermission" ("roleCode", "permissionCode") VALUES ('LAKARE', 'referral:send');
