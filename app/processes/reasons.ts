// The reasons of a rule verdict (machines/rules.ts) as sentences a user reads.
import { t, type MessageKey } from "~/i18n";
import type { Reason } from "../../machines/rules";

export function reasonText(reason: Reason): string {
  // Every ReasonCode has a "rule.<code>" text: this line fails to compile otherwise.
  const key: MessageKey = `rule.${reason.code}`;
  return t(key, reason.params);
}
