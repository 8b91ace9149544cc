import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getMember } from "@/lib/auth/session";
import { ButtonLink } from "@/components/ui/button";
import { LocaleSwitch } from "@/components/shell/locale-switch";

export default async function HomePage() {
  if (await getMember()) redirect("/campagnes");
  const [t, ta] = await Promise.all([getTranslations("common"), getTranslations("auth")]);
  return (
    <div className="mx-auto flex min-h-screen max-w-3xl flex-col px-4">
      <header className="flex items-center justify-between py-4">
        <span className="text-lg font-bold text-brand">{t("appName")}</span>
        <LocaleSwitch />
      </header>
      <main className="flex flex-1 flex-col justify-center py-16">
        <h1 className="text-4xl font-bold">{t("appName")}</h1>
        <p className="mt-3 text-xl text-muted">{t("tagline")}</p>
        <div className="mt-8 flex flex-wrap gap-3">
          <ButtonLink href="/inscription">{ta("signUpTitle")}</ButtonLink>
          <ButtonLink href="/connexion" variant="secondary">
            {ta("signIn")}
          </ButtonLink>
        </div>
      </main>
    </div>
  );
}
