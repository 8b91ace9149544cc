import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { getOrganisation } from "@/lib/orgs/queries";
import { isLocale } from "@/lib/i18n/config";
import { Card, PageHeader } from "@/components/ui/card";
import { SettingsForm } from "@/components/settings/settings-form";
import { SettingsTabs } from "@/components/settings/settings-tabs";

export default async function OrganisationSettingsPage() {
  const member = await requirePermission("settings.edit");
  const [t, org] = await Promise.all([getTranslations("settings"), getOrganisation(member.organisationId)]);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <SettingsTabs />
      <Card>
        <SettingsForm
          initial={{
            name: org.name,
            legalName: org.legalName,
            address: org.address,
            contactEmail: org.contactEmail,
            dpoName: org.dpoName,
            dpoEmail: org.dpoEmail,
            retentionMonths: org.retentionMonths,
            defaultLocale: isLocale(org.defaultLocale) ? org.defaultLocale : "fr",
          }}
        />
      </Card>
    </>
  );
}
