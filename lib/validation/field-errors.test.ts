import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as zm from "zod/mini";
import { fieldErrorsOf } from "./field-errors";

describe("fieldErrorsOf", () => {
  it("keys the first issue of each field by its path, form-wide issues under _form", () => {
    const schema = z
      .object({ email: z.string().email("errors.email").min(50, "errors.tooShort"), answers: z.object({ q1: z.number("errors.number") }) })
      .refine(() => false, "errors.form");
    const parsed = schema.safeParse({ email: "nope", answers: { q1: "x" } });
    expect(parsed.success).toBe(false);
    expect(fieldErrorsOf(parsed.error!)).toEqual({ email: "errors.email", "answers.q1": "errors.number" });
    const formWide = schema.safeParse({ email: "a".repeat(45) + "@b.fr", answers: { q1: 1 } });
    expect(fieldErrorsOf(formWide.error!)).toEqual({ _form: "errors.form" });
  });

  it("reads zod/mini's errors the same way (the respondent's form)", () => {
    const parsed = zm.object({ answers: zm.object({ q1: zm.number({ error: "errors.number" }) }) }).safeParse({ answers: { q1: "x" } });
    expect(fieldErrorsOf(parsed.error!)).toEqual({ "answers.q1": "errors.number" });
  });
});
