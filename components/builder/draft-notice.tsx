"use client";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Says that unsaved changes from an earlier visit were brought back, with a way to drop them. */
export function DraftNotice({ at, onDiscard }: { at: number; onDiscard: () => void }) {
  const t = useTranslations("builder");
  const format = useFormatter();
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="draft-restored">
      <p>{t("draft.restored", { at: format.relativeTime(new Date(at)) })}</p>
      <Button variant="secondary" onClick={onDiscard}>
        {t("draft.discard")}
      </Button>
    </div>
  );
}
