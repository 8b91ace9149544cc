"use client";
import { useTranslations, useFormatter } from "next-intl";
import { brandContrast } from "@/lib/brand/contrast";

/** Says, as the colour is picked, where the brand colour falls short of WCAG AA on the respondent form. */
export function BrandContrastWarning({ color }: { color: string | undefined }) {
  const t = useTranslations("builder.contrast");
  const format = useFormatter();
  const contrast = color ? brandContrast(color) : null;
  if (!contrast || contrast.problems.length === 0) return null;
  const ratio = (n: number) => format.number(Math.floor(n * 100) / 100, { maximumFractionDigits: 2 });
  return (
    <div role="status" className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="contrast-warning">
      <p className="font-semibold">{t("title")}</p>
      {contrast.problems.includes("marks") && <p>{t("marks", { ratio: ratio(contrast.onWhite) })}</p>}
      {contrast.problems.includes("text") && <p>{t("text", { ratio: ratio(contrast.text) })}</p>}
    </div>
  );
}
