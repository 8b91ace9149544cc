import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { EmptyState, PageHeader } from "@/components/ui/card";

export default async function ContactsPage() {
  await requirePermission("leads.view");
  const t = await getTranslations("dashboard");
  return (
    <>
      <PageHeader title={t("contactsTitle")} />
      <EmptyState title={t("contactsTitle")} text={t("contactsEmpty")} />
    </>
  );
}
