import { getFormatter, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { describeEntry } from "@/lib/records/describe";
import { recordsOfProcessing } from "@/lib/records/queries";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ComplianceTabs } from "@/components/compliance/compliance-tabs";
import { PrintButton } from "@/components/compliance/print-button";

/** Records of processing (GDPR art. 30), generated from the campaigns; printable and exportable. */
export default async function RecordsPage() {
  const member = await requirePermission("compliance.view");
  const [t, tr, format, { organisation, entries }] = await Promise.all([getTranslations("compliance"), getTranslations("compliance.records"), getFormatter(), recordsOfProcessing(member.organisationId)]);
  const none = tr("none");
  const dpo = organisation.dpoName || organisation.dpoEmail ? [organisation.dpoName, organisation.dpoEmail].filter(Boolean).join(" — ") : none;
  return (
    <>
      <PageHeader
        title={t("tabs.records")}
        lead={tr("lead")}
        actions={
          <div className="no-print flex gap-2">
            <PrintButton label={tr("print")} />
            <a href="/conformite/traitements/export" className={buttonClass("secondary")} download>
              {tr("export")}
            </a>
          </div>
        }
      />
      <ComplianceTabs />
      <Card className="mb-6">
        <dl className="grid gap-2 text-sm sm:grid-cols-[14rem_1fr]">
          <dt className="font-medium">{tr("controller")}</dt>
          <dd>{[organisation.legalName || organisation.name, organisation.address, organisation.contactEmail].filter(Boolean).join(" — ")}</dd>
          <dt className="font-medium">{tr("dpo")}</dt>
          <dd>{dpo}</dd>
        </dl>
        <p className="mt-3 text-xs text-muted">{tr("generatedAt", { date: format.dateTime(new Date(), { dateStyle: "long" }) })}</p>
      </Card>
      {entries.length === 0 ? (
        <EmptyState title={t("tabs.records")} text={tr("empty")} />
      ) : (
        <div className="space-y-6">
          {entries.map((entry) => {
            const d = describeEntry(entry, tr as never, organisation.legalName || organisation.name);
            return (
              <Card key={entry.campaignId} className="break-inside-avoid">
                <h2 className="text-lg font-semibold" data-testid="record-entry">
                  {tr("entry")} : {d.name}
                </h2>
                <dl className="mt-3 grid gap-x-4 gap-y-3 text-sm sm:grid-cols-[14rem_1fr]">
                  <dt className="font-medium">{tr("status")}</dt>
                  <dd>{d.status}</dd>
                  <dt className="font-medium">{tr("period")}</dt>
                  <dd>{format.dateTimeRange(entry.period.opensAt, entry.period.closesAt, { dateStyle: "long" })}</dd>
                  <dt className="font-medium">{tr("purposes")}</dt>
                  <dd>
                    <ul className="list-disc pl-5">
                      {d.purposes.map((p) => (
                        <li key={p}>{p}</li>
                      ))}
                    </ul>
                  </dd>
                  <dt className="font-medium">{tr("subjects")}</dt>
                  <dd>{d.subjects}</dd>
                  <dt className="font-medium">{tr("dataCategories")}</dt>
                  <dd>{d.categories.join(" ; ")}</dd>
                  <dt className="font-medium">{tr("recipients")}</dt>
                  <dd>{d.recipients.join(" ; ")}</dd>
                  <dt className="font-medium">{tr("retention")}</dt>
                  <dd>{d.retention}</dd>
                  <dt className="font-medium">{tr("transfers")}</dt>
                  <dd>{d.transfers}</dd>
                  <dt className="font-medium">{tr("security")}</dt>
                  <dd>{d.security}</dd>
                </dl>
              </Card>
            );
          })}
        </div>
      )}
    </>
  );
}
