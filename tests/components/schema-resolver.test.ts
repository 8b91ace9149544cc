// The respondent form's own resolver (components/respondent/schema-resolver.ts) must give
// react-hook-form what @hookform/resolvers' zodResolver gave it for the same schema.
import { describe, expect, it } from "vitest";
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, ResolverOptions } from "react-hook-form";
import { schemaResolver } from "@/components/respondent/schema-resolver";
import { buildSubmissionSchema } from "@/lib/submission/schema";
import type { FormDefinition, FormQuestion } from "@/lib/submission/form-definition";

const q = (id: string, type: FormQuestion["type"], extra: Partial<FormQuestion> = {}): FormQuestion => ({ id, type, label: id, helpText: "", required: false, validation: {}, options: [], ...extra });

const form: FormDefinition = {
  id: "c1",
  slug: "test",
  kind: "CONTEST",
  locale: "fr",
  minimumAge: null,
  ageCheck: "BIRTHDATE",
  minorPolicy: "PARENTAL_CONSENT",
  sections: [
    {
      id: "s1",
      title: "",
      questions: [
        q("email", "EMAIL", { required: true }),
        q("heating", "SINGLE_CHOICE", { required: true, options: [{ id: "o1", label: "Bois" }, { id: "o2", label: "Fioul" }] }),
        q("extras", "MULTIPLE_CHOICE", { options: [{ id: "m1", label: "A" }, { id: "m2", label: "B" }], validation: { max: 1 } }),
        q("satisfaction", "SCALE", { required: true }),
        q("born", "BIRTH_DATE"),
        q("more", "SHORT_TEXT", { showIf: { questionId: "heating", anyOf: ["o2"] } }),
      ],
    },
  ],
  purposes: [{ id: "p1", wording: "Recevoir nos offres par e-mail" }],
};

const options = { fields: {}, names: [], shouldUseNativeValidation: false, criteriaMode: "firstError" } as unknown as ResolverOptions<FieldValues>;
const valid = { answers: { email: " Jean@Exemple.FR ", heating: "o1", satisfaction: "8", more: "caché" }, consents: { p1: false }, rulesAccepted: true, ageDeclared: false, parentEmail: "", website: "" };
const cases: Record<string, unknown> = {
  valid,
  empty: { answers: {}, consents: {}, rulesAccepted: false },
  "several issues on one field and wrong types": { ...valid, answers: { email: "x".repeat(300), heating: "m1", extras: ["m1", "m2", "zz"], satisfaction: "11" } },
  "a minor's consent without a parent": { ...valid, answers: { ...valid.answers, born: "2015-01-01" }, consents: { p1: true } },
  "a parent's address equal to the child's": { ...valid, answers: { ...valid.answers, born: "2015-01-01" }, consents: { p1: true }, parentEmail: "jean@exemple.fr" },
  "not an object": "nonsense",
};

/** Errors without the `ref` zodResolver adds (undefined here: no field is mounted). */
const plain = (result: object) => JSON.parse(JSON.stringify(result));

describe("the respondent form's schema resolver", () => {
  for (const [name, values] of Object.entries(cases)) {
    it(`answers like zodResolver: ${name}`, async () => {
      const schema = buildSubmissionSchema(form);
      const ours = await schemaResolver<FieldValues>(() => schema)(values as FieldValues, undefined, options);
      const theirs = await zodResolver(schema as never)(values as FieldValues, undefined, options);
      expect(plain(ours)).toEqual(plain(theirs));
      expect(Object.keys(ours.errors).length > 0).toBe(name !== "valid");
    });
  }

  it("builds the schema once, on the first validation", async () => {
    let built = 0;
    const resolver = schemaResolver<FieldValues>(() => (built++, buildSubmissionSchema(form)));
    expect(built).toBe(0);
    await resolver(valid, undefined, options);
    await resolver(valid, undefined, options);
    expect(built).toBe(1);
  });
});
