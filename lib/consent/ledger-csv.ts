import "server-only";
import { BOM, csvLines } from "@/lib/export/csv";
import type { Locale } from "@/lib/i18n/config";
import { translate } from "@/lib/i18n/translate";
import type { LedgerFilters } from "./filters";
import { type LedgerRow, ledgerBatches } from "./queries";

/** Columns of the ledger export for an audit: everything a record proves, one row per record. */
export const LEDGER_CSV_COLUMNS = [
  "recorded_at_utc",
  "record_id",
  "contact_id",
  "contact_email",
  "action",
  "method",
  "purpose_id",
  "purpose_version",
  "wording",
  "wording_sha256",
  "campaign_id",
  "response_id",
  "page_url",
  "utm_source",
  "user_agent",
  "ip_hash",
  "actor_user_id",
] as const;

/** The header line in the reader's language (compliance.ledger.csv.columns). */
export function ledgerCsvHeader(locale: Locale): string[] {
  return LEDGER_CSV_COLUMNS.map((column) => translate(locale, `compliance.ledger.csv.columns.${column}`));
}

export function ledgerCsvRow(r: LedgerRow): string[] {
  return [
    r.createdAt.toISOString(),
    r.id,
    r.contactId,
    r.contact.erasedAt ? "" : r.contact.email,
    r.action,
    r.method,
    r.purposeId,
    String(r.purposeVersion.version),
    r.wording,
    r.wordingHash,
    r.campaignId,
    r.responseId,
    r.pageUrl,
    r.utmSource,
    r.userAgent,
    r.ipHash,
    r.actorUserId ?? "",
  ];
}

/**
 * The filtered ledger as a CSV stream (UTF-8 with BOM, ";" for French Excel,
 * cells defused against formula injection), oldest record first, batch by batch.
 */
export function ledgerCsvStream(organisationId: string, filters: Omit<LedgerFilters, "page">, locale: Locale, onDone?: (rows: number) => Promise<void>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = ledgerBatches(organisationId, filters);
  let rows = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BOM + csvLines([ledgerCsvHeader(locale)], ";")));
        return;
      }
      const next = await batches.next();
      if (next.done) {
        await onDone?.(rows);
        controller.close();
        return;
      }
      rows += next.value.length;
      controller.enqueue(encoder.encode(csvLines(next.value.map(ledgerCsvRow), ";")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
