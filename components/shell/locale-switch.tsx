import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/lib/i18n/actions";
import { LOCALES } from "@/lib/i18n/config";
import { cn } from "@/components/ui/cn";

/** Language switch that works without JavaScript (a form per language). */
export async function LocaleSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common")]);
  return (
    <form action={setLocaleAction} className="flex items-center gap-1 text-sm" aria-label={t("language")}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-pressed={l === locale}
          className={cn("rounded px-2 py-1", l === locale ? "bg-ink text-white" : "text-muted hover:bg-surface")}
        >
          {l === "fr" ? t("french") : t("english")}
        </button>
      ))}
    </form>
  );
}
