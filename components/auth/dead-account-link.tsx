import { getTranslations } from "next-intl/server";
import type { LinkState } from "@/lib/links/link-state";
import { Alert } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";

/** What an account link that no longer works says (the proxy has set 404 or 410 from the same state). */
export async function DeadAccountLink({ state, text, again }: { state: Exclude<LinkState, "valid">; text: string; again: { href: string; label: string } }) {
  const t = await getTranslations("account");
  const title = state === "used" ? t("linkUsedTitle") : state === "expired" ? t("linkExpiredTitle") : t("linkUnknownTitle");
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">{title}</h1>
      <Alert tone="error">{text}</Alert>
      <ButtonLink href={again.href} variant="secondary" className="mt-6">
        {again.label}
      </ButtonLink>
    </>
  );
}
