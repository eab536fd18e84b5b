// GetCareManagers v1 (riv.coreprocess.residentparticipation.residentparticipation, RIV-TA Basic
// Profile 2.1): the names and identifiers the contract fixes. Sources: the contract's XSDs
// (tests/fixtures/riv/GetCareManagers) and domain-facts §8.1, §9.2.

export const SOAP_11_ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
/** Only to recognise a SOAP 1.2 caller and answer VersionMismatch (SOAP 1.1 §4.4.2). */
export const SOAP_12_ENVELOPE = "http://www.w3.org/2003/05/soap-envelope";

/** RIV-TA Basic Profile 2.1: the header naming the addressed organisation. */
export const LOGICAL_ADDRESS_NS = "urn:riv:itintegration:registry:1";

/** The request and response elements (GetCareManagersResponder_1.0.xsd). */
export const RESPONDER_NS = "urn:riv:coreprocess:residentparticipation:residentparticipation:GetCareManagersResponder:1";
/** Every element inside them (coreprocess_residentparticipation_residentparticipation_1.0.xsd). */
export const CORE_NS = "urn:riv:coreprocess:residentparticipation:residentparticipation:1";

export const ENDPOINT = "/riv/GetCareManagers/1";

export const OID = {
  personnummer: "1.2.752.129.2.1.3.1",
  samordningsnummer: "1.2.752.129.2.1.3.3",
  /** Known to the contract, not held here (the product's reservnummer are regional). */
  nationelltReservnummer: "1.2.752.74.9.1",
  hsaId: "1.2.752.129.2.1.4.1",
  kvTypAvFastKontakt: "1.2.752.129.5.1.69",
  kvBefattning: "1.2.752.129.2.2.1.4",
} as const;

export const KV_TYP_AV_FAST_KONTAKT_NAME = "KV typ av fast kontakt";
export const KV_BEFATTNING_NAME = "KV befattning";

/** KV typ av fast kontakt (domain-facts §2.3): the codes a careManagerType filter may name. */
export const CARE_MANAGER_TYPE_CODES = ["1", "2", "3", "4"] as const;

/** rule001 [sch]: at most one fast läkarkontakt (code 2) per patient in a response. */
export const FAST_LAKARKONTAKT_CODE = "2";

/** A SOAP request is a few hundred bytes; anything near this is not a GetCareManagers call. */
export const MAX_REQUEST_BYTES = 64 * 1024;
