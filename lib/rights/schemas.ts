import { z } from "zod";

/** What an owner may correct on a contact (the address is the identity: a new address is a new contact). */
export const rectificationSchema = z.object({
  contactId: z.string().min(1).max(64),
  firstName: z.string().trim().max(100, { error: "errors.tooLong" }),
  lastName: z.string().trim().max(100, { error: "errors.tooLong" }),
  phone: z
    .string()
    .trim()
    .max(30, { error: "errors.tooLong" })
    .refine((v) => v === "" || /^[+0-9 ().-]{6,30}$/.test(v), { error: "errors.phoneInvalid" }),
  postalCode: z
    .string()
    .trim()
    .max(12, { error: "errors.tooLong" })
    .refine((v) => v === "" || /^[0-9A-Za-z -]{3,12}$/.test(v), { error: "errors.postalCodeInvalid" }),
});
export type RectificationInput = z.infer<typeof rectificationSchema>;

export const contactRefSchema = z.object({ contactId: z.string().min(1).max(64) });

/** Erasure asks for the address typed again, so a slip of the mouse cannot erase someone. */
export const erasureSchema = z.object({ contactId: z.string().min(1).max(64), confirmation: z.string().trim().min(1, { error: "errors.required" }).max(320) });

/** A request received outside the app (e-mail, post, phone), logged to be answered within a month. */
export const requestLogSchema = z.object({
  contactId: z.string().min(1).max(64),
  kind: z.enum(["ACCESS", "PORTABILITY", "RECTIFICATION", "ERASURE"]),
  notes: z.string().trim().max(1000, { error: "errors.tooLong" }).default(""),
});
export type RequestLogInput = z.infer<typeof requestLogSchema>;
