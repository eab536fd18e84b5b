// What a GetCareManagers caller is told when its call cannot be answered: one SOAP 1.1 Fault
// per problem, its text in Swedish (the consumers are Swedish systems and their operators)
// saying what is wrong and what the contract expects. All texts live here.
// faultcode (SOAP 1.1 §4.4.1): Client = the message is wrong and resending it will not help;
// Server = our fault; VersionMismatch = not a SOAP 1.1 envelope; MustUnderstand = a header
// block marked mustUnderstand that this service does not process.
// The texts never repeat a patient identifier: fault texts end up in consumers' logs.
import type { IdentifierError } from "~/domain/identifiers";
import { LOGICAL_ADDRESS_NS, MAX_REQUEST_BYTES, OID, RESPONDER_NS, SOAP_11_ENVELOPE } from "./contract";

export type FaultCode = "Client" | "Server" | "VersionMismatch" | "MustUnderstand";

export class SoapFault extends Error {
  constructor(
    readonly code: FaultCode,
    message: string,
  ) {
    super(message);
    this.name = "SoapFault";
  }
}

export const clientFault = (message: string) => new SoapFault("Client", message);

const PATIENT_ROOTS = `${OID.personnummer} (personnummer) eller ${OID.samordningsnummer} (samordningsnummer)`;

const IDENTIFIER_PROBLEM: Record<IdentifierError, string> = {
  "identifier.empty": "värdet saknas",
  "identifier.spaces": "värdet innehåller mellanslag",
  "identifier.format": "värdet ska vara 12 siffror utan bindestreck (ÅÅÅÅMMDDNNNK)",
  "identifier.date": "födelsedatumet finns inte",
  "identifier.checkDigit": "kontrollsiffran stämmer inte",
  "identifier.future": "födelsedatumet ligger i framtiden",
  // Not used for patients; listed because the key type is shared with HSA-ids.
  "hsaId.format": "värdet är inget HSA-id",
  "hsaId.length": "värdet är för långt",
  "hsaId.forbiddenCharacters": "värdet innehåller otillåtna tecken",
  "hsaId.organisationNumber": "organisationsnumret i värdet är ogiltigt",
};

export const FAULT = {
  notXml: (detail: string) => `Anropet är inte välformad XML: ${detail}`,
  doctype: "Anropet får inte innehålla någon dokumenttypsdeklaration (DOCTYPE), enligt WS-I Basic Profile.",
  tooLarge: `Anropet är större än ${MAX_REQUEST_BYTES / 1024} kB; ett GetCareManagers-anrop är några hundra byte.`,
  notEnvelope: `Anropet är inget SOAP 1.1-kuvert: rotelementet ska vara Envelope i namnrymden ${SOAP_11_ENVELOPE}.`,
  versionMismatch: `Tjänsten följer RIV-TA Basic Profile 2.1 och tar bara emot SOAP 1.1 (namnrymden ${SOAP_11_ENVELOPE}).`,
  missingBody: "SOAP-kuvertet saknar Body.",
  bodyElements: (count: number) => `SOAP Body ska innehålla exakt ett element (GetCareManagers), men innehåller ${count}.`,
  mustUnderstand: (name: string) => `Huvudelementet ${name} är märkt mustUnderstand men hanteras inte av tjänsten.`,
  missingLogicalAddress: `SOAP-huvudet saknar LogicalAddress (namnrymden ${LOGICAL_ADDRESS_NS}) med HSA-id för den vårdgivare som frågas (RIV-TA Basic Profile 2.1).`,
  emptyLogicalAddress: "LogicalAddress är tomt; ange HSA-id för den vårdgivare som frågas.",
  unknownLogicalAddress: (address: string) => `LogicalAddress ${address} är inte HSA-id för någon vårdgivare i tjänsten.`,
  wrongOperation: (name: string) => `Tjänsten hanterar bara GetCareManagers i namnrymden ${RESPONDER_NS}, inte ${name}.`,
  wrongNamespace: (path: string, expected: string, found: string | null) =>
    `Elementet ${path} ska ha namnrymden ${expected}, men har ${found === null ? "ingen namnrymd" : found}.`,
  unexpectedElement: (path: string) => `Elementet ${path} finns inte i GetCareManagers v1.`,
  missingElement: (path: string) => `Elementet ${path} saknas men är obligatoriskt.`,
  repeatedElement: (path: string) => `Elementet ${path} får förekomma högst en gång.`,
  emptyValue: (path: string) => `Elementet ${path} är tomt.`,
  patientRoot: (root: string) => `patientId/root ${root} stöds inte; använd ${PATIENT_ROOTS}.`,
  patientExtension: (problem: IdentifierError) => `patientId/extension är inget giltigt person- eller samordningsnummer: ${IDENTIFIER_PROBLEM[problem]}.`,
  patientKind: (root: string, isCoordination: boolean) =>
    isCoordination
      ? `patientId/extension är ett samordningsnummer men root ${root} anger personnummer; använd root ${OID.samordningsnummer}.`
      : `patientId/extension är ett personnummer men root ${root} anger samordningsnummer; använd root ${OID.personnummer}.`,
  hsaRoot: (path: string, root: string) => `${path}/root ska vara ${OID.hsaId} (HSA-id), inte ${root}.`,
  careManagerTypeSystem: (found: string | null) =>
    `careManagerType/codeSystem ska vara ${OID.kvTypAvFastKontakt} (KV typ av fast kontakt), inte ${found ?? "tomt"}.`,
  careManagerTypeCode: (code: string | null) =>
    `careManagerType/code ${code ?? "saknas"}: KV typ av fast kontakt har koderna 1 (fast vårdkontakt), 2 (fast läkarkontakt i primärvård), 3 (fast omsorgskontakt i hemtjänsten) och 4 (fast vårdkontakt med övergripande samordningsansvar).`,
  internal: (requestId: string) => `Ett internt fel uppstod i tjänsten. Ange anrops-id ${requestId} vid felanmälan.`,
  missingKey: "API-nyckel saknas. Skicka systemets nyckel i Authorization: Bearer eller X-API-Key.",
  invalidKey: "API-nyckeln är ogiltig eller återkallad.",
  serviceNotAllowed: "API-nyckeln ger inte tillgång till GetCareManagers. Be administratören av Fasta kontakter om en nyckel för tjänsten.",
} as const;
