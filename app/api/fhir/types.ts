// The parts of FHIR R4 (4.0.1) this API writes, typed so that a misspelt element fails the
// build rather than the consumer. Element names and cardinalities follow the R4 resource
// definitions (domain-facts §9.1); only what the API fills in is declared.

export type Coding = { system: string; code: string; display?: string };
export type CodeableConcept = { coding?: Coding[]; text?: string };
export type Identifier = { system: string; value: string };
/** A reference by local id ("#role"), by business identifier, or both. */
export type Reference = { reference?: string; type?: string; identifier?: Identifier; display?: string };
export type Period = { start?: string; end?: string };
export type ContactPoint = { system: "phone" | "fax" | "email" | "pager" | "url" | "sms" | "other"; value: string };
export type Annotation = { text: string };
export type Extension = { url: string; valueReference: Reference };

export type Practitioner = {
  resourceType: "Practitioner";
  id: string;
  identifier: Identifier[];
  name: { text: string; family: string; given: string[] }[];
};

export type Organization = {
  resourceType: "Organization";
  id: string;
  identifier: Identifier[];
  name: string;
  address?: { use: "work"; type: "physical"; line: string[]; postalCode: string; city: string }[];
  partOf?: Reference;
};

export type PractitionerRole = {
  resourceType: "PractitionerRole";
  id: string;
  /** Absent for a handläggare (seed §5.1): the role without the person. */
  practitioner?: Reference;
  organization: Reference;
  code: CodeableConcept[];
  telecom?: ContactPoint[];
};

export type CareTeamParticipant = {
  extension?: Extension[];
  role?: CodeableConcept[];
  member?: Reference;
  onBehalfOf?: Reference;
  period?: Period;
};

export type CareTeamStatus = "proposed" | "active" | "suspended" | "inactive" | "entered-in-error";

export type CareTeam = {
  resourceType: "CareTeam";
  id: string;
  contained?: (Practitioner | PractitionerRole | Organization | CareTeam)[];
  status?: CareTeamStatus;
  category?: CodeableConcept[];
  name?: string;
  subject?: Reference;
  period?: Period;
  participant?: CareTeamParticipant[];
  managingOrganization?: Reference[];
  telecom?: ContactPoint[];
  note?: Annotation[];
};

export type Bundle = {
  resourceType: "Bundle";
  type: "searchset";
  total: number;
  link: { relation: "self"; url: string }[];
  entry?: { fullUrl: string; resource: CareTeam; search: { mode: "match" } }[];
};

/** R4 issue-type codes this API uses (http://hl7.org/fhir/issue-type). */
export type IssueCode = "required" | "value" | "invalid" | "not-supported" | "not-found" | "login" | "forbidden" | "exception";

export type OperationOutcome = {
  resourceType: "OperationOutcome";
  issue: { severity: "error" | "fatal"; code: IssueCode; details: { text: string }; diagnostics?: string }[];
};
