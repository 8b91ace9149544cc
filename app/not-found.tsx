import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";

export default async function NotFoundPage() {
  const t = await getTranslations("common");
  return (
    <main className="mx-auto max-w-xl px-4 py-20 text-center">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-3 text-muted">{t("notFoundText")}</p>
      <ButtonLink href="/" className="mt-6">
        {t("home")}
      </ButtonLink>
    </main>
  );
}
