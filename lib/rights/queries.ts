import "server-only";
import { recordAudit } from "@/lib/audit";
import { checkpointAfterErasure, db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { ensureInOrganisation, inOrganisation } from "@/lib/orgs/scope";
import { anonymiseContact } from "./anonymise";
import { type RequestChannel, logRequest } from "./requests";
import type { RectificationInput, RequestLogInput } from "./schemas";
import { controllerSelect } from "@/lib/mail/render";

type Actor = { userId: string | null; label: string };

/** A contact of the organisation (erased ones included: their page shows what is left). */
export async function getContact(organisationId: string, contactId: string) {
  const contact = await db.contact.findUnique({ where: { id: contactId } });
  return ensureInOrganisation(contact, organisationId);
}

/** A contact's entries with their campaign, for its page. */
export async function contactResponses(organisationId: string, contactId: string) {
  return db.response.findMany({
    where: { contactId, campaign: inOrganisation(organisationId) },
    orderBy: { submittedAt: "desc" },
    select: { id: true, submittedAt: true, confirmedAt: true, status: true, segment: true, erasedAt: true, utmSource: true, campaign: { select: { id: true, title: true } } },
  });
}

/**
 * Erases a contact (see anonymiseContact), logs the request as answered and
 * writes the audit log, in one transaction; then checkpoints the database so
 * the erased values are gone from its files too.
 */
export async function eraseContact(organisationId: string, contactId: string, channel: RequestChannel, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const contact = ensureInOrganisation(await tx.contact.findUnique({ where: { id: contactId }, select: { organisationId: true, erasedAt: true } }), organisationId);
    if (contact.erasedAt) throw new NotFound();
    await anonymiseContact(tx, contactId, "ERASURE");
    await logRequest(tx, { organisationId, contactId, kind: "ERASURE", channel, done: true });
    await recordAudit(tx, { organisationId, userId: actor.userId, actorLabel: actor.label, action: "contact.erase", targetType: "contact", targetId: contactId, details: { channel } });
  });
  await checkpointAfterErasure();
}

/** Corrects a contact's data (owners), logged as a rectification request and in the audit log. */
export async function rectifyContact(organisationId: string, input: RectificationInput, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const contact = ensureInOrganisation(await tx.contact.findUnique({ where: { id: input.contactId } }), organisationId);
    if (contact.erasedAt) throw new NotFound();
    const changed = (["firstName", "lastName", "phone", "postalCode"] as const).filter((k) => contact[k] !== input[k]);
    await tx.contact.update({ where: { id: contact.id }, data: { firstName: input.firstName, lastName: input.lastName, phone: input.phone, postalCode: input.postalCode } });
    await logRequest(tx, { organisationId, contactId: contact.id, kind: "RECTIFICATION", channel: "ADMIN", done: true, notes: changed.join(", ") });
    // The audit log names the fields, never their values (they are personal data).
    await recordAudit(tx, { organisationId, userId: actor.userId, actorLabel: actor.label, action: "contact.rectify", targetType: "contact", targetId: contact.id, details: { fields: changed } });
  });
}

/**
 * Everything the organisation holds on a contact, as a portable JSON document
 * (GDPR arts. 15 and 20), and the request logged as answered.
 */
export async function exportContactData(organisationId: string, contactId: string, kind: "ACCESS" | "PORTABILITY", channel: RequestChannel, actor: Actor) {
  const contact = await db.contact.findUnique({
    where: { id: contactId },
    include: {
      organisation: { select: controllerSelect },
      responses: {
        orderBy: { submittedAt: "asc" },
        include: {
          campaign: { select: { title: true, slug: true } },
          answers: { include: { question: { select: { label: true, position: true } }, option: { select: { label: true } } } },
        },
      },
      consents: { orderBy: { createdAt: "asc" } },
      requests: { orderBy: { requestedAt: "asc" } },
    },
  });
  if (!contact || contact.organisationId !== organisationId || contact.erasedAt) throw new NotFound();
  const document = {
    format: "aimant.contact-data/1",
    exportedAt: new Date().toISOString(),
    controller: contact.organisation,
    contact: {
      email: contact.email,
      emailConfirmedAt: contact.emailConfirmedAt,
      firstName: contact.firstName,
      lastName: contact.lastName,
      phone: contact.phone,
      postalCode: contact.postalCode,
      birthDate: contact.birthDate,
      locale: contact.locale,
      createdAt: contact.createdAt,
      lastInteractionAt: contact.lastInteractionAt,
    },
    entries: contact.responses.map((r) => ({
      campaign: r.campaign.title,
      submittedAt: r.submittedAt,
      confirmedAt: r.confirmedAt,
      source: { pageUrl: r.pageUrl, utmSource: r.utmSource, utmMedium: r.utmMedium, utmCampaign: r.utmCampaign, referrer: r.referrer },
      scores: { recency: r.rScore, frequency: r.fScore, monetary: r.mScore, segment: r.segment },
      answers: [...r.answers]
        .sort((a, b) => a.question.position - b.question.position)
        .map((a) => ({ question: a.question.label, answer: a.option?.label ?? a.valueText ?? a.valueNumber })),
    })),
    consents: contact.consents.map((c) => ({ at: c.createdAt, action: c.action, method: c.method, wording: c.wording, wordingHash: c.wordingHash, pageUrl: c.pageUrl, utmSource: c.utmSource })),
    requests: contact.requests.map((q) => ({ kind: q.kind, requestedAt: q.requestedAt, status: q.status, completedAt: q.completedAt })),
  };
  await db.$transaction(async (tx) => {
    await logRequest(tx, { organisationId, contactId, kind, channel, done: true });
    await recordAudit(tx, { organisationId, userId: actor.userId, actorLabel: actor.label, action: `contact.${kind.toLowerCase()}`, targetType: "contact", targetId: contactId, details: { channel } });
  });
  return document;
}

/** Logs a request received by e-mail, post or phone (owners): open, due in one month, in the audit log. */
export async function logReceivedRequest(organisationId: string, input: RequestLogInput, actor: Actor): Promise<string> {
  return db.$transaction(async (tx) => {
    const contact = ensureInOrganisation(await tx.contact.findUnique({ where: { id: input.contactId }, select: { organisationId: true, erasedAt: true } }), organisationId);
    if (contact.erasedAt) throw new NotFound();
    const id = await logRequest(tx, { organisationId, contactId: input.contactId, kind: input.kind, channel: "ADMIN", done: false, notes: input.notes });
    await recordAudit(tx, { organisationId, userId: actor.userId, actorLabel: actor.label, action: "request.log", targetType: "request", targetId: id, details: { kind: input.kind } });
    return id;
  });
}
