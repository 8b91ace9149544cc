import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import type { Member } from "@/lib/auth/session";
import { confirmLatest, enter, owner, publishedContest, type PublishedCampaign } from "./entry-fixtures";

useFreshDatabase();

const X = "xavier.durand@exemple.fr";

async function exportEmails(member: Member, campaignId: string, purposeId: string): Promise<string[]> {
  const { planExport, exportStream } = await import("@/lib/export/queries");
  const stream = exportStream(member, await planExport(member.organisationId, campaignId, { preset: "purpose", purposeId }));
  const text = new TextDecoder().decode(await new Response(stream).arrayBuffer());
  return (parse(text, { delimiter: ";", bom: true }) as string[][]).slice(1).map((r) => r[0]!);
}

/**
 * X enters campaign A, ticks its purpose and confirms. A third party then
 * enters X's address in campaign B of the same organisation as "Usurpateur",
 * ticks B's purpose and never confirms.
 */
describe("an entry made with someone else's address", () => {
  let member: Member;
  let a: PublishedCampaign;
  let b: PublishedCampaign;
  let forgedId: string;
  let contactId: string;

  beforeAll(async () => {
    const { db } = await import("@/lib/db");
    member = await owner("owner@forged.test", "Poêles Durand");
    a = await publishedContest(member, "Campagne A", "Recevoir les offres de la campagne A par e-mail");
    b = await publishedContest(member, "Campagne B", "Recevoir les offres de la campagne B par e-mail");
    await enter(a, { email: X, firstName: "Xavier", lastName: "Durand", birthDate: "1990-05-17" });
    expect((await confirmLatest(X)).state).toBe("confirmed");
    forgedId = (await enter(b, { email: X, firstName: "Usurpateur", birthDate: "1950-01-01" })).responseId;
    contactId = (await db.response.findUniqueOrThrow({ where: { id: forgedId } })).contactId!;
  });

  it("does not put X in the export of B's purpose, but keeps A's", async () => {
    expect(await exportEmails(member, b.campaignId, b.purposeId)).toEqual([]);
    expect(await exportEmails(member, a.campaignId, a.purposeId)).toEqual([X]);
  });

  it("does not count the forged consent in the leads filters", async () => {
    const { listLeads } = await import("@/lib/leads/queries");
    const { parseLeadFilters } = await import("@/lib/leads/filters");
    const f = (input: Record<string, string>) => parseLeadFilters(input);
    expect((await listLeads(member.organisationId, f({ purpose: b.purposeId }), b.campaignId)).total).toBe(0);
    expect((await listLeads(member.organisationId, f({ confirmed: "yes" }), b.campaignId)).total).toBe(0);
    const unconfirmed = await listLeads(member.organisationId, f({ confirmed: "no" }), b.campaignId);
    expect(unconfirmed.rows.map((r) => [r.email, r.confirmed])).toEqual([[X, false]]);
    expect((await listLeads(member.organisationId, f({ purpose: a.purposeId }), a.campaignId)).total).toBe(1);
  });

  it("does not count it in the analytics' consent rate", async () => {
    const { getAnalyticsCampaign, getDashboardData } = await import("@/lib/analytics/queries");
    const { filtersFromSearch } = await import("@/lib/analytics/filters");
    const rates = async (campaignId: string) => {
      const campaign = await getAnalyticsCampaign(member.organisationId, campaignId);
      return (await getDashboardData(campaign, filtersFromSearch({}, campaign.timeZone))).consents.map((c) => c.granted);
    };
    expect(await rates(b.campaignId)).toEqual([0]);
    expect(await rates(a.campaignId)).toEqual([1]);
  });

  it("does not make the unconfirmed entry eligible for B's draw", async () => {
    const { db } = await import("@/lib/db");
    const { eligibilityNow } = await import("@/lib/draw/queries");
    const report = await eligibilityNow(db, { id: b.campaignId, requireConfirmation: true });
    expect(report.eligibleIds).toEqual([]);
    expect(report.ineligible.unconfirmed).toBe(1);
  });

  it("shows the forged consent as pending in X's preference centre, the confirmed one as confirmed", async () => {
    const { contactCurrentConsents } = await import("@/lib/consent/queries");
    const consents = await contactCurrentConsents(member.organisationId, contactId);
    const byCampaign = Object.fromEntries(consents.map((c) => [c.campaign.id, { consenting: c.consenting, confirmed: c.confirmed }]));
    expect(byCampaign[a.campaignId]).toEqual({ consenting: true, confirmed: true });
    expect(byCampaign[b.campaignId]).toEqual({ consenting: true, confirmed: false });
  });

  it("keeps X's identity: the unconfirmed entry's details stay on the entry", async () => {
    const { db } = await import("@/lib/db");
    const contact = await db.contact.findUniqueOrThrow({ where: { id: contactId } });
    expect(contact).toMatchObject({ firstName: "Xavier", lastName: "Durand", birthDate: "1990-05-17" });
    const forged = await db.response.findUniqueOrThrow({ where: { id: forgedId } });
    expect(JSON.parse(forged.data)).toMatchObject({ [b.byType("FIRST_NAME").id]: "Usurpateur", [b.byType("BIRTH_DATE").id]: "1950-01-01" });
  });

  it("greets X with the confirmed name in the mail the forged entry triggers", async () => {
    const { db } = await import("@/lib/db");
    const mail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: X, kind: "optin.confirmation" }, orderBy: { createdAt: "desc" } });
    expect(mail.subject).toContain("Campagne B");
    expect(mail.text).toContain("Bonjour Xavier,");
    expect(mail.text + mail.html).not.toContain("Usurpateur");
  });

  it("greets the winner of A with the confirmed name", async () => {
    const { db } = await import("@/lib/db");
    const { closeCampaignNow } = await import("@/lib/campaigns/queries");
    const { performDraw } = await import("@/lib/draw/queries");
    const { notifyWinners } = await import("@/lib/draw/notify");
    await closeCampaignNow(member, a.campaignId);
    const { drawId } = await performDraw(member, a.campaignId);
    expect(await notifyWinners(member, a.campaignId, drawId)).toBe(1);
    const mail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: X, kind: "draw.winner" } });
    expect(mail.text).toContain("Bonjour Xavier,");
    expect(mail.text + mail.html).not.toContain("Usurpateur");
  });

  it("a new address: the first entry's details are stored, but no mail greets with them before a confirmation", async () => {
    const { db } = await import("@/lib/db");
    const Y = "yvonne@exemple.fr";
    await enter(b, { email: Y, firstName: "Usurpateur", phone: "0600000000", birthDate: "1950-01-01" });
    const created = await db.contact.findFirstOrThrow({ where: { organisationId: member.organisationId, email: Y } });
    expect(created).toMatchObject({ firstName: "Usurpateur", emailConfirmedAt: null });
    const first = await db.outboxMail.findFirstOrThrow({ where: { toAddress: Y, kind: "optin.confirmation" } });
    expect(first.text).toContain("Bonjour,");
    expect(first.text).not.toContain("Usurpateur");
    // Y enters campaign C herself and confirms: her confirmed entry becomes the whole identity.
    const c = await publishedContest(member, "Campagne C", "Recevoir les offres de la campagne C par e-mail");
    await enter(c, { email: Y, firstName: "Yvonne", lastName: "Martin" });
    const second = await db.outboxMail.findFirstOrThrow({ where: { toAddress: Y, kind: "optin.confirmation" }, orderBy: { createdAt: "desc" } });
    expect(second.subject).toContain("Campagne C");
    expect(second.text).not.toContain("Usurpateur");
    expect(await db.contact.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ firstName: "Usurpateur" });
    expect((await confirmLatest(Y)).state).toBe("confirmed");
    expect(await db.contact.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ firstName: "Yvonne", lastName: "Martin", phone: "", birthDate: null });
  });

  it("counts B's consent once B's own entry is confirmed", async () => {
    expect((await confirmLatest(X)).state).toBe("confirmed");
    expect(await exportEmails(member, b.campaignId, b.purposeId)).toEqual([X]);
  });
});
