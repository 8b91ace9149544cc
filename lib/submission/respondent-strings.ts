import "server-only";
import { getTranslations } from "next-intl/server";
import { loadMessages } from "@/lib/i18n/messages";
import { RESPONDENT_ERROR_KEYS, type RespondentErrorKey } from "@/lib/submission/error-keys";

/** The respondent form's words, resolved on the server (the page ships no i18n runtime). */
export async function respondentStrings(locale: "fr" | "en", minimumAge: number | null | "{age}") {
  const t = await getTranslations({ locale, namespace: "respondent" });
  const keys = [
    "required", "optional", "submit", "submitSurvey", "submitLeadMagnet", "sending", "requiredLegend", "yes", "no", "scaleLow", "scaleHigh",
    "choose", "rules", "rulesLink", "consentsTitle", "consentsHint", "minorRefused", "parentEmail", "parentEmailHint", "honeypot", "network", "previewSubmit", "fixErrors",
  ] as const;
  const strings = Object.fromEntries(keys.map((k) => [k, t(k)])) as Record<(typeof keys)[number], string>;
  const errors = Object.fromEntries(RESPONDENT_ERROR_KEYS.map((k) => [k, k === "tooYoung" ? "" : t(`errors.${k}`)])) as Record<RespondentErrorKey, string>;
  errors.tooYoung = t("errors.tooYoung", { age: minimumAge ?? 0 });
  return { ...strings, ageDeclaration: t("ageDeclaration", { age: minimumAge ?? 0 }), errors };
}
export type RespondentStrings = Awaited<ReturnType<typeof respondentStrings>>;

/**
 * The words of the builder's live preview in one language: the form's and the page's, with
 * `{age}` and `{prize}` left in for the draft's values (lib/campaigns/draft-form.ts fillIn).
 */
export async function livePreviewStrings(locale: "fr" | "en") {
  const [form, t] = await Promise.all([respondentStrings(locale, "{age}"), getTranslations({ locale, namespace: "respondent" })]);
  // The notice's messages as written (ICU): the preview words the draft's notice in the browser.
  return { form, page: { prize: t("prize", { prize: "{prize}" }), free: t("free"), poweredBy: t("poweredBy") }, notice: loadMessages(locale).notice! };
}
export type LivePreviewStrings = Awaited<ReturnType<typeof livePreviewStrings>>;
