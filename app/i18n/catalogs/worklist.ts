// Texts of the worklist pages, Swedish first; the English catalog must have the same keys.
import type { Translation } from "../translation";

export const sv = {} as const;

export const en: Translation<typeof sv> = {};
