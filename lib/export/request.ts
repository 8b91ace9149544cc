import "server-only";
import type { z } from "zod";
import { requireRole, type Member } from "@/lib/auth/session";
import { Forbidden, Invalid } from "@/lib/errors";
import { requestLocale } from "@/lib/i18n/request-locale";
import type { Locale } from "@/lib/i18n/config";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { CONTENT_TYPES, type FileFormat } from "./formats";

/**
 * What every export route checks before its domain code: a member whose role
 * may export personal data, a download asked from our own pages (another site
 * may link here but must not make a signed-in marketer download, and log, an
 * export unknowingly), and the query parsed with the export's schema, a blank
 * field (an untouched select) counting as absent.
 */
export async function exportRequest<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<{ member: Member; query: z.output<Schema>; locale: Locale }> {
  const member = await requireRole("leads.export");
  if (request.headers.get("sec-fetch-site") === "cross-site") throw new Forbidden("errors.origin.foreign");
  const query = Object.fromEntries([...new URL(request.url).searchParams].map(([key, value]) => [key, value || undefined]));
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new Invalid("errors.exportParameters", fieldErrorsOf(parsed.error));
  return { member, query: parsed.data, locale: await requestLocale() };
}

/** The streamed file's response: a download never cached nor sniffed as something else. */
export function exportResponse(stream: ReadableStream<Uint8Array>, plan: { format: FileFormat; fileName: string }): Response {
  return new Response(stream, {
    headers: {
      "Content-Type": CONTENT_TYPES[plan.format],
      "Content-Disposition": `attachment; filename="${plan.fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
