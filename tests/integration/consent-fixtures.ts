// Test-data factories for the consent, opt-in and rights tests. Import after useFreshDatabase().
import crypto from "node:crypto";

let seq = 0;
const uid = () => `${Date.now().toString(36)}${(seq += 1)}`;

export async function seedOrganisation(name = "Org") {
  const { db } = await import("@/lib/db");
  return db.organisation.create({
    data: { name, legalName: `${name} SAS`, address: "1 rue de la Paix, 75002 Paris", contactEmail: "contact@org.test", dpoName: "Dora DPO", dpoEmail: "dpo@org.test", salt: crypto.randomBytes(16).toString("hex") },
  });
}

export async function seedCampaign(organisationId: string, opts: { kind?: string; rewardUrl?: string; retentionMonths?: number; unconfirmedPurgeDays?: number } = {}) {
  const { db } = await import("@/lib/db");
  const campaign = await db.campaign.create({
    data: {
      organisationId,
      kind: opts.kind ?? "CONTEST",
      status: "PUBLISHED",
      title: `Jeu ${uid()}`,
      slug: `jeu-${uid()}`,
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 86_400_000),
      retentionMonths: opts.retentionMonths ?? 36,
      unconfirmedPurgeDays: opts.unconfirmedPurgeDays ?? 30,
      rewardUrl: opts.rewardUrl ?? "",
      recipients: "Service marketing",
    },
  });
  const wording = "Recevoir les offres commerciales par e-mail";
  const purpose = await db.purpose.create({ data: { campaignId: campaign.id, position: 0, isRecontact: true } });
  const version = await db.purposeVersion.create({
    data: { purposeId: purpose.id, version: 1, wording, hash: crypto.createHash("sha256").update(wording).digest("hex") },
  });
  return { campaign, purpose, version };
}

/** A contact with one accepted response granting the campaign's purpose (as the submission would write it). */
export async function seedEntry(
  seeded: Awaited<ReturnType<typeof seedCampaign>>,
  opts: { email?: string; submittedAt?: Date; confirmed?: boolean; grant?: boolean } = {},
) {
  const { db } = await import("@/lib/db");
  const { recordConsents } = await import("@/lib/consent/ledger");
  const organisationId = seeded.campaign.organisationId;
  const email = opts.email ?? `p-${uid()}@example.test`;
  const at = opts.submittedAt ?? new Date();
  const contact = await db.contact.create({
    data: { organisationId, email, firstName: "Paul", lastName: "Martin", phone: "0612345678", postalCode: "75011", lastInteractionAt: at, createdAt: at, emailConfirmedAt: opts.confirmed ? at : null },
  });
  const response = await db.response.create({
    data: { campaignId: seeded.campaign.id, contactId: contact.id, dedupeKey: email, submittedAt: at, confirmedAt: opts.confirmed ? at : null, data: JSON.stringify({ q: "J'adore les poêles" }) },
  });
  if (opts.grant !== false) {
    const record = {
      organisationId, contactId: contact.id, purposeId: seeded.purpose.id, purposeVersionId: seeded.version.id,
      wording: seeded.version.wording, wordingHash: seeded.version.hash, campaignId: seeded.campaign.id, responseId: response.id, utmSource: "qr",
    };
    await recordConsents(db, [{ ...record, action: "GRANT", method: "CHECKBOX", pageUrl: "https://example.test/f/x", createdAt: at }]);
    // A confirmed entry has its double opt-in in the ledger, as lib/optin/confirm.ts writes it.
    if (opts.confirmed) await recordConsents(db, [{ ...record, action: "CONFIRM", method: "DOUBLE_OPT_IN", pageUrl: "https://example.test/c", createdAt: at }]);
  }
  return { contact, response, email };
}
