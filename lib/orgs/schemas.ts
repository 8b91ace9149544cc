import { z } from "zod";
import { LOCALES } from "@/lib/i18n/config";
import { ROLES } from "@/lib/auth/roles";

const optionalEmail = z
  .string()
  .trim()
  .max(254, { error: "errors.tooLong" })
  .refine((v) => v === "" || z.email().safeParse(v).success, { error: "errors.emailInvalid" });

export const organisationSettingsSchema = z.object({
  name: z.string().trim().min(1, { error: "errors.required" }).max(120, { error: "errors.tooLong" }),
  legalName: z.string().trim().max(200, { error: "errors.tooLong" }),
  address: z.string().trim().max(500, { error: "errors.tooLong" }),
  contactEmail: optionalEmail,
  dpoName: z.string().trim().max(120, { error: "errors.tooLong" }),
  dpoEmail: optionalEmail,
  retentionMonths: z.coerce.number({ error: "errors.required" }).int().min(1, { error: "errors.required" }).max(120, { error: "errors.tooLong" }),
  defaultLocale: z.enum(LOCALES),
});
export type OrganisationSettingsInput = z.infer<typeof organisationSettingsSchema>;

export const roleChangeSchema = z.object({ membershipId: z.string().min(1), role: z.enum(ROLES) });
export type RoleChangeInput = z.infer<typeof roleChangeSchema>;

export const membershipIdSchema = z.object({ membershipId: z.string().min(1).max(100) });
export const invitationIdSchema = z.object({ invitationId: z.string().min(1).max(100) });
export const switchOrganisationSchema = z.object({ organisationId: z.string().min(1).max(100) });
