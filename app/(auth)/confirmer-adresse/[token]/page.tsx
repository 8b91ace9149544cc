import { getTranslations } from "next-intl/server";
import { accountTokenState } from "@/lib/auth/account-tokens";
import { isWellFormedToken } from "@/lib/links/token-shape";
import { ConfirmEmailButton } from "@/components/account/confirm-email-button";
import { DeadAccountLink } from "@/components/auth/dead-account-link";

export const metadata = { robots: { index: false } };

export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, te] = await Promise.all([getTranslations("account"), getTranslations("errors")]);
  const state = isWellFormedToken(token) ? await accountTokenState(token, "EMAIL_CHANGE") : "unknown";
  if (state !== "valid") return <DeadAccountLink state={state} text={te("emailLinkInvalid")} again={{ href: "/compte", label: t("title") }} />;
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("emailConfirmTitle")}</h1>
      <p className="mb-6 mt-1 text-muted">{t("emailConfirmLead")}</p>
      <ConfirmEmailButton token={token} />
    </>
  );
}
