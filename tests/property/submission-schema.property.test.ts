import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildSubmissionSchema } from "@/lib/submission/schema";
import { everyTypeForm } from "./form-fixture";

const schema = buildSubmissionSchema(everyTypeForm, { now: () => new Date("2026-11-23T10:00:00Z") });
const questionIds = new Set(everyTypeForm.sections.flatMap((s) => s.questions.map((q) => q.id)));
const purposeIds = new Set(everyTypeForm.purposes.map((p) => p.id));

// Any value a client could send, with the real keys mixed in so parsing goes deep.
const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.string({ unit: "binary" }),
  fc.constantFrom("<script>alert(1)</script>", "'; DROP TABLE \"Response\"; --", "=HYPERLINK(\"http://x\")", "\u0000\r\n", "a".repeat(5000)),
);
const answersLike = fc.dictionary(fc.oneof(fc.constantFrom(...questionIds), fc.string()), anyValue);
const consentsLike = fc.dictionary(fc.oneof(fc.constantFrom(...purposeIds), fc.string()), fc.oneof(fc.boolean(), anyValue));
const submissionLike = fc.oneof(
  anyValue,
  fc.record({ answers: answersLike, consents: consentsLike, rulesAccepted: anyValue, website: anyValue, startToken: anyValue, context: anyValue }, { requiredKeys: [] }),
);

// Addresses as people type them (RFC 5322 allows oddities such as "!@a.aa" that we refuse on purpose).
const word = fc.stringMatching(/^[a-z0-9]{1,10}([._-][a-z0-9]{1,10}){0,2}$/);
const commonEmail = fc.tuple(word, word, fc.constantFrom("fr", "com", "org", "eu")).map(([l, d, tld]) => `${l}@${d.replace(/[._]/g, "")}x.${tld}`);

describe("submission schema under arbitrary input (property)", () => {
  it("never throws, and accepts only known questions, real purposes and bounded text", () => {
    fc.assert(
      fc.property(submissionLike, (input) => {
        const result = schema.safeParse(input);
        if (!result.success) {
          expect(result.error.issues.length).toBeGreaterThan(0);
          return;
        }
        const s = result.data;
        for (const id of Object.keys(s.answers)) expect(questionIds.has(id)).toBe(true);
        for (const id of Object.keys(s.consents)) expect(purposeIds.has(id)).toBe(true);
        for (const value of Object.values(s.answers)) {
          if (typeof value === "string") expect(value.length).toBeLessThanOrEqual(2000);
        }
        expect(s.rulesAccepted).toBe(true);
        expect(typeof s.answers["q-email"]).toBe("string");
      }),
      { numRuns: 400, seed: 20261123 },
    );
  });

  it("accepts every well-formed entry whatever its free text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 150 }), commonEmail, fc.boolean(), (text, email, consent) => {
        const result = schema.safeParse({
          answers: { "q-email": email, "q-first": "Léa", "q-birth": "1990-02-03", "q-single": "o-wood", "q-short": text },
          consents: { "p-offers": consent },
          rulesAccepted: true,
        });
        expect(result.success).toBe(true);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
