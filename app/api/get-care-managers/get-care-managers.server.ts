// The GetCareManagers v1 producer: one SOAP call in, one SOAP answer out (issue 6 §2).
// Order: who calls (API key) → is it a well-formed call → which care giver is asked
// (LogicalAddress) → the patient's active contacts at that care giver, filtered → the answer,
// after the access log row is written (no data leaves unlogged).
import { authenticateConsumer, consumerActor, type Consumer } from "~/api/consumers.server";
import { logAccess } from "~/audit.server";
import { config } from "~/config.server";
import type { Db } from "~/db.server";
import { isoDateInStockholm } from "~/domain/dates";
import { findPatientByIdentifier, loadFixedContacts, loadTypeDisplays } from "~/fixed-contacts/contacts.server";
import { patientFacing } from "~/fixed-contacts/patient-facing";
import { careManagerEl, getCareManagersResponse } from "./care-manager";
import { ENDPOINT } from "./contract";
import { readEnvelope } from "./envelope";
import { clientFault, FAULT, SoapFault } from "./faults";
import { LOGICAL_ADDRESS, readLogicalAddress } from "./logical-address";
import { readGetCareManagers, type GetCareManagersQuery } from "./request";
import { keepOneFastLakarkontakt } from "./rule001";
import { faultResponse, readBody, soapResponse, unauthorizedResponse } from "./soap-http";
import { readXml } from "./xml-reader";
import type { Xml } from "./xml-writer";

type Call = { now: Date; requestId: string };

export async function answerGetCareManagers(db: Db, request: Request, { now, requestId }: Call): Promise<Response> {
  try {
    const auth = await authenticateConsumer(db, request, { now, requestId, endpoint: ENDPOINT });
    if (!auth.ok) return unauthorizedResponse(auth.rejection);
    if (!auth.consumer.services.includes("GetCareManagers")) throw clientFault(FAULT.serviceNotAllowed);
    const envelope = readEnvelope(readXml(await readBody(request)), [LOGICAL_ADDRESS]);
    const logicalAddress = readLogicalAddress(envelope.headers);
    const query = readGetCareManagers(envelope.body, isoDateInStockholm(now));
    // A key reads one care giver's contacts (decision 016): any other LogicalAddress is answered
    // exactly like one that is no care giver, so a key does not even learn which others exist.
    const careGiver =
      logicalAddress === auth.consumer.careGiverHsaId
        ? await db.organisation.findUnique({ where: { hsaId: logicalAddress }, select: { hsaId: true } })
        : null;
    if (!careGiver) throw clientFault(FAULT.unknownLogicalAddress(logicalAddress));
    const careManagers = await careManagersOf(db, query, careGiver.hsaId, { now, requestId, consumer: auth.consumer });
    return soapResponse(getCareManagersResponse(careManagers));
  } catch (error) {
    if (error instanceof SoapFault) {
      console.warn(`[api] ${requestId} GetCareManagers answered soap:${error.code}: ${error.message}`);
      return faultResponse(error);
    }
    console.error(`[api] ${requestId} GetCareManagers failed`, error);
    return faultResponse(new SoapFault("Server", FAULT.internal(requestId)));
  }
}

async function careManagersOf(
  db: Db,
  query: GetCareManagersQuery,
  careGiverHsaId: string,
  { now, requestId, consumer }: Call & { consumer: Consumer },
): Promise<Xml[]> {
  const patient = await findPatientByIdentifier(db, query.patient.value);
  // An unknown patient gets the same empty answer as a patient without contacts: the API
  // must not tell a caller whether a person is known to this care giver's systems.
  if (!patient) return [];
  const rows = excludesEverything(query, careGiverHsaId)
    ? []
    : await loadFixedContacts(db, {
        patientId: patient.id,
        at: now,
        careGiverHsaId,
        careUnitHsaId: query.careUnitHsaId ?? undefined,
        typeCodes: query.careManagerTypes ?? undefined,
      });
  const context = { patient: query.patient, sourceSystemHsaId: config.sourceSystemHsaId, typeDisplays: await loadTypeDisplays(db) };
  const careManagers = keepOneFastLakarkontakt(rows, requestId).map((row) =>
    careManagerEl({ contact: patientFacing(row), internalNote: row.internalNote, startedAt: row.startedAt }, context),
  );
  // HSLF-FS 2016:40 4 kap. 9 §: the read is logged, naming the consumer system, even when the
  // answer is empty (the caller still learned that there is nothing).
  await logAccess(db, consumerActor(consumer, requestId), now, [patient.id], "api.get-care-managers");
  return careManagers;
}

/**
 * Filters no contact can pass: a careGiverId other than the LogicalAddress asked (only that
 * care giver's contacts are answered), or any careProcessId — no contact in this product is
 * tied to a hälsoärende, so none belongs to the one asked for.
 */
const excludesEverything = (query: GetCareManagersQuery, careGiverHsaId: string) =>
  query.careProcessId !== null || (query.careGiverHsaId !== null && query.careGiverHsaId !== careGiverHsaId);
