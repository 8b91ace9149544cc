import * as z from "zod/mini";
import { normaliseEmail } from "./email";
import { respondentErrorKey } from "./error-keys";
import { DIGITAL_CONSENT_AGE, ageOn, birthDateQuestion, isRealDate, questionsOf, type FormDefinition, type FormQuestion } from "./form-definition";
import { visibility } from "@/lib/campaigns/visibility-rules";
import { scaleRange } from "@/lib/campaigns/scale";

// The schema of one submission, built from the campaign's definition. The
// respondent's browser (zodResolver) and the submit endpoint use this very
// function, so both refuse the same things with the same message keys
// ("errors.*" shared keys, "respondent.*" keys of the respondent namespace).
// zod/mini, not zod: the same rules at a fraction of the weight on a phone.

type AnswerValue = string | string[] | number;

const MAX_TEXT = { SHORT_TEXT: 200, LONG_TEXT: 2000, FIRST_NAME: 80, LAST_NAME: 80 } as const;
const PHONE_FR = /^(?:0|\+33)[1-9]\d{8}$/;
const PHONE_INTL = /^\+[1-9]\d{7,14}$/;

/**
 * Stands for the answer of a question the respondent was not shown (show-if): whatever was
 * sent for it is dropped before validation, so it is neither checked, required nor stored.
 */
const HIDDEN = Symbol("hidden");

/** The answers with those of unshown questions replaced by HIDDEN (anything but an object is left to the schema to refuse). */
function hideUnshown(form: FormDefinition, raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const answers = raw as Record<string, unknown>;
  const shown = visibility(form.sections, answers).questions;
  const out: Record<string, unknown> = { ...answers };
  for (const q of questionsOf(form)) if (!shown.has(q.id)) out[q.id] = HIDDEN;
  return out;
}

const empty = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/** A string made by `from`, then checked. */
const thenString = (from: z.ZodMiniType<string>, ...checks: Parameters<z.ZodMiniString["check"]>) => z.pipe(from, z.string().check(...checks));

/** A message for issues of the whole body or of its fields other than answers. */
const INVALID = "respondent.errors.invalid";

/** What an answer of this type is told when it is wrong in a way no check of ours names (a number where text goes). */
const FALLBACK: Record<FormQuestion["type"], string> = {
  SHORT_TEXT: INVALID,
  LONG_TEXT: INVALID,
  FIRST_NAME: INVALID,
  LAST_NAME: INVALID,
  EMAIL: "errors.emailInvalid",
  PHONE: "respondent.errors.phone",
  POSTAL_CODE: "respondent.errors.postalCode",
  SINGLE_CHOICE: "respondent.errors.choose",
  MULTIPLE_CHOICE: "respondent.errors.choose",
  YES_NO: "respondent.errors.choose",
  SCALE: "respondent.errors.choose",
  NUMBER: "respondent.errors.number",
  DATE: "respondent.errors.date",
  BIRTH_DATE: "respondent.errors.date",
};

/**
 * A checkbox group as a browser form gives it: react-hook-form reports an
 * untouched group as `false` and a group of one ticked box as that box's
 * value. Both mean a list of choices.
 */
function asChoiceList(v: unknown): unknown {
  if (v === false || v === null) return [];
  if (typeof v === "string") return v.trim() === "" ? [] : [v];
  return v;
}

/** The validator of one answer; an unanswered optional question gives undefined. */
function answerSchema(q: FormQuestion, locale: "fr" | "en"): z.ZodMiniType<AnswerValue | undefined> {
  const optionIds = q.options.map((o) => o.id);
  const req = (schema: z.ZodMiniType<AnswerValue>): z.ZodMiniType<AnswerValue | undefined> =>
    z.pipe(
      z.optional(z.unknown()),
      z.transform((raw, ctx) => {
        if (raw === HIDDEN) return undefined;
        const v = q.type === "MULTIPLE_CHOICE" ? asChoiceList(raw) : raw;
        if (empty(v) || (typeof v === "string" && v.trim() === "")) {
          if (q.required) ctx.issues.push({ code: "custom", input: v, message: q.type === "MULTIPLE_CHOICE" || q.type === "SINGLE_CHOICE" || q.type === "YES_NO" || q.type === "SCALE" ? "respondent.errors.choose" : "errors.required" });
          return undefined;
        }
        const parsed = schema.safeParse(v);
        if (!parsed.success) {
          // Only our catalogue's keys reach the respondent, never zod's default text.
          for (const issue of parsed.error.issues) ctx.issues.push({ code: "custom", input: v, message: respondentErrorKey(issue.message) ? issue.message : FALLBACK[q.type] });
          return z.NEVER;
        }
        return parsed.data;
      }),
    );
  const v = q.validation;
  // Text or a number; anything else is told FALLBACK's key (a plain check rather than z.union,
  // whose code a phone would download with the form for this one test).
  const numberIn = (min: number, max: number, step: "int" | "any") =>
    z.pipe(
      z.unknown(),
      z.transform((raw, ctx) => {
        if (typeof raw !== "string" && typeof raw !== "number") {
          ctx.issues.push({ code: "custom", input: raw, message: FALLBACK[q.type] });
          return z.NEVER;
        }
        const n = typeof raw === "number" ? raw : Number(raw.replace(",", ".").trim());
        if (!Number.isFinite(n) || (step === "int" && !Number.isInteger(n))) {
          ctx.issues.push({ code: "custom", input: raw, message: "respondent.errors.number" });
          return z.NEVER;
        }
        if (n < min) ctx.issues.push({ code: "custom", input: raw, message: "respondent.errors.tooSmall" });
        if (n > max) ctx.issues.push({ code: "custom", input: raw, message: "respondent.errors.tooLarge" });
        return n;
      }),
    );
  switch (q.type) {
    case "SHORT_TEXT":
    case "LONG_TEXT":
    case "FIRST_NAME":
    case "LAST_NAME": {
      const max = z.maxLength(Math.min(v.maxLength ?? MAX_TEXT[q.type], MAX_TEXT[q.type]), { error: "errors.tooLong" });
      const text = z.pipe(z.string(), z.transform((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim()));
      // Only long text spans lines: a line break in a name could reach an e-mail header.
      if (q.type === "LONG_TEXT") return req(thenString(text, max));
      return req(thenString(text, z.refine((s) => !/[\r\n]/.test(s), { error: "respondent.errors.lineBreak" }), max));
    }
    case "EMAIL":
      return req(
        z.pipe(
          z.string().check(z.trim(), z.maxLength(254, { error: "errors.tooLong" })),
          z.pipe(z.email({ error: "errors.emailInvalid" }), z.transform(normaliseEmail)),
        ),
      );
    case "PHONE":
      return req(
        thenString(
          z.pipe(z.string(), z.transform((s) => s.replace(/[\s.\-()]/g, ""))),
          z.refine((s) => PHONE_INTL.test(s) || (locale === "fr" && PHONE_FR.test(s)) || PHONE_FR.test(s), { error: "respondent.errors.phone" }),
        ),
      );
    case "POSTAL_CODE":
      return req(
        z.string().check(
          z.trim(),
          z.toUpperCase(),
          z.refine((s) => (locale === "fr" ? /^\d{5}$/.test(s) : /^[A-Z0-9][A-Z0-9 -]{1,8}[A-Z0-9]$/.test(s)), { error: "respondent.errors.postalCode" }),
        ),
      );
    case "SINGLE_CHOICE":
      return req(z.string().check(z.refine((s) => optionIds.includes(s), { error: "respondent.errors.choose" })));
    case "MULTIPLE_CHOICE":
      return req(
        z.pipe(
          z.pipe(z.array(z.string()), z.transform((a) => [...new Set(a)])),
          z.array(z.string()).check(
            z.refine((a) => a.every((id) => optionIds.includes(id)), { error: "respondent.errors.choose" }),
            z.refine((a) => v.min == null || a.length >= v.min, { error: "respondent.errors.tooFewChoices" }),
            z.refine((a) => v.max == null || a.length <= v.max, { error: "respondent.errors.tooManyChoices" }),
          ),
        ),
      );
    case "YES_NO":
      return req(z.enum(["yes", "no"], { error: "respondent.errors.choose" }));
    case "SCALE": {
      const range = scaleRange(v);
      return req(numberIn(range.min, range.max, "int"));
    }
    case "NUMBER":
      return req(numberIn(v.min ?? -1e12, v.max ?? 1e12, "any"));
    case "DATE":
      return req(z.string().check(z.trim(), z.refine(isRealDate, { error: "respondent.errors.date" })));
    case "BIRTH_DATE":
      return req(
        z.string().check(
          z.trim(),
          z.refine(isRealDate, { error: "respondent.errors.date" }),
          z.refine((s) => new Date(`${s}T00:00:00Z`).getTime() <= Date.now(), { error: "respondent.errors.birthDateFuture" }),
          z.refine((s) => Number(s.slice(0, 4)) >= new Date().getFullYear() - 120, { error: "respondent.errors.date" }),
        ),
      );
  }
}

type SchemaOptions = { now?: () => Date };

/** The zod schema of a submission to `form`. */
export function buildSubmissionSchema(form: FormDefinition, options: SchemaOptions = {}) {
  const now = options.now ?? (() => new Date());
  const questions = questionsOf(form);
  // Every schema below names its message: a library's default text never reaches a respondent.
  const strictAnswers = z.strictObject(Object.fromEntries(questions.map((q) => [q.id, answerSchema(q, form.locale)])), { error: INVALID });
  // With show-if conditions, what was not shown is set aside first (same rule as the page's, lib/campaigns/visibility-rules.ts).
  const conditional = form.sections.some((s) => s.showIf || s.questions.some((q) => q.showIf));
  const answers = conditional
    ? (z.pipe(z.transform((raw: unknown) => hideUnshown(form, raw)), strictAnswers) as unknown as typeof strictAnswers)
    : strictAnswers;
  const unticked = z._default(z.boolean({ error: INVALID }), false);
  // Purposes: exactly the campaign's, each an unticked-by-default box (absent = not ticked).
  const consents = z.strictObject(Object.fromEntries(form.purposes.map((p) => [p.id, unticked])), { error: "respondent.errors.unknownPurpose" });
  const birth = birthDateQuestion(form);
  const contextField = (max: number) => z.catch(z._default(z.string().check(z.maxLength(max)), ""), "");
  const noContext = { pageUrl: "", referrer: "", utmSource: "", utmMedium: "", utmCampaign: "", utmTerm: "", utmContent: "" };
  const isContest = form.kind === "CONTEST";
  const declares = form.minimumAge != null && form.ageCheck === "DECLARATION";

  return z
    .object({
      answers,
      consents: z._default(consents, Object.fromEntries(form.purposes.map((p) => [p.id, false]))),
      // Field-level checks, so their errors show together with the answers' ones.
      rulesAccepted: unticked.check(z.refine((v) => v || !isContest, { error: "respondent.errors.rules" })),
      ageDeclared: unticked.check(z.refine((v) => v || !declares, { error: "respondent.errors.ageDeclaration" })),
      /** Under the age of digital consent with marketing boxes ticked: a parent's own address, who confirms them */
      parentEmail: z._default(z.string().check(z.trim(), z.maxLength(254, { error: "errors.tooLong" })), ""),
      /** Honeypot: a field people never see; whatever it holds is kept to reject the entry, not refused */
      website: z.catch(z._default(z.string().check(z.maxLength(500)), ""), "bot"),
      startToken: z._default(z.string({ error: INVALID }).check(z.maxLength(300, { error: INVALID })), ""),
      // Where the entry came from is never a reason to refuse it: garbage reads as "unknown".
      context: z.catch(
        z._default(
          z.object({
            pageUrl: contextField(1000),
            referrer: contextField(1000),
            utmSource: contextField(100),
            utmMedium: contextField(100),
            utmCampaign: contextField(100),
            utmTerm: contextField(100),
            utmContent: contextField(100),
          }),
          noContext,
        ),
        noContext,
      ),
    }, { error: INVALID })
    .check(z.superRefine((s, ctx) => {
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
          const problem = parentEmailProblem(form, s);
          if (problem) ctx.addIssue({ code: "custom", path: ["parentEmail"], message: problem });
        } else {
          ctx.addIssue({ code: "custom", path: ["consents"], message: "respondent.errors.minorConsent" });
        }
      }
    }));
}

export type SubmissionSchema = ReturnType<typeof buildSubmissionSchema>;
export type SubmissionInput = z.input<SubmissionSchema>;
export type Submission = z.output<SubmissionSchema>;

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Why a parent's address cannot be used (missing, malformed, the child's own), or null. */
function parentEmailProblem(form: FormDefinition, s: { answers: Record<string, unknown>; parentEmail: string }): string | null {
  const parent = s.parentEmail.trim();
  if (!parent) return "respondent.errors.parentEmailRequired";
  if (!EMAIL_SHAPE.test(parent)) return "errors.emailInvalid";
  const emailQuestion = questionsOf(form).find((q) => q.type === "EMAIL");
  const own = emailQuestion ? s.answers[emailQuestion.id] : undefined;
  if (typeof own === "string" && normaliseEmail(own) === normaliseEmail(parent)) return "respondent.errors.parentEmailSame";
  return null;
}

/**
 * Age facts of a valid submission: Response.ageOk, and the parent's address
 * when the entry's marketing boxes wait for a parent's confirmation (a child
 * under the age of digital consent, a campaign asking for parental consent).
 */
export function ageFacts(form: FormDefinition, s: Submission, now: Date): { age: number | null; ageOk: boolean; parentEmail: string | null } {
  const birth = birthDateQuestion(form);
  const birthDate = birth ? s.answers[birth.id] : undefined;
  const age = typeof birthDate === "string" && isRealDate(birthDate) ? ageOn(birthDate, now) : null;
  const ageOk = form.minimumAge == null ? true : age != null ? age >= form.minimumAge : s.ageDeclared;
  const marketing = Object.values(s.consents).some(Boolean);
  const needsParent = form.minorPolicy === "PARENTAL_CONSENT" && age != null && age < DIGITAL_CONSENT_AGE && marketing;
  return { age, ageOk, parentEmail: needsParent ? normaliseEmail(s.parentEmail) : null };
}
