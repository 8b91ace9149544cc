import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PublicShell } from "@/components/consent/public-shell";

export async function generateMetadata({ searchParams }: { searchParams: Promise<{ l?: string }> }): Promise<Metadata> {
  const t = await getTranslations({ locale: (await searchParams).l === "en" ? "en" : "fr", namespace: "preferences" });
  return { title: t("erasedTitle"), robots: { index: false, follow: false } };
}

export default async function ErasedPage({ searchParams }: { searchParams: Promise<{ l?: string }> }) {
  const { l } = await searchParams;
  const t = await getTranslations({ locale: l === "en" ? "en" : "fr", namespace: "preferences" });
  return (
    <PublicShell>
      <h1 className="text-2xl font-semibold">{t("erasedTitle")}</h1>
      <p className="mt-3">{t("erasedText")}</p>
      <p className="mt-3" data-testid="come-back">{t("comeBack")}</p>
    </PublicShell>
  );
}
