"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { AnalyticsSearch } from "@/lib/analytics/filters";
import type { WordCount } from "@/lib/wordcloud/count";
import { answersWithWordAction } from "@/lib/wordcloud/actions";
import { Alert } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { WordCloud } from "./word-cloud";

type Listing = { word: string; total: number; answers: string[] } | { word: string; error: string };

/**
 * One open question's cloud, its accessible table, and the answers containing
 * the clicked word (fetched under the same filters, text only).
 */
export function WordCloudPanel({
  campaignId,
  questionId,
  words,
  search,
}: {
  campaignId: string;
  questionId: string;
  words: WordCount[];
  search: AnalyticsSearch;
}) {
  const t = useTranslations("analytics.cloud");
  const [listing, setListing] = useState<Listing | null>(null);
  const [pendingWord, setPendingWord] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function select(word: string) {
    setPendingWord(word);
    startTransition(async () => {
      const result = await answersWithWordAction({ campaignId, questionId, word, search });
      setListing(result.ok ? { word, ...result.data } : { word, error: result.error });
      setPendingWord(null);
    });
  }

  const selected = pendingWord ?? listing?.word ?? null;
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">{t("hint")}</p>
      <WordCloud words={words} onSelect={select} selected={selected} />
      <div aria-live="polite">
        {isPending && <p className="text-sm text-muted">{t("listLoading")}</p>}
        {!isPending && listing && (
          <section className="rounded-md border border-line bg-surface p-4" data-testid="word-answers">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h4 className="font-semibold">{t("listTitle", { word: listing.word })}</h4>
              <Button variant="ghost" onClick={() => setListing(null)}>
                {t("close")}
              </Button>
            </div>
            {"error" in listing ? (
              <Alert tone="error">{t("error")}</Alert>
            ) : listing.total === 0 ? (
              <p className="text-sm text-muted">{t("listEmpty")}</p>
            ) : (
              <>
                <p className="mb-2 text-sm text-muted">{t("listCount", { shown: listing.answers.length, total: listing.total })}</p>
                <ul className="max-h-80 space-y-2 overflow-y-auto">
                  {listing.answers.map((answer, i) => (
                    <li key={i} className="rounded border border-line bg-white px-3 py-2 text-sm" data-testid="word-answer">
                      {answer}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        )}
      </div>
      <details>
        <summary className="cursor-pointer text-sm font-medium text-brand">{t("table")}</summary>
        <div className="mt-2">
          <Table caption={t("table")}>
            <thead>
              <tr>
                <Th>{t("word")}</Th>
                <Th className="text-right">{t("count")}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {words.map((w) => (
                <tr key={w.word}>
                  <Td>
                    <button type="button" className="text-brand underline" onClick={() => select(w.word)}>
                      {w.word}
                    </button>
                  </Td>
                  <Td className="text-right tabular-nums">{w.count}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </details>
    </div>
  );
}
