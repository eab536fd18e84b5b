// Opening one patient's data from a page about that patient (the patient page, "Så ser
// patienten det på 1177"): the same three steps everywhere, so no page can skip one.
// 1. Inre sekretess (PDL 4 kap. 1 §): only a user who may read patients, and only a patient
//    known at the active unit; any other patient is a 404, as if it did not exist.
// 2. Skyddade personuppgifter: a reason is asked for and logged before anything is shown; the
//    page is then opened under that log row's id (?atkomst=), never with the reason in the address.
// 3. The page writes its own access-log row with that reason (HSLF-FS 2016:40 4 kap. 9 §).
import { data, redirect } from "@remix-run/node";
import { actorRef, requireActor, requirePermission, type Actor } from "~/auth/actor.server";
import { findUnlockReason, recordUnlock } from "~/audit.server";
import type { Db } from "~/db.server";
import { parseForm } from "~/forms/parse";
import { accessReasonSchema } from "~/forms/schemas";
import { findPatientHeader } from "./patients.server";
import { readFormData } from "~/forms/read-form-data";

/** A reason given for opening a protected patient is valid this long (then asked again). */
export const UNLOCK_MINUTES = 15;

/** The query parameter that carries the unlock row's id from page to page. */
const UNLOCK_PARAM = "atkomst";

/** The acting user, who may read patients, and the patient as the active unit knows it; else 403/404. */
export async function requirePatientReader(db: Db, request: Request, context: unknown, patientId: string) {
  const actor = await requireActor(request, context);
  requirePermission(actor, "patient:read");
  const header = await findPatientHeader(db, actor, patientId);
  if (!header) throw new Response("Not found", { status: 404 });
  return { actor, header };
}

/**
 * Whether the page may show the patient now. A protected patient is locked until the user
 * gave a reason within UNLOCK_MINUTES; the reason then goes into the page's own log row, and
 * the unlock id lets the user move between this patient's pages without giving it again.
 */
export type PatientAccess = { locked: true } | { locked: false; reason: string | null; unlockId: string | null };

export async function patientAccess(
  db: Db,
  actor: Actor,
  header: { id: string; protectedIdentity: boolean },
  request: Request,
  now: Date,
): Promise<PatientAccess> {
  if (!header.protectedIdentity) return { locked: false, reason: null, unlockId: null };
  const unlockId = new URL(request.url).searchParams.get(UNLOCK_PARAM);
  const reason = await findUnlockReason(db, actorRef(actor), header.id, unlockId, now, UNLOCK_MINUTES);
  return reason ? { locked: false, reason, unlockId } : { locked: true };
}

/** A page's loader: the reader, and whether the patient is shown now (steps 1 and 2 above). */
export async function openPatient(db: Db, request: Request, context: unknown, patientId: string, now: Date) {
  const { actor, header } = await requirePatientReader(db, request, context, patientId);
  return { actor, access: await patientAccess(db, actor, header, request, now) };
}

/** "?atkomst=<id>" for links between a protected patient's pages; "" when there is none. */
export const unlockQuery = (unlockId: string | null) => (unlockId ? `?${UNLOCK_PARAM}=${encodeURIComponent(unlockId)}` : "");

/**
 * The reason form's action: the reason is written to the access log first, then the page at
 * `path` is shown under that row's id. A patient without protected identity needs no reason.
 */
export async function unlockPatient(db: Db, request: Request, context: unknown, patientId: string, path: string) {
  const { actor, header } = await requirePatientReader(db, request, context, patientId);
  if (!header.protectedIdentity) throw redirect(path);
  const parsed = parseForm(await readFormData(request), accessReasonSchema);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const unlockId = await recordUnlock(db, actorRef(actor), new Date(), patientId, parsed.data.reason);
  throw redirect(`${path}${unlockQuery(String(unlockId))}`);
}
