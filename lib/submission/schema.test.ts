import { describe, expect, it } from "vitest";
import { buildSubmissionSchema } from "./schema";
import type { FormDefinition, FormQuestion } from "./form-definition";

const q = (id: string, type: FormQuestion["type"], extra: Partial<FormQuestion> = {}): FormQuestion => ({
  id,
  type,
  label: id,
  helpText: "",
  required: false,
  validation: {},
  options: [],
  ...extra,
});

function form(over: Partial<FormDefinition> = {}): FormDefinition {
  return {
    id: "c1",
    slug: "test",
    kind: "CONTEST",
    locale: "fr",
    minimumAge: null,
    ageCheck: "BIRTHDATE",
    minorPolicy: "REFUSE",
    sections: [
      {
        id: "s1",
        title: "",
        questions: [
          q("email", "EMAIL", { required: true }),
          q("heating", "SINGLE_CHOICE", { required: true, options: [{ id: "o1", label: "Bois" }, { id: "o2", label: "Fioul" }] }),
          q("extras", "MULTIPLE_CHOICE", { options: [{ id: "m1", label: "A" }, { id: "m2", label: "B" }], validation: { max: 1 } }),
          q("satisfaction", "SCALE", { required: true }),
          q("budget", "NUMBER", { validation: { min: 0, max: 5000 } }),
          q("phone", "PHONE"),
          q("cp", "POSTAL_CODE"),
          q("born", "DATE", { validation: { birthDate: true } }),
          q("owner", "YES_NO"),
        ],
      },
    ],
    purposes: [{ id: "p1", wording: "Recevoir nos offres par e-mail" }],
    ...over,
  };
}

const NOW = new Date("2026-11-23T12:00:00Z");
const valid = {
  answers: { email: " Jean@Exemple.FR ", heating: "o1", satisfaction: "8" },
  consents: { p1: true },
  rulesAccepted: true,
};
const parse = (f: FormDefinition, input: unknown) => buildSubmissionSchema(f, { now: () => NOW }).safeParse(input);
const messages = (r: ReturnType<typeof parse>) => (r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message])));

describe("the submission schema built from a campaign", () => {
  it("accepts a valid entry and gives typed values", () => {
    const r = parse(form(), valid);
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.answers.email).toBe("jean@exemple.fr");
    expect(r.data.answers.satisfaction).toBe(8);
    expect(r.data.answers.budget).toBeUndefined();
    expect(r.data.consents).toEqual({ p1: true });
  });

  it("reports required answers and the unticked rules box with French message keys", () => {
    const r = parse(form(), { answers: {}, consents: {} });
    expect(messages(r)).toMatchObject({
      "answers.email": "errors.required",
      "answers.heating": "respondent.errors.choose",
      "answers.satisfaction": "respondent.errors.choose",
      rulesAccepted: "respondent.errors.rules",
    });
  });

  it("leaves consent boxes unticked by default and never requires them", () => {
    const r = parse(form(), { ...valid, consents: undefined });
    expect(r.success && r.data.consents).toEqual({ p1: false });
  });

  it("refuses a purpose that does not exist and an unknown question", () => {
    expect(parse(form(), { ...valid, consents: { p1: true, forged: true } }).success).toBe(false);
    expect(parse(form(), { ...valid, answers: { ...valid.answers, forged: "x" } }).success).toBe(false);
  });

  it("refuses options of another question, a scale outside 1–10 and too many choices", () => {
    expect(messages(parse(form(), { ...valid, answers: { ...valid.answers, heating: "m1" } }))["answers.heating"]).toBe("respondent.errors.choose");
    expect(messages(parse(form(), { ...valid, answers: { ...valid.answers, satisfaction: "11" } }))["answers.satisfaction"]).toBe("respondent.errors.tooLarge");
    expect(messages(parse(form(), { ...valid, answers: { ...valid.answers, extras: ["m1", "m2"] } }))["answers.extras"]).toBe("respondent.errors.tooManyChoices");
    expect(messages(parse(form(), { ...valid, answers: { ...valid.answers, budget: "abc" } }))["answers.budget"]).toBe("respondent.errors.number");
  });

  it("checks French phone numbers and postal codes, and normalises the phone", () => {
    const ok = parse(form(), { ...valid, answers: { ...valid.answers, phone: "06 12 34 56 78", cp: "69003" } });
    expect(ok.success && ok.data.answers.phone).toBe("0612345678");
    expect(messages(parse(form(), { ...valid, answers: { ...valid.answers, phone: "12" } }))["answers.phone"]).toBe("respondent.errors.phone");
    expect(messages(parse(form(), { ...valid, answers: { ...valid.answers, cp: "6900" } }))["answers.cp"]).toBe("respondent.errors.postalCode");
  });

  it("refuses impossible and future birth dates", () => {
    expect(messages(parse(form(), { ...valid, answers: { ...valid.answers, born: "2001-02-30" } }))["answers.born"]).toBe("respondent.errors.date");
    expect(messages(parse(form(), { ...valid, answers: { ...valid.answers, born: "2099-01-01" } }))["answers.born"]).toBe("respondent.errors.birthDateFuture");
  });

  it("enforces the minimum age from the birth date, to the day", () => {
    const f = form({ minimumAge: 18 });
    expect(parse(f, { ...valid, answers: { ...valid.answers, born: "2008-11-23" } }).success).toBe(true);
    expect(messages(parse(f, { ...valid, answers: { ...valid.answers, born: "2008-11-24" } }))["answers.born"]).toBe("respondent.errors.tooYoung");
  });

  it("refuses an under-15's marketing consent, or asks for a parent's, as the campaign chooses", () => {
    const young = { ...valid, answers: { ...valid.answers, born: "2013-01-01" } };
    expect(messages(parse(form(), young)).consents).toBe("respondent.errors.minorConsent");
    expect(parse(form(), { ...young, consents: { p1: false } }).success).toBe(true);
    const parental = form({ minorPolicy: "PARENTAL_CONSENT" });
    // A box the child ticks is not a parent's consent: the parent's own address is asked, to confirm from it.
    expect(messages(parse(parental, young)).parentEmail).toBe("respondent.errors.parentEmailRequired");
    expect(messages(parse(parental, { ...young, parentalConsent: true })).parentEmail).toBe("respondent.errors.parentEmailRequired");
    expect(messages(parse(parental, { ...young, parentEmail: "pas-une-adresse" })).parentEmail).toBe("errors.emailInvalid");
    const own = (young.answers as Record<string, unknown>).email as string;
    expect(messages(parse(parental, { ...young, parentEmail: ` ${own.toUpperCase()} ` })).parentEmail).toBe("respondent.errors.parentEmailSame");
    expect(parse(parental, { ...young, parentEmail: "parent@example.fr" }).success).toBe(true);
  });

  it("asks for the age declaration when the campaign uses one", () => {
    const f = form({ minimumAge: 18, ageCheck: "DECLARATION" });
    expect(messages(parse(f, valid)).ageDeclared).toBe("respondent.errors.ageDeclaration");
    expect(parse(f, { ...valid, ageDeclared: true }).success).toBe(true);
  });

  it("does not require the rules box outside contests", () => {
    expect(parse(form({ kind: "SURVEY" }), { ...valid, rulesAccepted: false }).success).toBe(true);
  });

  it("keeps whatever the honeypot holds instead of refusing the entry", () => {
    const r = parse(form(), { ...valid, website: "http://spam.example" });
    expect(r.success && r.data.website).toBe("http://spam.example");
  });
});
