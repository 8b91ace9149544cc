import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { Invalid, NotFound } from "@/lib/errors";
import type { Member } from "@/lib/auth/session";
import { inOrganisation } from "@/lib/orgs/scope";
import { recordAudit } from "@/lib/audit";
import { sha256 } from "@/lib/crypto/tokens";
import type { Tx } from "@/lib/db";
import type { CampaignDefinition, CampaignDefinitionInput, NewCampaignInput } from "./definition";
import { publishProblems, publishWarnings, type PublishCheckInput, type PublishProblem } from "./publish-checks";
import type { DraftContext } from "./publish-draft";
import { campaignTemplate, copyTitle, starterContent, type CampaignTemplate } from "./content";
import { slugify, withSuffix } from "./slug";
import { fromZonedInput, toZonedInput } from "@/lib/time-zone";
import { windowState } from "./time-window";
import { parseValidation } from "./validation-json";
import { inSections, questionBase } from "./shape";
import { parseShowIf } from "./visibility-rules";
import { refreshProfilingScores } from "@/lib/rfm/queries";

/**
 * A campaign of the member's organisation, or NotFound (another organisation's
 * campaign looks exactly like a missing one). Memoised per request, so the
 * campaign layout and its pages share one read.
 */
export const getCampaignForMember = cache(async (member: Pick<Member, "organisationId">, campaignId: string) => {
  const campaign = await db.campaign.findFirst({ where: { id: campaignId, ...inOrganisation(member.organisationId) } });
  if (!campaign) throw new NotFound("errors.campaignNotFound");
  return campaign;
});

/** The organisation's campaigns, newest first, with their number of accepted entries. */
export async function listCampaigns(organisationId: string, opts: { archived?: boolean } = {}) {
  return db.campaign.findMany({
    where: { ...inOrganisation(organisationId), status: opts.archived ? "ARCHIVED" : { not: "ARCHIVED" } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      kind: true,
      status: true,
      title: true,
      slug: true,
      opensAt: true,
      closesAt: true,
      closedManuallyAt: true,
      _count: { select: { responses: { where: { status: "ACCEPTED" } } } },
    },
  });
}

// ───────────── Builder: create, load, save, lifecycle ─────────────


const DAY = 86_400_000;

const fullInclude = {
  sections: { orderBy: { position: "asc" } },
  questions: { orderBy: { position: "asc" }, include: { options: { orderBy: { position: "asc" } } } },
  purposes: { orderBy: { position: "asc" }, include: { versions: { orderBy: { version: "desc" }, take: 1 } } },
} as const;

async function loadFull(client: Tx | typeof db, organisationId: string, campaignId: string) {
  const campaign = await client.campaign.findFirst({ where: { id: campaignId, ...inOrganisation(organisationId) }, include: fullInclude });
  if (!campaign) throw new NotFound("errors.campaignNotFound");
  return campaign;
}
type FullCampaign = Awaited<ReturnType<typeof loadFull>>;

async function freeSlug(client: Tx | typeof db, wanted: string): Promise<string> {
  let slug = wanted;
  for (let i = 0; i < 5 && (await client.campaign.findUnique({ where: { slug }, select: { id: true } })); i++) slug = withSuffix(wanted);
  return slug;
}

/**
 * A transaction that picks a free slug, run again (up to 3 times) when
 * another one took the same slug in between: the unique index decides, and
 * the next try sees the committed slug and picks another.
 */
async function withFreeSlug<T>(create: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      const e = error as { code?: string; message?: string };
      if (attempt >= 3 || e.code !== "P2002" || !String(e.message).includes("slug")) throw error;
    }
  }
}

/** A question or option that holds answers cannot be deleted: the foreign key decides (Answer → onDelete NoAction). */
async function deleteUnanswered(remove: () => Promise<unknown>, refusal: string): Promise<void> {
  try {
    await remove();
  } catch (error) {
    if ((error as { code?: string }).code === "P2003") throw new Invalid(refusal);
    throw error;
  }
}

function audit(tx: Tx, member: Member, action: string, campaignId: string, details: Record<string, unknown> = {}) {
  return recordAudit(tx, { organisationId: member.organisationId, userId: member.userId, actorLabel: member.email, action, targetType: "campaign", targetId: campaignId, details });
}

/** Creates a draft with sensible defaults: open from now for 30 days, the essential contact questions, one recontact purpose. */
export async function createCampaign(member: Member, input: NewCampaignInput): Promise<{ id: string }> {
  return withFreeSlug(() => db.$transaction(async (tx) => {
    const org = await tx.organisation.findUniqueOrThrow({ where: { id: member.organisationId } });
    const slug = await freeSlug(tx, slugify(input.title));
    // Open from the start of the current hour: publishing a new campaign makes it answerable at once.
    const opensAt = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    const locale = org.defaultLocale === "en" ? "en" : "fr";
    const template = input.template ? campaignTemplate(input.template, locale, org.name) : undefined;
    const campaign = await tx.campaign.create({
      data: {
        organisationId: member.organisationId,
        // A template decides the kind: its questions and checks are made for it.
        kind: template?.kind ?? input.kind,
        title: input.title,
        slug,
        locale,
        opensAt,
        closesAt: new Date(opensAt.getTime() + 30 * DAY),
        retentionMonths: org.retentionMonths,
        ...template?.settings,
      },
    });
    if (template) {
      await createTemplateContent(tx, campaign.id, template);
      await audit(tx, member, "campaign.create", campaign.id, { kind: template.kind, title: input.title, template: input.template });
      return { id: campaign.id };
    }
    const starter = starterContent(locale, org.name, input.kind !== "SURVEY");
    const section = await tx.section.create({ data: { campaignId: campaign.id, position: 0, title: starter.sectionTitle } });
    await tx.question.createMany({
      data: starter.questions.map(({ type, label, required }, position) => ({ campaignId: campaign.id, sectionId: section.id, position, type, label, required })),
    });
    const wording = starter.recontactWording;
    await tx.purpose.create({
      data: { campaignId: campaign.id, position: 0, isRecontact: true, versions: { create: { version: 1, wording, hash: sha256(wording) } } },
    });
    await audit(tx, member, "campaign.create", campaign.id, { kind: input.kind, title: input.title });
    return { id: campaign.id };
  }));
}

/** A template's sections, questions with their options, and purposes, in order. */
async function createTemplateContent(tx: Tx, campaignId: string, template: CampaignTemplate) {
  let position = 0;
  for (const [sectionPosition, s] of template.sections.entries()) {
    const section = await tx.section.create({ data: { campaignId, position: sectionPosition, title: s.title } });
    for (const q of s.questions) {
      await tx.question.create({
        data: {
          campaignId,
          sectionId: section.id,
          position: position++,
          type: q.type,
          label: q.label,
          helpText: q.helpText ?? "",
          required: q.required,
          rfmTag: q.rfmTag ?? null,
          validation: JSON.stringify(q.validation ?? {}),
          options: { create: (q.options ?? []).map((o, k) => ({ position: k, label: o.label, rfmScore: o.rfmScore ?? null })) },
        },
      });
    }
  }
  for (const [purposePosition, p] of template.purposes.entries()) {
    await tx.purpose.create({
      data: { campaignId, position: purposePosition, isRecontact: p.isRecontact, isProfiling: p.isProfiling, versions: { create: { version: 1, wording: p.wording, hash: sha256(p.wording) } } },
    });
  }
}

/** The builder's form values and what the builder shows around them. */
export async function getBuilderData(member: Member, campaignId: string) {
  const [c, org, byStatus] = await Promise.all([
    loadFull(db, member.organisationId, campaignId),
    db.organisation.findUniqueOrThrow({ where: { id: member.organisationId } }),
    db.response.groupBy({ by: ["status"], where: { campaignId }, _count: { _all: true } }),
  ]);
  // Accepted entries are what statistics and leads count; rejected ones (honeypot, too fast) are told apart.
  const countOf = (status: string) => byStatus.find((s) => s.status === status)?._count._all ?? 0;
  const responses = { accepted: countOf("ACCEPTED"), rejected: countOf("REJECTED"), total: byStatus.reduce((n, s) => n + s._count._all, 0) };
  const values: CampaignDefinitionInput = {
    title: c.title,
    slug: c.slug,
    description: c.description,
    locale: c.locale === "en" ? "en" : "fr",
    brandColor: c.brandColor,
    opensAt: toZonedInput(c.opensAt, c.timeZone),
    closesAt: toZonedInput(c.closesAt, c.timeZone),
    timeZone: c.timeZone,
    retentionMonths: c.retentionMonths,
    unconfirmedPurgeDays: c.unconfirmedPurgeDays,
    recipients: c.recipients,
    partners: c.partners,
    prize: c.prize,
    winnersCount: c.winnersCount,
    alternatesCount: c.alternatesCount,
    rulesText: c.rulesText,
    rulesDepositedWith: c.rulesDepositedWith,
    minimumAge: c.minimumAge == null ? "" : String(c.minimumAge),
    ageCheck: c.ageCheck === "DECLARATION" ? "DECLARATION" : "BIRTHDATE",
    minorPolicy: c.minorPolicy === "PARENTAL_CONSENT" ? "PARENTAL_CONSENT" : "REFUSE",
    requireConfirmation: c.requireConfirmation,
    rewardUrl: c.rewardUrl,
    thanksMessage: c.thanksMessage,
    thanksRedirectUrl: c.thanksRedirectUrl,
    rewardDeliveryText: c.rewardDeliveryText,
    sections: inSections(c.sections, c.questions, (q) => ({
      ...questionBase(q),
      rfmTag: (q.rfmTag ?? "") as never,
      options: q.options.map((o) => ({ id: o.id, label: o.label, rfmScore: o.rfmScore == null ? "" : String(o.rfmScore) })),
    })),
    purposes: c.purposes.map((p) => ({ id: p.id, wording: p.versions[0]?.wording ?? "", isRecontact: p.isRecontact, isProfiling: p.isProfiling })),
  };
  const check = checkInputOf(org, c);
  return {
    campaign: c,
    values,
    responses,
    problems: publishProblems(check),
    warnings: publishWarnings(check),
    /** What the builder's live checklist needs besides the form's values (checkInputOfDraft). */
    draftContext: {
      kind: c.kind,
      organisation: { legalName: org.legalName, name: org.name, contactEmail: org.contactEmail, dpoEmail: org.dpoEmail },
      rulesFilePath: c.rulesFilePath,
      rewardFilePath: c.rewardFilePath,
    } satisfies DraftContext,
    purposeVersions: Object.fromEntries(c.purposes.map((p) => [p.id, p.versions[0]?.version ?? 1])),
  };
}

function checkInputOf(
  org: { legalName: string; name: string; contactEmail: string; dpoEmail: string },
  c: Pick<FullCampaign, "kind" | "title" | "opensAt" | "closesAt" | "retentionMonths" | "prize" | "winnersCount" | "rulesText" | "rulesFilePath" | "rewardUrl" | "rewardFilePath" | "minimumAge" | "ageCheck" | "partners"> & {
    questions: Array<{ type: string; required: boolean; rfmTag: string | null; validation: string; options: Array<{ rfmScore: number | null }> }>;
    purposes: Array<{ versions: Array<{ wording: string }> }>;
  },
): PublishCheckInput {
  return {
    organisation: org,
    campaign: c,
    questions: c.questions.map((q) => ({ ...q, validation: parseValidation(q.validation) })),
    purposes: c.purposes.map((p) => ({ wording: p.versions[0]?.wording ?? "" })),
  };
}

/** Thrown when a publish check fails: the builder lists the problems. */
export class PublishRefused extends Invalid {
  constructor(readonly problems: PublishProblem[]) {
    super("builder.errors.publishRefused");
  }
}

/**
 * Saves the whole definition: settings, sections, questions, options and
 * purposes, matched by id. Nothing that already holds answers or consent
 * proofs is deleted or changed in kind; a published purpose wording gets a
 * new version rather than being rewritten, so the ledger keeps the exact text.
 */
export async function saveCampaignDefinition(member: Member, campaignId: string, def: CampaignDefinition): Promise<void> {
  try {
    await db.$transaction(async (tx) => {
      const c = await loadFull(tx, member.organisationId, campaignId);
      if (c.status === "ARCHIVED") throw new Invalid("builder.errors.archived");
      const [answerCounts, consentCounts] = await Promise.all([
        // Through the campaign's questions: the covering index Answer_analytics_idx (there is none by campaign).
        tx.answer.groupBy({ by: ["questionId", "optionId"], where: { questionId: { in: c.questions.map((q) => q.id) } }, _count: { _all: true } }),
        tx.consentRecord.groupBy({ by: ["purposeId"], where: { campaignId }, _count: { _all: true } }),
      ]);
      const answeredQuestions = new Set(answerCounts.map((a) => a.questionId));
      const answeredOptions = new Set(answerCounts.map((a) => a.optionId).filter(Boolean));
      const provenPurposes = new Set(consentCounts.map((p) => p.purposeId));

      const opensAt = fromZonedInput(def.opensAt, def.timeZone)!;
      const closesAt = fromZonedInput(def.closesAt, def.timeZone)!;
      const { sections, purposes, opensAt: _o, closesAt: _c, ...settings } = def;
      await tx.campaign.update({ where: { id: c.id }, data: { ...settings, opensAt, closesAt } });

      // Sections (their show-if conditions are written once every question has its id, below)
      const sectionIds = new Set(c.sections.map((s) => s.id));
      const keptSections: string[] = [];
      const sectionIdByIndex: string[] = [];
      for (const [position, s] of sections.entries()) {
        if (s.id && sectionIds.has(s.id)) {
          await tx.section.update({ where: { id: s.id }, data: { position, title: s.title, showIf: null } });
          keptSections.push(s.id);
          sectionIdByIndex.push(s.id);
        } else {
          const created = await tx.section.create({ data: { campaignId: c.id, position, title: s.title } });
          sectionIdByIndex.push(created.id);
        }
      }
      // The builder names a question or option not saved yet by a temporary id: each maps to its stored id.
      const savedIds = new Map<string, string>();
      const conditional: Array<{ questionId: string; showIf: NonNullable<typeof sections[number]["showIf"]> }> = [];

      // Questions and options
      const existingQuestions = new Map(c.questions.map((q) => [q.id, q]));
      const keptQuestions = new Set<string>();
      let position = 0;
      for (const [index, s] of sections.entries()) {
        for (const q of s.questions) {
          const data = {
            sectionId: sectionIdByIndex[index]!,
            position: position++,
            type: q.type,
            label: q.label,
            helpText: q.helpText,
            required: q.required,
            rfmTag: q.type === "SINGLE_CHOICE" ? q.rfmTag : null,
            validation: JSON.stringify(q.validation),
            showIf: null,
          };
          const before = q.id ? existingQuestions.get(q.id) : undefined;
          let questionId: string;
          if (before) {
            if (before.type !== q.type && answeredQuestions.has(before.id)) throw new Invalid("builder.errors.typeChangeWithAnswers");
            await tx.question.update({ where: { id: before.id }, data });
            questionId = before.id;
          } else {
            questionId = (await tx.question.create({ data: { ...data, campaignId: c.id } })).id;
          }
          keptQuestions.add(questionId);
          if (q.id) savedIds.set(q.id, questionId);
          if (q.showIf) conditional.push({ questionId, showIf: q.showIf });
          const choices = q.type === "SINGLE_CHOICE" || q.type === "MULTIPLE_CHOICE" ? q.options : [];
          const existingOptions = new Map((before?.options ?? []).map((o) => [o.id, o]));
          const keptOptions = new Set<string>();
          for (const [optionPosition, o] of choices.entries()) {
            const optionData = { position: optionPosition, label: o.label, rfmScore: data.rfmTag ? o.rfmScore : null };
            if (o.id && existingOptions.has(o.id)) {
              await tx.questionOption.update({ where: { id: o.id }, data: optionData });
              keptOptions.add(o.id);
              savedIds.set(o.id, o.id);
            } else {
              const created = await tx.questionOption.create({ data: { ...optionData, questionId }, select: { id: true } });
              if (o.id) savedIds.set(o.id, created.id);
            }
          }
          const droppedOptions = [...existingOptions.keys()].filter((id) => !keptOptions.has(id));
          if (droppedOptions.some((id) => answeredOptions.has(id))) throw new Invalid("builder.errors.optionHasAnswers");
          if (droppedOptions.length) await deleteUnanswered(() => tx.questionOption.deleteMany({ where: { id: { in: droppedOptions } } }), "builder.errors.optionHasAnswers");
        }
      }
      // Show-if conditions, with the stored ids (the schema checked each names an earlier question of this form).
      const stored = (showIf: { questionId: string; anyOf: string[] }) =>
        JSON.stringify({ questionId: savedIds.get(showIf.questionId) ?? showIf.questionId, anyOf: showIf.anyOf.map((v) => savedIds.get(v) ?? v) });
      for (const q of conditional) await tx.question.update({ where: { id: q.questionId }, data: { showIf: stored(q.showIf) } });
      for (const [index, s] of sections.entries()) if (s.showIf) await tx.section.update({ where: { id: sectionIdByIndex[index]! }, data: { showIf: stored(s.showIf) } });
      const droppedQuestions = [...existingQuestions.keys()].filter((id) => !keptQuestions.has(id));
      if (droppedQuestions.some((id) => answeredQuestions.has(id))) throw new Invalid("builder.errors.questionHasAnswers");
      if (droppedQuestions.length) await deleteUnanswered(() => tx.question.deleteMany({ where: { id: { in: droppedQuestions } } }), "builder.errors.questionHasAnswers");
      const droppedSections = [...sectionIds].filter((id) => !keptSections.includes(id));
      if (droppedSections.length) await tx.section.deleteMany({ where: { id: { in: droppedSections } } });

      // Purposes and their wording versions
      const existingPurposes = new Map(c.purposes.map((p) => [p.id, p]));
      const keptPurposes = new Set<string>();
      const everPublished = c.publishedAt != null;
      for (const [purposePosition, p] of purposes.entries()) {
        const before = p.id ? existingPurposes.get(p.id) : undefined;
        if (!before) {
          await tx.purpose.create({
            data: { campaignId: c.id, position: purposePosition, isRecontact: p.isRecontact, isProfiling: p.isProfiling, versions: { create: { version: 1, wording: p.wording, hash: sha256(p.wording) } } },
          });
          continue;
        }
        keptPurposes.add(before.id);
        await tx.purpose.update({ where: { id: before.id }, data: { position: purposePosition, isRecontact: p.isRecontact, isProfiling: p.isProfiling } });
        const latest = before.versions[0];
        if (latest && latest.wording === p.wording) continue;
        if (!latest || everPublished || provenPurposes.has(before.id)) {
          await tx.purposeVersion.create({ data: { purposeId: before.id, version: (latest?.version ?? 0) + 1, wording: p.wording, hash: sha256(p.wording) } });
        } else {
          // Never shown to anyone yet: the draft's wording is simply corrected.
          await tx.purposeVersion.update({ where: { id: latest.id }, data: { wording: p.wording, hash: sha256(p.wording) } });
        }
      }
      const droppedPurposes = [...existingPurposes.keys()].filter((id) => !keptPurposes.has(id));
      if (droppedPurposes.some((id) => provenPurposes.has(id))) throw new Invalid("builder.errors.purposeHasConsents");
      if (droppedPurposes.length) await tx.purpose.deleteMany({ where: { id: { in: droppedPurposes } } });
      // Another profiling purpose (or none) changes whose answers may carry scores.
      const profilingBefore = c.purposes.find((p) => p.isProfiling)?.id ?? null;
      const profilingAfter = (await tx.purpose.findFirst({ where: { campaignId: c.id, isProfiling: true }, select: { id: true } }))?.id ?? null;
      if (profilingBefore !== profilingAfter) await refreshProfilingScores(tx, member.organisationId, { campaignId: c.id });

      if (c.status === "PUBLISHED") {
        const org = await tx.organisation.findUniqueOrThrow({ where: { id: member.organisationId } });
        const problems = publishProblems(checkInputOf(org, await loadFull(tx, member.organisationId, c.id)));
        if (problems.length) throw new PublishRefused(problems);
      }
      await audit(tx, member, "campaign.update", c.id, { questions: keptQuestions.size, purposes: purposes.length });
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new Invalid("builder.errors.invalidForm", { slug: "builder.errors.slugTaken" });
    throw error;
  }
}

/** Publishes the campaign once every check passes. */
export async function publishCampaign(member: Member, campaignId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const c = await loadFull(tx, member.organisationId, campaignId);
    if (c.status === "ARCHIVED") throw new Invalid("builder.errors.archived");
    const org = await tx.organisation.findUniqueOrThrow({ where: { id: member.organisationId } });
    const problems = publishProblems(checkInputOf(org, c));
    if (problems.length) throw new PublishRefused(problems);
    await tx.campaign.update({ where: { id: c.id }, data: { status: "PUBLISHED", publishedAt: c.publishedAt ?? new Date() } });
    await audit(tx, member, "campaign.publish", c.id);
  });
}

async function setStatus(member: Member, campaignId: string, action: string, data: { status: string }) {
  await db.$transaction(async (tx) => {
    const c = await tx.campaign.findFirst({ where: { id: campaignId, ...inOrganisation(member.organisationId) }, select: { id: true, status: true } });
    if (!c) throw new NotFound("errors.campaignNotFound");
    await tx.campaign.update({ where: { id: c.id }, data });
    await audit(tx, member, action, c.id, { from: c.status, ...data });
  });
}

/** Back to draft: the public form answers 404 until published again. */
export const unpublishCampaign = (member: Member, campaignId: string) => setStatus(member, campaignId, "campaign.unpublish", { status: "DRAFT" });
/** Archived campaigns leave the list and can no longer be edited or answered. */
export const archiveCampaign = (member: Member, campaignId: string) => setStatus(member, campaignId, "campaign.archive", { status: "ARCHIVED" });
/**
 * Closes entries now, before the planned date (after the marketer confirmed): the form refuses entries from
 * this instant, and a page loaded earlier can no longer submit. Only a published campaign whose entry window is
 * open can be closed (docs/decisions/014-closing-a-campaign.md): a draft takes no entries, an archived one is
 * over, one not open yet is unpublished instead, and closing twice would move the instant entries stopped,
 * which the draw relies on. The conditional update keeps two concurrent clicks to one close.
 */
export async function closeCampaignNow(member: Member, campaignId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const c = await tx.campaign.findFirst({
      where: { id: campaignId, ...inOrganisation(member.organisationId) },
      select: { id: true, status: true, opensAt: true, closesAt: true, closedManuallyAt: true },
    });
    if (!c) throw new NotFound("errors.campaignNotFound");
    const now = new Date();
    if (c.status === "DRAFT") throw new Invalid("draw.errors.draft");
    if (c.status === "ARCHIVED") throw new Invalid("builder.errors.archived");
    const state = windowState(c, now);
    if (state === "NOT_OPEN") throw new Invalid("draw.errors.notOpenYet");
    if (state === "CLOSED") throw new Invalid("draw.errors.alreadyClosed");
    const { count } = await tx.campaign.updateMany({ where: { id: c.id, status: "PUBLISHED", closedManuallyAt: null }, data: { closedManuallyAt: now } });
    if (count !== 1) throw new Invalid("draw.errors.alreadyClosed");
    await audit(tx, member, "campaign.close", c.id, { closedAt: now.toISOString(), plannedClose: c.closesAt.toISOString() });
  });
}

/** A draft copy of the campaign (settings, questions, purposes' current wording), without any response. */
export async function duplicateCampaign(member: Member, campaignId: string): Promise<{ id: string }> {
  return withFreeSlug(() => db.$transaction(async (tx) => {
    const c = await loadFull(tx, member.organisationId, campaignId);
    const slug = await freeSlug(tx, withSuffix(c.slug.replace(/-[a-z0-9]{4}$/, "")));
    const {
      id: _id, sections, questions, purposes, createdAt: _ca, updatedAt: _ua, publishedAt: _pa, closedManuallyAt: _cm, status: _s, slug: _sl, title, ...settings
    } = c;
    const copy = await tx.campaign.create({ data: { ...settings, slug, title: copyTitle(c.locale, title).slice(0, 160), status: "DRAFT" } });
    // Show-if conditions name questions and options by id: the copy's point at the copy's own.
    const copied = new Map<string, string>();
    const conditional: Array<{ table: "question" | "section"; id: string; showIf: string }> = [];
    for (const s of sections) {
      const section = await tx.section.create({ data: { campaignId: copy.id, position: s.position, title: s.title } });
      if (s.showIf) conditional.push({ table: "section", id: section.id, showIf: s.showIf });
      for (const q of questions.filter((q) => q.sectionId === s.id)) {
        const { id: _qid, campaignId: _cid, sectionId: _sid, options, showIf, ...question } = q;
        const created = await tx.question.create({
          data: { ...question, campaignId: copy.id, sectionId: section.id, options: { create: options.map((o) => ({ position: o.position, label: o.label, rfmScore: o.rfmScore })) } },
          select: { id: true, options: { orderBy: { position: "asc" }, select: { id: true } } },
        });
        copied.set(q.id, created.id);
        options.forEach((o, k) => created.options[k] && copied.set(o.id, created.options[k].id));
        if (showIf) conditional.push({ table: "question", id: created.id, showIf });
      }
    }
    for (const c of conditional) {
      const showIf = parseShowIf(c.showIf);
      const data = { showIf: showIf ? JSON.stringify({ questionId: copied.get(showIf.questionId) ?? showIf.questionId, anyOf: showIf.anyOf.map((v) => copied.get(v) ?? v) }) : null };
      if (c.table === "question") await tx.question.update({ where: { id: c.id }, data });
      else await tx.section.update({ where: { id: c.id }, data });
    }
    for (const p of purposes) {
      const wording = p.versions[0]?.wording ?? "";
      await tx.purpose.create({
        data: { campaignId: copy.id, position: p.position, legalBasis: p.legalBasis, isRecontact: p.isRecontact, isProfiling: p.isProfiling, versions: { create: { version: 1, wording, hash: sha256(wording) } } },
      });
    }
    await audit(tx, member, "campaign.duplicate", copy.id, { from: c.id });
    return { id: copy.id };
  }));
}

/** Records where an uploaded file (logo, rules, reward) now lives. */
export async function setCampaignFile(member: Member, campaignId: string, field: "logoPath" | "rulesFilePath" | "rewardFilePath", path: string | null) {
  await db.$transaction(async (tx) => {
    const c = await tx.campaign.findFirst({ where: { id: campaignId, ...inOrganisation(member.organisationId) }, select: { id: true } });
    if (!c) throw new NotFound("errors.campaignNotFound");
    await tx.campaign.update({ where: { id: c.id }, data: { [field]: path } });
    await audit(tx, member, "campaign.file", c.id, { field, removed: path === null });
  });
}
