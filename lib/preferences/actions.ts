"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { kickOutbox } from "@/lib/mail/worker";
import { emailField } from "@/lib/validation/fields";
import { requestFreshPreferencesLink } from "./fresh-link";

const freshLinkSchema = z.object({ email: emailField, locale: z.enum(["fr", "en"]).catch("fr") });

/** "Send me a fresh link" (public): the same answer whether or not the address is known. */
export async function requestFreshLinkAction(formData: FormData): Promise<void> {
  const parsed = freshLinkSchema.safeParse({ email: formData.get("email"), locale: formData.get("locale") });
  const locale = parsed.success ? parsed.data.locale : "fr";
  if (!parsed.success) redirect(`/nouveau-lien?erreur=1&l=${locale}`);
  if ((await requestFreshPreferencesLink(parsed.data.email)) > 0) kickOutbox();
  redirect(`/nouveau-lien?envoye=1&l=${locale}`);
}
