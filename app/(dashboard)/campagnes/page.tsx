import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { EmptyState, PageHeader } from "@/components/ui/card";

export default async function CampaignsPage() {
  await requireUser();
  const t = await getTranslations("dashboard");
  return (
    <>
      <PageHeader title={t("campaignsTitle")} />
      <EmptyState title={t("emptyTitle")} text={t("emptyText")} />
    </>
  );
}
