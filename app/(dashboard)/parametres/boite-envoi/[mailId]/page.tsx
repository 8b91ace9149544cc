import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { extractLinks } from "@/lib/mail/links";
import { getOutboxMail } from "@/lib/mail/queries";
import { Card, PageHeader } from "@/components/ui/card";
import { RequeueMailButton } from "@/components/settings/requeue-mail-button";

export const dynamic = "force-dynamic";

/** One mail of the outbox: its links as clickable buttons, the text, and a sandboxed preview of the HTML. */
export default async function OutboxMailPage({ params }: { params: Promise<{ mailId: string }> }) {
  const member = await requirePermission("outbox.view");
  const { mailId } = await params;
  const [t, format, mail] = await Promise.all([getTranslations("compliance.outbox"), getFormatter(), getOutboxMail(member.organisationId, mailId)]);
  const links = extractLinks(mail.text);
  const headers = Object.entries(JSON.parse(mail.headers || "{}") as Record<string, string>);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/parametres/boite-envoi" className="underline">
          ← {t("back")}
        </Link>
      </p>
      <PageHeader title={mail.subject} lead={`${t("to")} : ${mail.toAddress} · ${format.dateTime(mail.createdAt, { dateStyle: "medium", timeStyle: "short" })} · ${t(`statuses.${mail.status}` as "statuses.SENT")}`} />
      {mail.error && <p className="mb-4 text-sm text-red-700">{t("error", { error: mail.error })}</p>}
      {mail.status === "FAILED" && (
        <div className="mb-6">
          <RequeueMailButton mailId={mail.id} />
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="font-semibold">{t("links")}</h2>
          <p className="mt-1 text-xs text-muted">{t("linksRedacted")}</p>
          <ul className="mt-2 space-y-2 text-sm">
            {links.map((href) => (
              <li key={href} className="break-all">
                <a href={href} className="text-brand underline" data-testid="outbox-link">
                  {href}
                </a>
              </li>
            ))}
          </ul>
          <h2 className="mt-6 font-semibold">{t("text")}</h2>
          <pre className="mt-2 whitespace-pre-wrap break-words rounded bg-surface p-3 text-xs">{mail.text}</pre>
          {headers.length > 0 && (
            <>
              <h2 className="mt-6 font-semibold">{t("headers")}</h2>
              <ul className="mt-2 break-all font-mono text-xs">
                {headers.map(([k, v]) => (
                  <li key={k}>
                    {k}: {v}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
        <Card>
          <h2 className="font-semibold">{t("html")}</h2>
          {/* The mail's HTML in a sandbox: no script, no same-origin access. */}
          <iframe title={t("html")} sandbox="" srcDoc={mail.html} className="mt-2 h-[36rem] w-full rounded border border-line bg-white" />
        </Card>
      </div>
    </>
  );
}
