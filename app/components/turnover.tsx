// Pieces of the turnover pages: why a row cannot move, why a run stopped, a row's flags.
import { t } from "~/i18n";
import { reasonText } from "~/processes/reasons";
import type { RowFailure } from "~/processes/batch.server";
import type { TurnoverCandidate, TurnoverRow } from "~/turnover/turnover.server";
import type { Problem } from "~/turnover/plan";

function Reasons({ reasons }: { reasons: readonly Parameters<typeof reasonText>[0][] }) {
  if (reasons.length === 0) return null;
  return (
    <ul className="turnover-reasons">
      {reasons.map((reason) => (
        <li key={JSON.stringify(reason)}>{reasonText(reason)}</li>
      ))}
    </ul>
  );
}

/** Why a row stays with the leaver: the sentence and the rules' reasons. */
export function ProblemMessage({
  problem,
  candidates,
  teams,
  id,
}: {
  problem: Problem;
  candidates: Record<string, TurnoverCandidate>;
  teams: { id: string; name: string }[];
  id?: string;
}) {
  const sentence =
    problem.code === "caseOpen"
      ? t("turnover.problem.caseOpen")
      : problem.code === "noCandidate"
        ? t("turnover.problem.noCandidate")
        : problem.code === "notEligible"
          ? t("turnover.problem.notEligible", { name: candidates[problem.staffMemberId]?.name ?? problem.staffMemberId })
          : problem.code === "medical"
            ? t("turnover.problem.medical")
            : t("turnover.problem.teamNoneEligible", { team: teams.find((team) => team.id === problem.teamId)?.name ?? "" });
  return (
    <div className="turnover-problem" id={id}>
      <p>{sentence}</p>
      {"reasons" in problem ? <Reasons reasons={problem.reasons} /> : null}
    </div>
  );
}

/** Why one row stopped a run. */
export function FailureMessage({ failure, id }: { failure: Omit<RowFailure, "assignmentId">; id?: string }) {
  return (
    <div className="turnover-problem" id={id}>
      <p>{t(`turnover.failure.${failure.code}`)}</p>
      {failure.reasons ? <Reasons reasons={failure.reasons} /> : null}
    </div>
  );
}

/** The flags of issue 5 §2 that a replacement must live up to, as tags. */
export function RowFlags({ row }: { row: TurnoverRow }) {
  const flags = [
    row.lifeThreatening ? t("turnover.flag.lifeThreatening") : null,
    row.overallCoordination ? t("turnover.flag.coordination") : null,
    row.directPhoneVisibleToPatient ? t("turnover.flag.directPhone") : null,
    row.relatives ? t("turnover.flag.relatives") : null,
    row.reviewDueDate === null && row.reviewDateRequired ? t("turnover.flag.noReviewDate") : null,
  ].filter((flag): flag is string => flag !== null);
  if (flags.length === 0) return null;
  return (
    <ul className="turnover-flags">
      {flags.map((flag) => (
        <li key={flag} className="tag">
          {flag}
        </li>
      ))}
    </ul>
  );
}
