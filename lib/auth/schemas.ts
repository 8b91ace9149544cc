import { z } from "zod";
import { emailField, nameField, passwordField } from "@/lib/validation/fields";
import { ROLES } from "./roles";

export const signUpSchema = z.object({
  name: nameField,
  organisationName: nameField,
  email: emailField,
  password: passwordField,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1, { error: "errors.required" }).max(200),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const invitationSchema = z.object({
  email: emailField,
  role: z.enum(ROLES, { error: "errors.required" }),
});
export type InvitationInput = z.infer<typeof invitationSchema>;

export const acceptInvitationSchema = z.object({
  token: z.string().min(20).max(200),
  name: nameField,
  password: passwordField,
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

/** An existing account joins with its own password (no new name, no new password). */
export const acceptInvitationSignedSchema = z.object({
  token: z.string().min(20).max(200),
  password: z.string().min(1, { error: "errors.required" }).max(200),
});
export type AcceptInvitationSignedInput = z.infer<typeof acceptInvitationSignedSchema>;

export const passwordResetRequestSchema = z.object({ email: emailField });
export type PasswordResetRequestInput = z.infer<typeof passwordResetRequestSchema>;

export const passwordResetSchema = z.object({ token: z.string().min(20).max(200), password: passwordField });
export type PasswordResetInput = z.infer<typeof passwordResetSchema>;

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1, { error: "errors.required" }).max(200),
  newPassword: passwordField,
});
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>;

export const emailChangeSchema = z.object({
  currentPassword: z.string().min(1, { error: "errors.required" }).max(200),
  newEmail: emailField,
});
export type EmailChangeInput = z.infer<typeof emailChangeSchema>;

export const accountLinkSchema = z.object({ token: z.string().min(20).max(200) });
