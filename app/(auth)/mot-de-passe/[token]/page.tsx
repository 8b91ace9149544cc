import { getTranslations } from "next-intl/server";
import { accountTokenState } from "@/lib/auth/account-tokens";
import { isWellFormedToken } from "@/lib/links/token-shape";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { DeadAccountLink } from "@/components/auth/dead-account-link";

export const metadata = { robots: { index: false } };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, te] = await Promise.all([getTranslations("account"), getTranslations("errors")]);
  const state = isWellFormedToken(token) ? await accountTokenState(token, "PASSWORD_RESET") : "unknown";
  if (state !== "valid") return <DeadAccountLink state={state} text={te("resetLinkInvalid")} again={{ href: "/mot-de-passe-oublie", label: t("resetAgain") }} />;
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("resetTitle")}</h1>
      <p className="mb-6 mt-1 text-muted">{t("resetLead")}</p>
      <ResetPasswordForm token={token} />
    </>
  );
}
