import { getTranslations } from "next-intl/server";
import { ResendButton } from "./resend-button";

/**
 * "Renvoyer l'e-mail" for the thank-you page. `reference` is the page's
 * `signValue("thanks", responseId)`; `locale` the campaign's.
 */
export async function ResendConfirmation({ reference, locale }: { reference: string; locale: "fr" | "en" }) {
  const t = await getTranslations({ locale, namespace: "consent.resend" });
  const labels = { hint: t("hint"), button: t("button"), pending: t("pending"), sent: t("sent"), alreadyConfirmed: t("alreadyConfirmed"), limit: t("limit"), error: t("error") };
  return <ResendButton reference={reference} labels={labels} />;
}
