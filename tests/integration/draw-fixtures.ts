import crypto from "node:crypto";
import type { Member } from "@/lib/auth/session";

type Person = {
  email: string;
  confirmed?: boolean;
  recontact?: "GRANT" | "GRANT_WITHDRAW" | "NONE";
  segment?: string;
  rScore?: number;
  utmSource?: string;
  ageOk?: boolean;
  status?: string;
  lastInteractionAt?: Date;
  firstName?: string;
};

/**
 * A closed contest of a fresh organisation with known entrants, written with
 * Prisma directly (the draw and export only read what the submission stores).
 */
export async function seedContest(name: string, people: Person[]) {
  const { db } = await import("@/lib/db");
  const { createAccount } = await import("@/lib/auth/sign-up");
  const account = await createAccount({ name, organisationName: `Org ${name}`, email: `${name}@owner.test`, password: "x".repeat(12) });
  const member: Member = { userId: account.userId, email: `${name}@owner.test`, name, organisationId: account.organisationId, organisationName: `Org ${name}`, role: "OWNER" };
  const day = 86_400_000;
  const campaign = await db.campaign.create({
    data: {
      organisationId: member.organisationId,
      kind: "CONTEST",
      status: "PUBLISHED",
      title: `Jeu ${name}`,
      slug: `jeu-${name}-${crypto.randomBytes(3).toString("hex")}`,
      opensAt: new Date(Date.now() - 10 * day),
      closesAt: new Date(Date.now() + 10 * day),
      retentionMonths: 36,
      winnersCount: 2,
      alternatesCount: 1,
      prize: "Un poêle",
      sections: { create: { position: 0, title: "" } },
    },
    include: { sections: true },
  });
  const sectionId = campaign.sections[0]!.id;
  const heating = await db.question.create({
    data: { campaignId: campaign.id, sectionId, position: 0, type: "SINGLE_CHOICE", label: "Chauffage actuel", options: { create: [{ position: 0, label: "Granulés" }, { position: 1, label: "Fioul" }] } },
    include: { options: true },
  });
  const wish = await db.question.create({ data: { campaignId: campaign.id, sectionId, position: 1, type: "LONG_TEXT", label: "Vos attentes" } });
  const recontact = await db.purpose.create({
    data: { campaignId: campaign.id, position: 0, isRecontact: true, versions: { create: { version: 1, wording: "Offres de la marque par e-mail", hash: "h1" } } },
    include: { versions: true },
  });
  const partners = await db.purpose.create({
    data: { campaignId: campaign.id, position: 1, versions: { create: { version: 1, wording: "Offres des partenaires", hash: "h2" } } },
    include: { versions: true },
  });
  const ids: Record<string, string> = {};
  const contacts: Record<string, string> = {};
  let minute = 0;
  for (const p of people) {
    minute++;
    const at = new Date(Date.now() - 5 * day + minute * 60_000);
    const contact = await db.contact.create({
      data: {
        organisationId: member.organisationId,
        email: p.email,
        firstName: p.firstName ?? p.email.split("@")[0]!,
        lastName: "Test",
        phone: "+33612345678",
        postalCode: "69003",
        emailConfirmedAt: p.confirmed === false ? null : at,
        lastInteractionAt: p.lastInteractionAt ?? at,
      },
    });
    const response = await db.response.create({
      data: {
        campaignId: campaign.id,
        contactId: contact.id,
        status: p.status ?? "ACCEPTED",
        dedupeKey: p.status === "REJECTED" ? null : p.email,
        submittedAt: at,
        confirmedAt: p.confirmed === false ? null : at,
        ageOk: p.ageOk ?? true,
        rulesAcceptedAt: at,
        utmSource: p.utmSource ?? "qr",
        segment: p.segment ?? "CHAMPIONS",
        rScore: p.rScore ?? 5,
        fScore: 4,
        mScore: 3,
        data: JSON.stringify({ [heating.id]: heating.options[0]!.id, [wish.id]: "=cmd|' /C calc'!A0" }),
      },
    });
    ids[p.email] = response.id;
    contacts[p.email] = contact.id;
    const consent = (action: string, purpose: typeof recontact, offset: number) => ({
      organisationId: member.organisationId,
      contactId: contact.id,
      purposeId: purpose.id,
      purposeVersionId: purpose.versions[0]!.id,
      wording: purpose.versions[0]!.wording,
      wordingHash: "h",
      action,
      method: action === "WITHDRAW" ? "PREFERENCE_CENTRE" : action === "CONFIRM" ? "DOUBLE_OPT_IN" : "CHECKBOX",
      campaignId: campaign.id,
      responseId: response.id,
      createdAt: new Date(at.getTime() + offset),
    });
    // A confirmed entry has its double opt-in in the ledger (lib/optin/confirm.ts), one CONFIRM per purpose it granted.
    const confirmed = p.confirmed !== false;
    const records = [consent("GRANT", partners, 0)];
    if (confirmed) records.push(consent("CONFIRM", partners, 1000));
    if (p.recontact !== "NONE") records.push(consent("GRANT", recontact, 0));
    if (p.recontact !== "NONE" && confirmed) records.push(consent("CONFIRM", recontact, 1000));
    if (p.recontact === "GRANT_WITHDRAW") records.push(consent("WITHDRAW", recontact, 60_000));
    await db.consentRecord.createMany({ data: records });
  }
  return { member, campaign, ids, contacts, recontactId: recontact.id, partnersId: partners.id, questions: { heating, wish } };
}
