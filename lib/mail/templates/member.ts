import "server-only";
import { escapeHtml } from "@/lib/html";
import type { Locale } from "@/lib/i18n/config";
import { type RenderedMail, labelled, mailButton } from "../render";
import { mailTranslator } from "../translator";

type MemberMailInput = {
  locale: Locale;
  subject: string;
  /** Paragraphs of plain text (escaped here) */
  paragraphs: string[];
  button?: { href: string; label: string };
  /** A last, smaller paragraph ("if you did not ask for this…") */
  note?: string;
};

/**
 * A mail to a marketer about their own account or work (password reset,
 * e-mail change, daily digest). Not a mail to a respondent: no consent, no
 * unsubscribe footer, only who sends it and why.
 */
export function renderMemberMail(input: MemberMailInput): RenderedMail {
  const t = mailTranslator(input.locale);
  const paragraphsHtml = input.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
  const buttonHtml = input.button ? mailButton(input.button.href, input.button.label) : "";
  const noteHtml = input.note ? `<p style="font-size:14px;color:#555">${escapeHtml(input.note)}</p>` : "";
  const footer = t("member.footer");
  const html = `<!doctype html>
<html lang="${input.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(input.subject)}</title></head>
<body style="margin:0;padding:24px 12px;background:#f4f4f5;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1f2937">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-top:4px solid #b4235a;border-radius:6px;padding:24px;font-size:16px;line-height:1.5">
${paragraphsHtml}
${buttonHtml}
${noteHtml}
<p style="margin-top:24px;border-top:1px solid #e5e7eb;padding-top:12px;font-size:12px;color:#555">${escapeHtml(footer)}</p>
</div>
</body></html>`;
  const text = [
    ...input.paragraphs,
    ...(input.button ? [labelled(input.locale, input.button.label, input.button.href)] : []),
    ...(input.note ? [input.note] : []),
    `-- \n${footer}`,
  ].join("\n\n");
  return { subject: input.subject, html, text: `${text}\n`, headers: {} };
}
