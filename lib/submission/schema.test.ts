import { describe, expect, it } from "vitest";
import { buildSubmissionSchema } from "./schema";
import { RESPONDENT_ERROR_KEYS, respondentErrorKey } from "./error-keys";
import { QUESTION_TYPES } from "@/lib/campaigns/kinds";
import frRespondent from "@/lib/i18n/messages/fr/respondent.json";
import enRespondent from "@/lib/i18n/messages/en/respondent.json";
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
          q("born", "BIRTH_DATE"),
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

  it("tells a scale or a number answer that is neither text nor a number its type's own key", () => {
    for (const wrong of [true, {}, [8]]) {
      const m = messages(parse(form(), { ...valid, answers: { ...valid.answers, satisfaction: wrong, budget: wrong } }));
      expect(m["answers.satisfaction"]).toBe("respondent.errors.choose");
      expect(m["answers.budget"]).toBe("respondent.errors.number");
    }
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

/** One question of every type, optional unless told otherwise, in a survey (no rules box). */
function everyType(locale: "fr" | "en", required = false): FormDefinition {
  const options = [{ id: "a", label: "A" }, { id: "b", label: "B" }];
  return form({
    kind: "SURVEY",
    locale,
    sections: [{ id: "s1", title: "", questions: QUESTION_TYPES.map((type) => q(type, type, { required, options: type === "SINGLE_CHOICE" || type === "MULTIPLE_CHOICE" ? options : [] })) }],
  });
}

/** Every message of a failed parse, asserted to be a key of the respondent catalogue in French and English. */
function expectCatalogueMessages(r: ReturnType<typeof parse>, label: string) {
  if (r.success) return;
  for (const issue of r.error.issues) {
    const key = respondentErrorKey(issue.message);
    expect(key, `${label}: "${issue.message}" at ${issue.path.join(".")}`).not.toBeNull();
    expect(frRespondent.errors, label).toHaveProperty(key!);
    expect(enRespondent.errors, label).toHaveProperty(key!);
  }
}

describe("optional questions left empty, and what a respondent can read", () => {
  it("knows the same error keys as both catalogues", () => {
    expect([...RESPONDENT_ERROR_KEYS].sort()).toEqual(Object.keys(frRespondent.errors).sort());
    expect([...RESPONDENT_ERROR_KEYS].sort()).toEqual(Object.keys(enRespondent.errors).sort());
  });

  // What a browser form or a JSON client sends for an untouched field: react-hook-form gives
  // false for an untouched checkbox group and null for an untouched radio group.
  const untouched: Array<[string, unknown]> = [
    ["absent", undefined],
    ["empty text", ""],
    ["blank text", "   "],
    ["null", null],
    ["empty list", []],
  ];
  for (const locale of ["fr", "en"] as const) {
    for (const type of QUESTION_TYPES) {
      it(`accepts an optional ${type} left empty (${locale})`, () => {
        const values: Array<[string, unknown]> = type === "MULTIPLE_CHOICE" ? [...untouched, ["an untouched checkbox group (false)", false]] : untouched;
        for (const [label, value] of values) {
          const r = parse(everyType(locale), { answers: value === undefined ? {} : { [type]: value } });
          expect(r.success, `${type} ${label}: ${JSON.stringify(messages(r))}`).toBe(true);
          if (r.success) expect(r.data.answers[type], label).toBeUndefined();
        }
      });
    }

    it(`accepts a whole form of optional questions all left empty, as the browser sends it (${locale})`, () => {
      const answers = Object.fromEntries(QUESTION_TYPES.map((t) => [t, t === "MULTIPLE_CHOICE" ? false : t === "SINGLE_CHOICE" || t === "YES_NO" || t === "SCALE" ? null : ""]));
      const r = parse(everyType(locale), { answers, consents: { p1: false }, rulesAccepted: false, ageDeclared: false, parentalConsent: false, website: "" });
      expect(messages(r)).toEqual({});
    });
  }

  it("reads a checkbox group of one ticked box (a bare value) as a list", () => {
    const f = form({ sections: [{ id: "s1", title: "", questions: [q("only", "MULTIPLE_CHOICE", { options: [{ id: "o1", label: "Seule" }] })] }], kind: "SURVEY" });
    const r = parse(f, { answers: { only: "o1" } });
    expect(r.success && r.data.answers.only).toEqual(["o1"]);
    expect(messages(parse(f, { answers: { only: "forged" } }))["answers.only"]).toBe("respondent.errors.choose");
  });

  it("still refuses a required question of every type left empty, with a catalogue message", () => {
    for (const locale of ["fr", "en"] as const) {
      const r = parse(everyType(locale, true), { answers: { MULTIPLE_CHOICE: false, SINGLE_CHOICE: null } });
      expect(Object.keys(messages(r)).sort()).toEqual(QUESTION_TYPES.map((t) => `answers.${t}`).sort());
      expectCatalogueMessages(r, `required ${locale}`);
    }
  });

  it("answers wrong types for every question type with catalogue keys only, never a library's default text", () => {
    const wrong: unknown[] = [5, 0, -1.5, Number.MAX_SAFE_INTEGER, true, false, {}, { a: 1 }, [], [1, 2], [{}], [true], ["a", 5], [null], "x".repeat(5000), "\u0000"];
    for (const required of [false, true]) {
      for (const locale of ["fr", "en"] as const) {
        const schema = buildSubmissionSchema(everyType(locale, required), { now: () => NOW });
        for (const type of QUESTION_TYPES) {
          for (const value of wrong) expectCatalogueMessages(schema.safeParse({ answers: { [type]: value } }), `${type} = ${JSON.stringify(value)?.slice(0, 40)}`);
        }
      }
    }
  });

  it("answers a garbled body with catalogue keys only", () => {
    const bodies: unknown[] = [
      5,
      null,
      "answers",
      [],
      true,
      { answers: 5 },
      { answers: [] },
      { answers: { forged: "x" } },
      { answers: {}, consents: "oui" },
      { answers: {}, consents: { p1: "yes" } },
      { answers: {}, consents: { forged: true } },
      { answers: {}, consents: [] },
      { answers: {}, rulesAccepted: "yes" },
      { answers: {}, ageDeclared: 1 },
      { answers: {}, parentalConsent: {} },
      { answers: {}, startToken: 5 },
      { answers: {}, startToken: "x".repeat(400) },
      { answers: {}, website: 5 },
      { answers: {}, context: "x" },
      { answers: {}, context: { pageUrl: 5, utmSource: {} } },
    ];
    for (const f of [form(), form({ minimumAge: 18, ageCheck: "DECLARATION", minorPolicy: "PARENTAL_CONSENT" })]) {
      for (const body of bodies) expectCatalogueMessages(parse(f, body), JSON.stringify(body));
    }
  });
});
