import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { NotFound } from "@/lib/errors";
import { OPEN_TYPES } from "@/lib/analytics/charts";
import type { AnalyticsFilters } from "@/lib/analytics/filters";
import { responseConditions } from "@/lib/analytics/sql";
import { answerContains, WordCounter, type WordCount } from "./count";
import { parseExclusions } from "./stopwords";

/** Rows read per round trip: big enough to be quick, small enough to keep memory flat. */
const PAGE = 5_000;

type Page = { rid: string; text: string }[];

/**
 * The open answers of a question under the filters, page by page in response
 * id order: keyset paging on the covering index Answer_analytics_idx
 * (questionId, optionId = null, valueNumber = null, responseId), so each page
 * costs the same and memory stays bounded whatever the number of answers.
 * Each answer's response is checked against the filters by primary key.
 */
async function* openAnswers(campaignId: string, questionId: string, filters: AnalyticsFilters, order: "asc" | "desc" = "asc") {
  let cursor: string | null = null;
  const dir = Prisma.raw(order === "asc" ? "ASC" : "DESC");
  const after = (rid: string) => (order === "asc" ? Prisma.sql`AND a."responseId" > ${rid}` : Prisma.sql`AND a."responseId" < ${rid}`);
  for (;;) {
    const rows: Page = await db.$queryRaw<Page>`
      SELECT a."responseId" AS rid, a."valueText" AS text
      FROM "Answer" a
      WHERE a."questionId" = ${questionId} AND a."optionId" IS NULL AND a."valueNumber" IS NULL AND a."valueText" IS NOT NULL
        ${cursor === null ? Prisma.empty : after(cursor)}
        AND EXISTS (SELECT 1 FROM "Response" r WHERE r."id" = a."responseId" AND ${responseConditions(campaignId, filters)})
      ORDER BY a."responseId" ${dir} LIMIT ${PAGE}`;
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < PAGE) return;
    cursor = rows[rows.length - 1]!.rid;
  }
}

/** The open question of a campaign and the campaign's own word exclusions; NotFound otherwise. */
async function openQuestion(campaignId: string, questionId: string) {
  const question = await db.question.findFirst({
    where: { id: questionId, campaignId, type: { in: [...OPEN_TYPES] } },
    select: { id: true, campaign: { select: { wordExclusions: true } } },
  });
  if (!question) throw new NotFound("Question introuvable.");
  return { exclusions: parseExclusions(question.campaign.wordExclusions) };
}

export type WordCloudData = { answers: number; words: WordCount[] };

/**
 * The top words of an open question, counted on the server. `campaignId` must
 * come from a campaign already scoped to the member's organisation.
 */
export async function wordCloud(campaignId: string, questionId: string, filters: AnalyticsFilters): Promise<WordCloudData> {
  const { exclusions } = await openQuestion(campaignId, questionId);
  const counter = new WordCounter({ exclusions });
  for await (const rows of openAnswers(campaignId, questionId, filters)) for (const row of rows) counter.add(row.text);
  return { answers: counter.answers, words: counter.top() };
}

/** How many answers of the list are sent at most (the cloud already gives the total). */
export const ANSWER_LIST_LIMIT = 50;

/**
 * The most recent answers (response ids are time-ordered cuids) containing a word, by the tokenizer's rules (text
 * only: no identity ever leaves with them), and how many answers contain it.
 */
export async function answersWithWord(
  campaignId: string,
  questionId: string,
  word: string,
  filters: AnalyticsFilters,
): Promise<{ total: number; answers: string[] }> {
  const { exclusions } = await openQuestion(campaignId, questionId);
  const answers: string[] = [];
  let total = 0;
  for await (const rows of openAnswers(campaignId, questionId, filters, "desc")) {
    for (const row of rows) {
      if (!answerContains(row.text, word, { exclusions })) continue;
      total++;
      if (answers.length < ANSWER_LIST_LIMIT) answers.push(row.text);
    }
  }
  return { total, answers };
}
