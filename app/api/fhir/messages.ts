// Every text the FHIR API writes, in one place, in Swedish like the rest of the product. The
// error texts are read by the developers and operators of consumer systems and say what to
// send instead (OperationOutcome.issue.details.text).
import type { IdentifierError } from "~/domain/identifiers";
import { PATIENT_SYSTEMS } from "./systems";

const SYSTEMS = `${PATIENT_SYSTEMS.PERSONNUMMER} eller ${PATIENT_SYSTEMS.SAMORDNINGSNUMMER}`;
const EXAMPLE = `patient=${PATIENT_SYSTEMS.PERSONNUMMER}|191212121212`;

// parsePersonalIdentityNumber gives only the identifier.* errors; any other falls back to FORM.
const FORM = "numret ska skrivas med tolv siffror, ÅÅÅÅMMDDNNNK";
const IDENTIFIER_PROBLEMS: Partial<Record<IdentifierError, string>> = {
  "identifier.empty": "numret saknas",
  "identifier.spaces": "numret innehåller mellanslag (ett plustecken i adressen måste skrivas %2B)",
  "identifier.format": FORM,
  "identifier.date": "födelsedatumet i numret finns inte",
  "identifier.checkDigit": "kontrollsiffran stämmer inte",
  "identifier.future": "födelsedatumet ligger i framtiden",
};

const KIND_WORDS = { PERSONNUMMER: "ett personnummer", SAMORDNINGSNUMMER: "ett samordningsnummer" } as const;

export const messages = {
  // Texts inside a CareTeam, read by the patient on 1177.
  contactAboutNote: (about: string) => `Kontakta om: ${about}`,
  contactTimesNote: (times: string) => `Kontakttider: ${times}`,
  otherContactRole: () => "annan fast kontakt",

  // OperationOutcome texts.
  patientMissing: () => `Sökparametern patient saknas. Ange vems fasta kontakter som söks, till exempel ${EXAMPLE}.`,
  patientRepeated: () => "Sökparametern patient får anges en gång: en sökning gäller en patient.",
  patientForm: (value: string) =>
    `Sökparametern patient ska skrivas <system>|<nummer>, till exempel ${EXAMPLE}. Värdet var "${value}".`,
  unknownSystem: (system: string) => `Identifierarsystemet "${system}" stöds inte. Använd ${SYSTEMS}.`,
  badIdentifier: (value: string, error: IdentifierError) =>
    `"${value}" är inget giltigt personnummer eller samordningsnummer: ${IDENTIFIER_PROBLEMS[error] ?? FORM}.`,
  kindMismatch: (value: string, actual: keyof typeof KIND_WORDS, system: string) =>
    `"${value}" är ${KIND_WORDS[actual]}, men systemet anger något annat. Använd systemet ${system}.`,
  statusRepeated: () => "Sökparametern status får anges en gång; flera värden skrivs med kommatecken, till exempel status=active,inactive.",
  statusInvalid: (value: string) =>
    `Status "${value}" stöds inte. Ange active (pågående, förval), inactive (avslutade) eller båda: status=active,inactive.`,
  unknownParameters: (names: readonly string[]) =>
    `Sökparametrarna ${names.map((n) => `"${n}"`).join(", ")} stöds inte och Prefer: handling=strict begär fel för sådana. Sök med patient och status.`,
  notFound: (id: string) => `Det finns ingen CareTeam med id "${id}".`,
  keyMissing: () => "API-nyckel saknas. Skicka systemets nyckel i huvudet Authorization: Bearer <nyckel>.",
  keyRejected: () => "API-nyckeln är ogiltig eller återkallad. Be administratören av Fasta kontakter om en ny nyckel för systemet.",
  serviceNotAllowed: () => "API-nyckeln ger inte tillgång till FHIR CareTeam. Be administratören av Fasta kontakter om en nyckel för tjänsten.",
  methodNotAllowed: (method: string) => `Metoden ${method} stöds inte. Gränssnittet är bara för läsning: använd GET.`,
  unexpected: (requestId: string) =>
    `Ett oväntat fel inträffade och har loggats. Ange begärans id ${requestId} när du kontaktar förvaltningen av Fasta kontakter.`,
};
