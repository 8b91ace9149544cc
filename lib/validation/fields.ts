import { z } from "zod";

// Messages are keys of the "errors" namespace in lib/i18n/messages/*.json, so the
// same schema speaks French or English on the client and on the server.

/** Lower-cased, trimmed e-mail address. */
export const emailField = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, { error: "errors.required" })
  .max(254, { error: "errors.tooLong" })
  .pipe(z.email({ error: "errors.emailInvalid" }))
  .transform((v) => v.toLowerCase());

export const passwordField = z
  .string({ error: "errors.required" })
  .min(10, { error: "errors.passwordTooShort" })
  .max(200, { error: "errors.tooLong" });

export const nameField = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, { error: "errors.required" })
  .max(120, { error: "errors.tooLong" });

/** Free text stripped of control characters that could break headers or CSV rows. */
export const plainText = (max: number) =>
  z
    .string()
    .max(max, { error: "errors.tooLong" })
    .transform((v) => v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim());
