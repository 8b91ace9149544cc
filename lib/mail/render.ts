import "server-only";
import { escapeHtml } from "@/lib/html";
import { rightsContactOf } from "./rights-contact";
import type { Locale } from "@/lib/i18n/config";
import { formatDate } from "@/lib/i18n/format";
import { preferencesUrl, unsubscribeUrl } from "@/lib/preferences/links";
import { headerSafe } from "./outbox";
import { mailTranslator } from "./translator";

/** What the legal footer says about the sender (Organisation columns). */
export type MailOrganisation = {
  name: string;
  legalName: string;
  address: string;
  contactEmail: string;
  dpoName: string;
  dpoEmail: string;
};

/** The Prisma `select` of an organisation's identity as controller (mail footers, notices, records). */
export const controllerSelect = { name: true, legalName: true, address: true, contactEmail: true, dpoName: true, dpoEmail: true } as const;

type RenderMailInput = {
  locale: Locale;
  organisation: MailOrganisation;
  /** Why the person receives it, completing "Pourquoi recevez-vous cet e-mail ? …" */
  reason: string;
  subject: string;
  /** Body as trusted HTML (escape every user value with escapeHtml) and as plain text */
  bodyHtml: string;
  bodyText: string;
  /** The recipient, for the preference-centre and one-click unsubscribe links */
  contactId: string;
  /** Brand colour of the campaign for the button and the top rule */
  brandColor?: string;
  /** Absolute URL of the campaign's logo, shown above the body */
  logoUrl?: string;
  now?: Date;
};

export type RenderedMail = { subject: string; html: string; text: string; headers: Record<string, string> };

/**
 * Wraps a body in the mail layout with the legal footer every mail to a
 * respondent must carry (why, one-click unsubscribe, rights and DPO,
 * do-not-reply with a contact, sender identity, address and date), and the
 * RFC 8058 List-Unsubscribe headers. All links are absolute.
 */
export function renderMail(input: RenderMailInput): RenderedMail {
  const t = mailTranslator(input.locale);
  const org = input.organisation;
  const color = safeColor(input.brandColor);
  const logo = safeLogo(input.logoUrl);
  const prefs = preferencesUrl(input.contactId);
  // The same signed link with the unsubscribe flag (one MAC, not two).
  const unsubscribe = `${prefs}?desabonnement=1`;
  const who = rightsContactOf(org);
  const dpo =
    who.kind === "dpo"
      ? who.name && who.email
        ? t("footer.dpo", { name: who.name, email: who.email })
        : who.email
          ? t("footer.dpoNoName", { email: who.email })
          : t("footer.dpoNoAddress", { name: who.name })
      : who.kind === "contact"
        ? t("footer.writeTo", { email: who.email })
        : t("footer.preferences");
  const identity = org.legalName || org.name;
  const date = formatDate(input.now ?? new Date(), input.locale, "Europe/Paris");
  const sender = t("footer.sender", { identity, address: org.address || "none", date });
  const contact = org.contactEmail ? t("footer.contactUs", { email: org.contactEmail }) : t("footer.contactPage");

  const footerText = [
    t("footer.why", { reason: input.reason }),
    labelled(input.locale, t("footer.unsubscribe"), unsubscribe),
    labelled(input.locale, t("footer.preferences"), prefs),
    t("footer.rights", { dpo }),
    `${t("footer.noReply")} ${contact}.`,
    sender,
  ].join("\n");

  const contactHtml = org.contactEmail
    ? escapeHtml(t("footer.contactUs", { email: "" })) + `<a href="mailto:${escapeHtml(org.contactEmail)}" style="color:#555">${escapeHtml(org.contactEmail)}</a>`
    : `<a href="${escapeHtml(prefs)}" style="color:#555">${escapeHtml(t("footer.contactPage"))}</a>`;
  const footerHtml = [
    `<p style="margin:0 0 8px">${escapeHtml(t("footer.why", { reason: input.reason }))}</p>`,
    `<p style="margin:0 0 8px"><a href="${escapeHtml(unsubscribe)}" style="color:#555">${escapeHtml(t("footer.unsubscribe"))}</a> · <a href="${escapeHtml(prefs)}" style="color:#555">${escapeHtml(t("footer.preferences"))}</a></p>`,
    `<p style="margin:0 0 8px">${escapeHtml(t("footer.rights", { dpo }))}</p>`,
    `<p style="margin:0 0 8px">${escapeHtml(t("footer.noReply"))} ${contactHtml}.</p>`,
    `<p style="margin:0">${escapeHtml(sender)}</p>`,
  ].join("\n");

  const subject = headerSafe(input.subject);
  const html = `<!doctype html>
<html lang="${input.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f5;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1f2937">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-top:4px solid ${color};border-radius:6px">
${logo ? `<tr><td style="padding:24px 24px 0"><img src="${escapeHtml(logo)}" alt="${escapeHtml(org.name)}" height="48" style="display:block;height:48px;width:auto;max-width:100%;border:0"></td></tr>
` : ""}<tr><td style="padding:24px;font-size:16px;line-height:1.5">
${input.bodyHtml}
</td></tr>
<tr><td style="padding:16px 24px 24px;border-top:1px solid #e5e7eb;font-size:12px;line-height:1.5;color:#555">
${footerHtml}
</td></tr>
</table></td></tr></table>
</body></html>`;
  const text = `${input.bodyText.trim()}\n\n-- \n${footerText}\n`;
  return {
    subject,
    html,
    text,
    headers: {
      "List-Unsubscribe": `<${unsubscribeUrl(input.contactId)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

/** A call-to-action button for mail bodies (bulletproof enough for common clients). */
export function mailButton(href: string, label: string, color?: string): string {
  return `<p style="margin:24px 0"><a href="${escapeHtml(href)}" style="display:inline-block;background:${safeColor(color)};color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:600">${escapeHtml(label)}</a></p>`;
}

/** A brand colour is user input: only a plain hex colour reaches the mail's CSS. */
function safeColor(color: string | undefined): string {
  return color && /^#[0-9a-f]{6}$/i.test(color) ? color : "#b4235a";
}

/** Only an absolute http(s) address reaches the mail as the logo's source. */
function safeLogo(url: string | undefined): string | null {
  return url && /^https?:\/\/[^\s"<>]+$/.test(url) ? url : null;
}

/** "Label : value" in French typography (space before the colon), "Label: value" in English. */
export function labelled(locale: Locale, label: string, value: string): string {
  return locale === "fr" ? `${label}\u00a0: ${value}` : `${label}: ${value}`;
}
