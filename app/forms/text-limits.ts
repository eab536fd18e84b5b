// The longest value each kind of text field accepts, in one place. The zod schemas refuse
// a longer value with "Högst N tecken." (or the form's own wording of it) and the inputs
// carry the same number as `maxLength`, so the browser stops typing where the server would
// refuse. Generous for real use, small enough that nobody stores a megabyte in a name field.
import { HSA_ID_MAX_LENGTH } from "~/domain/identifiers";

export const TEXT_LIMITS = {
  /** First, middle or last name of a staff member. */
  name: 60,
  /** HSA-id as typed: the identifier's own maximum plus room for spaces the parser strips. */
  hsaId: HSA_ID_MAX_LENGTH + 10,
  /** Personnummer or samordningsnummer as typed, with separators. */
  personnummer: 13,
  phone: 30,
  /** Sign-in user name; the demo's longest is far shorter. */
  username: 100,
  /** Password: long passphrases welcome, a megabyte is not. */
  password: 256,
  /** A database id or a code chosen from a list (posted back from a select or radio). */
  id: 100,
  /** A path to return to after sign-in, unit choice or language switch. */
  redirectTarget: 2048,
  /** One-line texts in a case: a role title. */
  shortText: 100,
  /** What a contact is about. */
  mediumText: 300,
  /** The note shown outside the unit (1177). */
  externalNote: 500,
  /** Reasons for cancelling, ending, changing a contact. */
  reason: 500,
  /** Free-text notes, comments, justifications and messages. */
  freeText: 1000,
  /** Why a protected patient is opened (access log). */
  unlockReason: 200,
  /** Search boxes (staff register, audit log user search). */
  searchQuery: 100,
  /** The name of a consumer system's API key. */
  apiKeyName: 100,
} as const;
