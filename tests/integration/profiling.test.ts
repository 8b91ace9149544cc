import { beforeAll, describe, expect, it } from "vitest";
import { onPostgres, useFreshDatabase } from "../test-db";
import type { Member } from "@/lib/auth/session";
import type { CampaignDefinitionInput } from "@/lib/campaigns/definition";

// Profiling is a purpose like the others: R, F, M and the segment of a person
// exist (and so are shown, counted and exported) only while their consent to
// the campaign's profiling purpose counts; without such a purpose, answers are
// scored on legitimate interest and an objection removes the scores.

useFreshDatabase();

let owner: Member;
const meta = { userAgent: "vitest", ipHash: () => "h" };

async function member(email: string, org: string): Promise<Member> {
  const { createAccount } = await import("@/lib/auth/sign-up");
  const a = await createAccount({ name: "M", organisationName: org, email, password: "x".repeat(12) });
  return { userId: a.userId, email, name: "M", organisationId: a.organisationId, organisationName: org, role: "OWNER" };
}

/** A published contest with an R/F/M question set and, if asked, a profiling purpose. */
async function publishedCampaign(withProfilingPurpose: boolean) {
  const { createCampaign, getBuilderData, saveCampaignDefinition, publishCampaign, getCampaignForMember } = await import("@/lib/campaigns/queries");
  const { campaignDefinitionSchema } = await import("@/lib/campaigns/definition");
  const { toZonedInput } = await import("@/lib/time-zone");
  const { db } = await import("@/lib/db");
  const { id } = await createCampaign(owner, { kind: "CONTEST", title: "Gagnez un poêle" });
  const { values } = await getBuilderData(owner, id);
  const tagged = (label: string, rfmTag: "R" | "F" | "M") => ({
    type: "SINGLE_CHOICE" as const,
    label,
    required: true,
    rfmTag,
    options: [
      { label: "Beaucoup", rfmScore: 5 },
      { label: "Peu", rfmScore: 1 },
    ],
  });
  const definition: CampaignDefinitionInput = {
    ...values,
    opensAt: toZonedInput(new Date(Date.now() - 3_600_000), values.timeZone),
    prize: "Un poêle",
    rulesText: "Règlement du jeu.",
    sections: [{ ...values.sections[0]!, questions: [...values.sections[0]!.questions, tagged("Récence", "R"), tagged("Fréquence", "F"), tagged("Montant", "M")] }],
    purposes: [
      { ...values.purposes[0]!, isRecontact: true },
      ...(withProfilingPurpose ? [{ wording: "Permettre l'analyse de mes réponses pour recevoir des offres adaptées", isRecontact: false, isProfiling: true }] : []),
    ],
  };
  await saveCampaignDefinition(owner, id, campaignDefinitionSchema.parse(definition));
  await publishCampaign(owner, id);
  const slug = (await getCampaignForMember(owner, id)).slug;
  const questions = await db.question.findMany({ where: { campaignId: id }, include: { options: { orderBy: { position: "asc" } } } });
  const purposes = await db.purpose.findMany({ where: { campaignId: id }, orderBy: { position: "asc" } });
  return { id, slug, questions, recontact: purposes[0]!, profiling: purposes.find((p) => p.isProfiling) ?? null };
}

type Seeded = Awaited<ReturnType<typeof publishedCampaign>>;

/** An entry through the real submission service (all "Beaucoup": Champions), then its confirmation from the mail's link. */
async function enter(c: Seeded, email: string, profiling: boolean, confirm = true) {
  const { submitResponse } = await import("@/lib/submission/submit");
  const { confirmOptIn } = await import("@/lib/optin/confirm");
  const { db } = await import("@/lib/db");
  const answers: Record<string, unknown> = {};
  for (const q of c.questions) {
    if (q.type === "EMAIL") answers[q.id] = email;
    if (q.type === "FIRST_NAME") answers[q.id] = "Jeanne";
    if (q.rfmTag) answers[q.id] = q.options[0]!.id;
  }
  const consents = { [c.recontact.id]: true, ...(c.profiling ? { [c.profiling.id]: profiling } : {}) };
  const { responseId } = await submitResponse({ slug: c.slug, data: { answers, consents, rulesAccepted: true } }, { fillMs: 5000 });
  if (confirm) {
    const mail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: email, kind: "optin.confirmation" }, orderBy: { createdAt: "desc" } });
    const token = decodeURIComponent(/\/c\/([^\s"<]+)/.exec(mail.text)![1]!);
    expect((await confirmOptIn(token, meta)).state).toBe("confirmed");
  }
  const response = await db.response.findUniqueOrThrow({ where: { id: responseId } });
  return { responseId, contactId: response.contactId!, response };
}

async function scoresOf(responseId: string) {
  const { db } = await import("@/lib/db");
  return db.response.findUniqueOrThrow({ where: { id: responseId }, select: { rScore: true, fScore: true, mScore: true, segment: true } });
}

const NONE = { rScore: null, fScore: null, mScore: null, segment: null };
const CHAMPION = { rScore: 5, fScore: 5, mScore: 5, segment: "CHAMPIONS" };

async function exportByEmail(c: Seeded) {
  const { planExport, exportRows } = await import("@/lib/export/queries");
  const { csvText } = await import("@/lib/export/cells");
  const plan = await planExport(owner.organisationId, c.id, { preset: "purpose", purposeId: c.recontact.id });
  const header = plan.columns.map((col) => col.key);
  const rows = new Map<string, Record<string, string>>();
  for await (const batch of exportRows(plan)) for (const typed of batch) {
    // As a CRM reads the file: each typed cell in words.
    const cells = typed.map((cell) => csvText(cell, "Europe/Paris", "crm"));
    rows.set(cells[0]!, Object.fromEntries(header.map((k, i) => [k, cells[i]!])));
  }
  return rows;
}

beforeAll(async () => {
  owner = await member("owner-profiling@example.test", "Poêles Profil");
});

describe("a campaign with a profiling purpose", () => {
  let c: Seeded;
  let consenting: Awaited<ReturnType<typeof enter>>;
  let refusing: Awaited<ReturnType<typeof enter>>;
  let pending: Awaited<ReturnType<typeof enter>>;

  beforeAll(async () => {
    c = await publishedCampaign(true);
    consenting = await enter(c, "oui@example.test", true);
    refusing = await enter(c, "non@example.test", false);
    pending = await enter(c, "pas-encore@example.test", true, false);
  });

  it("is saved from the builder's purposes editor, one per campaign", async () => {
    const { campaignDefinitionSchema } = await import("@/lib/campaigns/definition");
    const { getBuilderData } = await import("@/lib/campaigns/queries");
    const { values } = await getBuilderData(owner, c.id);
    expect(values.purposes.map((p) => p.isProfiling)).toEqual([false, true]);
    const two = campaignDefinitionSchema.safeParse({ ...values, purposes: values.purposes.map((p) => ({ ...p, isProfiling: true })) });
    expect(two.success).toBe(false);
    expect(two.error?.issues.map((i) => i.message)).toContain("builder.errors.oneProfiling");
  });

  it("scores only the people whose consent to it counts (ticked and confirmed)", async () => {
    expect(await scoresOf(consenting.responseId)).toEqual(CHAMPION);
    expect(await scoresOf(refusing.responseId)).toEqual(NONE);
    // Ticked, not confirmed yet: the box alone does not count.
    expect(await scoresOf(pending.responseId)).toEqual(NONE);
  });

  it("shows scores in the leads table and on the lead page only for them", async () => {
    const { listLeads, getLead } = await import("@/lib/leads/queries");
    const { parseLeadFilters } = await import("@/lib/leads/filters");
    const { rows } = await listLeads(owner.organisationId, parseLeadFilters({}), c.id);
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    expect(byEmail.get("oui@example.test")).toMatchObject({ segment: "CHAMPIONS", rScore: 5 });
    expect(byEmail.get("non@example.test")).toMatchObject({ segment: null, rScore: null, fScore: null, mScore: null });
    expect(byEmail.get("pas-encore@example.test")).toMatchObject({ segment: null, rScore: null });
    const bySegment = await listLeads(owner.organisationId, parseLeadFilters({ segment: "CHAMPIONS" }), c.id);
    expect(bySegment.rows.map((r) => r.email)).toEqual(["oui@example.test"]);
    const lead = await getLead(owner.organisationId, c.id, refusing.responseId);
    expect(lead.response).toMatchObject(NONE);
  });

  it("counts only them in the statistics' RFM distribution", async () => {
    const { rfmDistribution } = await import("@/lib/analytics/queries");
    const counts = new Map((await rfmDistribution(c.id, {})).map((s) => [s.segment, s.count]));
    expect(counts.get("CHAMPIONS")).toBe(1);
    expect(counts.get(null)).toBe(2);
  });

  it("exports R, F, M and segment only for them", async () => {
    const rows = await exportByEmail(c);
    expect(rows.get("oui@example.test")).toMatchObject({ recency_score: "5", frequency_score: "5", monetary_score: "5", segment: "Champions" });
    expect(rows.get("non@example.test")).toMatchObject({ recency_score: "", frequency_score: "", monetary_score: "", segment: "" });
  });

  it("removes the scores when the person withdraws the profiling consent", async () => {
    const { withdrawConsents } = await import("@/lib/consent/withdraw");
    const { listLeads } = await import("@/lib/leads/queries");
    const { parseLeadFilters } = await import("@/lib/leads/filters");
    const { rfmDistribution } = await import("@/lib/analytics/queries");
    const withdrawn = await withdrawConsents({ organisationId: owner.organisationId, contactId: consenting.contactId, purposeId: c.profiling!.id, method: "PREFERENCE_CENTRE", actor: { userId: null, label: "RESPONDENT" } });
    expect(withdrawn).toBe(1);
    expect(await scoresOf(consenting.responseId)).toEqual(NONE);
    expect((await listLeads(owner.organisationId, parseLeadFilters({ segment: "CHAMPIONS" }), c.id)).total).toBe(0);
    expect((await rfmDistribution(c.id, {})).find((s) => s.segment === "CHAMPIONS")!.count).toBe(0);
    // Still consenting to the recontact purpose: exported, without scores.
    expect((await exportByEmail(c)).get("oui@example.test")).toMatchObject({ recency_score: "", segment: "" });
  });

  it("removes everyone's scores when a profiling purpose is set on a campaign that scored everyone", async () => {
    const { db } = await import("@/lib/db");
    const { getBuilderData, saveCampaignDefinition } = await import("@/lib/campaigns/queries");
    const { campaignDefinitionSchema } = await import("@/lib/campaigns/definition");
    const other = await publishedCampaign(false);
    const before = await enter(other, "avant@example.test", false);
    expect(await scoresOf(before.responseId)).toEqual(CHAMPION);
    const { values } = await getBuilderData(owner, other.id);
    const withProfiling = { ...values, purposes: [...values.purposes, { wording: "Permettre l'analyse de mes réponses (profilage)", isRecontact: false, isProfiling: true }] };
    await saveCampaignDefinition(owner, other.id, campaignDefinitionSchema.parse(withProfiling));
    expect(await scoresOf(before.responseId)).toEqual(NONE);
    expect(await db.purpose.count({ where: { campaignId: other.id, isProfiling: true } })).toBe(1);
  });
});

describe("a campaign without a profiling purpose (legitimate interest)", () => {
  it("scores everyone, and an objection removes the scores, also of later entries", async () => {
    const { objectToProfiling, scoredOnLegitimateInterest } = await import("@/lib/rfm/queries");
    const { listLeads } = await import("@/lib/leads/queries");
    const { parseLeadFilters } = await import("@/lib/leads/filters");
    const { db } = await import("@/lib/db");
    const c = await publishedCampaign(false);
    const first = await enter(c, "objecte@example.test", false);
    expect(await scoresOf(first.responseId)).toEqual(CHAMPION);
    expect(await scoredOnLegitimateInterest(owner.organisationId, first.contactId)).toBe(true);

    await objectToProfiling(owner.organisationId, first.contactId, { userId: null, label: "RESPONDENT" });
    expect(await scoresOf(first.responseId)).toEqual(NONE);
    expect((await listLeads(owner.organisationId, parseLeadFilters({ q: "objecte" }), c.id)).rows[0]).toMatchObject({ segment: null, rScore: null });
    expect(await db.auditLog.count({ where: { action: "profiling.object", targetId: first.contactId } })).toBe(1);

    const later = await publishedCampaign(false);
    const second = await enter(later, "objecte@example.test", false, false);
    expect(await scoresOf(second.responseId)).toEqual(NONE);
  });
});

describe("the migration that introduces the profiling purpose", () => {
  it.skipIf(onPostgres)("marks a purpose worded as profiling and removes the scores of the people whose consent to it does not count", async () => {
    const fs = await import("node:fs");
    const path = await import("node:path");
    const crypto = await import("node:crypto");
    const Database = (await import("better-sqlite3")).default;
    const { db } = await import("@/lib/db");
    const { recordConsents } = await import("@/lib/consent/ledger");
    const { seedCampaign, seedEntry, seedOrganisation } = await import("./consent-fixtures");
    const org = await seedOrganisation("Migration");
    const withProfiling = await seedCampaign(org.id);
    const wording = "Permettre l'analyse de mes réponses pour recevoir des offres adaptées à mon profil";
    const profiling = await db.purpose.create({
      data: { campaignId: withProfiling.campaign.id, position: 1, versions: { create: { version: 1, wording, hash: crypto.createHash("sha256").update(wording).digest("hex") } } },
      include: { versions: true },
    });
    const plain = await seedCampaign(org.id);
    const record = (entry: { contact: { id: string }; response: { id: string } }, action: "GRANT" | "CONFIRM" | "WITHDRAW", at: Date) =>
      recordConsents(db, [
        {
          organisationId: org.id, contactId: entry.contact.id, purposeId: profiling.id, purposeVersionId: profiling.versions[0]!.id, wording, wordingHash: profiling.versions[0]!.hash,
          action, method: action === "CONFIRM" ? "DOUBLE_OPT_IN" : action === "GRANT" ? "CHECKBOX" : "PREFERENCE_CENTRE", campaignId: withProfiling.campaign.id, responseId: entry.response.id, createdAt: at,
        },
      ]);
    const t = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 10, minutes));
    const confirmed = await seedEntry(withProfiling, { confirmed: true });
    await record(confirmed, "GRANT", t(0));
    await record(confirmed, "CONFIRM", t(5));
    const ticked = await seedEntry(withProfiling, { confirmed: false });
    await record(ticked, "GRANT", t(0));
    const withdrawn = await seedEntry(withProfiling, { confirmed: true });
    await record(withdrawn, "GRANT", t(0));
    await record(withdrawn, "CONFIRM", t(5));
    await record(withdrawn, "WITHDRAW", t(9));
    const never = await seedEntry(withProfiling, { confirmed: true });
    const elsewhere = await seedEntry(plain, { confirmed: true });
    const all = [confirmed, ticked, withdrawn, never, elsewhere];
    await db.response.updateMany({ where: { id: { in: all.map((e) => e.response.id) } }, data: { rScore: 4, fScore: 4, mScore: 4, segment: "LOYAL" } });

    const dir = fs.readdirSync("prisma/migrations").find((d) => d.endsWith("_profiling_purpose_and_parental_consent"))!;
    const sql = fs.readFileSync(path.join("prisma/migrations", dir, "migration.sql"), "utf8");
    const data = sql.slice(sql.indexOf("-- Existing campaigns"));
    const sqlite = new Database(process.env.DATABASE_URL!.replace(/^file:/, ""));
    try {
      sqlite.exec(data);
    } finally {
      sqlite.close();
    }
    expect((await db.purpose.findUniqueOrThrow({ where: { id: profiling.id } })).isProfiling).toBe(true);
    expect((await db.purpose.findUniqueOrThrow({ where: { id: withProfiling.purpose.id } })).isProfiling).toBe(false);
    const segments = new Map((await db.response.findMany({ where: { id: { in: all.map((e) => e.response.id) } }, select: { id: true, segment: true, rScore: true } })).map((r) => [r.id, r]));
    expect(segments.get(confirmed.response.id)).toEqual({ id: confirmed.response.id, segment: "LOYAL", rScore: 4 });
    for (const gone of [ticked, withdrawn, never]) expect(segments.get(gone.response.id)).toEqual({ id: gone.response.id, segment: null, rScore: null });
    // A campaign without a profiling purpose keeps its scores (legitimate interest, stated in its notice).
    expect(segments.get(elsewhere.response.id)!.segment).toBe("LOYAL");
  });
});
