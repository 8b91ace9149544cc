import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getMember } from "@/lib/auth/session";
import { SignUpForm } from "@/components/auth/sign-up-form";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("signUpTitle") };
}

export default async function SignUpPage() {
  if (await getMember()) redirect("/campagnes");
  const t = await getTranslations("auth");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("signUpTitle")}</h1>
      <p className="mb-6 mt-1 text-muted">{t("signUpLead")}</p>
      <SignUpForm />
      <p className="mt-6 text-sm">
        {t("haveAccount")}{" "}
        <Link className="font-medium text-brand underline" href="/connexion">
          {t("signIn")}
        </Link>
      </p>
    </>
  );
}
