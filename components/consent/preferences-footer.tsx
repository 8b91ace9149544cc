import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/config";
import type { MailOrganisation } from "@/lib/mail/render";


/** Rights reminder with the DPO or organisation contact (preference centre). */
export async function RightsNotice({ organisation, locale }: { organisation: MailOrganisation; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "preferences" });
  const dpoEmail = organisation.dpoEmail || organisation.contactEmail;
  const contact = dpoEmail
    ? organisation.dpoName
      ? t("dpoContact", { name: organisation.dpoName, email: dpoEmail })
      : t("dpoContactNoName", { email: dpoEmail })
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
