-- API keys scoped to one care giver and a set of services (issue 13 finding 8, decision 016).
--
-- Keys made before this migration were region-wide and nobody can say afterwards which care
-- giver each was meant for, so every key still active is revoked here with the reason
-- "legacy-unscoped", which the key page shows. The triggers of 20261125000500_api_keys stay:
-- a revoked key stays revoked, a key's hash and prefix never change, no key is deleted, and
-- now also a key's care giver and services never change.

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN "revocationReason" TEXT;
ALTER TABLE "ApiKey" ADD COLUMN "organisationId" TEXT REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ApiKey" ADD COLUMN "services" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "ApiKey_organisationId_idx" ON "ApiKey"("organisationId");

-- Revoke the legacy keys (before the trigger below, which would refuse a change of scope).
-- Prisma's SQLite adapter stores DateTime as ISO-8601 text in UTC; write the same form.
UPDATE "ApiKey"
SET "revokedAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'),
    "revocationReason" = 'legacy-unscoped'
WHERE "revokedAt" IS NULL;

-- A key's scope is fixed at creation, like its hash.
DROP TRIGGER "ApiKey_revocation_is_final";
CREATE TRIGGER "ApiKey_revocation_is_final" BEFORE UPDATE ON "ApiKey"
WHEN OLD."revokedAt" IS NOT NULL OR NEW."hash" <> OLD."hash" OR NEW."prefix" <> OLD."prefix"
  OR NEW."organisationId" IS NOT OLD."organisationId" OR NEW."services" <> OLD."services"
BEGIN
  SELECT RAISE(ABORT, 'ApiKey: a revoked key stays revoked and a key never changes');
END;

-- A new key must name its care giver and at least one service.
CREATE TRIGGER "ApiKey_scoped" BEFORE INSERT ON "ApiKey"
WHEN NEW."organisationId" IS NULL OR NEW."services" = ''
BEGIN
  SELECT RAISE(ABORT, 'ApiKey: a key belongs to one care giver and names its services');
END;
