import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";

// Read once per request: by the title and by the page.
const rulesOf = cache((slug: string) =>
  db.campaign.findUnique({
    where: { slug },
    select: { title: true, status: true, kind: true, locale: true, rulesText: true, rulesFilePath: true, rulesDepositedWith: true, organisation: { select: { name: true } } },
  }),
);

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const c = await rulesOf((await params).slug);
  const shown = c?.status === "PUBLISHED" && c.kind === "CONTEST" ? c : null;
  const t = await getTranslations({ locale: shown?.locale === "en" ? "en" : "fr", namespace: "respondent" });
  return { title: shown ? `${t("rulesTitle")} — ${shown.title}` : t("rulesTitle") };
}

/** The contest rules: the text typed in the builder and/or the uploaded PDF, with where they were deposited. */
export default async function RulesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const c = await rulesOf(slug);
  if (!c || c.status !== "PUBLISHED" || c.kind !== "CONTEST") notFound();
  const locale = c.locale === "en" ? "en" : "fr";
  const t = await getTranslations({ locale, namespace: "respondent" });
  return (
    <div lang={locale} className="min-h-screen bg-white text-gray-900">
      <main className="mx-auto max-w-2xl space-y-4 px-4 py-8">
        <p className="text-sm text-gray-700">{c.organisation.name}</p>
        <h1 className="text-2xl font-bold">
          {t("rulesTitle")} — {c.title}
        </h1>
        {c.rulesDepositedWith && <p className="font-medium">{t("rulesDeposited", { where: c.rulesDepositedWith })}</p>}
        {c.rulesFilePath && (
          <p>
            <a className="underline" href={`/f/${slug}/reglement/pdf`}>
              {t("rulesPdf")}
            </a>
          </p>
        )}
        {c.rulesText && <div className="whitespace-pre-line leading-relaxed">{c.rulesText}</div>}
        <p>
          <a className="underline" href={`/f/${slug}`}>
            {t("backToForm")}
          </a>
        </p>
      </main>
    </div>
  );
}
