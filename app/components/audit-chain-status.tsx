// The audit page's line on the hash chains (docs/decisions/014): when `npm run audit:verify`
// last ran and whether both chains held, or that they were never verified.
import { formatNumber, hasMessage, t } from "~/i18n";

export type ChainVerification = {
  at: string;
  ok: boolean;
  auditEventRows: number;
  accessLogRows: number;
  brokenTable: string | null;
  brokenId: number | null;
  problem: string | null;
} | null;

export function ChainStatus({ verification: v }: { verification: ChainVerification }) {
  let text: string;
  if (!v) text = t("audit.chain.never");
  else if (v.ok) text = t("audit.chain.held", { at: v.at, auditRows: formatNumber(v.auditEventRows), accessRows: formatNumber(v.accessLogRows) });
  else {
    const problem = `audit.chain.problem.${v.problem}`;
    text = t("audit.chain.broken", {
      at: v.at,
      // As `npm run audit:verify` names it, e.g. "AuditEvent 251".
      table: String(v.brokenTable),
      id: String(v.brokenId),
      problem: hasMessage(problem) ? t(problem) : String(v.problem),
    });
  }
  return (
    <section className="audit-chain" aria-labelledby="audit-chain-heading" data-testid="audit-chain">
      <h2 id="audit-chain-heading">{t("audit.chain.heading")}</h2>
      <p className={v && !v.ok ? "notice notice--error" : undefined} role={v && !v.ok ? "alert" : undefined}>
        {text}
      </p>
    </section>
  );
}
