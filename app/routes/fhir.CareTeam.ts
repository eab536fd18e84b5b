// GET /fhir/CareTeam?patient=<system>|<number>[&status=active,inactive]: a patient's fixed
// contacts as a FHIR R4 searchset (issue 6 §3). The work is in app/api/fhir.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, searchCareTeams } from "~/api/fhir/care-team.server";
import { db } from "~/db.server";
import { requestIdOf } from "~/request-context.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  return searchCareTeams(db, request, { now: new Date(), requestId: requestIdOf(context, request) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  return methodNotAllowed(request, requestIdOf(context, request));
}
