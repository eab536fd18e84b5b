// rule001 of GetCareManagers v1 [sch]: a response holds at most one fast läkarkontakt (code 2)
// per patient. The database keeps one open fast läkarkontakt per patient (migration
// 20261125000100), but a row ending later and a newer row can overlap; whatever the cause,
// the response stays valid and the inconsistency is reported for someone to correct.
import { typAvFastKontakt } from "../../../machines/rules";
import type { FixedContactRow } from "~/fixed-contacts/contacts.server";
import { FAST_LAKARKONTAKT_CODE } from "./contract";

/** The rows with only the most recently started fast läkarkontakt kept. */
export function keepOneFastLakarkontakt<T extends Pick<FixedContactRow, "id" | "kind" | "overallCoordination" | "startedAt">>(
  rows: readonly T[],
  requestId: string,
): T[] {
  const doctors = rows.filter((r) => typAvFastKontakt(r) === FAST_LAKARKONTAKT_CODE);
  if (doctors.length <= 1) return [...rows];
  const kept = doctors.reduce((a, b) => (b.startedAt.getTime() > a.startedAt.getTime() ? b : a));
  const dropped = doctors.filter((d) => d !== kept).map((d) => d.id);
  console.error(
    `[api] ${requestId} GetCareManagers rule001: ${doctors.length} active fasta läkarkontakter for one patient; sent ${kept.id}, left out ${dropped.join(", ")}`,
  );
  return rows.filter((r) => r === kept || !dropped.includes(r.id));
}
