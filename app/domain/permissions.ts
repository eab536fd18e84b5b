// The one vocabulary of permissions. Which role holds which permission is reference data
// in the database (inserted by migration 20261125000200_reference_data) so that an
// administrator can audit it; tests/integration/permissions.test.ts keeps the two in step.

export const ROLES = [
  "VERKSAMHETSCHEF",
  "VARDPERSONAL",
  "LAKARE",
  "ENHETSCHEF_HEMTJANST",
  "ADMINISTRATOR",
] as const;
export type RoleCode = (typeof ROLES)[number];

export const PERMISSIONS = [
  "patient:read",
  "case:start",
  "case:document",
  "refusal:record",
  "notification:record",
  "referral:send",
  "referral:receive",
  "assess:life-threatening",
  "appoint:fast-vardkontakt",
  "appoint:fast-lakarkontakt",
  "appoint:fast-omsorgskontakt",
  "appoint:annan-fast-kontakt",
  "assignment:end",
  "delegate:appoint",
  "compliance:read",
  "staff:manage",
  "turnover:reassign",
  "audit:read",
  "apikey:manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Permissions a verksamhetschef may hand to a named user (HSF 4 kap. 2 §): appointing every
 * health-care contact, a fast läkarkontakt included (docs/decisions/018). Not a fast
 * omsorgskontakt: that is the enhetschef's under SoL (machines/rules.ts DELEGABLE_KINDS).
 */
export const DELEGABLE: readonly Permission[] = ["appoint:fast-vardkontakt", "appoint:fast-lakarkontakt", "appoint:annan-fast-kontakt"];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

export function isRoleCode(value: string): value is RoleCode {
  return (ROLES as readonly string[]).includes(value);
}

/** What the signed-in user may do in the active unit: from the role plus any delegations. */
export type Grant = {
  roleCode: RoleCode;
  careUnitId: string;
  permissions: ReadonlySet<Permission>;
  /** Set when a permission comes from a delegation rather than the role; audit names both. */
  delegationIds: Partial<Record<Permission, string>>;
};

export function can(grant: Pick<Grant, "permissions"> | null | undefined, permission: Permission): boolean {
  return grant?.permissions.has(permission) ?? false;
}
