import { validationSchema, type QuestionValidation } from "./definition";

/** A question's stored validation JSON, read defensively (bad or old JSON gives no rule). */
export function parseValidation(json: string): QuestionValidation {
  try {
    const parsed = validationSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
