/** Campaign kinds, statuses and question types: plain strings in the database, checked here. */
export const CAMPAIGN_KINDS = ["CONTEST", "LEAD_MAGNET", "SURVEY"] as const;

export const QUESTION_TYPES = [
  "SHORT_TEXT",
  "LONG_TEXT",
  "SINGLE_CHOICE",
  "MULTIPLE_CHOICE",
  "YES_NO",
  "SCALE",
  "NUMBER",
  "DATE",
  /** The respondent's birth date: age checks, minors, the contact record */
  "BIRTH_DATE",
  "EMAIL",
  "FIRST_NAME",
  "LAST_NAME",
  "PHONE",
  "POSTAL_CODE",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Types whose answers are options of the question. */
export const CHOICE_TYPES: readonly QuestionType[] = ["SINGLE_CHOICE", "MULTIPLE_CHOICE"];

export const RFM_TAGS = ["R", "F", "M"] as const;

export const AGE_CHECKS = ["BIRTHDATE", "DECLARATION"] as const;
export const MINOR_POLICIES = ["REFUSE", "PARENTAL_CONSENT"] as const;

/** Kinds that need an e-mail address to work (the draw, the reward after confirmation). */
export function needsEmail(kind: string): boolean {
  return kind === "CONTEST" || kind === "LEAD_MAGNET";
}
