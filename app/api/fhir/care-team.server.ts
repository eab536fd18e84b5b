// GET /fhir/CareTeam (search by patient) and GET /fhir/CareTeam/<id> (read): who may call,
// what is read, what is logged, and every error as an OperationOutcome.
import { consumerActor, authenticateConsumer, type Consumer } from "~/api/consumers.server";
import { logAccess } from "~/audit.server";
import type { Db } from "~/db.server";
import { isoDateInStockholm } from "~/domain/dates";
import { findPatientByIdentifier, loadFixedContact, loadFixedContacts, loadTypeDisplays } from "~/fixed-contacts/contacts.server";
import { patientFacing } from "~/fixed-contacts/patient-facing";
import { careTeam, careTeamStatus } from "./care-team";
import { messages } from "./messages";
import { fhirResponse, outcomeResponse, searchset } from "./responses";
import { parseCareTeamSearch, prefersStrictHandling } from "./search-params";
import { isNationalIdentifierKind } from "./systems";

export type CallContext = { now: Date; requestId: string };

export async function searchCareTeams(db: Db, request: Request, call: CallContext): Promise<Response> {
  return answer(db, request, call, "GET /fhir/CareTeam", async (consumer) => {
    const url = new URL(request.url);
    const parsed = parseCareTeamSearch(url.searchParams, {
      today: isoDateInStockholm(call.now),
      strict: prefersStrictHandling(request.headers.get("prefer")),
    });
    if (!parsed.ok) return outcomeResponse(400, parsed.problem.code, parsed.problem.text, { diagnostics: requestIdNote(call.requestId) });
    const { patient: wanted, statuses, used } = parsed.value;

    // An unknown number gets the same empty searchset as a patient without contacts: the
    // answer does not tell a caller who is registered here.
    const patient = await findPatientByIdentifier(db, wanted.value);
    const rows = patient ? await loadFixedContacts(db, { patientId: patient.id, at: call.now, statuses, careGiverHsaId: consumer.careGiverHsaId }) : [];
    const typeDisplays = await loadTypeDisplays(db);
    const resources = rows.map((row) =>
      careTeam({ contact: patientFacing(row), status: careTeamStatus(row, call.now), patient: { kind: wanted.kind, identifier: wanted.value }, typeDisplays }),
    );
    // HSLF-FS 2016:40 4 kap. 9 §: the look-up itself is an access, also when it finds nothing.
    if (patient) await logAccess(db, consumerActor(consumer, call.requestId), call.now, [patient.id], "api.fhir-care-team");
    const base = fhirBase(url);
    return fhirResponse(searchset(resources, { self: `${base}/CareTeam?${used}`, base }));
  });
}

export async function readCareTeam(db: Db, request: Request, id: string, call: CallContext): Promise<Response> {
  return answer(db, request, call, "GET /fhir/CareTeam/{id}", async (consumer) => {
    const row = await loadFixedContact(db, id);
    // A patient with a local reservnummer has no national identifier system to name them by
    // in `subject`, and cannot be searched here either: their contacts are not served.
    // Another care giver's contact is answered like one that does not exist (decision 016).
    const kind = row?.patient.identifierKind;
    if (!row || !kind || !isNationalIdentifierKind(kind) || row.careUnit.organisation.hsaId !== consumer.careGiverHsaId) {
      return outcomeResponse(404, "not-found", messages.notFound(id), { diagnostics: requestIdNote(call.requestId) });
    }
    const resource = careTeam({
      contact: patientFacing(row),
      status: careTeamStatus(row, call.now),
      patient: { kind, identifier: row.patient.identifier },
      typeDisplays: await loadTypeDisplays(db),
    });
    await logAccess(db, consumerActor(consumer, call.requestId), call.now, [row.patient.id], "api.fhir-care-team");
    return fhirResponse(resource);
  });
}

/** Any method but GET and HEAD: the API only reads. */
export function methodNotAllowed(request: Request, requestId: string): Response {
  return outcomeResponse(405, "not-supported", messages.methodNotAllowed(request.method), {
    diagnostics: requestIdNote(requestId),
    headers: { Allow: "GET, HEAD" },
  });
}

/**
 * Authenticates the consumer, runs the work, and turns any unexpected error into a logged 500
 * OperationOutcome that names the request id (no request may end in an unhandled 500).
 */
async function answer(db: Db, request: Request, call: CallContext, endpoint: string, work: (consumer: Consumer) => Promise<Response>) {
  try {
    const auth = await authenticateConsumer(db, request, { now: call.now, requestId: call.requestId, endpoint });
    if (!auth.ok) {
      const missing = auth.rejection === "missing";
      // RFC 6750 §3: a challenge on every 401; invalid_token once a key was presented.
      return outcomeResponse(401, "login", missing ? messages.keyMissing() : messages.keyRejected(), {
        diagnostics: requestIdNote(call.requestId),
        headers: { "WWW-Authenticate": missing ? 'Bearer realm="fasta-kontakter"' : 'Bearer realm="fasta-kontakter", error="invalid_token"' },
      });
    }
    if (!auth.consumer.services.includes("FhirCareTeam")) {
      return outcomeResponse(403, "forbidden", messages.serviceNotAllowed(), { diagnostics: requestIdNote(call.requestId) });
    }
    return await work(auth.consumer);
  } catch (error) {
    console.error(`[fhir] ${call.requestId} ${endpoint} failed`, error);
    return outcomeResponse(500, "exception", messages.unexpected(call.requestId), { diagnostics: requestIdNote(call.requestId) });
  }
}

const requestIdNote = (requestId: string) => `Begärans id: ${requestId}`;

/** The FHIR base of this server as the caller addressed it. */
const fhirBase = (url: URL) => `${url.origin}/fhir`;
