import "server-only";
import { db } from "@/lib/db";
import { inOrganisation } from "@/lib/orgs/scope";
import { type RecordEntry, recordEntry } from "./build";
import { controllerSelect, type MailOrganisation } from "@/lib/mail/render";

/** The organisation (controller) and one entry per campaign, newest campaign first. */
export async function recordsOfProcessing(organisationId: string): Promise<{ organisation: MailOrganisation; entries: RecordEntry[] }> {
  const [organisation, campaigns] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: controllerSelect }),
    db.campaign.findMany({
      where: inOrganisation(organisationId),
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        title: true,
        kind: true,
        status: true,
        opensAt: true,
        closesAt: true,
        retentionMonths: true,
        unconfirmedPurgeDays: true,
        recipients: true,
        partners: true,
        minimumAge: true,
        minorPolicy: true,
        questions: { select: { type: true, rfmTag: true, validation: true } },
        purposes: { orderBy: { position: "asc" }, select: { legalBasis: true, isProfiling: true, versions: { orderBy: { version: "desc" }, take: 1, select: { wording: true } } } },
      },
    }),
  ]);
  const entries = campaigns.map((c) =>
    recordEntry({
      ...c,
      questions: c.questions.map((q) => ({ type: q.type, rfmTag: q.rfmTag })),
      purposes: c.purposes.filter((p) => p.versions[0]).map((p) => ({ legalBasis: p.legalBasis, isProfiling: p.isProfiling, wording: p.versions[0]!.wording })),
    }),
  );
  return { organisation, entries };
}
