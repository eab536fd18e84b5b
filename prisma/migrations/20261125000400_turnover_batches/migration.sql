-- CreateTable
CREATE TABLE "TurnoverBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "staffMemberId" TEXT NOT NULL,
    "createdByUserId" TEXT NOT NULL,
    "roleCode" TEXT NOT NULL,
    "careUnitId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "reviewDueDate" TEXT,
    "choices" TEXT NOT NULL,
    "plan" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "createdAt" DATETIME NOT NULL,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "effectiveAt" DATETIME,
    "failures" TEXT,
    CONSTRAINT "TurnoverBatch_staffMemberId_fkey" FOREIGN KEY ("staffMemberId") REFERENCES "StaffMember" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TurnoverBatch_createdByUserId_fkey" FOREIGN KEY ("createdByUserId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TurnoverBatch_staffMemberId_status_idx" ON "TurnoverBatch"("staffMemberId", "status");
