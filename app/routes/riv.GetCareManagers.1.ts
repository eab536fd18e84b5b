// POST /riv/GetCareManagers/1: the GetCareManagers v1 producer (RIV-TA Basic Profile 2.1,
// SOAP 1.1). A resource route: the action answers the SOAP call; any other method gets 405.
import type { ActionFunctionArgs } from "@remix-run/node";
import { answerGetCareManagers } from "~/api/get-care-managers/get-care-managers.server";
import { methodNotAllowed } from "~/api/get-care-managers/soap-http";
import { db } from "~/db.server";
import { requestIdOf } from "~/request-context.server";

export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed();
  return answerGetCareManagers(db, request, { now: new Date(), requestId: requestIdOf(context, request) });
}

export const loader = () => methodNotAllowed();
