import { getTranslations } from "next-intl/server";
import { NavLink } from "@/components/shell/nav-link";

export async function ComplianceTabs() {
  const t = await getTranslations("compliance.tabs");
  return (
    <nav aria-label={t("ledger")} className="no-print mb-6 flex flex-wrap gap-1 border-b border-line pb-2">
      <NavLink href="/conformite/consentements">{t("ledger")}</NavLink>
      <NavLink href="/conformite/traitements">{t("records")}</NavLink>
      <NavLink href="/conformite/demandes">{t("requests")}</NavLink>
    </nav>
  );
}
