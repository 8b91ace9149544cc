import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { Card, PageHeader } from "@/components/ui/card";
import { NewCampaignForm } from "@/components/builder/new-campaign-form";

export default async function NewCampaignPage() {
  await requirePermission("campaign.edit");
  const t = await getTranslations("campaigns");
  return (
    <>
      <PageHeader title={t("create.title")} lead={t("create.lead")} />
      <Card>
        <NewCampaignForm />
      </Card>
    </>
  );
}
