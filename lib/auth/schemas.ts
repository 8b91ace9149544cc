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
