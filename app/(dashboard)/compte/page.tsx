import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { listDigestChoices } from "@/lib/digest/queries";
import { Card, PageHeader } from "@/components/ui/card";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { ChangeEmailForm } from "@/components/account/change-email-form";
import { DigestChoices } from "@/components/account/digest-choices";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("title") };
}

/** Every member's own page, whatever their role. */
export default async function AccountPage() {
  const member = await requireUser();
  const [t, campaigns] = await Promise.all([getTranslations("account"), listDigestChoices(member)]);
  return (
    <>
      <PageHeader title={t("title")} lead={t("lead")} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="text-lg font-semibold">{t("passwordTitle")}</h2>
          <p className="mb-4 mt-1 text-sm text-muted">{t("passwordLead")}</p>
          <ChangePasswordForm />
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">{t("emailTitle")}</h2>
          <p className="mb-4 mt-1 text-sm text-muted">{t("emailLead", { email: member.email })}</p>
          <ChangeEmailForm />
        </Card>
      </div>
      <Card className="mt-6">
        <h2 className="text-lg font-semibold">{t("digestTitle")}</h2>
        <p className="mb-4 mt-1 text-sm text-muted">{t("digestLead", { organisation: member.organisationName })}</p>
        <DigestChoices campaigns={campaigns} />
      </Card>
    </>
  );
}
