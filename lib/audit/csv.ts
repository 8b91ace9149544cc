import "server-only";
import type { Locale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";
import { translate } from "@/lib/i18n/translate";
import type { Cell } from "@/lib/export/cells";
import { fileStream } from "@/lib/export/file-stream";
import { auditBatches, auditNames } from "./queries";
import type { AuditFilters } from "./filters";
import { actorName, auditSentence } from "./sentence";

/** The audit namespace of the catalogue as a translator that can say whether a key exists (outside a page). */
export function auditTranslator(locale: Locale) {
  const messages = loadMessages(locale) as Record<string, unknown>;
  const has = (key: string) => {
    let node: unknown = messages.audit;
    for (const part of key.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
    return typeof node === "string";
  };
  return Object.assign((key: string, values?: Record<string, string | number>) => translate(locale, `audit.${key}`, values), { has });
}

/**
 * The filtered log as CSV (streamed, 500 lines at a time): when (local time),
 * who, the sentence in the reader's language, and the stored code, target and
 * details so nothing is lost in translation.
 */
export function auditCsvStream(organisationId: string, filters: AuditFilters, locale: Locale, timeZone: string): ReadableStream<Uint8Array> {
  const t = auditTranslator(locale);
  async function* rows(): AsyncGenerator<Cell[][]> {
    for await (const batch of auditBatches(organisationId, filters)) {
      const names = await auditNames(organisationId, batch);
      yield batch.map((line) => [{ at: line.createdAt }, actorName(line, t, names), auditSentence(line, t, names), line.action, line.targetType ? `${line.targetType} ${line.targetId}` : "", line.details === "{}" ? "" : line.details]);
    }
  }
  return fileStream({
    format: "csv",
    header: ["when", "who", "sentence", "action", "target", "details"].map((k) => t(`csv.${k}`)),
    batches: rows(),
    timeZone,
    separator: ";",
    csvTarget: "spreadsheet",
    sheetName: "audit",
    onEnd: async () => undefined,
  });
}
