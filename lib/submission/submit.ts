import "server-only";
import { db, isUniqueViolation, newId, writeTransaction, type SqlValue, type SqlWriter } from "@/lib/db";
import { Closed, Invalid } from "@/lib/errors";
import { windowState } from "@/lib/campaigns/time-window";
import { recordConsentsSql, type ConsentInput } from "@/lib/consent/ledger";
import { issueConfirmation } from "@/lib/optin/start";
import { requestParentalConsent } from "@/lib/minors/parental";
import { hashIp } from "@/lib/request-meta";
import { entryScores } from "@/lib/rfm/entry-scores";
import { dedupeKeyOf } from "./email";
import { greetingName, identityOf } from "./identity";
import { warnRepeatEntry } from "./repeat-entry";
import { thanksToken } from "./thanks-reference";
import { loadForSubmission, type SubmitDefinition } from "./load";
import { ageFacts, type Submission } from "./schema";
import { fillTimeMs } from "./start-token";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

/** Entries filled faster than this are kept as rejected: no person reads a form that fast. */
export const MIN_FILL_MS = 2000;

export type SubmitMeta = {
  /** The client's IP (only a salted hash is stored) */
  ip?: string;
  userAgent?: string;
  /** Time between the page render and the submission; undefined for trusted callers (seeding, benchmarks) */
  fillMs?: number;
  /** Or: check the form's signed start token (the public endpoint) and take the fill time from it */
  checkStartToken?: boolean;
  /** The instant of the entry (seeding back-dates it); defaults to now */
  now?: Date;
};

/**
 * REPEAT: the address had already entered; nothing was stored (`responseId` is a fresh id that names no row),
 * the owner of the address was mailed, and the caller answers exactly as for an accepted entry.
 */
export type SubmitResult = { responseId: string; status: "ACCEPTED" | "REJECTED" | "REPEAT"; thanksToken: string };

/**
 * Records one entry to a published, open campaign, in one transaction: the
 * contact (by organisation and e-mail), the response with its scores and
 * segment, one answer row per value, the consent grants with the exact
 * wording shown, and the start of the double opt-in. Honeypot and too-fast
 * entries are stored as REJECTED with nothing else, and look accepted to the
 * sender. A second entry with the same e-mail (also two arriving at once:
 * unique campaign + dedupe key) stores nothing and looks accepted too — an
 * error would tell anyone whether an address entered — while the address's
 * owner is mailed that they had already taken part (rate-limited).
 */
export async function submitResponse(input: { slug: string; data: unknown }, meta: SubmitMeta = {}): Promise<SubmitResult> {
  const now = meta.now ?? new Date();
  const { head, definition: d } = await loadForSubmission(input.slug);
  const state = windowState(head, now);
  // Catalogue keys: the route answers them in the form's language.
  if (state === "NOT_OPEN") throw new Closed("respondent.refusals.notOpen");
  if (state === "CLOSED") throw new Closed("respondent.refusals.closed");

  const parsed = d.schema.safeParse(input.data);
  if (!parsed.success) throw new Invalid("respondent.refusals.invalid", fieldErrorsOf(parsed.error));
  const s = parsed.data;

  const fillMs = meta.checkStartToken ? fillTimeMs(d.campaignId, s.startToken, now.getTime()) : meta.fillMs;
  // No trace of the form at all (a script posting pre-ticked boxes): refused, nothing written.
  if (fillMs === null) throw new Invalid("respondent.refusals.noForm");
  const rejectReason = s.website.trim() !== "" ? "honeypot" : fillMs !== undefined && fillMs < MIN_FILL_MS ? "too-fast" : null;
  const common: ResponseCommon = {
    campaignId: d.campaignId,
    submittedAt: now,
    fillMs: Math.min(fillMs ?? 0, 2_000_000_000),
    locale: d.locale,
    utmSource: s.context.utmSource,
    utmMedium: s.context.utmMedium,
    utmCampaign: s.context.utmCampaign,
    utmTerm: s.context.utmTerm,
    utmContent: s.context.utmContent,
    referrer: s.context.referrer,
    pageUrl: s.context.pageUrl,
    userAgent: (meta.userAgent ?? "").slice(0, 500),
    ipHash: meta.ip ? hashIp(meta.ip, d.salt) : "",
    data: JSON.stringify(s.answers),
  };

  if (rejectReason) {
    const rejected = await db.response.create({ data: { ...common, status: "REJECTED", rejectReason, dedupeKey: null }, select: { id: true } });
    return { responseId: rejected.id, status: "REJECTED", thanksToken: thanksToken(rejected.id, emailOf(d, s)) };
  }

  try {
    const responseId = await writeTransaction((sql) => writeEntry(sql, d, s, common, now));
    return { responseId, status: "ACCEPTED", thanksToken: thanksToken(responseId, emailOf(d, s)) };
  } catch (error) {
    // One entry per e-mail and campaign: the unique index decides, and the whole entry rolls back.
    if (!isUniqueViolation(error, "dedupeKey")) throw error;
    const email = emailOf(d, s)!;
    await writeTransaction((sql) => warnRepeatEntry(sql, d, dedupeKeyOf(email), now));
    const unstored = newId();
    return { responseId: unstored, status: "REPEAT", thanksToken: thanksToken(unstored, email) };
  }
}

/** The address the entry gives, if the form asks for one. */
function emailOf(d: SubmitDefinition, s: Submission): string | null {
  const v = d.roles.email ? s.answers[d.roles.email] : undefined;
  return typeof v === "string" && v ? v : null;
}

type ResponseCommon = {
  campaignId: string;
  submittedAt: Date;
  fillMs: number;
  locale: string;
  utmSource: string;
  utmMedium: string;
  utmCampaign: string;
  utmTerm: string;
  utmContent: string;
  referrer: string;
  pageUrl: string;
  userAgent: string;
  ipHash: string;
  data: string;
};

// The contact by organisation and e-mail. A new contact starts with this entry's details (they overwrite
// nothing); an existing one keeps its identity: an unconfirmed entry may be someone else typing the address,
// so its details stay on the entry (Response.data) until it is confirmed (lib/optin/confirm.ts).
const UPSERT_CONTACT = `INSERT INTO "Contact" ("id", "organisationId", "email", "firstName", "lastName", "phone", "postalCode", "birthDate", "locale", "lastInteractionAt", "createdAt")
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT ("organisationId", "email") DO UPDATE SET
  "lastInteractionAt" = excluded."lastInteractionAt"
RETURNING "id", "firstName", "emailConfirmedAt", "profilingObjectedAt"`;

/** The entry's rows, inside one writeTransaction: all of them or none. */
async function writeEntry(sql: SqlWriter, d: SubmitDefinition, s: Submission, common: ResponseCommon, now: Date): Promise<string> {
  const answerOf = (id?: string) => (id ? s.answers[id] : undefined);
  const str = (id?: string) => {
    const v = answerOf(id);
    return typeof v === "string" ? v : "";
  };
  const email = str(d.roles.email);
  const dedupeKey = email ? dedupeKeyOf(email) : null;
  const { ageOk, parentEmail } = ageFacts(d.form, s, now);

  let contactId: string | null = null;
  let greeting: string | undefined;
  let profilingObjected = false;
  if (email) {
    const identity = identityOf(d.roles, s.answers);
    const contact = await sql.get<{ id: string; firstName: string; emailConfirmedAt: string | number | null; profilingObjectedAt: string | number | null }>(
      UPSERT_CONTACT,
      newId(), d.organisationId, email, identity.firstName, identity.lastName, identity.phone, identity.postalCode, identity.birthDate, d.locale, now, now,
    );
    contactId = contact!.id;
    greeting = greetingName({ firstName: contact!.firstName, emailConfirmedAt: contact!.emailConfirmedAt === null ? null : String(contact!.emailConfirmedAt) });
    profilingObjected = contact!.profilingObjectedAt !== null;
  }

  const scores = entryScores(d, profilingObjected, s.answers);
  const responseId = newId();
  await sql.insert("Response", [
    {
      id: responseId,
      ...common,
      contactId,
      status: "ACCEPTED",
      dedupeKey,
      rulesAcceptedAt: s.rulesAccepted ? now : null,
      ageOk,
      // Set when a parent agrees from their own address (lib/minors/parental.ts), never by the child.
      parentalConsent: false,
      ...scores,
    },
  ]);

  const rows: Array<Record<string, SqlValue>> = [];
  for (const [questionId, value] of Object.entries(s.answers)) {
    if (value === undefined) continue;
    // Every row with the same columns, so that all go in one multi-row INSERT.
    const row = (fields: { optionId?: string; valueText?: string; valueNumber?: number }) =>
      rows.push({ id: newId(), responseId, campaignId: d.campaignId, questionId, optionId: null, valueText: null, valueNumber: null, ...fields });
    if (d.optionQuestions.has(questionId)) for (const optionId of Array.isArray(value) ? value : [value]) row({ optionId: String(optionId) });
    else if (d.numberQuestions.has(questionId) && typeof value === "number") row({ valueNumber: value });
    else row({ valueText: String(value) });
  }
  await sql.insert("Answer", rows);

  if (contactId) {
    const grants: ConsentInput[] = [];
    for (const [purposeId, ticked] of Object.entries(s.consents)) {
      const version = d.purposeVersions.get(purposeId);
      if (!ticked || !version) continue;
      grants.push({
        organisationId: d.organisationId,
        contactId,
        purposeId,
        purposeVersionId: version.id,
        wording: version.wording,
        wordingHash: version.hash,
        action: "GRANT",
        method: "CHECKBOX",
        campaignId: d.campaignId,
        responseId,
        pageUrl: s.context.pageUrl,
        utmSource: s.context.utmSource,
        userAgent: common.userAgent,
        ipHash: common.ipHash,
        createdAt: now,
      });
    }
    // A child's boxes are no consent: they wait for a parent's agreement, outside the ledger.
    if (parentEmail && grants.length > 0) {
      const purposes = grants.map((g) => ({ versionId: g.purposeVersionId, wording: g.wording }));
      await requestParentalConsent(sql, { organisationId: d.organisationId, campaignId: d.campaignId, contactId, responseId, parentEmail, childFirstName: str(d.roles.firstName), purposes, locale: d.locale }, d.sender, now);
    } else await recordConsentsSql(sql, grants, now);
    await issueConfirmation(
      sql,
      { organisationId: d.organisationId, campaignId: d.campaignId, contactId, responseId, email, firstName: greeting, purposes: grants.map((g) => g.wording), locale: d.locale },
      d.sender,
      now,
    );
  }
  return responseId;
}
