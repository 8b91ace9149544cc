import { getFormatter, getTranslations } from "next-intl/server";
import type { ContactLedgerRow } from "@/lib/consent/queries";
import { Table, Td, Th } from "@/components/ui/table";
import { ConsentActionBadge } from "./consent-action-badge";

/**
 * A contact's full consent history from the ledger (server component), newest
 * first: exact wording and its hash, action, method, source and request
 * metadata. The page reads the rows (`contactLedger`, scoped to the organisation).
 */
export async function ConsentHistory({ rows }: { rows: ContactLedgerRow[] }) {
  const [t, format] = await Promise.all([getTranslations("consent"), getFormatter()]);
  if (rows.length === 0) return <p className="text-sm text-muted">{t("historyEmpty")}</p>;
  return (
    <Table caption={t("historyTitle")}>
      <thead>
        <tr>
          <Th>{t("when")}</Th>
          <Th>{t("action")}</Th>
          <Th>{t("purpose")}</Th>
          <Th>{t("method")}</Th>
          <Th>{t("source")}</Th>
          <Th>{t("request")}</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {rows.map((row) => (
          <tr key={row.id} data-testid="consent-record">
            <Td className="whitespace-nowrap">{format.dateTime(row.createdAt, { dateStyle: "short", timeStyle: "medium" })}</Td>
            <Td>
              <ConsentActionBadge action={row.action} label={t(`actions.${row.action}` as "actions.GRANT")} />
            </Td>
            <Td className="max-w-sm">
              <p>{row.wording}</p>
              <p className="mt-1 text-xs text-muted">
                {row.purpose.campaign.title} · {t("version", { version: row.purposeVersion.version })} ·{" "}
                <abbr title={row.wordingHash}>
                  {t("hash")} {row.wordingHash.slice(0, 12)}…
                </abbr>
              </p>
            </Td>
            <Td>
              {t(`methods.${row.method}` as "methods.CHECKBOX")}
              {row.actorUserId && <p className="text-xs text-muted">{t("actor")}</p>}
            </Td>
            <Td className="max-w-xs break-words text-xs">
              {row.pageUrl && <p>{row.pageUrl}</p>}
              {row.utmSource && <p>utm_source={row.utmSource}</p>}
            </Td>
            <Td className="max-w-xs break-words text-xs text-muted">
              {row.userAgent && <p title={t("userAgent")}>{row.userAgent}</p>}
              {row.ipHash && (
                <p>
                  {t("ipHash")} {row.ipHash.slice(0, 12)}…
                </p>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
