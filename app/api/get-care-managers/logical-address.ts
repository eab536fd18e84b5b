// RIV-TA Basic Profile 2.1: every call carries a LogicalAddress header naming the organisation
// it is addressed to; for GetCareManagers that is the vårdgivare (its HSA-id) whose fixed
// contacts are asked for (issue 6 §2). Which care giver it names is checked against the
// database by the caller of this module.
import { LOGICAL_ADDRESS_NS } from "./contract";
import type { QName } from "./envelope";
import { clientFault, FAULT } from "./faults";
import type { XmlElement } from "./xml-reader";

export const LOGICAL_ADDRESS: QName = { ns: LOGICAL_ADDRESS_NS, name: "LogicalAddress" };

export function readLogicalAddress(headers: readonly XmlElement[]): string {
  const blocks = headers.filter((h) => h.name === LOGICAL_ADDRESS.name);
  const block = blocks.find((h) => h.ns === LOGICAL_ADDRESS.ns);
  if (!block) {
    if (blocks.length > 0) throw clientFault(FAULT.wrongNamespace("LogicalAddress", LOGICAL_ADDRESS.ns, blocks[0].ns));
    throw clientFault(FAULT.missingLogicalAddress);
  }
  if (blocks.length > 1) throw clientFault(FAULT.repeatedElement("LogicalAddress"));
  const address = block.text.trim();
  if (address === "") throw clientFault(FAULT.emptyLogicalAddress);
  return address;
}
