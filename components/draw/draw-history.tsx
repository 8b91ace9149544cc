import { getFormatter, getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import type { listDraws } from "@/lib/draw/queries";

/** Every draw of a campaign, the superseded ones included, with the reason of each redraw. */
export async function DrawHistory({ draws }: { draws: Awaited<ReturnType<typeof listDraws>> }) {
  const [t, format] = await Promise.all([getTranslations("draw"), getFormatter()]);
  return (
    <Table caption={t("historyTitle")}>
      <thead>
        <tr>
          <Th>{t("sequence")}</Th>
          <Th>{t("when")}</Th>
          <Th>{t("who")}</Th>
          <Th>{t("eligibleCount")}</Th>
          <Th>{t("reason")}</Th>
          <Th>{t("status")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line" data-testid="draw-history">
        {draws.map((d) => (
          <tr key={d.id}>
            <Td>{d.sequence}</Td>
            <Td className="whitespace-nowrap">{format.dateTime(d.createdAt, { dateStyle: "short", timeStyle: "medium" })}</Td>
            <Td>{d.createdBy}</Td>
            <Td>{d.eligibleCount}</Td>
            <Td className="max-w-xs break-words">{d.reason || "—"}</Td>
            <Td>{d.supersededAt ? t("superseded", { date: format.dateTime(d.supersededAt, { dateStyle: "short", timeStyle: "short" }) }) : <strong>{t("active")}</strong>}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
