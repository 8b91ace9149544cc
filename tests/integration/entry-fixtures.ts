// Published campaigns entered through the real submission service, and confirmation through the real link.
// Import after useFreshDatabase().
import type { Member } from "@/lib/auth/session";
import type { CampaignDefinitionInput } from "@/lib/campaigns/definition";

export async function owner(email: string, organisation: string): Promise<Member> {
  const { createAccount } = await import("@/lib/auth/sign-up");
  const a = await createAccount({ name: "M", organisationName: organisation, email, password: "x".repeat(12) });
  return { userId: a.userId, email, name: "M", organisationId: a.organisationId, organisationName: organisation, role: "OWNER" };
}

export type PublishedCampaign = Awaited<ReturnType<typeof publishedContest>>;

/** A published, open contest: first name, last name, e-mail, phone, birth date, one single-choice question, one purpose (the recontact one) with `wording`. */
export async function publishedContest(member: Member, title: string, wording: string, options: { locale?: "fr" | "en" } = {}) {
  const { createCampaign, getBuilderData, saveCampaignDefinition, publishCampaign, getCampaignForMember } = await import("@/lib/campaigns/queries");
  const { campaignDefinitionSchema } = await import("@/lib/campaigns/definition");
  const { toZonedInput } = await import("@/lib/time-zone");
  const { db } = await import("@/lib/db");
  const campaignId = (await createCampaign(member, { kind: "CONTEST", title })).id;
  const { values } = await getBuilderData(member, campaignId);
  const definition: CampaignDefinitionInput = {
    ...values,
    locale: options.locale ?? values.locale,
    opensAt: toZonedInput(new Date(Date.now() - 3_600_000), values.timeZone),
    prize: "Un poêle à granulés",
    rulesText: "Règlement du jeu.",
    purposes: values.purposes.map((p, i) => (i === 0 ? { ...p, wording } : p)),
    sections: [
      {
        ...values.sections[0]!,
        questions: [
          ...values.sections[0]!.questions,
          { type: "LAST_NAME", label: "Nom", required: false },
          { type: "PHONE", label: "Téléphone", required: false },
          { type: "BIRTH_DATE", label: "Date de naissance", required: false },
          { type: "SINGLE_CHOICE", label: "Chauffage", required: true, options: [{ label: "Bois" }, { label: "Gaz" }] },
        ],
      },
    ],
  } as CampaignDefinitionInput;
  await saveCampaignDefinition(member, campaignId, campaignDefinitionSchema.parse(definition));
  await publishCampaign(member, campaignId);
  const slug = (await getCampaignForMember(member, campaignId)).slug;
  const questions = await db.question.findMany({ where: { campaignId }, include: { options: { orderBy: { position: "asc" } } }, orderBy: { position: "asc" } });
  const byType = (t: string) => questions.find((q) => q.type === t)!;
  const purposes = await db.purpose.findMany({ where: { campaignId }, orderBy: { position: "asc" } });
  return { campaignId, slug, purposeId: purposes[0]!.id, byType };
}

export type Person = { email: string; firstName: string; lastName?: string; phone?: string; birthDate?: string; consent?: boolean };

/** The body the respondent's form posts. */
export function entryData(c: PublishedCampaign, p: Person) {
  const answers: Record<string, unknown> = {
    [c.byType("FIRST_NAME").id]: p.firstName,
    [c.byType("EMAIL").id]: p.email,
    [c.byType("SINGLE_CHOICE").id]: c.byType("SINGLE_CHOICE").options[0]!.id,
  };
  if (p.lastName) answers[c.byType("LAST_NAME").id] = p.lastName;
  if (p.phone) answers[c.byType("PHONE").id] = p.phone;
  if (p.birthDate) answers[c.byType("BIRTH_DATE").id] = p.birthDate;
  return { answers, consents: { [c.purposeId]: p.consent ?? true }, rulesAccepted: true, context: { utmSource: "qr", pageUrl: `http://localhost/f/${c.slug}` } };
}

/** Enters through the submission service (as the public endpoint does, minus the start token). */
export async function enter(c: PublishedCampaign, p: Person) {
  const { submitResponse } = await import("@/lib/submission/submit");
  return submitResponse({ slug: c.slug, data: entryData(c, p) }, { ip: "203.0.113.9", userAgent: "vitest", fillMs: 5000 });
}

/** The raw token of the latest confirmation mail queued for an entry's address, read from the mail itself. */
export async function latestConfirmationToken(email: string): Promise<string> {
  const { db } = await import("@/lib/db");
  const mail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: email, kind: "optin.confirmation" }, orderBy: { createdAt: "desc" } });
  return decodeURIComponent(/\/c\/([^\s"<]+)/.exec(mail.text)![1]!);
}

/** Clicks the confirmation button of the latest confirmation mail of that address. */
export async function confirmLatest(email: string) {
  const { confirmOptIn } = await import("@/lib/optin/confirm");
  return confirmOptIn(await latestConfirmationToken(email), { userAgent: "vitest", ipHash: () => "h" });
}
