import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import { NotFound } from "@/lib/errors";
import type { Member } from "@/lib/auth/session";
import { inOrganisation } from "@/lib/orgs/scope";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/config";
import { translate } from "@/lib/i18n/translate";
import { withoutMinorBirthDates } from "@/lib/minors/birth-date";
import { consentingNowSql } from "@/lib/consent/current";
import { suppressionBlocks } from "@/lib/rights/suppression";
import type { Cell } from "./cells";
import { SEPARATORS, type Separator } from "./csv";
import { fileStream } from "./file-stream";
import { CSV_TARGETS, FILE_FORMATS, type CsvTarget, type FileFormat } from "./formats";
import { exportFileName } from "./presets";
import { type AnswerWords } from "./rows";
import { analysisCells, analysisHeader, type AnalysisShape, IDENTITY_QUESTION_TYPES } from "./analysis";
import { answerWords, EXPORT_BATCH, retentionCutoff } from "./queries";

export const analysisRequestSchema = z.object({
  format: z.enum(FILE_FORMATS).default("xlsx"),
  separator: z.enum(SEPARATORS).default(";"),
  target: z.enum(CSV_TARGETS).default("spreadsheet"),
});
export type AnalysisRequest = z.input<typeof analysisRequestSchema>;

type AnalysisPlan = {
  organisationId: string;
  campaign: { id: string; slug: string; timeZone: string; retentionMonths: number };
  shape: AnalysisShape;
  header: string[];
  format: FileFormat;
  separator: Separator;
  csvTarget: CsvTarget;
  fileName: string;
  options: Map<string, string>;
  words: AnswerWords;
  birthDateQuestionIds: string[];
};

const shortWording = (wording: string) => (wording.length > 60 ? `${wording.slice(0, 60)}…` : wording);

/** Resolves the campaign (scoped to the organisation: another's is not found), its columns and words, before a row is read. */
export async function planAnalysisExport(organisationId: string, campaignId: string, request: AnalysisRequest = {}, locale: Locale = DEFAULT_LOCALE, now = new Date()): Promise<AnalysisPlan> {
  const { format, separator, target } = analysisRequestSchema.parse(request);
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, ...inOrganisation(organisationId) },
    select: {
      id: true,
      slug: true,
      timeZone: true,
      retentionMonths: true,
      questions: { orderBy: { position: "asc" }, select: { id: true, label: true, type: true, validation: true, options: { select: { id: true, label: true } } } },
      purposes: { orderBy: { position: "asc" }, select: { id: true, isProfiling: true, versions: { orderBy: { version: "desc" }, take: 1, select: { wording: true } } } },
    },
  });
  if (!campaign) throw new NotFound("errors.campaignNotFound");
  const options = new Map<string, string>();
  for (const q of campaign.questions) for (const o of q.options) options.set(o.id, o.label);
  const shape: AnalysisShape = {
    purposes: campaign.purposes.map((p) => ({ id: p.id, header: translate(locale, "export.analysis.purposeColumn", { purpose: shortWording(p.versions[0]?.wording ?? p.id) }) })),
    profilingPurposeId: campaign.purposes.find((p) => p.isProfiling)?.id ?? null,
    questions: campaign.questions.filter((q) => !IDENTITY_QUESTION_TYPES.has(q.type)).map((q) => ({ id: q.id, label: q.label.trim() || q.id })),
  };
  return {
    organisationId,
    campaign: { id: campaign.id, slug: campaign.slug, timeZone: campaign.timeZone, retentionMonths: campaign.retentionMonths },
    shape,
    header: analysisHeader(shape, (key) => translate(locale, `export.analysis.columns.${key}`)),
    format,
    separator,
    csvTarget: target,
    fileName: exportFileName(campaign.slug, "analysis", now, campaign.timeZone, format),
    options,
    words: answerWords(locale),
    birthDateQuestionIds: campaign.questions.filter((q) => q.type === "BIRTH_DATE").map((q) => q.id),
  };
}

type AnalysisBatchRow = {
  responseId: string;
  submittedAt: Date | string;
  confirmedAt: Date | string | null;
  utmSource: string;
  utmMedium: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  postalCode: string | null;
  rScore: number | null;
  fScore: number | null;
  mScore: number | null;
  segment: string | null;
  data: string;
  /** 1 while the contact is not erased and within retention: their details may be shown if they consent */
  live: number | bigint;
} & Record<`p${number}`, number | bigint>;

const dateOrNull = (value: Date | string | null) => (value === null ? null : new Date(value));

/**
 * Every accepted, not erased response of the campaign, batch by batch (keyset
 * on the response id). Per purpose, whether the person's consent counts now,
 * by the SQL twin of the one consent rule; contact details only where one does.
 */
export async function* analysisRows(plan: AnalysisPlan, now = new Date(), batchSize = EXPORT_BATCH): AsyncGenerator<Cell[][]> {
  const contact = Prisma.sql`c."id"`;
  const cutoff = retentionCutoff(now, plan.campaign.retentionMonths);
  const flags = plan.shape.purposes.map((p, i) => Prisma.sql`, CASE WHEN ${consentingNowSql(contact, p.id)} THEN 1 ELSE 0 END AS ${Prisma.raw(`"p${i}"`)}`);
  // The suppression list applies as in the lead export: per purpose, a confirmed consent since the suppression lifts it.
  const organisation = await db.organisation.findUniqueOrThrow({ where: { id: plan.organisationId }, select: { salt: true } });
  const blocked = await Promise.all(plan.shape.purposes.map((p) => suppressionBlocks(db, { id: plan.organisationId, salt: organisation.salt }, p.id)));
  let cursor = "";
  for (;;) {
    const rows = await db.$queryRaw<AnalysisBatchRow[]>`
      SELECT r."id" AS "responseId", r."submittedAt", r."confirmedAt", r."utmSource", r."utmMedium",
        r."rScore", r."fScore", r."mScore", r."segment", r."data",
        c."email", c."firstName", c."lastName", c."phone", c."postalCode",
        CASE WHEN c."id" IS NOT NULL AND c."erasedAt" IS NULL AND c."lastInteractionAt" >= ${cutoff} THEN 1 ELSE 0 END AS "live"
        ${Prisma.join(flags, "")}
      FROM "Response" r LEFT JOIN "Contact" c ON c."id" = r."contactId"
      WHERE r."campaignId" = ${plan.campaign.id} AND r."id" > ${cursor}
        AND r."status" = 'ACCEPTED' AND r."erasedAt" IS NULL
      ORDER BY r."id"
      LIMIT ${batchSize}`;
    if (rows.length === 0) return;
    cursor = rows[rows.length - 1]!.responseId;
    const out: Cell[][] = [];
    for (const row of rows) {
      const live = Number(row.live) === 1;
      const consentsTo = new Set(live ? plan.shape.purposes.filter((_, i) => Number(row[`p${i}`]) === 1 && !blocked[i]!(row.email ?? "")).map((p) => p.id) : []);
      out.push(
        analysisCells(
          {
            ...row,
            submittedAt: new Date(row.submittedAt),
            confirmedAt: dateOrNull(row.confirmedAt),
            email: row.email ?? "",
            firstName: row.firstName ?? "",
            lastName: row.lastName ?? "",
            phone: row.phone ?? "",
            postalCode: row.postalCode ?? "",
            data: withoutMinorBirthDates(row.data, plan.birthDateQuestionIds, now),
            consentsTo,
          },
          plan.shape,
          plan.options,
          plan.words,
        ),
      );
    }
    yield out;
    if (rows.length < batchSize) return;
  }
}

/** The analysis file as a stream of bytes; the audit entry (who, format, rows) is written when it ends or is cancelled. */
export function analysisStream(member: Member, plan: AnalysisPlan, now = new Date()): ReadableStream<Uint8Array> {
  return fileStream({
    format: plan.format,
    header: plan.header,
    batches: analysisRows(plan, now),
    timeZone: plan.campaign.timeZone,
    separator: plan.separator,
    csvTarget: plan.csvTarget,
    sheetName: "responses",
    onEnd: (rowCount, completed) =>
      recordAudit(db, {
        organisationId: member.organisationId,
        userId: member.userId,
        actorLabel: member.email,
        action: "export.analysis",
        targetType: "campaign",
        targetId: plan.campaign.id,
        details: { format: plan.format, fileName: plan.fileName, rowCount, completed },
      }),
  });
}
