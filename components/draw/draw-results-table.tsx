import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import type { drawResults } from "@/lib/draw/queries";

type Entry = Awaited<ReturnType<typeof drawResults>>[number];

/** Winners or alternates of a draw, in rank order, with a link to each lead. */
export async function DrawResultsTable({ campaignId, title, entries, testId }: { campaignId: string; title: string; entries: Entry[]; testId: string }) {
  const [t, format] = await Promise.all([getTranslations("draw"), getFormatter()]);
  return (
    <Table caption={title}>
      <thead>
        <tr>
          <Th>{t("rank")}</Th>
          <Th>{t("email")}</Th>
          <Th>{t("name")}</Th>
          <Th>{t("phone")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line" data-testid={testId}>
        {entries.map(({ rank, response }) => {
          const erased = !response.contact || response.contact.erasedAt || response.erasedAt;
          return (
            <tr key={response.id}>
              <Td>{rank}</Td>
              <Td>
                {erased ? (
                  <span className="text-muted">{t("erasedBadge")}</span>
                ) : (
                  <Link href={`/campagnes/${campaignId}/leads/${response.id}`} className="text-brand underline">
                    {response.contact!.email}
                  </Link>
                )}
                {response.excludedAt && (
                  <span className="ml-2 rounded bg-red-100 px-2 py-0.5 text-xs text-red-900">
                    {t("excludedBadge")} {format.dateTime(response.excludedAt, { dateStyle: "short" })}
                  </span>
                )}
              </Td>
              <Td>{erased ? "" : `${response.contact!.firstName} ${response.contact!.lastName}`.trim()}</Td>
              <Td>{erased ? "" : response.contact!.phone}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
