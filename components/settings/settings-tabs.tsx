import { getTranslations } from "next-intl/server";
import { NavLink } from "@/components/shell/nav-link";

export async function SettingsTabs() {
  const t = await getTranslations("nav");
  return (
    <nav aria-label={t("settings")} className="mb-6 flex flex-wrap gap-1 border-b border-line pb-2">
      <NavLink href="/parametres/organisation">{t("settings")}</NavLink>
      <NavLink href="/parametres/membres">{t("members")}</NavLink>
      <NavLink href="/parametres/audit">{t("audit")}</NavLink>
      <NavLink href="/parametres/boite-envoi">{t("outbox")}</NavLink>
      <NavLink href="/parametres/integrations">{t("integrations")}</NavLink>
    </nav>
  );
}
