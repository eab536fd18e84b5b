-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "createdByUserId" TEXT NOT NULL,
    "revokedAt" DATETIME,
    "revokedByUserId" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- A key is never deleted and its hash never changes; revoking it is final (decision 012).
CREATE TRIGGER "ApiKey_no_delete" BEFORE DELETE ON "ApiKey"
BEGIN
  SELECT RAISE(ABORT, 'ApiKey rows are kept: revoke the key instead');
END;

CREATE TRIGGER "ApiKey_revocation_is_final" BEFORE UPDATE ON "ApiKey"
WHEN OLD."revokedAt" IS NOT NULL OR NEW."hash" <> OLD."hash" OR NEW."prefix" <> OLD."prefix"
BEGIN
  SELECT RAISE(ABORT, 'ApiKey: a revoked key stays revoked and a key never changes');
END;
