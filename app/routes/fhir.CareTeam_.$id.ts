// GET /fhir/CareTeam/<id>: one fixed contact as a FHIR R4 CareTeam, whatever its status
// (issue 6 §3). The trailing "_" keeps it out of the search route's layout.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, readCareTeam } from "~/api/fhir/care-team.server";
import { db } from "~/db.server";
import { requestIdOf } from "~/request-context.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  return readCareTeam(db, request, params.id ?? "", { now: new Date(), requestId: requestIdOf(context, request) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  return methodNotAllowed(request, requestIdOf(context, request));
}
