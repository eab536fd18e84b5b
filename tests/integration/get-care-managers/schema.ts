// Validates a GetCareManagers answer against the contract's official XSDs with xmllint
// (Debian libxml2-utils; .ci/run installs it). The XSDs are copied unchanged from the
// contract (riv.coreprocess.residentparticipation.residentparticipation v1.0, see
// domain-facts §8.1) into tests/fixtures/riv/GetCareManagers, in their own folder layout so
// that the responder schema's relative imports of the core components resolve.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const RESPONDER_XSD = path.resolve("tests/fixtures/riv/GetCareManagers/interactions/GetCareManagersInteraction/GetCareManagersResponder_1.0.xsd");

/**
 * The GetCareManagersResponse element of a SOAP envelope as a document of its own: xmllint
 * validates a document's root, and the envelope is not in the contract's schemas. Namespace
 * declarations made on the envelope or body are copied onto the element, so prefixes bound
 * there still resolve.
 */
export function responseDocument(envelope: string): string {
  const start = /<(?:([\w.-]+):)?GetCareManagersResponse\b[^>]*?(\/?)>/.exec(envelope);
  if (!start) throw new Error("no GetCareManagersResponse element in the answer");
  const qname = start[1] ? `${start[1]}:GetCareManagersResponse` : "GetCareManagersResponse";
  const closing = `</${qname}>`;
  const end = start[2] === "/" ? start.index + start[0].length : envelope.lastIndexOf(closing) + closing.length;
  let element = envelope.slice(start.index, end);
  const declared = new Set([...start[0].matchAll(/\s(xmlns(?::[\w.-]+)?)=/g)].map((m) => m[1]));
  // The nearest declaration of a prefix wins (a later start tag is nearer for ancestors).
  const inherited = new Map([...envelope.slice(0, start.index).matchAll(/\s(xmlns(?::[\w.-]+)?)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const extra = [...inherited].filter(([name]) => !declared.has(name)).map(([name, value]) => ` ${name}="${value}"`).join("");
  element = element.replace(new RegExp(`^<${qname}`), `<${qname}${extra}`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element}`;
}

/** xmllint's verdict on a document: valid, or the messages saying why not. */
export function validateAgainstContract(document: string): { valid: boolean; messages: string } {
  const run = xmllint(["-"], document);
  return { valid: run.status === 0, messages: run.stderr.trim() };
}

/** Fails with xmllint's messages unless the answer's GetCareManagersResponse is schema-valid. */
export function expectValidResponse(envelope: string): void {
  const { valid, messages } = validateAgainstContract(responseDocument(envelope));
  if (!valid) throw new Error(`GetCareManagersResponse does not validate against the contract's XSD:\n${messages}`);
}

/** The same for many answers in one xmllint run (one process instead of one per answer). */
export function expectValidResponses(envelopes: readonly string[]): void {
  const dir = mkdtempSync(path.join(tmpdir(), "gcm-xsd-"));
  try {
    const files = envelopes.map((envelope, i) => {
      const file = path.join(dir, `answer-${i}.xml`);
      writeFileSync(file, responseDocument(envelope));
      return file;
    });
    const run = xmllint(files);
    if (run.status !== 0) throw new Error(`Answers do not validate against the contract's XSD:\n${run.stderr.split("\n").filter((l) => !l.endsWith(" validates")).join("\n")}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function xmllint(files: string[], input?: string) {
  const run = spawnSync("xmllint", ["--noout", "--schema", RESPONDER_XSD, ...files], { input, encoding: "utf8" });
  if (run.error) throw new Error(`xmllint could not run (install libxml2-utils): ${run.error.message}`);
  return run;
}
