import Image from "next/image";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getMember } from "@/lib/auth/session";
import { ButtonLink } from "@/components/ui/button";
import { LocaleSwitch } from "@/components/shell/locale-switch";

/** The landing page: in one screen, what Aimant does, why it is lawful by design, and the way in. */
export default async function HomePage() {
  if (await getMember()) redirect("/campagnes");
  const t = await getTranslations("common");
  const lawful = t.raw("landing.lawful") as string[];
  return (
    <div className="mx-auto flex min-h-screen max-w-5xl flex-col px-4">
      <header className="flex items-center justify-between py-4">
        <span className="text-lg font-bold text-brand">{t("appName")}</span>
        <LocaleSwitch />
      </header>
      <main className="grid flex-1 items-center gap-8 py-8 md:grid-cols-2">
        <div>
          <h1 className="text-3xl font-bold leading-tight md:text-4xl">{t("landing.title")}</h1>
          <p className="mt-4 text-lg text-muted">{t("landing.lead")}</p>
          <div className="mt-6 flex flex-wrap gap-3">
            <ButtonLink href="/inscription">{t("landing.signUp")}</ButtonLink>
            <ButtonLink href="/connexion" variant="secondary">
              {t("landing.signIn")}
            </ButtonLink>
          </div>
        </div>
        <section aria-labelledby="lawful-title" className="rounded-lg border border-line bg-white p-6">
          <h2 id="lawful-title" className="text-lg font-semibold">
            {t("landing.lawfulTitle")}
          </h2>
          <ul className="mt-3 list-disc space-y-2 pl-5 text-sm">
            {lawful.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
        {/* A real screenshot of the demo dashboard, made by scripts/landing-screenshot.mjs from the running app. */}
        <figure className="md:col-span-2">
          <Image
            src="/landing/tableau-de-bord.png"
            width={1200}
            height={750}
            sizes="(min-width: 1024px) 992px, 100vw"
            alt={t("landing.screenshotAlt")}
            className="h-auto w-full rounded-lg border border-line shadow-sm"
          />
          <figcaption className="mt-2 text-center text-sm text-muted">{t("landing.screenshotCaption")}</figcaption>
        </figure>
      </main>
    </div>
  );
}
