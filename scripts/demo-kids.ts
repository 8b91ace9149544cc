// The demo's child-protected campaign: an English lead magnet with a birth-date
// question, in which an under-15's marketing boxes wait for a parent's
// agreement from the parent's own address. Three entries show the states: an
// adult, a child whose parent agreed, a child whose parent has not answered.
// Idempotent: a second run finds the campaign and stops.
import { db } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { campaignDefinitionSchema } from "@/lib/campaigns/definition";
import { createCampaign, getBuilderData, publishCampaign, saveCampaignDefinition } from "@/lib/campaigns/queries";
import { toZonedInput } from "@/lib/time-zone";
import { confirmParentalConsent } from "@/lib/minors/parental";
import { submitResponse } from "@/lib/submission/submit";
import type { Member } from "@/lib/auth/session";

export const KIDS_SLUG = "demo-colouring-book";
const DAY = 86_400_000;

const bornYearsAgo = (now: Date, years: number) => new Date(now.getTime() - (years * 365.25 + 40) * DAY).toISOString().slice(0, 10);

/** Seeds the campaign (once); returns lines to print. */
export async function seedKidsCampaign(member: Member): Promise<string[]> {
  const existing = await db.campaign.findUnique({ where: { slug: KIDS_SLUG }, select: { id: true, organisationId: true } });
  if (existing && existing.organisationId !== member.organisationId) throw new Error(`the slug ${KIDS_SLUG} belongs to another organisation`);
  const lines = (id: string) => [`\nChild-protected lead magnet (English, parental consent under 15):`, `  public form:    ${appUrl()}/f/${KIDS_SLUG}`, `  campaign page:  ${appUrl()}/campagnes/${id}`];
  if (existing) return lines(existing.id);

  const now = new Date();
  const { id } = await createCampaign(member, { kind: "LEAD_MAGNET", title: "Free colouring book: the little stove makers" });
  const { values } = await getBuilderData(member, id);
  await saveCampaignDefinition(
    member,
    id,
    campaignDefinitionSchema.parse({
      ...values,
      slug: KIDS_SLUG,
      locale: "en",
      title: "Free colouring book: the little stove makers",
      description: "Twelve pages to colour, from the forest to the fireside. Tell us your first name and your e-mail address, and we send you the book.",
      opensAt: toZonedInput(new Date(now.getTime() - 5 * DAY), "Europe/Paris"),
      closesAt: toZonedInput(new Date(now.getTime() + 60 * DAY), "Europe/Paris"),
      rewardUrl: "https://example.com/poeles-durand/colouring-book.pdf",
      minimumAge: null,
      ageCheck: "BIRTHDATE",
      minorPolicy: "PARENTAL_CONSENT",
      recipients: "The marketing team of Poêles Durand and its e-mail service provider.",
      sections: [
        {
          title: "About you",
          questions: [
            { type: "FIRST_NAME", label: "First name", required: true },
            { type: "EMAIL", label: "E-mail address", required: true, helpText: "We send the colouring book to this address once you confirm it." },
            { type: "BIRTH_DATE", label: "Date of birth", required: true },
            { type: "SINGLE_CHOICE", label: "What do you like colouring most?", required: false, options: [{ label: "Animals" }, { label: "Houses" }, { label: "Landscapes" }] },
          ],
        },
      ],
      purposes: [{ wording: "Receive the Poêles Durand family newsletter by e-mail (new colouring pages, workshops)", isRecontact: true, isProfiling: false }],
    }),
  );
  await publishCampaign(member, id);

  const questions = await db.question.findMany({ where: { campaignId: id } });
  const purpose = await db.purpose.findFirstOrThrow({ where: { campaignId: id } });
  const q = (type: string) => questions.find((x) => x.type === type)!.id;
  const entries = [
    { firstName: "Olivia", email: "olivia.parker@example.com", born: bornYearsAgo(now, 34), parentEmail: "" },
    { firstName: "Noah", email: "noah.k@example.com", born: bornYearsAgo(now, 12), parentEmail: "karen.k@example.com", parentAgrees: true },
    { firstName: "Mia", email: "mia.w@example.com", born: bornYearsAgo(now, 11), parentEmail: "dan.w@example.com", parentAgrees: false },
  ];
  for (const [i, e] of entries.entries()) {
    await submitResponse(
      {
        slug: KIDS_SLUG,
        data: {
          answers: { [q("FIRST_NAME")]: e.firstName, [q("EMAIL")]: e.email, [q("BIRTH_DATE")]: e.born },
          consents: { [purpose.id]: true },
          parentEmail: e.parentEmail,
          context: { pageUrl: `${appUrl()}/f/${KIDS_SLUG}` },
        },
      },
      { now: new Date(now.getTime() - (3 - i) * DAY), userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148" },
    );
    if (e.parentAgrees) {
      const mail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: e.parentEmail, kind: "optin.parental" } });
      const token = decodeURIComponent(/\/c\/parent\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!);
      await confirmParentalConsent(token, { userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64)", ipHash: () => "" }, new Date(now.getTime() - (2 - i) * DAY));
    }
  }
  // Demo people have fake addresses: their mails are not sent.
  await db.outboxMail.deleteMany({ where: { toAddress: { in: entries.flatMap((e) => [e.email, e.parentEmail]).filter(Boolean) }, status: { in: ["QUEUED", "KEPT"] } } });
  return lines(id);
}
