import { z } from "zod";
import { normaliseEmail } from "./email";
import { DIGITAL_CONSENT_AGE, ageOn, birthDateQuestion, isRealDate, questionsOf, type FormDefinition, type FormQuestion } from "./form-definition";

// The schema of one submission, built from the campaign's definition. The
// respondent's browser (zodResolver) and the submit endpoint use this very
// function, so both refuse the same things with the same message keys
// ("errors.*" shared keys, "respondent.*" keys of the respondent namespace).

export type AnswerValue = string | string[] | number;

const MAX_TEXT = { SHORT_TEXT: 200, LONG_TEXT: 2000, FIRST_NAME: 80, LAST_NAME: 80 } as const;
const PHONE_FR = /^(?:0|\+33)[1-9]\d{8}$/;
const PHONE_INTL = /^\+[1-9]\d{7,14}$/;

const empty = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/** The validator of one answer; an unanswered optional question gives undefined. */
function answerSchema(q: FormQuestion, locale: "fr" | "en"): z.ZodType<AnswerValue | undefined> {
  const optionIds = q.options.map((o) => o.id);
  const req = (schema: z.ZodType<AnswerValue>): z.ZodType<AnswerValue | undefined> =>
    z.unknown().optional().transform((v, ctx) => {
      if (empty(v) || (typeof v === "string" && v.trim() === "")) {
        if (q.required) ctx.addIssue({ code: "custom", message: q.type === "MULTIPLE_CHOICE" || q.type === "SINGLE_CHOICE" || q.type === "YES_NO" || q.type === "SCALE" ? "respondent.errors.choose" : "errors.required" });
        return undefined;
      }
      const parsed = schema.safeParse(v);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
        return z.NEVER;
      }
      return parsed.data;
    });
  const v = q.validation;
  const numberIn = (min: number, max: number, step: "int" | "any") =>
    z.union([z.string(), z.number()]).transform((raw, ctx) => {
      const n = typeof raw === "number" ? raw : Number(String(raw).replace(",", ".").trim());
      if (!Number.isFinite(n) || (step === "int" && !Number.isInteger(n))) {
        ctx.addIssue({ code: "custom", message: "respondent.errors.number" });
        return z.NEVER;
      }
      if (n < min) ctx.addIssue({ code: "custom", message: "respondent.errors.tooSmall" });
      if (n > max) ctx.addIssue({ code: "custom", message: "respondent.errors.tooLarge" });
      return n;
    });
  switch (q.type) {
    case "SHORT_TEXT":
    case "LONG_TEXT":
    case "FIRST_NAME":
    case "LAST_NAME": {
      const max = Math.min(v.maxLength ?? MAX_TEXT[q.type], MAX_TEXT[q.type]);
      // Only long text spans lines: a line break in a name could reach an e-mail header.
      const text = z.string().transform((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim());
      const lines = q.type === "LONG_TEXT" ? text : text.refine((s) => !/[\r\n]/.test(s), { error: "respondent.errors.lineBreak" });
      return req(lines.pipe(z.string().max(max, { error: "errors.tooLong" })));
    }
    case "EMAIL":
      return req(z.string().trim().max(254, { error: "errors.tooLong" }).pipe(z.email({ error: "errors.emailInvalid" })).transform(normaliseEmail));
    case "PHONE":
      return req(
        z
          .string()
          .transform((s) => s.replace(/[\s.\-()]/g, ""))
          .refine((s) => PHONE_INTL.test(s) || (locale === "fr" && PHONE_FR.test(s)) || PHONE_FR.test(s), { error: "respondent.errors.phone" }),
      );
    case "POSTAL_CODE":
      return req(
        z
          .string()
          .trim()
          .toUpperCase()
          .refine((s) => (locale === "fr" ? /^\d{5}$/.test(s) : /^[A-Z0-9][A-Z0-9 -]{1,8}[A-Z0-9]$/.test(s)), { error: "respondent.errors.postalCode" }),
      );
    case "SINGLE_CHOICE":
      return req(z.string().refine((s) => optionIds.includes(s), { error: "respondent.errors.choose" }));
    case "MULTIPLE_CHOICE":
      return req(
        z
          .array(z.string())
          .transform((a) => [...new Set(a)])
          .refine((a) => a.every((id) => optionIds.includes(id)), { error: "respondent.errors.choose" })
          .refine((a) => v.min == null || a.length >= v.min, { error: "respondent.errors.tooFewChoices" })
          .refine((a) => v.max == null || a.length <= v.max, { error: "respondent.errors.tooManyChoices" }),
      );
    case "YES_NO":
      return req(z.enum(["yes", "no"], { error: "respondent.errors.choose" }));
    case "SCALE":
      return req(numberIn(1, 10, "int"));
    case "NUMBER":
      return req(numberIn(v.min ?? -1e12, v.max ?? 1e12, "any"));
    case "DATE":
      return req(
        z
          .string()
          .trim()
          .refine(isRealDate, { error: "respondent.errors.date" })
          .refine((s) => !v.birthDate || new Date(`${s}T00:00:00Z`).getTime() <= Date.now(), { error: "respondent.errors.birthDateFuture" })
          .refine((s) => !v.birthDate || Number(s.slice(0, 4)) >= new Date().getFullYear() - 120, { error: "respondent.errors.date" }),
      );
  }
}

export type SchemaOptions = { now?: () => Date };

/** The zod schema of a submission to `form`. */
export function buildSubmissionSchema(form: FormDefinition, options: SchemaOptions = {}) {
  const now = options.now ?? (() => new Date());
  const questions = questionsOf(form);
  const answers = z.object(Object.fromEntries(questions.map((q) => [q.id, answerSchema(q, form.locale)]))).strict();
  // Purposes: exactly the campaign's, each an unticked-by-default box (absent = not ticked).
  const consents = z.strictObject(Object.fromEntries(form.purposes.map((p) => [p.id, z.boolean().default(false)])), { error: "respondent.errors.unknownPurpose" });
  const birth = birthDateQuestion(form);
  const contextField = (max: number) => z.string().max(max).default("").catch("");
  const isContest = form.kind === "CONTEST";
  const declares = form.minimumAge != null && form.ageCheck === "DECLARATION";

  return z
    .object({
      answers,
      consents: consents.default(Object.fromEntries(form.purposes.map((p) => [p.id, false]))),
      // Field-level checks, so their errors show together with the answers' ones.
      rulesAccepted: z.boolean().default(false).refine((v) => v || !isContest, { error: "respondent.errors.rules" }),
      ageDeclared: z.boolean().default(false).refine((v) => v || !declares, { error: "respondent.errors.ageDeclaration" }),
      parentalConsent: z.boolean().default(false),
      /** Honeypot: a field people never see; whatever it holds is kept to reject the entry, not refused */
      website: z.string().max(500).default("").catch("bot"),
      startToken: z.string().max(300).default(""),
      context: z
        .object({
          pageUrl: contextField(1000),
          referrer: contextField(1000),
          utmSource: contextField(100),
          utmMedium: contextField(100),
          utmCampaign: contextField(100),
          utmTerm: contextField(100),
          utmContent: contextField(100),
        })
        .default({ pageUrl: "", referrer: "", utmSource: "", utmMedium: "", utmCampaign: "", utmTerm: "", utmContent: "" }),
    })
    .superRefine((s, ctx) => {
      const birthDate = birth ? s.answers[birth.id] : undefined;
      if (typeof birthDate !== "string" || !isRealDate(birthDate)) return;
      const age = ageOn(birthDate, now());
      if (form.minimumAge != null && age < form.minimumAge) {
        ctx.addIssue({ code: "custom", path: ["answers", birth!.id], message: "respondent.errors.tooYoung" });
        return;
      }
      const marketing = Object.values(s.consents).some(Boolean);
      if (age < DIGITAL_CONSENT_AGE && marketing) {
        if (form.minorPolicy === "PARENTAL_CONSENT") {
          if (!s.parentalConsent) ctx.addIssue({ code: "custom", path: ["parentalConsent"], message: "respondent.errors.parentalConsent" });
        } else {
          ctx.addIssue({ code: "custom", path: ["consents"], message: "respondent.errors.minorConsent" });
        }
      }
    });
}

export type SubmissionSchema = ReturnType<typeof buildSubmissionSchema>;
export type SubmissionInput = z.input<SubmissionSchema>;
export type Submission = z.output<SubmissionSchema>;

/** Age facts of a valid submission, for Response.ageOk / parentalConsent. */
export function ageFacts(form: FormDefinition, s: Submission, now: Date): { age: number | null; ageOk: boolean; parentalConsent: boolean } {
  const birth = birthDateQuestion(form);
  const birthDate = birth ? s.answers[birth.id] : undefined;
  const age = typeof birthDate === "string" ? ageOn(birthDate, now) : null;
  const ageOk = form.minimumAge == null ? true : age != null ? age >= form.minimumAge : s.ageDeclared;
  const parentalConsent = age != null && age < DIGITAL_CONSENT_AGE && s.parentalConsent;
  return { age, ageOk, parentalConsent };
}
