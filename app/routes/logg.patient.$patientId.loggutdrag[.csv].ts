// The patient's log extract as a CSV file: the same rows as the page with the same filter,
// all pages at once, to hand to the patient or to open in Excel. The download is itself
// an access to the patient's data and is logged as "audit.export".
import type { LoaderFunctionArgs } from "@remix-run/node";
import { actorRef, requireActor, requirePermission } from "~/auth/actor.server";
import { logAccess } from "~/audit.server";
import { db } from "~/db.server";
import { isoDateInStockholm } from "~/domain/identifiers";
import { t } from "~/i18n";
import { parseAuditFilter } from "~/models/audit-filter";
import { auditScope, findAuditPatient, readWholeLog } from "~/models/audit-log.server";
import { extractCsv } from "~/models/audit-csv";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  requirePermission(actor, "audit:read");
  const scope = await auditScope(db, actor);
  const patient = await findAuditPatient(db, scope, params.patientId ?? "");
  if (!patient) throw new Response("Not found", { status: 404 });
  const { filter, errors } = parseAuditFilter(new URL(request.url).searchParams);
  // The page only links here with a valid filter; a hand-made address gets a 400.
  if (Object.keys(errors).length > 0) throw new Response("Bad request", { status: 400 });
  const now = new Date();
  await logAccess(db, actorRef(actor), now, [patient.id], "audit.export");
  const rows = await readWholeLog(db, scope, { patientId: patient.id }, filter);
  const filename = `${t("audit.csv.filename")}-${isoDateInStockholm(now)}.csv`;
  return new Response(extractCsv(patient, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
