"use client";
import { useEffect, useMemo, useState } from "react";
import cloud from "d3-cloud";
import { useTranslations } from "next-intl";
import type { WordCount } from "@/lib/wordcloud/count";
import { seededRandom } from "@/lib/wordcloud/prng";
import { CHART } from "./colors";

const WIDTH = 800;
const HEIGHT = 360;
const PALETTE = [CHART.main, CHART.second, "#7a4e9f", "#2d7d5a", "#b35c1e"];

type Placed = { text: string; size: number; x: number; y: number; rotate: number; count: number };

/**
 * The word cloud, laid out by d3-cloud in the browser (it measures words on a
 * canvas). Sizes follow the square root of the counts so a dominant word does
 * not crush the rest. Every word is a keyboard-reachable button.
 */
export function WordCloud({ words, onSelect, selected }: { words: WordCount[]; onSelect: (word: string) => void; selected: string | null }) {
  const t = useTranslations("analytics.cloud");
  const [placed, setPlaced] = useState<Placed[] | null>(null);
  const key = useMemo(() => words.map((w) => `${w.word}:${w.count}`).join(","), [words]);

  useEffect(() => {
    const max = Math.max(1, ...words.map((w) => w.count));
    const min = Math.min(max, ...words.map((w) => w.count));
    const size = (count: number) => (max === min ? 32 : 14 + (Math.sqrt(count - min) / Math.sqrt(max - min)) * 44);
    const random = seededRandom(words.length);
    let cancelled = false;
    const layout = cloud<cloud.Word & { count: number }>()
      .size([WIDTH, HEIGHT])
      .words(words.map((w) => ({ text: w.word, size: size(w.count), count: w.count })))
      .padding(3)
      .rotate(() => 0)
      .font("system-ui, sans-serif")
      .fontWeight("600")
      .fontSize((d) => d.size ?? 14)
      .random(random)
      .on("end", (out) => {
        if (!cancelled) setPlaced(out.map((w) => ({ text: w.text!, size: w.size!, x: w.x!, y: w.y!, rotate: w.rotate ?? 0, count: w.count })));
      });
    layout.start();
    return () => {
      cancelled = true;
      layout.stop();
    };
    // The key stands for the words' content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (!placed) return <p className="py-16 text-center text-sm text-muted">{t("layout")}</p>;
  return (
    <svg viewBox={`${-WIDTH / 2} ${-HEIGHT / 2} ${WIDTH} ${HEIGHT}`} className="h-auto w-full" role="group" aria-label={t("hint")} data-testid="word-cloud">
      {placed.map((w, i) => (
        <text
          key={w.text}
          role="button"
          tabIndex={0}
          aria-label={t("wordButton", { word: w.text, count: w.count })}
          aria-pressed={selected === w.text}
          data-testid="cloud-word"
          data-word={w.text}
          textAnchor="middle"
          transform={`translate(${w.x},${w.y}) rotate(${w.rotate})`}
          style={{ fontSize: w.size, fontWeight: 600, fontFamily: "system-ui, sans-serif", cursor: "pointer" }}
          fill={selected === w.text ? CHART.text : PALETTE[i % PALETTE.length]}
          textDecoration={selected === w.text ? "underline" : undefined}
          onClick={() => onSelect(w.text)}
          onKeyDown={(e) => {
            if (e.key === "Enter" || e.key === " ") {
              e.preventDefault();
              onSelect(w.text);
            }
          }}
        >
          {w.text}
        </text>
      ))}
    </svg>
  );
}
