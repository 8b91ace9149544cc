import "server-only";
import type { Locale } from "@/lib/i18n/config";
import { translate } from "@/lib/i18n/translate";
import type { TokenPageKind } from "./token-shape";

/** The catalogue texts of each link page for a link that does not exist. */
const TEXTS: Record<TokenPageKind, { title: string; text: string }> = {
  confirmation: { title: "consent.confirmPage.unknownTitle", text: "consent.confirmPage.unknownText" },
  parental: { title: "consent.parentPage.unknownTitle", text: "consent.parentPage.unknownText" },
  preferences: { title: "preferences.invalidTitle", text: "preferences.invalidText" },
  invitation: { title: "common.notFoundTitle", text: "errors.invitationInvalid" },
  passwordReset: { title: "common.notFoundTitle", text: "errors.resetLinkInvalid" },
  emailChange: { title: "common.notFoundTitle", text: "errors.emailLinkInvalid" },
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page of a malformed or over-long link, answered by the proxy itself: a
 * rendered page would carry the requested path in its router payload, and
 * the token must not be echoed. Same words as the link's own page.
 */
export function malformedLinkPage(kind: TokenPageKind, locale: Locale): string {
  const title = escapeHtml(translate(locale, TEXTS[kind].title));
  const text = escapeHtml(translate(locale, TEXTS[kind].text));
  return `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title></head>
<body style="margin:0;background:#f9fafb;color:#111827;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif"><main style="max-width:36rem;margin:0 auto;padding:3rem 1rem"><div style="background:#fff;border:1px solid #e5e7eb;border-top:4px solid #b4235a;border-radius:.5rem;padding:2rem"><h1 style="font-size:1.5rem;margin:0">${title}</h1><p style="margin:.75rem 0 0">${text}</p></div></main></body></html>`;
}
