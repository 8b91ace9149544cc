// A small campaign with hand-checkable answers, for the analytics integration tests.
import type { PrismaClient } from "@/lib/generated/prisma/client";

type Answer = { q: string; option?: string; text?: string; number?: number };
type Consent = { purpose: "p1" | "p2"; action: "GRANT" | "CONFIRM" | "WITHDRAW"; at: string };

export async function seedSmallCampaign(db: PrismaClient, organisationId: string) {
  const campaign = await db.campaign.create({
    data: {
      organisationId,
      kind: "CONTEST",
      status: "PUBLISHED",
      title: "Poêles",
      slug: `poeles-${organisationId}`,
      opensAt: new Date("2026-11-01T00:00:00Z"),
      closesAt: new Date("2026-11-30T23:00:00Z"),
      retentionMonths: 36,
      wordExclusions: "",
    },
  });
  const section = await db.section.create({ data: { campaignId: campaign.id, position: 0 } });
  let position = 0;
  const question = (type: string, label: string, extra: { rfmTag?: string; validation?: string } = {}) =>
    db.question.create({ data: { campaignId: campaign.id, sectionId: section.id, position: position++, type, label, ...extra } });
  const options = async (questionId: string, labels: string[], scores?: number[]) => {
    const ids: Record<string, string> = {};
    for (const [i, label] of labels.entries())
      ids[label] = (await db.questionOption.create({ data: { questionId, position: i, label, rfmScore: scores?.[i] ?? null } })).id;
    return ids;
  };
  const q1 = await question("SINGLE_CHOICE", "Chauffage actuel");
  const o1 = await options(q1.id, ["Bois", "Granulés", "Fioul"]);
  const q2 = await question("MULTIPLE_CHOICE", "Critères");
  const o2 = await options(q2.id, ["Prix", "Confort", "Écologie"]);
  const q3 = await question("SCALE", "Satisfaction", { validation: JSON.stringify({ min: 1, max: 10 }) });
  const q4 = await question("YES_NO", "Propriétaire ?");
  const q5 = await question("SINGLE_CHOICE", "Dernier achat", { rfmTag: "R" });
  const o5 = await options(q5.id, ["Ce mois-ci", "Il y a longtemps"], [5, 1]);
  const q6 = await question("LONG_TEXT", "Vos attentes");
  const q7 = await question("EMAIL", "E-mail");

  const purposes: Record<string, { id: string; versionId: string }> = {};
  for (const [i, key] of ["p1", "p2"].entries()) {
    const purpose = await db.purpose.create({ data: { campaignId: campaign.id, position: i, isRecontact: i === 0 } });
    const wording = i === 0 ? "Offres de la marque par e-mail" : "Offres des partenaires";
    const version = await db.purposeVersion.create({ data: { purposeId: purpose.id, version: 1, wording, hash: `h${i}` } });
    purposes[key] = { id: purpose.id, versionId: version.id };
  }

  const entries: {
    email: string;
    at: string;
    status?: string;
    utmSource?: string;
    utmMedium?: string;
    referrer?: string;
    confirmed?: boolean;
    segment?: string | null;
    answers: Answer[];
    consents: Consent[];
  }[] = [
    {
      email: "a@example.test",
      at: "2026-11-10T10:15:00Z",
      utmSource: "qr",
      utmMedium: "print",
      confirmed: true,
      segment: "CHAMPIONS",
      answers: [
        { q: q1.id, option: o1.Bois },
        { q: q2.id, option: o2.Prix },
        { q: q2.id, option: o2.Confort },
        { q: q3.id, number: 8 },
        { q: q4.id, text: "yes" },
        { q: q5.id, option: o5["Ce mois-ci"] },
        { q: q6.id, text: "Le confort et l'économie" },
        { q: q7.id, text: "a@example.test" },
      ],
      consents: [
        { purpose: "p1", action: "GRANT", at: "2026-11-10T10:15:00Z" },
        { purpose: "p1", action: "CONFIRM", at: "2026-11-10T11:00:00Z" },
        { purpose: "p2", action: "GRANT", at: "2026-11-10T10:15:00Z" },
        // The confirmation of the entry confirms every purpose it granted (lib/optin/confirm.ts).
        { purpose: "p2", action: "CONFIRM", at: "2026-11-10T11:00:00Z" },
      ],
    },
    {
      email: "b@example.test",
      at: "2026-11-10T23:30:00Z", // 11 November, 00:30 in Paris
      utmSource: "facebook",
      utmMedium: "social",
      answers: [
        { q: q1.id, option: o1["Granulés"] },
        { q: q2.id, option: o2.Confort },
        { q: q3.id, number: 8 },
        { q: q4.id, text: "no" },
        { q: q6.id, text: "Économie d’énergie" },
      ],
      consents: [
        { purpose: "p1", action: "GRANT", at: "2026-11-10T23:30:00Z" },
        { purpose: "p1", action: "WITHDRAW", at: "2026-11-15T08:00:00Z" },
      ],
    },
    {
      email: "c@example.test",
      at: "2026-11-12T09:00:00Z",
      referrer: "https://www.google.com/search?q=poele",
      confirmed: true,
      segment: "LOST",
      answers: [
        { q: q1.id, option: o1.Bois },
        { q: q3.id, number: 3 },
        { q: q5.id, option: o5["Il y a longtemps"] },
        { q: q6.id, text: "Moins de bruit" },
      ],
      // Same instant: the withdrawal wins.
      consents: [
        { purpose: "p1", action: "GRANT", at: "2026-11-12T09:00:00Z" },
        { purpose: "p1", action: "WITHDRAW", at: "2026-11-12T09:00:00Z" },
      ],
    },
    {
      email: "bot@example.test",
      at: "2026-11-12T09:30:00Z",
      status: "REJECTED",
      utmSource: "qr",
      segment: "CHAMPIONS", // must not count: rejected entries are subtracted

      answers: [
        { q: q1.id, option: o1.Fioul },
        { q: q6.id, text: "économie économie" },
      ],
      consents: [],
    },
  ];

  for (const entry of entries) {
    const contact = await db.contact.create({ data: { organisationId, email: entry.email } });
    const response = await db.response.create({
      data: {
        campaignId: campaign.id,
        contactId: contact.id,
        status: entry.status ?? "ACCEPTED",
        dedupeKey: entry.status ? null : entry.email,
        submittedAt: new Date(entry.at),
        confirmedAt: entry.confirmed ? new Date(entry.at) : null,
        utmSource: entry.utmSource ?? "",
        utmMedium: entry.utmMedium ?? "",
        referrer: entry.referrer ?? "",
        segment: entry.segment ?? null,
      },
    });
    await db.answer.createMany({
      data: entry.answers.map((a) => ({
        responseId: response.id,
        campaignId: campaign.id,
        questionId: a.q,
        optionId: a.option ?? null,
        valueText: a.text ?? null,
        valueNumber: a.number ?? null,
      })),
    });
    await db.consentRecord.createMany({
      data: entry.consents.map((c) => ({
        organisationId,
        contactId: contact.id,
        purposeId: purposes[c.purpose]!.id,
        purposeVersionId: purposes[c.purpose]!.versionId,
        wording: "w",
        wordingHash: "h",
        action: c.action,
        method: "CHECKBOX",
        campaignId: campaign.id,
        responseId: response.id,
        createdAt: new Date(c.at),
      })),
    });
  }
  await db.viewCount.createMany({
    data: [
      { campaignId: campaign.id, hour: new Date("2026-11-10T10:00:00Z"), utmSource: "qr", count: 10 },
      { campaignId: campaign.id, hour: new Date("2026-11-10T23:00:00Z"), utmSource: "facebook", count: 5 },
      { campaignId: campaign.id, hour: new Date("2026-11-12T09:00:00Z"), utmSource: "", count: 5 },
    ],
  });
  return { campaign, q: { q1, q2, q3, q4, q5, q6, q7 }, o: { o1, o2, o5 }, purposes };
}
