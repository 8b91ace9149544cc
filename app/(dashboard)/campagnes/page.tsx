import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { listCampaigns } from "@/lib/campaigns/queries";
import { phaseOf } from "@/lib/campaigns/time-window";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { PhaseBadge } from "@/components/builder/phase-badge";

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<{ archives?: string }> }) {
  const member = await requireUser();
  const archived = (await searchParams).archives === "1";
  const [t, campaigns] = await Promise.all([getTranslations("campaigns"), listCampaigns(member.organisationId, { archived })]);
  const canEdit = can(member.role, "campaign.edit");
  const locale = await getLocale();
  const date = { format: (d: Date) => formatDate(d, locale, "Europe/Paris") };
  const newButton = canEdit ? <ButtonLink href="/campagnes/nouvelle">{t("new")}</ButtonLink> : undefined;
  return (
    <>
      <PageHeader title={archived ? t("archivedTitle") : t("title")} actions={newButton} />
      {campaigns.length === 0 ? (
        archived ? (
          <EmptyState title={t("archivedEmpty")} text="" />
        ) : (
          <EmptyState title={t("emptyTitle")} text={t("emptyText")} action={newButton} />
        )
      ) : (
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>{t("columns.title")}</Th>
              <Th>{t("columns.kind")}</Th>
              <Th>{t("columns.phase")}</Th>
              <Th>{t("columns.dates")}</Th>
              <Th className="text-right">{t("columns.entries")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {campaigns.map((c) => {
              const phase = phaseOf(c);
              return (
                <tr key={c.id}>
                  <Td>
                    <Link href={`/campagnes/${c.id}`} className="font-medium text-brand underline-offset-2 hover:underline">
                      {c.title}
                    </Link>
                    <div className="text-xs text-muted">/f/{c.slug}</div>
                  </Td>
                  <Td>{t(`kind.${c.kind}`)}</Td>
                  <Td>
                    <PhaseBadge phase={phase} label={t(`phase.${phase}`)} />
                  </Td>
                  <Td className="whitespace-nowrap">{t("dates", { opens: date.format(c.opensAt), closes: date.format(c.closesAt) })}</Td>
                  <Td className="text-right tabular-nums">{c._count.responses}</Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      <p className="mt-6 text-sm">
        <Link href={archived ? "/campagnes" : "/campagnes?archives=1"} className="text-muted underline">
          {archived ? t("activeLink") : t("archivedLink")}
        </Link>
      </p>
    </>
  );
}
