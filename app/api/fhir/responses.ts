// How the FHIR API answers over HTTP: every body is a FHIR resource in application/fhir+json
// (R4 http.html#mime-type), errors included (OperationOutcome, R4 http.html#2.21.0.3).
import type { Bundle, CareTeam, IssueCode, OperationOutcome } from "./types";

export const FHIR_JSON = "application/fhir+json; charset=utf-8";

export function fhirResponse(body: CareTeam | Bundle | OperationOutcome, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    // Patient data: no cache on the way may keep it.
    headers: { "Content-Type": FHIR_JSON, "Cache-Control": "no-store", ...headers },
  });
}

export function operationOutcome(code: IssueCode, text: string, diagnostics?: string): OperationOutcome {
  return {
    resourceType: "OperationOutcome",
    issue: [{ severity: code === "exception" ? "fatal" : "error", code, details: { text }, ...(diagnostics ? { diagnostics } : {}) }],
  };
}

export const outcomeResponse = (status: number, code: IssueCode, text: string, init: { diagnostics?: string; headers?: Record<string, string> } = {}) =>
  fhirResponse(operationOutcome(code, text, init.diagnostics), status, init.headers);

/** A searchset of CareTeams: fullUrl is where each one is read (R4 bundle.html#searchset). */
export function searchset(resources: CareTeam[], { self, base }: { self: string; base: string }): Bundle {
  return {
    resourceType: "Bundle",
    type: "searchset",
    total: resources.length,
    link: [{ relation: "self", url: self }],
    // No empty arrays in FHIR JSON: an empty result has no entry element.
    ...(resources.length > 0
      ? { entry: resources.map((resource) => ({ fullUrl: `${base}/CareTeam/${resource.id}`, resource, search: { mode: "match" as const } })) }
      : {}),
  };
}
