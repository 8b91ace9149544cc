import "server-only";
import { translator, type Translate } from "@/lib/i18n/translate";
import type { QuestionType } from "./kinds";
import { TEMPLATES, type CampaignTemplateSpec, type TemplateId } from "./templates";

// The texts the app writes into a campaign (the starter form, a template, a
// copy's title), from the "content" namespace of the catalogues, in the
// campaign's language. Once written they are the campaign's content, edited
// by the marketer like any typed text; only their first wording comes from here.

/** The catalogue language of a campaign's locale column. */
function contentTexts(locale: string): Translate {
  return translator(locale === "en" ? "en" : "fr", "content");
}

type Written<T> = { [K in keyof T]: T[K] extends string ? string : T[K] extends string | undefined ? string | undefined : T[K] };

export type CampaignTemplate = {
  kind: CampaignTemplateSpec["kind"];
  settings: Written<CampaignTemplateSpec["settings"]>;
  sections: Array<{
    title: string;
    questions: Array<{
      type: QuestionType;
      label: string;
      helpText?: string;
      required: boolean;
      rfmTag?: "R" | "F" | "M";
      validation?: { maxLength?: number };
      options?: Array<{ label: string; rfmScore?: number }>;
    }>;
  }>;
  purposes: Array<{ wording: string; isRecontact: boolean; isProfiling: boolean }>;
};

/** A template written in the campaign's language, with the organisation's name where its texts name it. */
export function campaignTemplate(id: TemplateId, locale: string, organisation: string): CampaignTemplate {
  const t = contentTexts(locale);
  const spec = TEMPLATES[id];
  const { description, rulesText, ...numbers } = spec.settings;
  return {
    kind: spec.kind,
    settings: { ...numbers, description: t(description), ...(rulesText ? { rulesText: t(rulesText, { organisation }) } : {}) },
    sections: spec.sections.map((section) => ({
      title: t(section.title),
      questions: section.questions.map(({ label, helpText, options, ...question }) => ({
        ...question,
        label: t(label),
        ...(helpText ? { helpText: t(helpText) } : {}),
        ...(options ? { options: options.map((o) => ({ ...o, label: t(o.label) })) } : {}),
      })),
    })),
    purposes: spec.purposes.map((p) => ({ ...p, wording: t(p.wording, { organisation }) })),
  };
}

/** The starter form of a campaign made without a template: its contact section, questions and recontact purpose. */
export function starterContent(locale: string, organisation: string, emailRequired: boolean) {
  const t = contentTexts(locale);
  return {
    sectionTitle: t("starter.contactSection"),
    questions: [
      { type: "FIRST_NAME", label: t("starter.firstName"), required: true },
      { type: "EMAIL", label: t("starter.email"), required: emailRequired },
    ] satisfies Array<{ type: QuestionType; label: string; required: boolean }>,
    recontactWording: t("starter.recontact", { organisation }),
  };
}

/** The title of a campaign's copy, in its language. */
export function copyTitle(locale: string, title: string): string {
  return contentTexts(locale)("copyTitle", { title });
}
