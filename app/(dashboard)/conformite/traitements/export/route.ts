import { getTranslations } from "next-intl/server";
import { apiRoute } from "@/lib/api";
import { requireRole } from "@/lib/auth/session";
import { BOM, csvLines } from "@/lib/export/csv";
import { describeEntry } from "@/lib/records/describe";
import { recordsOfProcessing } from "@/lib/records/queries";

/** The records of processing as CSV (one row per processing), for the DPO's files. */
export const GET = apiRoute(async () => {
  const member = await requireRole("compliance.view");
  const [tr, { organisation, entries }] = await Promise.all([getTranslations("compliance.records"), recordsOfProcessing(member.organisationId)]);
  const controller = [organisation.legalName || organisation.name, organisation.address, organisation.contactEmail].filter(Boolean).join(" — ");
  const dpo = [organisation.dpoName, organisation.dpoEmail].filter(Boolean).join(" — ");
  const header = [tr("entry"), tr("status"), tr("controller"), tr("dpo"), tr("purposes"), tr("subjects"), tr("dataCategories"), tr("recipients"), tr("retention"), tr("transfers"), tr("security")];
  const rows = entries.map((e) => {
    const d = describeEntry(e, tr as never, organisation.legalName || organisation.name);
    return [d.name, d.status, controller, dpo, d.purposes.join("\n"), d.subjects, d.categories.join("\n"), d.recipients.join("\n"), d.retention, d.transfers, d.security];
  });
  return new Response(BOM + csvLines([header, ...rows], ";"), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="registre-traitements-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});
