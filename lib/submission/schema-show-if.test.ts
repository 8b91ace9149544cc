import { describe, expect, it } from "vitest";
import { buildSubmissionSchema } from "./schema";
import type { FormDefinition, FormQuestion } from "./form-definition";

// Show-if on the server: only what the respondent was shown is validated, and what was sent
// for a hidden question is dropped, never stored. Scales take their own range.

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

const form: FormDefinition = {
  id: "c1",
  slug: "test",
  kind: "SURVEY",
  locale: "fr",
  minimumAge: null,
  ageCheck: "BIRTHDATE",
  minorPolicy: "REFUSE",
  sections: [
    {
      id: "s1",
      title: "",
      questions: [
        q("owner", "YES_NO", { required: true }),
        q("heating", "SINGLE_CHOICE", { required: true, options: [{ id: "o-pellet", label: "Granulés" }, { id: "o-gas", label: "Gaz" }], showIf: { questionId: "owner", anyOf: ["yes"] } }),
        q("nps", "SCALE", { required: true, validation: { min: 0, max: 10 } }),
      ],
    },
    { id: "s2", title: "", showIf: { questionId: "nps", anyOf: ["0", "1", "2", "3", "4", "5", "6"] }, questions: [q("why", "LONG_TEXT", { required: true })] },
  ],
  purposes: [],
};

const parse = (answers: Record<string, unknown>) => buildSubmissionSchema(form).safeParse({ answers });
const messages = (r: ReturnType<typeof parse>) => (r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message])));

describe("show-if in the submission schema", () => {
  it("requires a required question only when it is shown", () => {
    expect(messages(parse({ owner: "yes", nps: 9 }))).toEqual({ "answers.heating": "respondent.errors.choose" });
    expect(parse({ owner: "no", nps: 9 }).success).toBe(true);
    // A hidden section's required question too.
    expect(messages(parse({ owner: "no", nps: 3 }))).toEqual({ "answers.why": "errors.required" });
  });

  it("drops what was sent for a hidden question, even an invalid value, so it is never stored", () => {
    const r = parse({ owner: "no", heating: "not-an-option", nps: 10, why: "x".repeat(5000) });
    expect(r.success).toBe(true);
    expect(r.data!.answers).toEqual({ owner: "no", heating: undefined, nps: 10, why: undefined });
    expect(JSON.parse(JSON.stringify(r.data!.answers))).toEqual({ owner: "no", nps: 10 });
  });

  it("keeps the answers of shown questions, checked as usual", () => {
    const r = parse({ owner: "yes", heating: "o-gas", nps: "4", why: " Trop cher " });
    expect(r.success).toBe(true);
    expect(r.data!.answers).toEqual({ owner: "yes", heating: "o-gas", nps: 4, why: "Trop cher" });
    expect(messages(parse({ owner: "yes", heating: "o-nope", nps: 9 }))).toEqual({ "answers.heating": "respondent.errors.choose" });
  });

  it("still refuses answers to questions the form does not have", () => {
    expect(messages(parse({ owner: "no", nps: 9, intruder: "x" }))).toHaveProperty("answers");
  });
});

describe("scales in the submission schema", () => {
  it("takes a 0–10 scale's 0 and refuses 11; a 1–5 scale refuses 6", () => {
    expect(parse({ owner: "no", nps: 0, why: "Rien" }).success).toBe(true);
    expect(messages(parse({ owner: "no", nps: 11 }))).toEqual({ "answers.nps": "respondent.errors.tooLarge" });
    const five = buildSubmissionSchema({ ...form, sections: [{ id: "s", title: "", questions: [q("stars", "SCALE", { validation: { min: 1, max: 5 } })] }] });
    expect(five.safeParse({ answers: { stars: "6" } }).success).toBe(false);
    expect(five.safeParse({ answers: { stars: "5" } }).success).toBe(true);
  });
});
