// The demo users, one per role (SPEC §2), and the one delegation (HSF 4 kap. 2 §). This file
// has no runtime dependency on Prisma so that the README and the browser tests can import it.
import type { RoleCode } from "~/domain/permissions";
import { UNIT_NAMES, type UnitKey } from "./units";

/** Used when DEMO_PASSWORD is not set, and only outside production (see seed.ts). */
export const DEFAULT_DEMO_PASSWORD = "fastakontakter";

export type DemoUsername = "verksamhetschef" | "sjukskoterska" | "lakare" | "enhetschef" | "administrator" | "delegat";

type DemoUserSpec = {
  username: DemoUsername;
  role: RoleCode;
  /** The staff member the user is (StaffMember.id "demo-staff-<key>"). */
  staffKey: string;
  displayName: string;
  units: UnitKey[];
};

const REGION_UNITS: UnitKey[] = ["vcNorrsjo", "vcHamnstaden", "avd12", "avd7", "onkologi"];

const SPECS: DemoUserSpec[] = [
  { username: "verksamhetschef", role: "VERKSAMHETSCHEF", staffKey: "karin-lindqvist", displayName: "Karin Lindqvist", units: ["vcNorrsjo"] },
  // Two units, so she must choose one after signing in.
  { username: "sjukskoterska", role: "VARDPERSONAL", staffKey: "sara-nilsson", displayName: "Sara Nilsson", units: ["vcNorrsjo", "avd12"] },
  { username: "lakare", role: "LAKARE", staffKey: "anders-berglund", displayName: "Anders Berglund", units: ["vcNorrsjo"] },
  { username: "enhetschef", role: "ENHETSCHEF_HEMTJANST", staffKey: "annika-holmgren", displayName: "Annika Holmgren", units: ["hemtjanstCentrum"] },
  // Every unit of Region Norrsjö (Läkarhuset Hammarvik belongs to a private vårdgivare).
  { username: "administrator", role: "ADMINISTRATOR", staffKey: "helena-strand", displayName: "Helena Strand", units: REGION_UNITS },
  // Appoints fasta vårdkontakter on the verksamhetschef's behalf (see DEMO_DELEGATION).
  { username: "delegat", role: "VARDPERSONAL", staffKey: "ahmed-hassan", displayName: "Ahmed Hassan", units: ["vcNorrsjo"] },
];

export const demoUserId = (username: DemoUsername) => `demo-user-${username}`;

export type DemoUser = DemoUserSpec & { id: string; unitNames: string[] };

/** The demo users with their role and the names of the units where they hold it. */
export const DEMO_USERS: readonly DemoUser[] = SPECS.map((s) => ({
  ...s,
  id: demoUserId(s.username),
  unitNames: s.units.map((u) => UNIT_NAMES[u]),
}));

export const DEMO_DELEGATION = {
  id: "demo-delegation-vc-norrsjo-appoint-fvk",
  unit: "vcNorrsjo" as UnitKey,
  delegator: "verksamhetschef" as DemoUsername,
  delegate: "delegat" as DemoUsername,
  permissionCode: "appoint:fast-vardkontakt",
  /** Valid from this many days before today, until further notice. */
  validForDaysBefore: 200,
};

/**
 * The verksamhetschef of Vårdcentralen Norrsjö lets the administrator carry out staff turnover
 * there (HSF 4 kap. 2 §): appointing the replacements is the verksamhetschef's, and an
 * administrator runs a turnover only on a delegation (docs/decisions/018). A fast
 * omsorgskontakt is not delegable: the enhetschef in hemtjänsten reassigns those.
 */
export const DEMO_TURNOVER_DELEGATIONS = (["appoint:fast-vardkontakt", "appoint:fast-lakarkontakt", "appoint:annan-fast-kontakt"] as const).map(
  (permissionCode) => ({
    id: `demo-delegation-vc-norrsjo-turnover-${permissionCode.slice("appoint:".length)}`,
    unit: "vcNorrsjo" as UnitKey,
    delegator: "verksamhetschef" as DemoUsername,
    delegate: "administrator" as DemoUsername,
    permissionCode,
    validForDaysBefore: 200,
  }),
);
