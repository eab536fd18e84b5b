// The filter of the audit pages, read from the address (GET forms work without scripts):
// ?fran=YYYY-MM-DD&till=YYYY-MM-DD&typ=alla|andringar|visningar&sida=N.
// Dates are calendar days in Stockholm, both ends inclusive: "till 2026-03-29" means up
// to midnight Stockholm time that night, whatever the UTC offset is that day.
import { addDays, isIsoDate, stockholmInstant } from "~/domain/dates";
import type { MessageKey } from "~/i18n";

export const KINDS = ["alla", "andringar", "visningar"] as const;
export type KindFilter = (typeof KINDS)[number];

export type AuditFilter = {
  from: string | null;
  to: string | null;
  kind: KindFilter;
  /** 1-based; clamped to the last page once the count is known. */
  page: number;
};

export type AuditFilterResult = {
  filter: AuditFilter;
  /** What the user typed, to put back into the form. */
  values: { fran: string; till: string; typ: KindFilter };
  errors: Partial<Record<"fran" | "till", MessageKey>>;
};

export function parseAuditFilter(params: URLSearchParams): AuditFilterResult {
  const fran = (params.get("fran") ?? "").trim();
  const till = (params.get("till") ?? "").trim();
  const typParam = params.get("typ") ?? "";
  // A tampered kind is no error the user can fix: it simply means "everything".
  const typ: KindFilter = (KINDS as readonly string[]).includes(typParam) ? (typParam as KindFilter) : "alla";
  const pageParam = Number(params.get("sida") ?? "1");
  const page = Number.isSafeInteger(pageParam) && pageParam >= 1 ? pageParam : 1;

  const errors: AuditFilterResult["errors"] = {};
  if (fran !== "" && !isIsoDate(fran)) errors.fran = "event.dateFormat";
  if (till !== "" && !isIsoDate(till)) errors.till = "event.dateFormat";
  if (!errors.fran && !errors.till && fran !== "" && till !== "" && till < fran) errors.till = "audit.filter.toBeforeFrom";

  return {
    filter: { from: fran && !errors.fran ? fran : null, to: till && !errors.till ? till : null, kind: typ, page },
    values: { fran, till, typ },
    errors,
  };
}

/** The instants the filter covers: [gte, lt), from Stockholm midnight to the midnight after `to`. */
export function instantRange(filter: Pick<AuditFilter, "from" | "to">): { gte?: Date; lt?: Date } {
  return {
    ...(filter.from ? { gte: stockholmInstant(filter.from) } : {}),
    ...(filter.to ? { lt: stockholmInstant(addDays(filter.to, 1)) } : {}),
  };
}

/** The address of the same filter on another page (or as another format), for links. */
export function filterSearch(values: AuditFilterResult["values"], extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (values.fran) params.set("fran", values.fran);
  if (values.till) params.set("till", values.till);
  if (values.typ !== "alla") params.set("typ", values.typ);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}
