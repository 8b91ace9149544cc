"use server";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/config";
import { getMember } from "@/lib/auth/session";
import { db } from "@/lib/db";

/** Remembers the marketer's language for a year (and on their account, for the mails they receive: digests). */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 86_400, sameSite: "lax", httpOnly: true });
  const member = await getMember();
  if (member) await db.user.update({ where: { id: member.userId }, data: { locale } });
}
