import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { getCampaignForMember } from "@/lib/campaigns/queries";
import { getOrganisation } from "@/lib/orgs/queries";
import { appUrl } from "@/lib/env";
import { EmptyState } from "@/components/ui/card";
import { PrintButton } from "@/components/builder/print-button";
import { formatInstant } from "@/components/respondent/format";
import { textOn } from "@/components/respondent/brand";

// A4 page; the dashboard's header and the campaign tabs are hidden in print.
const PRINT_CSS = `@page { size: A4; margin: 0 } @media print { main { padding: 0 !important; max-width: none !important; } .poster { box-shadow: none !important; border: 0 !important; } }`;

/** A printable A4 poster: prize, dates, QR code and the short legal line. */
export default async function PosterPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const member = await requirePermission("campaign.edit");
  const [c, org, t] = await Promise.all([getCampaignForMember(member, id), getOrganisation(member.organisationId), getTranslations("builder.share")]);
  if (c.status !== "PUBLISHED") return <EmptyState title={t("posterTitle")} text={t("notPublished")} />;
  const shortUrl = `${appUrl().replace(/^https?:\/\//, "")}/f/${c.slug}`;
  const when = (d: Date) => formatInstant(d, c.locale, c.timeZone);
  const controller = org.legalName || org.name;
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="no-print mb-4 flex justify-end">
        <PrintButton label={t("print")} />
      </div>
      <article
        lang={c.locale}
        className="poster mx-auto flex flex-col items-center bg-white text-center shadow-lg"
        style={{ width: "210mm", minHeight: "297mm", padding: "18mm 16mm", boxSizing: "border-box" }}
        data-testid="poster"
      >
        {c.logoPath && (
          // eslint-disable-next-line @next/next/no-img-element -- the campaign's uploaded logo from our own route
          <img src={`/f/${c.slug}/logo`} alt={org.name} style={{ maxHeight: "30mm", maxWidth: "90mm" }} className="mb-4 w-auto object-contain" data-testid="poster-logo" />
        )}
        <p className="text-xl font-semibold text-gray-700">{org.name}</p>
        <h1 className="mt-4 text-5xl font-extrabold leading-tight" style={{ color: c.brandColor }}>
          {c.title}
        </h1>
        {c.prize && <p className="mt-6 text-3xl font-bold">{c.prize}</p>}
        {/* eslint-disable-next-line @next/next/no-img-element -- vector QR from our own route, sharp in print */}
        <img src={`/f/${c.slug}/qr.svg?size=1024&ecl=Q`} alt={t("qrAlt")} style={{ width: "95mm", height: "95mm" }} className="mt-10" />
        <p className="mt-4 rounded-full px-6 py-2 text-2xl font-bold" style={{ backgroundColor: c.brandColor, color: textOn(c.brandColor) }}>
          {t("posterScan")}
        </p>
        <p className="mt-4 text-lg">{shortUrl}</p>
        <p className="mt-2 text-xl font-medium">{t("posterDates", { opens: when(c.opensAt), closes: when(c.closesAt) })}</p>
        <p className="mt-auto pt-10 text-xs leading-snug text-gray-700">
          {c.kind === "CONTEST" ? t("posterLegal", { url: `${shortUrl}/reglement`, controller }) : t("posterLegalOther", { url: shortUrl, controller })}
        </p>
      </article>
    </>
  );
}
