/**
 * The keys of the respondent form's error catalogue (messages respondent.json,
 * "errors"). Every message the submission schema gives names one of them, as
 * "respondent.errors.<key>" or, for the keys shared with the dashboard,
 * "errors.<key>"; the page hands the form exactly these texts, in its language.
 */
export const RESPONDENT_ERROR_KEYS = [
  "choose",
  "number",
  "tooSmall",
  "tooLarge",
  "tooFewChoices",
  "tooManyChoices",
  "phone",
  "postalCode",
  "date",
  "birthDateFuture",
  "tooYoung",
  "rules",
  "ageDeclaration",
  "minorConsent",
  "unknownPurpose",
  "required",
  "tooLong",
  "emailInvalid",
  "lineBreak",
  "parentEmailRequired",
  "parentEmailSame",
  "invalid",
] as const;

export type RespondentErrorKey = (typeof RESPONDENT_ERROR_KEYS)[number];

const KEYS: ReadonlySet<string> = new Set(RESPONDENT_ERROR_KEYS);

/** The catalogue key a schema message names, or null when it is anything else (a library's default text). */
export function respondentErrorKey(message: string | undefined): RespondentErrorKey | null {
  const key = message?.match(/^(?:respondent\.)?errors\.([A-Za-z]+)$/)?.[1];
  return key && KEYS.has(key) ? (key as RespondentErrorKey) : null;
}
