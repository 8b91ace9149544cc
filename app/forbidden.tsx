import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";

export default async function ForbiddenPage() {
  const t = await getTranslations("common");
  return (
    <main className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-2xl font-semibold">{t("forbiddenTitle")}</h1>
      <p className="mt-3 text-muted">{t("forbiddenText")}</p>
      <ButtonLink href="/campagnes" className="mt-6">
        {t("back")}
      </ButtonLink>
    </main>
  );
}
