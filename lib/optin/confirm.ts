import "server-only";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/crypto/tokens";
import { grantsToConfirm } from "./entry-purposes";
import { recordConsents } from "@/lib/consent/ledger";
import { suppressionLiftHash } from "@/lib/rights/suppression";
import { appUrl } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { queueMail } from "@/lib/mail/outbox";
import { rewardMail } from "@/lib/mail/templates/reward";
import { campaignLogoUrl } from "@/lib/mail/brand";
import { rewardLink } from "./reward";
import { isHttpUrl } from "@/lib/campaigns/redirect-url";
import { type TokenState, tokenState } from "./token-state";
import { controllerSelect } from "@/lib/mail/render";
import { identityOfStored, identityRoles, identityUpdate } from "@/lib/submission/identity";
import { refreshProfilingScores } from "@/lib/rfm/queries";
import { emitLeadConfirmed } from "@/lib/webhooks/emit";
import { RESPONDENT_ACTOR } from "@/lib/audit/actors";

type ConfirmationView = {
  state: TokenState | "confirmed";
  campaign: { title: string; locale: Locale; brandColor: string; kind: string; organisationName: string; nextUrl: string | null } | null;
  rewardUrl?: string | null;
  /**
   * The exact wording of the purposes this link's click confirms (a valid
   * link), or confirmed (a used one); empty when the entry ticked none.
   */
  purposes?: string[];
};

const campaignSelect = {
  title: true,
  locale: true,
  brandColor: true,
  slug: true,
  logoPath: true,
  kind: true,
  rewardUrl: true,
  rewardFilePath: true,
  rewardDeliveryText: true,
  thanksRedirectUrl: true,
  organisation: { select: controllerSelect },
} as const;

function view(campaign: { title: string; locale: string; brandColor: string; kind: string; thanksRedirectUrl: string; organisation: { name: string } } | null | undefined) {
  if (!campaign) return null;
  // The marketer's "next" address, offered once the address is confirmed; read again through the one URL rule.
  const nextUrl = isHttpUrl(campaign.thanksRedirectUrl) ? campaign.thanksRedirectUrl : null;
  return { title: campaign.title, locale: isLocale(campaign.locale) ? campaign.locale : "fr", brandColor: campaign.brandColor, kind: campaign.kind, organisationName: campaign.organisation.name, nextUrl } as const;
}

/** What the confirmation page shows for a link (GET): reads only, confirms nothing (mail scanners open links). */
export async function inspectConfirmation(token: string, now = new Date()): Promise<ConfirmationView> {
  const row = await db.optInToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { expiresAt: true, usedAt: true, contactId: true, responseId: true, response: { select: { campaign: { select: campaignSelect } } } },
  });
  const state = tokenState(row, now);
  if (!row || (state !== "valid" && state !== "used")) return { state, campaign: view(row?.response.campaign) };
  const ledger = await db.consentRecord.findMany({
    where: { contactId: row.contactId },
    select: { purposeId: true, action: true, createdAt: true, responseId: true, wording: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const purposes =
    state === "valid"
      ? grantsToConfirm(ledger, row.responseId).map((g) => g.wording)
      : [...new Set(ledger.filter((r) => r.responseId === row.responseId && r.action === "CONFIRM").map((r) => r.wording))];
  return { state, campaign: view(row.response.campaign), purposes };
}

export type RequestMeta = { userAgent: string; ipHash: (salt: string) => string };

/**
 * Confirms an e-mail address from the button of the confirmation page (POST):
 * in one transaction, uses the token (and every other link of the same entry),
 * marks the entry and the contact confirmed, appends a CONFIRM ledger record
 * for each purpose granted with that entry and still consented, writes the
 * audit log and queues a lead magnet's reward. A used, expired or unknown
 * token changes nothing.
 */
export async function confirmOptIn(token: string, meta: RequestMeta, now = new Date()): Promise<ConfirmationView> {
  return db.$transaction(async (tx) => {
    const row = await tx.optInToken.findUnique({
      where: { tokenHash: hashToken(token) },
      select: {
        id: true,
        expiresAt: true,
        usedAt: true,
        contactId: true,
        responseId: true,
        contact: { select: { erasedAt: true, organisationId: true, organisation: { select: { salt: true } } } },
        response: {
          select: {
            id: true, campaignId: true, confirmedAt: true, pageUrl: true, utmSource: true, data: true,
            campaign: { select: { ...campaignSelect, questions: { orderBy: { position: "asc" }, select: { id: true, type: true, validation: true } } } },
          },
        },
      },
    });
    const state = tokenState(row, now);
    if (!row || state !== "valid" || row.contact.erasedAt) return { state: state === "valid" ? "unknown" : state, campaign: view(row?.response.campaign) };
    // Claim the token conditionally: a double click or two tabs confirm once.
    const claimed = await tx.optInToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) return { state: "used", campaign: view(row.response.campaign) };
    await tx.optInToken.updateMany({ where: { responseId: row.responseId, usedAt: null }, data: { usedAt: now } });

    const organisationId = row.contact.organisationId;
    const campaign = row.response.campaign;
    await tx.response.update({ where: { id: row.responseId }, data: { confirmedAt: row.response.confirmedAt ?? now } });
    const before = await tx.contact.findUniqueOrThrow({ where: { id: row.contactId }, select: { emailConfirmedAt: true } });
    // The entry is now proven: its details become the contact's (the whole identity at the address's first confirmation).
    const identity = identityUpdate(identityOfStored(identityRoles(campaign.questions), row.response.data), !before.emailConfirmedAt);
    const contact = await tx.contact.update({
      where: { id: row.contactId },
      data: { lastInteractionAt: now, emailConfirmedAt: before.emailConfirmedAt ?? now, ...identity },
      select: { emailConfirmedAt: true, email: true, locale: true },
    });

    // Confirm what this entry granted, unless the person withdrew it since.
    const ledger = await tx.consentRecord.findMany({ where: { contactId: row.contactId }, select: { id: true, purposeId: true, action: true, createdAt: true, responseId: true, purposeVersionId: true, wording: true, wordingHash: true } });
    const grants = grantsToConfirm(ledger, row.responseId);
    // A person who erased themself and came back: these confirmations lift the suppression for their purposes.
    const subjectHash = grants.length > 0 ? await suppressionLiftHash(tx, { id: organisationId, salt: row.contact.organisation.salt }, contact.email) : "";
    await recordConsents(
      tx,
      grants.map((g) => ({
        organisationId,
        contactId: row.contactId,
        purposeId: g.purposeId,
        purposeVersionId: g.purposeVersionId,
        wording: g.wording,
        wordingHash: g.wordingHash,
        action: "CONFIRM" as const,
        method: "DOUBLE_OPT_IN" as const,
        campaignId: row.response.campaignId,
        responseId: row.responseId,
        pageUrl: `${appUrl()}/c`,
        utmSource: row.response.utmSource,
        userAgent: meta.userAgent.slice(0, 500),
        ipHash: meta.ipHash(row.contact.organisation.salt),
        subjectHash,
      })),
    );
    if (subjectHash) {
      await recordAudit(tx, { organisationId, actorLabel: RESPONDENT_ACTOR.label, action: "suppression.lift", targetType: "contact", targetId: row.contactId, details: { responseId: row.responseId, purposes: grants.map((g) => g.purposeId) } });
    }
    // The consents now count: the profiling purpose's among them brings the scores.
    await refreshProfilingScores(tx, organisationId, { contactId: row.contactId });
    // The CRM hears of the lead in this same transaction (nothing sent for an entry that confirmed no purpose).
    await emitLeadConfirmed(tx, { organisationId, contactId: row.contactId, responseId: row.responseId, campaignId: row.response.campaignId, source: row.response.utmSource, purposes: grants, at: now });
    await recordAudit(tx, {
      organisationId,
      actorLabel: RESPONDENT_ACTOR.label,
      action: "consent.confirm",
      targetType: "contact",
      targetId: row.contactId,
      details: { responseId: row.responseId, purposes: grants.map((g) => g.purposeId) },
    });

    const reward = campaign.kind === "LEAD_MAGNET" ? rewardLink(campaign, row.responseId) : null;
    if (reward) {
      const mail = rewardMail({ locale: view(campaign)!.locale, organisation: campaign.organisation, campaignTitle: campaign.title, brandColor: campaign.brandColor, logoUrl: campaignLogoUrl(campaign), contactId: row.contactId, rewardUrl: reward, deliveryText: campaign.rewardDeliveryText });
      await queueMail(tx, { organisationId, to: contact.email, kind: "optin.reward", ...mail });
    }
    return { state: "confirmed", campaign: view(campaign), rewardUrl: reward };
  });
}

/**
 * The reward of a lead magnet whose entry this token confirmed (shown on the success page): its link and the
 * marketer's delivery text ("" : the default words).
 */
export async function rewardForToken(token: string): Promise<{ link: string; deliveryText: string } | null> {
  const row = await db.optInToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      usedAt: true,
      responseId: true,
      response: { select: { confirmedAt: true, campaign: { select: { kind: true, rewardUrl: true, rewardFilePath: true, rewardDeliveryText: true } } } },
    },
  });
  if (!row?.usedAt || !row.response.confirmedAt || row.response.campaign.kind !== "LEAD_MAGNET") return null;
  const link = rewardLink(row.response.campaign, row.responseId);
  return link ? { link, deliveryText: row.response.campaign.rewardDeliveryText } : null;
}
