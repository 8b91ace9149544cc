import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { PublicShell } from "./public-shell";

/** The page of a preference-centre link that does not work: expired (a fresh one can be asked for) or unknown. */
export async function DeadPreferencesLink({ state, locale = "fr" }: { state: "expired" | "unknown"; locale?: "fr" | "en" }) {
  const t = await getTranslations({ locale, namespace: "preferences" });
  return (
    <PublicShell>
      <h1 className="text-2xl font-semibold">{state === "expired" ? t("expiredTitle") : t("invalidTitle")}</h1>
      <p className="mt-3">{state === "expired" ? t("expiredText") : t("invalidText")}</p>
      <p className="mt-6">
        <Link href={locale === "en" ? "/nouveau-lien?l=en" : "/nouveau-lien"} className={buttonClass("primary")}>
          {t("freshLinkCta")}
        </Link>
      </p>
    </PublicShell>
  );
}
