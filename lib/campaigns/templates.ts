import type { QuestionType } from "./kinds";

// Ready-made campaigns offered at creation. Each one is complete but for what
// only the marketer knows (the prize, the reward's link; the dates default to
// the next 30 days): once those are entered, it passes every publish check.
// A template holds the structure and the catalogue keys of its texts (the
// "content" namespace); lib/campaigns/content.ts writes those texts in the
// campaign's language at creation, as content the marketer then edits. Their
// names, hints and proposed titles are the builder's (builder.templates.*).

export const TEMPLATE_IDS = ["PELLET_STOVE_CONTEST", "WHITE_PAPER", "SATISFACTION_SURVEY"] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export const TEMPLATE_KIND: Record<TemplateId, "CONTEST" | "LEAD_MAGNET" | "SURVEY"> = {
  PELLET_STOVE_CONTEST: "CONTEST",
  WHITE_PAPER: "LEAD_MAGNET",
  SATISFACTION_SURVEY: "SURVEY",
};

/** A key of the "content" namespace ("starter.firstName", "templates.WHITE_PAPER.role.label"). */
export type ContentKey = string;

export type TemplateQuestionSpec = {
  type: QuestionType;
  label: ContentKey;
  helpText?: ContentKey;
  required: boolean;
  rfmTag?: "R" | "F" | "M";
  validation?: { maxLength?: number };
  options?: Array<{ label: ContentKey; rfmScore?: number }>;
};

export type CampaignTemplateSpec = {
  kind: "CONTEST" | "LEAD_MAGNET" | "SURVEY";
  /** Columns of the campaign besides the defaults; description and rulesText are keys */
  settings: {
    description: ContentKey;
    rulesText?: ContentKey;
    winnersCount?: number;
    alternatesCount?: number;
    minimumAge?: number | null;
    ageCheck?: "BIRTHDATE" | "DECLARATION";
  };
  sections: Array<{ title: ContentKey; questions: TemplateQuestionSpec[] }>;
  purposes: Array<{ wording: ContentKey; isRecontact: boolean; isProfiling: boolean }>;
};

const FIVE_TO_ONE = [5, 4, 3, 2, 1];

/** A choice question whose label and options are under `key` ("templates.X.heating.label", "….options.wood"). */
function choice(key: string, options: string[], spec: Omit<TemplateQuestionSpec, "label" | "options" | "type"> & { type?: QuestionType; scores?: number[] }): TemplateQuestionSpec {
  const { scores, type = "SINGLE_CHOICE", ...rest } = spec;
  return { type, label: `${key}.label`, options: options.map((o, i) => ({ label: `${key}.options.${o}`, rfmScore: scores?.[i] })), ...rest };
}

/** The contact details every template ends with, as the starter form asks them. */
function contactSection(emailHelp: ContentKey, extra: TemplateQuestionSpec[] = [], emailRequired = true) {
  return {
    title: "starter.contactSection",
    questions: [
      { type: "FIRST_NAME", label: "starter.firstName", required: true },
      { type: "LAST_NAME", label: "starter.lastName", required: false },
      { type: "EMAIL", label: "starter.email", helpText: emailHelp, required: emailRequired },
      ...extra,
    ] satisfies TemplateQuestionSpec[],
  };
}

const RECONTACT = { wording: "starter.recontact", isRecontact: true, isProfiling: false };

const P = "templates.PELLET_STOVE_CONTEST";
const W = "templates.WHITE_PAPER";
const S = "templates.SATISFACTION_SURVEY";

export const TEMPLATES: Record<TemplateId, CampaignTemplateSpec> = {
  /** The reference case: a pellet-stove contest qualifying entrants with scored R, F and M questions, and a profiling purpose. */
  PELLET_STOVE_CONTEST: {
    kind: "CONTEST",
    settings: { description: `${P}.description`, rulesText: `${P}.rules`, winnersCount: 1, alternatesCount: 2, minimumAge: 18, ageCheck: "DECLARATION" },
    sections: [
      {
        title: `${P}.sections.home`,
        questions: [
          choice(`${P}.heating`, ["wood", "pellet", "oil", "gas", "heatPump", "electric"], { required: true }),
          choice(`${P}.tenure`, ["owner", "tenant"], { required: true }),
          { type: "LONG_TEXT", label: `${P}.expectations.label`, required: false, validation: { maxLength: 1000 } },
        ],
      },
      {
        title: `${P}.sections.habits`,
        questions: [
          choice(`${P}.lastPurchase`, ["underMonth", "underHalfYear", "underYear", "overYear", "never"], { required: true, rfmTag: "R", scores: FIVE_TO_ONE }),
          choice(`${P}.frequency`, ["severalMonthly", "monthly", "severalYearly", "yearly", "never"], { required: true, rfmTag: "F", scores: FIVE_TO_ONE }),
          choice(`${P}.budget`, ["over2000", "from1500", "from1000", "from500", "under500"], { required: true, rfmTag: "M", scores: FIVE_TO_ONE }),
        ],
      },
      contactSection(`${P}.emailHelp`, [{ type: "POSTAL_CODE", label: "starter.postalCode", required: true }]),
    ],
    // The profiling purpose: R, F, M and the segment only for the people who consent to it.
    purposes: [RECONTACT, { wording: `${P}.profiling`, isRecontact: false, isProfiling: true }],
  },
  WHITE_PAPER: {
    kind: "LEAD_MAGNET",
    settings: { description: `${W}.description` },
    sections: [
      {
        title: `${W}.sections.about`,
        questions: [
          { type: "SHORT_TEXT", label: `${W}.company.label`, required: false, validation: { maxLength: 200 } },
          choice(`${W}.role`, ["management", "marketing", "sales", "technical", "other"], { required: true }),
          choice(`${W}.size`, ["micro", "small", "medium", "large"], { required: false }),
          choice(`${W}.timing`, ["threeMonths", "year", "none"], { required: false }),
        ],
      },
      contactSection(`${W}.emailHelp`),
    ],
    purposes: [RECONTACT],
  },
  SATISFACTION_SURVEY: {
    kind: "SURVEY",
    settings: { description: `${S}.description` },
    sections: [
      {
        title: `${S}.sections.opinion`,
        questions: [
          choice(`${S}.satisfaction`, ["very", "satisfied", "notVery", "notAtAll"], { required: true }),
          { type: "SCALE", label: `${S}.recommend.label`, required: true },
          choice(`${S}.valued`, ["quality", "price", "advice", "speed", "afterSales"], { type: "MULTIPLE_CHOICE", required: false }),
          { type: "LONG_TEXT", label: `${S}.improve.label`, required: false, validation: { maxLength: 2000 } },
        ],
      },
      contactSection(`${S}.emailHelp`, [], false),
    ],
    purposes: [RECONTACT],
  },
};
