// Seeds a closed contest with many entries for the draw and export bench:
// contacts, responses and consent records bulk-inserted through better-sqlite3
// prepared statements in one transaction per table (SQLite-specific on purpose:
// the bench measures reading and drawing, seeding only has to be fast). The
// few structural rows (organisation, campaign, questions, purposes) go through
// Prisma like the app writes them.
import crypto from "node:crypto";
import Database from "better-sqlite3";

/** Prisma's SQLite adapter writes DateTime as ISO text with "+00:00"; raw inserts must match it. */
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** A small deterministic PRNG (mulberry32), so every run seeds the same people. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ["Camille", "Léa", "Hugo", "Manon", "Louis", "Chloé", "Jules", "Inès", "Gabriel", "Zoé", "Arthur", "Élodie"];
const LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Lefèvre", "Garnier"];
const SEGMENTS = ["CHAMPIONS", "LOYAL", "POTENTIAL_LOYALISTS", "NEW", "PROMISING", "NEEDS_ATTENTION", "AT_RISK", "HIBERNATING", "LOST"];
const WISHES = ["Moins de bruit", "Une facture plus légère", "Un poêle facile à programmer", "=SOMME(A1:A9)", "Chaleur douce, \"vraiment\" ; sans odeur"];

export type DrawExportCampaign = { organisationId: string; campaignId: string; userId: string; entries: number; seconds: number };

/**
 * A contest of `entries` entries, closed, with a recontact purpose: about 96 %
 * of the entries are qualified losers-to-be (confirmed, consenting), the rest
 * unconfirmed, withdrawn or never consenting.
 */
export async function seedDrawExportCampaign(file: string, entries: number, tag: string): Promise<DrawExportCampaign> {
  const started = performance.now();
  const { db } = await import("@/lib/db");
  const { createAccount } = await import("@/lib/auth/sign-up");
  const account = await createAccount({ name: "Bench", organisationName: `Bench ${tag}`, email: `bench-${tag}@bench.test`, password: "x".repeat(12) });
  const day = 86_400_000;
  const now = Date.now();
  const campaign = await db.campaign.create({
    data: {
      organisationId: account.organisationId,
      kind: "CONTEST",
      status: "PUBLISHED",
      title: `Bench ${tag}`,
      slug: `bench-${tag}-${crypto.randomBytes(3).toString("hex")}`,
      opensAt: new Date(now - 30 * day),
      closesAt: new Date(now - day),
      retentionMonths: 36,
      winnersCount: 3,
      alternatesCount: 5,
      sections: { create: { position: 0 } },
    },
    include: { sections: true },
  });
  const sectionId = campaign.sections[0]!.id;
  const heating = await db.question.create({
    data: { campaignId: campaign.id, sectionId, position: 0, type: "SINGLE_CHOICE", label: "Mode de chauffage actuel", options: { create: ["Bois", "Granulés", "Fioul", "Gaz"].map((label, position) => ({ label, position })) } },
    include: { options: true },
  });
  const wish = await db.question.create({ data: { campaignId: campaign.id, sectionId, position: 1, type: "LONG_TEXT", label: "Vos attentes" } });
  const purpose = await db.purpose.create({
    data: { campaignId: campaign.id, position: 0, isRecontact: true, versions: { create: { version: 1, wording: "Recevoir les offres de Poêles Durand par e-mail", hash: "bench" } } },
    include: { versions: true },
  });
  const version = purpose.versions[0]!;

  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const rand = prng(entries);
  const insertContact = sqlite.prepare(
    `INSERT INTO "Contact" ("id","organisationId","email","emailConfirmedAt","firstName","lastName","phone","postalCode","lastInteractionAt","createdAt") VALUES (?,?,?,?,?,?,?,?,?,?)`,
  );
  const insertResponse = sqlite.prepare(
    `INSERT INTO "Response" ("id","campaignId","contactId","status","dedupeKey","submittedAt","confirmedAt","utmSource","rulesAcceptedAt","ageOk","rScore","fScore","mScore","segment","data") VALUES (?,?,?,?,?,?,?,?,?,1,?,?,?,?,?)`,
  );
  const insertConsent = sqlite.prepare(
    `INSERT INTO "ConsentRecord" ("id","organisationId","contactId","purposeId","purposeVersionId","wording","wordingHash","action","method","campaignId","responseId","createdAt") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const sources = ["qr", "facebook", "newsletter", ""];
  const rows = Array.from({ length: entries }, (_, i) => {
    const at = now - 29 * day + Math.floor((i / entries) * 27 * day);
    const roll = rand();
    return {
      i,
      contactId: `bc${tag}${String(i).padStart(7, "0")}`,
      responseId: `br${tag}${String(i).padStart(7, "0")}`,
      email: `p${i}.${tag}@bench.test`,
      at,
      confirmed: roll >= 0.02,
      consent: roll < 0.03 ? "WITHDRAWN" : roll < 0.04 ? "NONE" : "GRANTED",
    };
  });
  sqlite.transaction(() => {
    for (const r of rows) {
      insertContact.run(r.contactId, account.organisationId, r.email, r.confirmed ? iso(r.at + 60_000) : null, FIRST[r.i % FIRST.length]!, LAST[(r.i * 7) % LAST.length]!, "+33612345678", "69003", iso(r.at), iso(r.at));
    }
  })();
  sqlite.transaction(() => {
    for (const r of rows) {
      const data = JSON.stringify({ [heating.id]: heating.options[r.i % 4]!.id, [wish.id]: WISHES[r.i % WISHES.length] });
      const score = () => 1 + Math.floor(rand() * 5);
      insertResponse.run(r.responseId, campaign.id, r.contactId, "ACCEPTED", r.email, iso(r.at), r.confirmed ? iso(r.at + 60_000) : null, sources[r.i % 4]!, iso(r.at), score(), score(), score(), SEGMENTS[r.i % SEGMENTS.length]!, data);
    }
  })();
  sqlite.transaction(() => {
    let n = 0;
    const record = (r: (typeof rows)[number], action: string, method: string, offset: number) =>
      insertConsent.run(`bk${tag}${String(n++).padStart(8, "0")}`, account.organisationId, r.contactId, purpose.id, version.id, version.wording, version.hash, action, method, campaign.id, r.responseId, iso(r.at + offset));
    for (const r of rows) {
      if (r.consent === "NONE") continue;
      record(r, "GRANT", "CHECKBOX", 0);
      if (r.confirmed) record(r, "CONFIRM", "DOUBLE_OPT_IN", 60_000);
      if (r.consent === "WITHDRAWN") record(r, "WITHDRAW", "PREFERENCE_CENTRE", 120_000);
    }
  })();
  sqlite.close();
  return { organisationId: account.organisationId, campaignId: campaign.id, userId: account.userId, entries, seconds: (performance.now() - started) / 1000 };
}
