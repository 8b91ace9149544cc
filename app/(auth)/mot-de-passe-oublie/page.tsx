import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export default async function ForgotPasswordPage() {
  const t = await getTranslations("account");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("forgotTitle")}</h1>
      <p className="mb-6 mt-1 text-muted">{t("forgotLead")}</p>
      <ForgotPasswordForm />
    </>
  );
}
