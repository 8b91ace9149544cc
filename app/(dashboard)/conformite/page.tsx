import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { EmptyState, PageHeader } from "@/components/ui/card";

export default async function CompliancePage() {
  await requirePermission("compliance.view");
  const t = await getTranslations("dashboard");
  return (
    <>
      <PageHeader title={t("complianceTitle")} />
      <EmptyState title={t("complianceTitle")} text={t("complianceEmpty")} />
    </>
  );
}
