import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getMember } from "@/lib/auth/session";
import { SignInForm } from "@/components/auth/sign-in-form";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("signInTitle") };
}

export default async function SignInPage() {
  if (await getMember()) redirect("/campagnes");
  const [t, ta] = await Promise.all([getTranslations("auth"), getTranslations("account")]);
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("signInTitle")}</h1>
      <p className="mb-6 mt-1 text-muted">{t("signInLead")}</p>
      <SignInForm />
      <p className="mt-4 text-sm">
        <Link className="font-medium text-brand underline" href="/mot-de-passe-oublie">
          {ta("forgotLink")}
        </Link>
      </p>
      <p className="mt-6 text-sm">
        {t("noAccount")}{" "}
        <Link className="font-medium text-brand underline" href="/inscription">
          {t("signUpTitle")}
        </Link>
      </p>
    </>
  );
}
