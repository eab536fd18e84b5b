-- CreateTable
CREATE TABLE "Befattning" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "FastKontaktTyp" (
    "code" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "display" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Role" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Permission" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "description" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "RolePermission" (
    "roleCode" TEXT NOT NULL,
    "permissionCode" TEXT NOT NULL,

    PRIMARY KEY ("roleCode", "permissionCode"),
    CONSTRAINT "RolePermission_roleCode_fkey" FOREIGN KEY ("roleCode") REFERENCES "Role" ("code") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RolePermission_permissionCode_fkey" FOREIGN KEY ("permissionCode") REFERENCES "Permission" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hsaId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "organisationNumber" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "CareUnit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hsaId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "regionallyFinanced" BOOLEAN NOT NULL DEFAULT false,
    "visitingAddress" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "publicPhone" TEXT NOT NULL,
    "careToCarePhone" TEXT,
    CONSTRAINT "CareUnit_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "careUnitId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "comment" TEXT,
    "contactTimes" TEXT,
    CONSTRAINT "Team_careUnitId_fkey" FOREIGN KEY ("careUnitId") REFERENCES "CareUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContactWay" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "contactTimes" TEXT,
    "careUnitId" TEXT,
    "teamId" TEXT,
    "staffMemberId" TEXT,
    CONSTRAINT "ContactWay_careUnitId_fkey" FOREIGN KEY ("careUnitId") REFERENCES "CareUnit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ContactWay_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ContactWay_staffMemberId_fkey" FOREIGN KEY ("staffMemberId") REFERENCES "StaffMember" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StaffMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hsaId" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "middleName" TEXT,
    "lastName" TEXT NOT NULL,
    "befattningCode" TEXT NOT NULL,
    "legitimations" TEXT NOT NULL DEFAULT '',
    "underskoterskaBevis" BOOLEAN NOT NULL DEFAULT false,
    "permanentUnderskoterskaFrom" TEXT,
    "employmentEndDate" TEXT,
    "directPhone" TEXT,
    CONSTRAINT "StaffMember_befattningCode_fkey" FOREIGN KEY ("befattningCode") REFERENCES "Befattning" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StaffSpecialty" (
    "staffMemberId" TEXT NOT NULL,
    "specialty" TEXT NOT NULL,
    "status" TEXT NOT NULL,

    PRIMARY KEY ("staffMemberId", "specialty"),
    CONSTRAINT "StaffSpecialty_staffMemberId_fkey" FOREIGN KEY ("staffMemberId") REFERENCES "StaffMember" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Employment" (
    "staffMemberId" TEXT NOT NULL,
    "careUnitId" TEXT NOT NULL,
    "from" TEXT NOT NULL,

    PRIMARY KEY ("staffMemberId", "careUnitId"),
    CONSTRAINT "Employment_staffMemberId_fkey" FOREIGN KEY ("staffMemberId") REFERENCES "StaffMember" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Employment_careUnitId_fkey" FOREIGN KEY ("careUnitId") REFERENCES "CareUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TeamMember" (
    "staffMemberId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,

    PRIMARY KEY ("staffMemberId", "teamId"),
    CONSTRAINT "TeamMember_staffMemberId_fkey" FOREIGN KEY ("staffMemberId") REFERENCES "StaffMember" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Patient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "identifierKind" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "middleName" TEXT,
    "lastName" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "streetAddress" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "protectedIdentity" BOOLEAN NOT NULL DEFAULT false
);

-- CreateTable
CREATE TABLE "Listing" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "careUnitId" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT,
    CONSTRAINT "Listing_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Listing_careUnitId_fkey" FOREIGN KEY ("careUnitId") REFERENCES "CareUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HomeCareService" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "careUnitId" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT,
    "contactNotNeededReason" TEXT,
    "contactNotNeededAt" DATETIME,
    "contactNotNeededByUserId" TEXT,
    CONSTRAINT "HomeCareService_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HomeCareService_careUnitId_fkey" FOREIGN KEY ("careUnitId") REFERENCES "CareUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "HomeCareService_contactNotNeededByUserId_fkey" FOREIGN KEY ("contactNotNeededByUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CareEpisode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "careUnitId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "plannedDischargeDate" TEXT,
    CONSTRAINT "CareEpisode_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CareEpisode_careUnitId_fkey" FOREIGN KEY ("careUnitId") REFERENCES "CareUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "staffMemberId" TEXT NOT NULL,
    "careUnitId" TEXT NOT NULL,
    "teamId" TEXT,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "endReason" TEXT,
    "overallCoordination" BOOLEAN NOT NULL DEFAULT false,
    "coordinationConsentAt" DATETIME,
    "medicallyResponsibleStaffId" TEXT,
    "reviewDueDate" TEXT,
    "directPhoneVisibleToPatient" BOOLEAN NOT NULL DEFAULT false,
    "lifeThreatening" BOOLEAN NOT NULL DEFAULT false,
    "roleTitle" TEXT,
    "contactAbout" TEXT,
    "competenceJustification" TEXT,
    "externalNote" TEXT,
    "internalNote" TEXT,
    "appointedByUserId" TEXT,
    "caseId" TEXT,
    "replacesId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Assignment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Assignment_staffMemberId_fkey" FOREIGN KEY ("staffMemberId") REFERENCES "StaffMember" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Assignment_careUnitId_fkey" FOREIGN KEY ("careUnitId") REFERENCES "CareUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Assignment_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Assignment_medicallyResponsibleStaffId_fkey" FOREIGN KEY ("medicallyResponsibleStaffId") REFERENCES "StaffMember" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Assignment_appointedByUserId_fkey" FOREIGN KEY ("appointedByUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Assignment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ProcessCase" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Assignment_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "Assignment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Refusal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "careUnitId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "comment" TEXT,
    "declinedOn" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedByUserId" TEXT NOT NULL,
    "caseId" TEXT,
    CONSTRAINT "Refusal_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Refusal_careUnitId_fkey" FOREIGN KEY ("careUnitId") REFERENCES "CareUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Refusal_recordedByUserId_fkey" FOREIGN KEY ("recordedByUserId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Refusal_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ProcessCase" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProcessCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "processCode" TEXT NOT NULL,
    "machineVersion" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "contactKind" TEXT,
    "patientId" TEXT NOT NULL,
    "careUnitId" TEXT NOT NULL,
    "deadlineAt" DATETIME,
    "deadlineKind" TEXT,
    "openedAt" DATETIME NOT NULL,
    "openedByUserId" TEXT NOT NULL,
    "closedAt" DATETIME,
    "outcome" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ProcessCase_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProcessCase_careUnitId_fkey" FOREIGN KEY ("careUnitId") REFERENCES "CareUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProcessCase_openedByUserId_fkey" FOREIGN KEY ("openedByUserId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "caseId" TEXT,
    "recipient" TEXT NOT NULL DEFAULT 'PATIENT',
    "channel" TEXT,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "message" TEXT,
    "notifiedAt" DATETIME,
    "recordedByUserId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Notification_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Notification_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ProcessCase" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Notification_recordedByUserId_fkey" FOREIGN KEY ("recordedByUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DischargeReferral" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "fromUnitId" TEXT NOT NULL,
    "toUnitId" TEXT NOT NULL,
    "caseId" TEXT,
    "patientName" TEXT NOT NULL,
    "patientIdentifier" TEXT NOT NULL,
    "patientAddress" TEXT,
    "admittedAt" DATETIME NOT NULL,
    "expectedDischargeDate" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL,
    "sentByUserId" TEXT NOT NULL,
    "receivedAt" DATETIME,
    "receivedByUserId" TEXT,
    "readyForDischargeAt" DATETIME,
    CONSTRAINT "DischargeReferral_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DischargeReferral_fromUnitId_fkey" FOREIGN KEY ("fromUnitId") REFERENCES "CareUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DischargeReferral_toUnitId_fkey" FOREIGN KEY ("toUnitId") REFERENCES "CareUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DischargeReferral_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "ProcessCase" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "DischargeReferral_sentByUserId_fkey" FOREIGN KEY ("sentByUserId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DischargeReferral_receivedByUserId_fkey" FOREIGN KEY ("receivedByUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "staffMemberId" TEXT,
    "disabledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_staffMemberId_fkey" FOREIGN KEY ("staffMemberId") REFERENCES "StaffMember" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoleGrant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "careUnitId" TEXT NOT NULL,
    "roleCode" TEXT NOT NULL,
    CONSTRAINT "RoleGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RoleGrant_careUnitId_fkey" FOREIGN KEY ("careUnitId") REFERENCES "CareUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RoleGrant_roleCode_fkey" FOREIGN KEY ("roleCode") REFERENCES "Role" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Delegation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "careUnitId" TEXT NOT NULL,
    "delegatorId" TEXT NOT NULL,
    "delegateId" TEXT NOT NULL,
    "permissionCode" TEXT NOT NULL,
    "validFrom" DATETIME NOT NULL,
    "validTo" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "Delegation_careUnitId_fkey" FOREIGN KEY ("careUnitId") REFERENCES "CareUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Delegation_delegatorId_fkey" FOREIGN KEY ("delegatorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Delegation_delegateId_fkey" FOREIGN KEY ("delegateId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "activeUnitId" TEXT,
    "activeRole" TEXT,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "username" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL,
    "userId" TEXT,
    "roleCode" TEXT,
    "careUnitId" TEXT,
    "delegationId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "patientId" TEXT,
    "before" TEXT,
    "after" TEXT,
    "requestId" TEXT
);

-- CreateTable
CREATE TABLE "AccessLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL,
    "userId" TEXT,
    "roleCode" TEXT,
    "careUnitId" TEXT,
    "consumerSystem" TEXT,
    "patientId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "reason" TEXT,
    "requestId" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_hsaId_key" ON "Organisation"("hsaId");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_organisationNumber_key" ON "Organisation"("organisationNumber");

-- CreateIndex
CREATE UNIQUE INDEX "CareUnit_hsaId_key" ON "CareUnit"("hsaId");

-- CreateIndex
CREATE UNIQUE INDEX "Team_careUnitId_name_key" ON "Team"("careUnitId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "StaffMember_hsaId_key" ON "StaffMember"("hsaId");

-- CreateIndex
CREATE INDEX "Employment_careUnitId_idx" ON "Employment"("careUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "Patient_identifier_key" ON "Patient"("identifier");

-- CreateIndex
CREATE INDEX "Patient_lastName_firstName_idx" ON "Patient"("lastName", "firstName");

-- CreateIndex
CREATE INDEX "Listing_careUnitId_idx" ON "Listing"("careUnitId");

-- CreateIndex
CREATE INDEX "Listing_patientId_idx" ON "Listing"("patientId");

-- CreateIndex
CREATE INDEX "HomeCareService_careUnitId_idx" ON "HomeCareService"("careUnitId");

-- CreateIndex
CREATE INDEX "HomeCareService_patientId_idx" ON "HomeCareService"("patientId");

-- CreateIndex
CREATE INDEX "CareEpisode_careUnitId_idx" ON "CareEpisode"("careUnitId");

-- CreateIndex
CREATE INDEX "CareEpisode_patientId_idx" ON "CareEpisode"("patientId");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_replacesId_key" ON "Assignment"("replacesId");

-- CreateIndex
CREATE INDEX "Assignment_patientId_endedAt_idx" ON "Assignment"("patientId", "endedAt");

-- CreateIndex
CREATE INDEX "Assignment_staffMemberId_endedAt_idx" ON "Assignment"("staffMemberId", "endedAt");

-- CreateIndex
CREATE INDEX "Assignment_careUnitId_endedAt_idx" ON "Assignment"("careUnitId", "endedAt");

-- CreateIndex
CREATE INDEX "Refusal_patientId_idx" ON "Refusal"("patientId");

-- CreateIndex
CREATE INDEX "Refusal_careUnitId_idx" ON "Refusal"("careUnitId");

-- CreateIndex
CREATE INDEX "ProcessCase_careUnitId_status_idx" ON "ProcessCase"("careUnitId", "status");

-- CreateIndex
CREATE INDEX "ProcessCase_patientId_idx" ON "ProcessCase"("patientId");

-- CreateIndex
CREATE INDEX "Notification_patientId_idx" ON "Notification"("patientId");

-- CreateIndex
CREATE INDEX "Notification_status_idx" ON "Notification"("status");

-- CreateIndex
CREATE INDEX "DischargeReferral_toUnitId_receivedAt_idx" ON "DischargeReferral"("toUnitId", "receivedAt");

-- CreateIndex
CREATE INDEX "DischargeReferral_patientId_idx" ON "DischargeReferral"("patientId");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "User_staffMemberId_key" ON "User"("staffMemberId");

-- CreateIndex
CREATE UNIQUE INDEX "RoleGrant_userId_careUnitId_roleCode_key" ON "RoleGrant"("userId", "careUnitId", "roleCode");

-- CreateIndex
CREATE INDEX "Delegation_delegateId_idx" ON "Delegation"("delegateId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "SignInAttempt_username_at_idx" ON "SignInAttempt"("username", "at");

-- CreateIndex
CREATE INDEX "SignInAttempt_address_at_idx" ON "SignInAttempt"("address", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_patientId_at_idx" ON "AuditEvent"("patientId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_userId_at_idx" ON "AuditEvent"("userId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AccessLog_patientId_at_idx" ON "AccessLog"("patientId", "at");

-- CreateIndex
CREATE INDEX "AccessLog_userId_at_idx" ON "AccessLog"("userId", "at");
