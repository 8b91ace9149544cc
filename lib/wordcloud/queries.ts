import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { NotFound } from "@/lib/errors";
import { OPEN_TYPES } from "@/lib/analytics/charts";
import { isFiltered, type AnalyticsFilters } from "@/lib/analytics/filters";
import { joinTexts, LIKE_ASCII_INSENSITIVE, n, responseConditions, TEXT_SEPARATOR } from "@/lib/analytics/sql";
import { answerContains, asciiCore, WordCounter, type WordCount } from "./count";
import { parseExclusions } from "./stopwords";

/** Rows read per round trip: big enough to be quick, small enough to keep memory flat. */
const PAGE = 5_000;

/** Which responses count: unfiltered, every one but the few rejected; filtered, those matching. */
function responseFilter(campaignId: string, filters: AnalyticsFilters): Prisma.Sql {
  return isFiltered(filters)
    ? Prisma.sql`a."responseId" IN (SELECT r."id" FROM "Response" r WHERE ${responseConditions(campaignId, filters)})`
    : Prisma.sql`a."responseId" NOT IN (SELECT r."id" FROM "Response" r WHERE r."campaignId" = ${campaignId} AND r."dedupeKey" IS NULL AND r."status" <> 'ACCEPTED')`;
}

/**
 * The open answers of a question under the filters, page by page in response
 * id order: keyset paging on the covering index Answer_analytics_idx
 * (questionId, optionId = null, valueNumber = null, responseId), so each page
 * costs the same and memory stays bounded whatever the number of answers.
 * A page crosses the driver as one joined value. `contains` narrows the scan
 * with a LIKE on the ASCII core of a word (a superset the caller re-checks).
 */
async function* openAnswerPages(
  campaignId: string,
  questionId: string,
  filters: AnalyticsFilters,
  options: { order?: "asc" | "desc"; contains?: string } = {},
): AsyncGenerator<string[]> {
  const order = options.order ?? "asc";
  const dir = Prisma.raw(order === "asc" ? "ASC" : "DESC");
  const like = options.contains ? Prisma.sql`AND a."valueText" ${LIKE_ASCII_INSENSITIVE} ${`%${options.contains}%`}` : Prisma.empty;
  let cursor: string | null = null;
  for (;;) {
    const after: Prisma.Sql =
      cursor === null ? Prisma.empty : order === "asc" ? Prisma.sql`AND a."responseId" > ${cursor}` : Prisma.sql`AND a."responseId" < ${cursor}`;
    const [page] = await db.$queryRaw<{ last: string | null; count: unknown; texts: string | null }[]>`
      SELECT ${order === "asc" ? Prisma.sql`MAX(p.rid)` : Prisma.sql`MIN(p.rid)`} AS last, COUNT(*) AS count, ${joinTexts("p.text")} AS texts
      FROM (
        SELECT a."responseId" AS rid, a."valueText" AS text
        FROM "Answer" a
        WHERE a."questionId" = ${questionId} AND a."optionId" IS NULL AND a."valueNumber" IS NULL AND a."valueText" IS NOT NULL
          ${after} ${like} AND ${responseFilter(campaignId, filters)}
        ORDER BY a."responseId" ${dir} LIMIT ${PAGE}
      ) p`;
    const count = n(page?.count);
    if (count === 0 || !page?.texts || !page.last) return;
    yield page.texts.split(TEXT_SEPARATOR);
    if (count < PAGE) return;
    cursor = page.last;
  }
}

/** The open question of a campaign and the campaign's own word exclusions; NotFound otherwise. */
async function openQuestion(campaignId: string, questionId: string) {
  const question = await db.question.findFirst({
    where: { id: questionId, campaignId, type: { in: [...OPEN_TYPES] } },
    select: { id: true, campaign: { select: { wordExclusions: true } } },
  });
  if (!question) throw new NotFound("errors.questionNotFound");
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
  for await (const texts of openAnswerPages(campaignId, questionId, filters)) for (const text of texts) counter.add(text);
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
  const core = asciiCore(word);
  const pages = openAnswerPages(campaignId, questionId, filters, { order: "desc", contains: core.length >= 3 ? core : undefined });
  for await (const texts of pages) {
    for (const text of texts) {
      if (!answerContains(text, word, { exclusions })) continue;
      total++;
      if (answers.length < ANSWER_LIST_LIMIT) answers.push(text);
    }
  }
  return { total, answers };
}
