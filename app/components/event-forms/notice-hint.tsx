import { t } from "~/i18n";
import type { NotificationRequirement } from "../../../machines/rules";

/**
 * How the patient (and relatives) must be told in this case, before the user records it:
 * the same requirement machines/rules.ts notificationRules checks when the form is sent.
 */
export function NoticeHint({ notice }: { notice: NotificationRequirement }) {
  const lines = [
    notice.personal ? t("cases.notice.personal") : notice.direct ? t("cases.notice.direct") : t("cases.notice.1177"),
    ...(notice.relatives ? [notice.personal ? t("cases.notice.relativesPersonal") : t("cases.notice.relatives")] : []),
  ];
  return (
    <div className="notice" data-testid="notice-hint">
      <p className="notice__heading">{t("cases.notice.heading")}</p>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
