// Texts of the date plausibility rules (machines/date-plausibility.ts), shown next to the
// field whose date cannot be true. Swedish first; the English catalog has the same keys.
import type { Translation } from "../translation";

export const sv = {
  "rule.dateInFuture": "Datumet ligger i framtiden. Det som redan har hänt kan som senast ha skett i dag.",
  "rule.timeInFuture": "Tidpunkten ligger i framtiden. Det som redan har hänt kan som senast ha skett nu.",
  "rule.dateBeforeBirth": "Datumet ligger före patientens födelse. Ange ett datum från och med {date}.",
  "rule.dateBeforeCaseOpened": "Datumet ligger före den dag ärendet öppnades. Ange ett datum från och med {date}.",
  "rule.dateBeforeToday": "Ett planerat datum kan inte ligga före i dag. Ange dagens datum eller ett senare.",
  "rule.dateNotAfterToday": "Datumet ska ligga efter i dag. Ange tidigast morgondagens datum.",
  "rule.dateBeyondHorizon": "Datumet ligger för långt fram. Välj ett datum till och med {date}.",
  "rule.dateBeforeWorkingLife": "Datumet ligger längre tillbaka än ett arbetsliv. Välj ett datum från och med {date}.",
  "rule.dateBeyondWorkingLife": "Datumet ligger för långt fram. Välj ett datum till och med {date}.",
  "rule.dischargeBeforeAdmission": "Beräknat utskrivningsdatum kan inte ligga före inskrivningen ({date}).",
  "rule.sipBeforeCall": "SIP-mötet kan inte ligga före kallelsen ({date}).",
  "rule.endBeforeStart": "Sista anställningsdagen kan inte ligga före anställningens början ({date}).",
  "cases.field.reviewDueDateHintLakare": "ÅÅÅÅ-MM-DD, efter i dag. Frivilligt: en fast läkarkontakt är patientens eget val och behöver inget omprövningsdatum.",
  "cases.effect.assignmentReviewNone": "Behovet kvarstår; inget nytt omprövningsdatum (en fast läkarkontakt behöver inget).",
} as const;

export const en: Translation<typeof sv> = {
  "rule.dateInFuture": "The date is in the future. What has already happened can have happened today at the latest.",
  "rule.timeInFuture": "The time is in the future. What has already happened can have happened now at the latest.",
  "rule.dateBeforeBirth": "The date is before the patient was born. Enter a date from {date}.",
  "rule.dateBeforeCaseOpened": "The date is before the day the case was opened. Enter a date from {date}.",
  "rule.dateBeforeToday": "A planned date cannot be before today. Enter today's date or a later one.",
  "rule.dateNotAfterToday": "The date must be after today. Enter tomorrow's date at the earliest.",
  "rule.dateBeyondHorizon": "The date is too far ahead. Choose a date up to and including {date}.",
  "rule.dateBeforeWorkingLife": "The date is further back than a working life. Choose a date from {date}.",
  "rule.dateBeyondWorkingLife": "The date is too far ahead. Choose a date up to and including {date}.",
  "rule.dischargeBeforeAdmission": "The expected discharge date cannot be before the admission ({date}).",
  "rule.sipBeforeCall": "The SIP meeting cannot be before the call to it ({date}).",
  "rule.endBeforeStart": "The last day of employment cannot be before the employment started ({date}).",
  "cases.field.reviewDueDateHintLakare": "YYYY-MM-DD, after today. Optional: a fast läkarkontakt is the patient's own choice and needs no review date.",
  "cases.effect.assignmentReviewNone": "The need remains; no new review date (a fast läkarkontakt needs none).",
};
