import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import type { MailOrganisation } from "@/lib/mail/render";
import { rightsContactOf } from "@/lib/mail/rights-contact";


/** Rights reminder with the DPO or organisation contact (preference centre). */
export async function RightsNotice({ organisation, locale }: { organisation: MailOrganisation; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "preferences" });
  const who = rightsContactOf(organisation);
  const contact =
    who.kind === "dpo"
      ? who.name && who.email
        ? t("dpoContact", { name: who.name, email: who.email })
        : who.email
          ? t("dpoContactNoName", { email: who.email })
          : t("dpoContactNoAddress", { name: who.name })
      : who.kind === "contact"
        ? t("orgContact", { email: who.email })
        : organisation.legalName || organisation.name;
  return (
    <section aria-labelledby="rights" className="mt-8 border-t border-line pt-6">
      <h2 id="rights" className="text-lg font-semibold">
        {t("rightsTitle")}
      </h2>
      <p className="mt-2 text-sm text-muted">{t("rightsText", { contact })}</p>
    </section>
  );
}
