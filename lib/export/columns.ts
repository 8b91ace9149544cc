import { z } from "zod";
import { SEPARATORS } from "./csv";

/** The fixed columns of an export, in their default order; question columns follow as `q:<questionId>`. */
export const FIXED_COLUMNS = [
  "email",
  "first_name",
  "last_name",
  "phone",
  "postal_code",
  "consent_purpose",
  "consent_date",
  "consent_source",
  "recency_score",
  "frequency_score",
  "monetary_score",
  "segment",
] as const;

export const questionColumn = (questionId: string) => `q:${questionId}`;
/** The yes/no column of a purpose: does this person's consent to it count now */
export const purposeColumn = (purposeId: string) => `p:${purposeId}`;

const columnKey = z.string().regex(/^([qp]:[A-Za-z0-9_-]{1,64}|[a-z_]{1,40})$/);
/** A CRM header: one line, no control characters, not empty. */
const header = z
  .string()
  .transform((v) => v.replace(/[\u0000-\u001f\u007f]/g, " ").trim())
  .pipe(z.string().min(1, { error: "errors.required" }).max(120, { error: "errors.tooLong" }));

export const exportColumnSchema = z.object({ key: columnKey, header, include: z.boolean() });
export type ExportColumn = z.infer<typeof exportColumnSchema>;

/** What Campaign.exportMapping remembers: the marketer's columns (order, names, choice) and separator. */
export const exportMappingSchema = z.object({
  columns: z.array(exportColumnSchema).max(300),
  separator: z.enum(SEPARATORS),
});
export type ExportMapping = z.infer<typeof exportMappingSchema>;

export type QuestionInfo = { id: string; label: string; type?: string };
export type PurposeInfo = { id: string };

/** Questions whose answer is already a fixed column (the contact's identity): offered, unticked by default. */
const IDENTITY_TYPES = new Set(["EMAIL", "FIRST_NAME", "LAST_NAME", "PHONE", "POSTAL_CODE"]);

/** The default mapping: every column (identity questions unticked), CRM-friendly snake_case names, a yes/no column per purpose, question labels as headers, separator ";". */
export function defaultMapping(questions: readonly QuestionInfo[], purposes: readonly PurposeInfo[] = []): ExportMapping {
  return {
    separator: ";",
    columns: [
      ...FIXED_COLUMNS.map((key) => ({ key, header: key, include: true })),
      ...purposes.map((p, i) => ({ key: purposeColumn(p.id), header: `consent_${i + 1}`, include: true })),
      ...questions.map((q) => ({ key: questionColumn(q.id), header: q.label.trim() || q.id, include: !IDENTITY_TYPES.has(q.type ?? "") })),
    ],
  };
}

/**
 * The mapping to use now: the remembered one (text from Campaign.exportMapping)
 * reconciled with the campaign's current questions — columns of deleted
 * questions dropped, new questions appended, unknown keys ignored; the default
 * when nothing valid is remembered.
 */
export function resolveMapping(stored: string, questions: readonly QuestionInfo[], purposes: readonly PurposeInfo[] = []): ExportMapping {
  const fallback = defaultMapping(questions, purposes);
  let parsed: ExportMapping;
  try {
    const result = exportMappingSchema.safeParse(JSON.parse(stored));
    if (!result.success) return fallback;
    parsed = result.data;
  } catch {
    return fallback;
  }
  const known = new Map(fallback.columns.map((c) => [c.key, c]));
  const seen = new Set<string>();
  const columns: ExportColumn[] = [];
  for (const column of parsed.columns) {
    if (!known.has(column.key) || seen.has(column.key)) continue;
    seen.add(column.key);
    columns.push(column);
  }
  for (const column of fallback.columns) if (!seen.has(column.key)) columns.push(column);
  return { separator: parsed.separator, columns };
}

/** The columns that go into the file, or an error key when none is chosen or two headers are the same. */
export function includedColumns(mapping: ExportMapping): ExportColumn[] {
  return mapping.columns.filter((c) => c.include);
}

export function mappingProblem(mapping: ExportMapping): "noColumn" | "duplicateHeader" | null {
  const included = includedColumns(mapping);
  if (included.length === 0) return "noColumn";
  const headers = included.map((c) => c.header.toLowerCase());
  if (new Set(headers).size !== headers.length) return "duplicateHeader";
  return null;
}
