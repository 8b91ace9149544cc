import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { inSections, questionBase } from "@/lib/campaigns/shape";
import { controllerSelect } from "@/lib/mail/render";
import { campaignLogoUrl } from "@/lib/mail/brand";
import type { MailSender } from "@/lib/optin/start";
import type { ScoredQuestion } from "@/lib/rfm/score";
import { profilingBasisOf, type ProfilingBasis } from "@/lib/rfm/profiling";
import type { FormDefinition } from "./form-definition";
import { identityRoles, type IdentityRoles } from "./identity";
import { parseThanksReference } from "./thanks-reference";
import { buildSubmissionSchema, type SubmissionSchema } from "./schema";
import { cacheVersion, headWindow, readPublishedHead } from "./published-head";

export { cacheVersion };

const include = {
  organisation: { select: { ...controllerSelect, id: true, salt: true } },
  sections: { orderBy: { position: "asc" } },
  questions: { orderBy: { position: "asc" }, include: { options: { orderBy: { position: "asc" } } } },
  purposes: { orderBy: { position: "asc" }, include: { versions: { orderBy: { version: "desc" }, take: 1 } } },
} as const;

async function findWithDefinition(where: { slug: string } | { id: string }) {
  return db.campaign.findUnique({ where: where as { slug: string }, include });
}
export type CampaignWithDefinition = NonNullable<Awaited<ReturnType<typeof findWithDefinition>>>;

/** The browser-safe form of a campaign. */
export function formDefinitionOf(c: CampaignWithDefinition): FormDefinition {
  return {
    id: c.id,
    slug: c.slug,
    kind: c.kind,
    locale: c.locale === "en" ? "en" : "fr",
    minimumAge: c.minimumAge,
    ageCheck: c.ageCheck,
    minorPolicy: c.minorPolicy,
    sections: inSections(c.sections, c.questions, (q) => ({ ...questionBase(q), options: q.options.map((o) => ({ id: o.id, label: o.label })) }))
      .filter((s) => s.questions.length > 0),
    purposes: c.purposes.filter((p) => p.versions[0]).map((p) => ({ id: p.id, wording: p.versions[0]!.wording })),
  };
}

/** A campaign of any status for the builder's preview (the caller checks the organisation). */
export async function findCampaignWithDefinition(id: string) {
  return findWithDefinition({ id });
}

/** Everything a submission needs, computed once per version of the campaign. */
export type SubmitDefinition = {
  campaignId: string;
  organisationId: string;
  salt: string;
  slug: string;
  kind: string;
  locale: "fr" | "en";
  form: FormDefinition;
  schema: SubmissionSchema;
  scored: ScoredQuestion[];
  /** Whether scoring rests on a profiling purpose's consent or on legitimate interest */
  profiling: ProfilingBasis;
  /** Question id by role, to fill the contact record */
  roles: IdentityRoles;
  /** Option-based questions (their answers are rows with optionId) */
  optionQuestions: Set<string>;
  numberQuestions: Set<string>;
  purposeVersions: Map<string, { id: string; wording: string; hash: string }>;
  /** Title, colour and controller identity for the confirmation mail */
  sender: MailSender;
};


function compile(c: CampaignWithDefinition): SubmitDefinition {
  // The organisation as the mail's controller, without its id and secret salt.
  const { id: _id, salt, ...controller } = c.organisation;
  const form = formDefinitionOf(c);
  return {
    campaignId: c.id,
    organisationId: c.organisationId,
    salt,
    slug: c.slug,
    kind: c.kind,
    locale: form.locale,
    form,
    schema: buildSubmissionSchema(form),
    scored: c.questions.filter((q) => q.rfmTag).map((q) => ({ id: q.id, rfmTag: q.rfmTag, options: q.options.map((o) => ({ id: o.id, rfmScore: o.rfmScore })) })),
    profiling: profilingBasisOf(c.purposes),
    roles: identityRoles(c.questions),
    optionQuestions: new Set(c.questions.filter((q) => q.type === "SINGLE_CHOICE" || q.type === "MULTIPLE_CHOICE").map((q) => q.id)),
    numberQuestions: new Set(c.questions.filter((q) => q.type === "SCALE" || q.type === "NUMBER").map((q) => q.id)),
    purposeVersions: new Map(c.purposes.filter((p) => p.versions[0]).map((p) => [p.id, { id: p.versions[0]!.id, wording: p.versions[0]!.wording, hash: p.versions[0]!.hash }])),
    sender: { campaignTitle: c.title, brandColor: c.brandColor, logoUrl: campaignLogoUrl(c), organisation: controller },
  };
}

/** Public campaigns as last read, by id, with the version they were read at and their compiled definition. */
const published = new Map<string, { version: string; campaign: CampaignWithDefinition; definition?: SubmitDefinition }>();

/**
 * A public campaign by slug: one small read of its state on every call (so a
 * closing or an unpublishing takes effect at once), and the whole campaign
 * from a cache kept by the `updatedAt` of the campaign and its organisation:
 * every save of the builder or of the organisation's settings changes one of
 * them, so the cache never serves an old form, notice or sender.
 * Drafts and unknown slugs give null; archived campaigns that were once public
 * stay visible as closed (their QR codes are still out there).
 */
async function loadPublished(slug: string) {
  const row = await readPublishedHead(slug);
  if (!row) return null;
  const version = cacheVersion(row);
  let entry = published.get(row.id);
  if (entry?.version !== version) {
    const campaign = await findWithDefinition({ id: row.id });
    if (!campaign) return null;
    if (published.size > 500) published.clear();
    // Kept under the version read before it: a save in between only costs one more read.
    entry = { version, campaign };
    published.set(row.id, entry);
  }
  return { row, entry };
}

/** A campaign for its public page (see loadPublished). Memoised per request: metadata and page share it. */
export const findPublishedCampaign = cache(async (slug: string) => (await loadPublished(slug))?.entry.campaign ?? null);

/** The language its respondents read: the published form's, French for an unknown form. */
export async function formLocale(slug: string): Promise<Locale> {
  return (await findPublishedCampaign(slug))?.locale === "en" ? "en" : "fr";
}

/** A public campaign's state and compiled definition, for a submission. */
export async function loadForSubmission(slug: string) {
  const found = await loadPublished(slug);
  if (!found) throw new NotFound("respondent.refusals.notFound");
  const { row, entry } = found;
  entry.definition ??= compile(entry.campaign);
  return { head: headWindow(row), definition: entry.definition };
}

/** What the thank-you page shows about an entry (accepted or quietly rejected alike). */
export async function findEntryForThanks(slug: string, reference: string) {
  const { responseId, shown } = parseThanksReference(reference);
  const campaignSelect = { id: true, slug: true, kind: true, title: true, locale: true, timeZone: true, closesAt: true, brandColor: true, status: true, thanksMessage: true, thanksRedirectUrl: true, organisation: { select: { name: true } } } as const;
  if (shown) {
    // Everything the page shows is in the signed reference and the campaign: a repeat entry, which stored
    // nothing, gets the very page of a new one.
    const campaign = await db.campaign.findUnique({ where: { slug }, select: campaignSelect });
    return campaign ? { responseId, email: shown.maskedEmail, campaign } : null;
  }
  const response = await db.response.findUnique({
    where: { id: responseId },
    select: {
      id: true,
      status: true,
      data: true,
      confirmedAt: true,
      contact: { select: { email: true } },
      campaign: { select: { id: true, slug: true, kind: true, title: true, locale: true, timeZone: true, closesAt: true, brandColor: true, status: true, thanksMessage: true, thanksRedirectUrl: true, questions: { where: { type: "EMAIL" }, select: { id: true } }, organisation: { select: { name: true } } } },
    },
  });
  if (!response || response.campaign.slug !== slug) return null;
  let email = response.contact?.email ?? null;
  if (!email && response.campaign.questions[0]) {
    // A rejected entry has no contact: read the address it gave, so the page looks the same.
    try {
      const value = (JSON.parse(response.data) as Record<string, unknown>)[response.campaign.questions[0].id];
      email = typeof value === "string" ? value : null;
    } catch {
      email = null;
    }
  }
  return { responseId: response.id, email, campaign: response.campaign };
}
