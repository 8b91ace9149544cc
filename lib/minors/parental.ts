import "server-only";
import { recordAudit } from "@/lib/audit";
import { db, newId, type SqlWriter } from "@/lib/db";
import { emitLeadConfirmed } from "@/lib/webhooks/emit";
import { recordConsents, type ConsentInput } from "@/lib/consent/ledger";
import { hashToken, randomToken } from "@/lib/crypto/tokens";
import { appUrl } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { queueMailSql } from "@/lib/mail/outbox";
import { controllerSelect } from "@/lib/mail/render";
import { parentalConsentMail } from "@/lib/mail/templates/parental";
import type { RequestMeta } from "@/lib/optin/confirm";
import type { MailSender } from "@/lib/optin/start";
import { OPTIN_VALID_DAYS, optInExpiry, tokenState, type TokenState } from "@/lib/optin/token-state";
import { refreshProfilingScores } from "@/lib/rfm/queries";
import type { AuditActor } from "@/lib/audit/actors";

// Below the age of digital consent (15 in France), a child's marketing boxes
// are no consent: they wait, outside the ledger, for a parent to agree from
// the parent's own address (a separate double opt-in naming the child's
// entry). The parent's click writes the ledger's GRANT records, method
// PARENTAL_OPT_IN; like any grant, they count once the entry itself is
// confirmed (lib/consent/current.ts).

type ParentalRequest = {
  organisationId: string;
  campaignId: string;
  contactId: string;
  responseId: string;
  parentEmail: string;
  childFirstName: string;
  /** The versions of the purposes the child ticked (the wording the parent agrees to) */
  purposes: Array<{ versionId: string; wording: string }>;
  locale: Locale;
};

/** The absolute link of the parent's confirmation page for a raw token. */
export function parentalConfirmationUrl(token: string): string {
  return `${appUrl()}/c/parent/${encodeURIComponent(token)}`;
}

/**
 * Inside the submission's writeTransaction: keeps what the child ticked and
 * a single-use token (only its sha256 stored, valid 7 days), and queues the
 * mail to the parent, so both exist exactly when the entry does.
 */
export async function requestParentalConsent(sql: SqlWriter, input: ParentalRequest, sender: MailSender, now: Date): Promise<void> {
  const token = randomToken();
  await sql.insert("ParentalConsent", [
    {
      id: newId(),
      responseId: input.responseId,
      parentEmail: input.parentEmail,
      purposeVersionIds: JSON.stringify(input.purposes.map((p) => p.versionId)),
      tokenHash: hashToken(token),
      expiresAt: optInExpiry(now),
      createdAt: now,
    },
  ]);
  const mail = parentalConsentMail({
    locale: input.locale,
    organisation: sender.organisation,
    campaignTitle: sender.campaignTitle,
    brandColor: sender.brandColor,
    logoUrl: sender.logoUrl,
    childFirstName: input.childFirstName,
    purposes: input.purposes.map((p) => p.wording),
    contactId: input.contactId,
    confirmUrl: parentalConfirmationUrl(token),
    validDays: OPTIN_VALID_DAYS,
    now,
  });
  await queueMailSql(sql, { organisationId: input.organisationId, to: input.parentEmail, kind: "optin.parental", ...mail }, now);
}

type ParentalView = {
  state: TokenState | "confirmed";
  campaign: { title: string; locale: Locale; brandColor: string; organisationName: string } | null;
  childFirstName: string;
  purposes: string[];
};

const select = {
  id: true,
  expiresAt: true,
  confirmedAt: true,
  purposeVersionIds: true,
  response: {
    select: {
      id: true,
      campaignId: true,
      contactId: true,
      confirmedAt: true,
      data: true,
      utmSource: true,
      campaign: {
        select: {
          title: true,
          locale: true,
          brandColor: true,
          organisationId: true,
          organisation: { select: { ...controllerSelect, salt: true } },
          questions: { where: { type: "FIRST_NAME" }, select: { id: true } },
        },
      },
      contact: { select: { erasedAt: true } },
    },
  },
} as const;

type Row = NonNullable<Awaited<ReturnType<typeof findRow>>>;

function findRow(client: Pick<typeof db, "parentalConsent">, token: string) {
  return client.parentalConsent.findUnique({ where: { tokenHash: hashToken(String(token).slice(0, 200)) }, select });
}

function versionIdsOf(row: Row): string[] {
  try {
    const ids: unknown = JSON.parse(row.purposeVersionIds);
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

function childFirstNameOf(row: Row): string {
  const question = row.response.campaign.questions[0];
  if (!question) return "";
  try {
    const value = (JSON.parse(row.response.data) as Record<string, unknown>)[question.id];
    return typeof value === "string" ? value : "";
  } catch {
    return "";
  }
}

async function viewOf(client: Pick<typeof db, "purposeVersion">, row: Row | null, state: ParentalView["state"]): Promise<ParentalView> {
  if (!row) return { state, campaign: null, childFirstName: "", purposes: [] };
  const c = row.response.campaign;
  const versions = await client.purposeVersion.findMany({ where: { id: { in: versionIdsOf(row) } }, select: { wording: true } });
  return {
    state,
    campaign: { title: c.title, locale: isLocale(c.locale) ? c.locale : "fr", brandColor: c.brandColor, organisationName: c.organisation.name },
    childFirstName: childFirstNameOf(row),
    purposes: versions.map((v) => v.wording),
  };
}

const stateOf = (row: Row | null, now: Date): TokenState => {
  if (row?.response.contact?.erasedAt || (row && !row.response.contactId)) return "unknown";
  return tokenState(row ? { expiresAt: row.expiresAt, usedAt: row.confirmedAt } : null, now);
};

/** What the parent's page shows for a link (GET): reads only, agrees to nothing (mail scanners open links). */
export async function inspectParentalConsent(token: string, now = new Date()): Promise<ParentalView> {
  const row = await findRow(db, token);
  const state = stateOf(row, now);
  return viewOf(db, state === "unknown" ? null : row, state);
}

/**
 * The parent agrees, from the button of the page their mail links to (POST):
 * in one transaction, claims the token (a double click agrees once), appends
 * a GRANT record with method PARENTAL_OPT_IN for each box the child ticked
 * (and a CONFIRM when the child's entry is already confirmed: the consent
 * then counts at once), marks the entry, brings the profiling scores in line
 * and writes the audit log. A used, expired or unknown token changes nothing.
 */
export async function confirmParentalConsent(token: string, meta: RequestMeta, now = new Date()): Promise<ParentalView> {
  return db.$transaction(async (tx) => {
    const row = await findRow(tx, token);
    const state = stateOf(row, now);
    if (!row || state !== "valid") return viewOf(tx, state === "unknown" ? null : row, state);
    const claimed = await tx.parentalConsent.updateMany({ where: { id: row.id, confirmedAt: null }, data: { confirmedAt: now } });
    if (claimed.count !== 1) return viewOf(tx, row, "used");

    const response = row.response;
    const contactId = response.contactId!;
    const organisationId = response.campaign.organisationId;
    const versions = await tx.purposeVersion.findMany({
      where: { id: { in: versionIdsOf(row) }, purpose: { campaignId: response.campaignId } },
      select: { id: true, purposeId: true, wording: true, hash: true },
    });
    const record = (action: "GRANT" | "CONFIRM", v: (typeof versions)[number]): ConsentInput => ({
      organisationId,
      contactId,
      purposeId: v.purposeId,
      purposeVersionId: v.id,
      wording: v.wording,
      wordingHash: v.hash,
      action,
      method: "PARENTAL_OPT_IN",
      campaignId: response.campaignId,
      responseId: response.id,
      pageUrl: `${appUrl()}/c/parent`,
      utmSource: response.utmSource,
      userAgent: meta.userAgent.slice(0, 500),
      ipHash: meta.ipHash(response.campaign.organisation.salt),
      createdAt: now,
    });
    await recordConsents(tx, [...versions.map((v) => record("GRANT", v)), ...(response.confirmedAt ? versions.map((v) => record("CONFIRM", v)) : [])]);
    await tx.response.update({ where: { id: response.id }, data: { parentalConsent: true } });
    await refreshProfilingScores(tx, organisationId, { contactId });
    // The child's entry was already confirmed: the parent's agreement makes the consents count, the CRM hears of the lead.
    if (response.confirmedAt) {
      await emitLeadConfirmed(tx, { organisationId, contactId, responseId: response.id, campaignId: response.campaignId, source: response.utmSource, purposes: versions.map((v) => ({ purposeId: v.purposeId, wording: v.wording, wordingHash: v.hash })), at: now });
    }
    await recordAudit(tx, {
      organisationId,
      actorLabel: "PARENT" satisfies AuditActor,
      action: "consent.parental",
      targetType: "contact",
      targetId: contactId,
      details: { responseId: response.id, purposes: versions.map((v) => v.purposeId), entryConfirmed: response.confirmedAt !== null },
    });
    return viewOf(tx, row, "confirmed");
  });
}
