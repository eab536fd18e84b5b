// The GetCareManagers request (GetCareManagersResponder_1.0.xsd, GetCareManagersType), checked
// and turned into the query this product can answer. Every mistake is a Client fault saying
// what the contract expects.
import { parsePersonalIdentityNumber, type PatientIdentifier } from "~/domain/identifiers";
import { CARE_MANAGER_TYPE_CODES, OID, RESPONDER_NS } from "./contract";
import { clientFault, FAULT } from "./faults";
import { childrenOf, optionalChild, readCV, readII, repeatedChildren, requiredChild, type II } from "./xml-fields";
import type { XmlElement } from "./xml-reader";

export type GetCareManagersQuery = {
  patient: PatientIdentifier;
  /** careGiverId filter (HSA-id), null when not given. */
  careGiverHsaId: string | null;
  /** careUnitId filter (HSA-id), null when not given. */
  careUnitHsaId: string | null;
  /** careManagerType filter: KV typ av fast kontakt codes; null when not given. */
  careManagerTypes: string[] | null;
  /** careProcessId (hälsoärende) filter, null when not given. */
  careProcessId: II | null;
};

const FIELDS = ["patientId", "careGiverId", "careUnitId", "careManagerType", "careProcessId"] as const;

/** Patient identifier roots this product holds (domain-facts §9.2) and the kind each names. */
const PATIENT_ROOTS: Record<string, PatientIdentifier["kind"]> = {
  [OID.personnummer]: "PERSONNUMMER",
  [OID.samordningsnummer]: "SAMORDNINGSNUMMER",
};

/** `today` ("YYYY-MM-DD") tells a real birth date from a future one. */
export function readGetCareManagers(body: XmlElement, today: string): GetCareManagersQuery {
  if (body.name !== "GetCareManagers") throw clientFault(FAULT.wrongOperation(body.ns ? `{${body.ns}}${body.name}` : body.name));
  if (body.ns !== RESPONDER_NS) throw clientFault(FAULT.wrongNamespace("GetCareManagers", RESPONDER_NS, body.ns));
  const children = childrenOf(body, RESPONDER_NS, FIELDS, "GetCareManagers");
  const careGiver = optionalChild(children, "careGiverId");
  const careUnit = optionalChild(children, "careUnitId");
  const types = repeatedChildren(children, "careManagerType");
  const careProcess = optionalChild(children, "careProcessId");
  return {
    patient: readPatient(requiredChild(children, "patientId")),
    careGiverHsaId: careGiver && readHsaId(careGiver, "careGiverId"),
    careUnitHsaId: careUnit && readHsaId(careUnit, "careUnitId"),
    careManagerTypes: types.length > 0 ? [...new Set(types.map(readCareManagerType))] : null,
    careProcessId: careProcess && readII(careProcess, "careProcessId"),
  };

  function readPatient(el: XmlElement): PatientIdentifier {
    const { root, extension } = readII(el, "patientId");
    const kind = PATIENT_ROOTS[root];
    if (!kind) throw clientFault(FAULT.patientRoot(root));
    if (extension === null) throw clientFault(FAULT.missingElement("patientId/extension"));
    // The national platform sends 12 digits without separator (domain-facts §8.1); other
    // written forms that the staff UI accepts are not part of the contract.
    if (!/^\d{12}$/.test(extension)) throw clientFault(FAULT.patientExtension("identifier.format"));
    const parsed = parsePersonalIdentityNumber(extension, today);
    if (!parsed.ok) throw clientFault(FAULT.patientExtension(parsed.error));
    if (parsed.value.kind !== kind) throw clientFault(FAULT.patientKind(root, parsed.value.kind === "SAMORDNINGSNUMMER"));
    return parsed.value;
  }
}

/**
 * An HSA-id filter. The id's format is not checked: an id that is not in the catalogue simply
 * matches nothing, and test environments use ids without "SE" (domain-facts §1.2).
 */
function readHsaId(el: XmlElement, path: string): string {
  const { root, extension } = readII(el, path);
  if (root !== OID.hsaId) throw clientFault(FAULT.hsaRoot(path, root));
  if (extension === null) throw clientFault(FAULT.missingElement(`${path}/extension`));
  return extension;
}

function readCareManagerType(el: XmlElement): string {
  const { code, codeSystem } = readCV(el, "careManagerType");
  if (codeSystem !== OID.kvTypAvFastKontakt) throw clientFault(FAULT.careManagerTypeSystem(codeSystem));
  if (code === null || !(CARE_MANAGER_TYPE_CODES as readonly string[]).includes(code)) throw clientFault(FAULT.careManagerTypeCode(code));
  return code;
}
