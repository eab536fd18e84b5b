// Texts of the process statechart (app/processes/statechart.server.ts), Swedish first; the
// English catalog must have the same keys. States and events use the core `state.*`/`event.*`.
import type { Translation } from "../translation";

export const sv = {
  "statechart.currentStep": "Aktuellt steg",
  "statechart.automatic": "Automatiskt",
  "statechart.frame": "Pilar från ramen gäller i varje steg inom den",
  "statechart.legendCurrent": "Aktuellt steg",
  "statechart.legendVisited": "Steg som ärendet passerat",
  "statechart.legendTaken": "Taget steg",
  "statechart.legendNotTaken": "Möjligt steg, inte taget",
  "statechart.descCurrent": "Ärendet står nu på steget ”{state}”.",
  "statechart.descNoCurrent": "Diagrammet visar processens alla steg.",
  "statechart.descSteps": "Steg som tagits ({count}): {steps}.",
  "statechart.descNoSteps": "Inga steg har tagits ännu.",
  "statechart.descStep": "{event} (från ”{from}” till ”{to}”)",
} as const;

export const en: Translation<typeof sv> = {
  "statechart.currentStep": "Current step",
  "statechart.automatic": "Automatically",
  "statechart.frame": "Arrows from the frame apply in every step inside it",
  "statechart.legendCurrent": "Current step",
  "statechart.legendVisited": "Step the case has passed",
  "statechart.legendTaken": "Transition taken",
  "statechart.legendNotTaken": "Possible transition, not taken",
  "statechart.descCurrent": "The case is now at the step “{state}”.",
  "statechart.descNoCurrent": "The chart shows every step of the process.",
  "statechart.descSteps": "Steps taken ({count}): {steps}.",
  "statechart.descNoSteps": "No steps have been taken yet.",
  "statechart.descStep": "{event} (from “{from}” to “{to}”)",
};
