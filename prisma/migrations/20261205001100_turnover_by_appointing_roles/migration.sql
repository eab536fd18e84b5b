-- Who appoints, also in staff turnover (docs/decisions/018): carrying out a turnover needs the
-- appointing right in the unit — the verksamhetschef's role or delegation (PL 6 kap. 2 §, HSF
-- 4 kap. 1–2 §§), and for a fast omsorgskontakt the enhetschef's role (SoL 4 kap. 2 b §), which
-- is not delegable. The roles that hold that right may therefore prepare and run a turnover of
-- their own unit too; the administrator still prepares, and runs on a delegation.
INSERT INTO "RolePermission" ("roleCode", "permissionCode") VALUES
  ('VERKSAMHETSCHEF', 'turnover:reassign'),
  ('ENHETSCHEF_HEMTJANST', 'turnover:reassign');

-- A fast läkarkontakt is delegable too (decision 018): the description names every delegable kind.
UPDATE "Permission" SET "description" = 'Delegera rätten att utse fast vårdkontakt, fast läkarkontakt och annan fast kontakt (HSF 4 kap. 2 §)'
WHERE "code" = 'delegate:appoint';
