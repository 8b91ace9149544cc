import { z } from "zod";
import { LOCALES } from "@/lib/i18n/config";
import { AGE_CHECKS, CHOICE_TYPES, MINOR_POLICIES, QUESTION_TYPES, RFM_TAGS } from "./kinds";
import { fromZonedInput, isTimeZone } from "@/lib/time-zone";
import { SLUG_PATTERN } from "./slug";
import { isHttpUrl } from "./redirect-url";
import { TEMPLATE_IDS } from "./templates";
import { scalePresetOf } from "./scale";
import { showIfProblems } from "./show-if-checks";

// The campaign definition edited in the builder. The same schema validates the
// builder form (zodResolver) and the save action on the server.

const text = (max: number) => z.string().trim().max(max, { error: "errors.tooLong" });
const requiredText = (max: number) => text(max).min(1, { error: "errors.required" });
const int = (min: number, max: number) =>
  z.coerce.number({ error: "errors.required" }).int({ error: "builder.errors.integer" }).min(min, { error: "builder.errors.tooSmall" }).max(max, { error: "builder.errors.tooLarge" });
/** An optional number typed in a text box: "" means none. */
const optionalNumber = z.preprocess(
  (v) => (v === "" || v === null || v === undefined || (typeof v === "number" && Number.isNaN(v)) ? null : Number(v)),
  z.number({ error: "builder.errors.number" }).finite({ error: "builder.errors.number" }).nullable(),
);

export const optionSchema = z.object({
  id: z.string().optional(),
  label: requiredText(200),
  rfmScore: z.preprocess((v) => (v === "" || v === null || v === undefined ? null : Number(v)), z.number().int().min(1).max(5).nullable()),
});

export const validationSchema = z.object({
  min: optionalNumber.optional(),
  max: optionalNumber.optional(),
  maxLength: optionalNumber.optional(),
  /** A scale's end labels ("Pas du tout probable" … "Très probable") */
  minLabel: text(80).optional(),
  maxLabel: text(80).optional(),
});
export type QuestionValidation = z.infer<typeof validationSchema>;

/** Show-if: the answer to an earlier question is one of these values (see lib/campaigns/visibility-rules.ts). */
export const showIfSchema = z.object({
  questionId: z.string({ error: "builder.errors.showIfQuestion" }).min(1, { error: "builder.errors.showIfQuestion" }),
  anyOf: z.array(z.string().min(1)).min(1, { error: "builder.errors.showIfValues" }).max(30),
});

export const questionSchema = z
  .object({
    id: z.string().optional(),
    type: z.enum(QUESTION_TYPES),
    label: requiredText(300),
    helpText: text(500).default(""),
    required: z.boolean().default(false),
    rfmTag: z.preprocess((v) => (v === "" ? null : v), z.enum(RFM_TAGS).nullable().default(null)),
    validation: validationSchema.default({}),
    options: z.array(optionSchema).max(30, { error: "builder.errors.tooManyOptions" }).default([]),
    showIf: showIfSchema.nullable().default(null),
  })
  .superRefine((q, ctx) => {
    if (CHOICE_TYPES.includes(q.type) && q.options.length < 2)
      ctx.addIssue({ code: "custom", path: ["options"], message: "builder.errors.twoOptions" });
    if (q.rfmTag && q.type !== "SINGLE_CHOICE") ctx.addIssue({ code: "custom", path: ["rfmTag"], message: "builder.errors.rfmSingleOnly" });
    if (q.rfmTag)
      q.options.forEach((o, i) => {
        if (o.rfmScore === null) ctx.addIssue({ code: "custom", path: ["options", i, "rfmScore"], message: "builder.errors.rfmScore" });
      });
    const { min, max } = q.validation;
    if (min != null && max != null && min > max) ctx.addIssue({ code: "custom", path: ["validation", "max"], message: "builder.errors.minMax" });
    if (q.type === "SCALE" && (min != null || max != null) && !scalePresetOf(min, max))
      ctx.addIssue({ code: "custom", path: ["validation", "max"], message: "builder.errors.scaleRange" });
  });
export type QuestionInput = z.input<typeof questionSchema>;

export const sectionSchema = z.object({
  id: z.string().optional(),
  title: text(200).default(""),
  showIf: showIfSchema.nullable().default(null),
  questions: z.array(questionSchema).max(60, { error: "builder.errors.tooManyQuestions" }),
});

export const purposeSchema = z.object({
  id: z.string().optional(),
  wording: z.string().trim().min(10, { error: "builder.errors.wordingTooShort" }).max(500, { error: "errors.tooLong" }),
  isRecontact: z.boolean().default(false),
  /** The campaign's profiling purpose: R, F, M and segment only for the people consenting to it */
  isProfiling: z.boolean().default(false),
});

export const settingsSchema = z.object({
  title: requiredText(160),
  slug: z.string().trim().toLowerCase().regex(SLUG_PATTERN, { error: "builder.errors.slug" }),
  description: text(2000).default(""),
  locale: z.enum(LOCALES),
  brandColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: "builder.errors.color" }),
  opensAt: z.string().min(1, { error: "errors.required" }),
  closesAt: z.string().min(1, { error: "errors.required" }),
  timeZone: z.string().refine(isTimeZone, { error: "builder.errors.timeZone" }),
  retentionMonths: int(1, 120),
  unconfirmedPurgeDays: int(1, 365),
  recipients: text(1000).default(""),
  /** Partners by name, one per line: who receives the data of the people ticking a partners' purpose */
  partners: text(1000).default(""),
  prize: text(500).default(""),
  winnersCount: int(1, 1000),
  alternatesCount: int(0, 1000),
  rulesText: text(50_000).default(""),
  rulesDepositedWith: text(500).default(""),
  minimumAge: z.preprocess((v) => (v === "" || v === null || v === undefined ? null : Number(v)), z.number().int().min(1).max(99).nullable()),
  ageCheck: z.enum(AGE_CHECKS),
  minorPolicy: z.enum(MINOR_POLICIES),
  requireConfirmation: z.boolean(),
  rewardUrl: z
    .string()
    .trim()
    .max(2000, { error: "errors.tooLong" })
    .refine((v) => v === "" || /^https?:\/\/\S+$/.test(v), { error: "builder.errors.url" }),
  /** The thank-you page: the marketer's message, and where to send the respondent next (http/https only) */
  thanksMessage: text(1000).default(""),
  thanksRedirectUrl: z
    .string()
    .trim()
    .max(2000, { error: "errors.tooLong" })
    .refine((v) => v === "" || isHttpUrl(v), { error: "builder.errors.redirectUrl" })
    .default(""),
  /** Lead magnet: the words that come with the reward */
  rewardDeliveryText: text(1000).default(""),
});

export const campaignDefinitionSchema = settingsSchema
  .extend({
    sections: z.array(sectionSchema).min(1, { error: "builder.errors.oneSection" }).max(20),
    purposes: z.array(purposeSchema).max(10, { error: "builder.errors.tooManyPurposes" }),
  })
  .superRefine((d, ctx) => {
    const opens = fromZonedInput(d.opensAt, d.timeZone);
    const closes = fromZonedInput(d.closesAt, d.timeZone);
    if (!opens) ctx.addIssue({ code: "custom", path: ["opensAt"], message: "builder.errors.date" });
    if (!closes) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "builder.errors.date" });
    if (opens && closes && closes <= opens) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "builder.errors.closesBeforeOpens" });
    if (d.purposes.filter((p) => p.isRecontact).length > 1)
      ctx.addIssue({ code: "custom", path: ["purposes"], message: "builder.errors.oneRecontact" });
    if (d.purposes.filter((p) => p.isProfiling).length > 1)
      ctx.addIssue({ code: "custom", path: ["purposes"], message: "builder.errors.oneProfiling" });
    if (d.purposes.some((p) => p.isProfiling && p.isRecontact))
      ctx.addIssue({ code: "custom", path: ["purposes"], message: "builder.errors.profilingNotRecontact" });
    const questions = d.sections.flatMap((s) => s.questions);
    if (questions.filter((q) => q.type === "EMAIL").length > 1) ctx.addIssue({ code: "custom", path: ["sections"], message: "builder.errors.oneEmail" });
    if (questions.filter((q) => q.type === "BIRTH_DATE").length > 1)
      ctx.addIssue({ code: "custom", path: ["sections"], message: "builder.errors.oneBirthDate" });
    for (const problem of showIfProblems(d.sections)) ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
  });
export type CampaignDefinitionInput = z.input<typeof campaignDefinitionSchema>;
export type CampaignDefinition = z.output<typeof campaignDefinitionSchema>;

/** What a new campaign is created from. */
export const newCampaignSchema = z.object({
  kind: z.enum(["CONTEST", "LEAD_MAGNET", "SURVEY"]),
  title: requiredText(160),
  /** A ready-made campaign to start from (lib/campaigns/templates.ts); it decides the kind */
  template: z.enum(TEMPLATE_IDS).optional(),
});
export type NewCampaignInput = z.infer<typeof newCampaignSchema>;

export const campaignIdSchema = z.object({ campaignId: z.string().min(1) });
