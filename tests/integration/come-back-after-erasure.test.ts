import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import type { Member } from "@/lib/auth/session";
import { confirmLatest, enter, owner, publishedContest, type PublishedCampaign } from "./entry-fixtures";

useFreshDatabase();

const X = "camille.retour@exemple.fr";

async function exportEmails(member: Member, campaignId: string, purposeId: string): Promise<string[]> {
  const { planExport, exportStream } = await import("@/lib/export/queries");
  const stream = exportStream(member, await planExport(member.organisationId, campaignId, { preset: "purpose", purposeId }));
  const text = new TextDecoder().decode(await new Response(stream).arrayBuffer());
  return (parse(text, { delimiter: ";", bom: true }) as string[][]).slice(1).map((r) => r[0]!);
}

async function contactOf(email: string) {
  const { db } = await import("@/lib/db");
  const member = await db.contact.findFirstOrThrow({ where: { email }, select: { id: true, organisationId: true } });
  return member;
}

/** SPEC "Coming back after erasure": accepted; a new confirmed consent lifts the suppression for its purpose, in the ledger. */
describe("coming back after erasure", () => {
  let member: Member;
  let a: PublishedCampaign;
  let b: PublishedCampaign;

  beforeAll(async () => {
    member = await owner("owner@retour.test", "Retour SAS");
    a = await publishedContest(member, "Campagne A", "Recevoir les offres de la campagne A");
    b = await publishedContest(member, "Campagne B", "Recevoir les offres de la campagne B");
    await enter(a, { email: X, firstName: "Camille" });
    expect((await confirmLatest(X)).state).toBe("confirmed");
    const { eraseContact } = await import("@/lib/rights/queries");
    const first = await contactOf(X);
    await eraseContact(first.organisationId, first.id, "PREFERENCE_CENTRE", { userId: null, label: "RESPONDENT" });
    expect(await exportEmails(member, a.campaignId, a.purposeId)).toEqual([]);
  });

  it("accepts the new entry; once confirmed, its consent is exported and the lift is in the ledger", async () => {
    const { db } = await import("@/lib/db");
    const { suppressionHash } = await import("@/lib/rights/suppression");
    const entry = await enter(b, { email: X, firstName: "Camille" });
    expect(entry.status).toBe("ACCEPTED");
    // Not before the confirmation.
    expect(await exportEmails(member, b.campaignId, b.purposeId)).toEqual([]);
    expect((await confirmLatest(X)).state).toBe("confirmed");
    expect(await exportEmails(member, b.campaignId, b.purposeId)).toEqual([X]);
    // The suppression was lifted for B's purpose only: A's old consent stays erased.
    expect(await exportEmails(member, a.campaignId, a.purposeId)).toEqual([]);
    const org = await db.organisation.findUniqueOrThrow({ where: { id: member.organisationId }, select: { salt: true } });
    const hash = suppressionHash(org.salt, X);
    const lift = await db.consentRecord.findFirstOrThrow({ where: { organisationId: member.organisationId, purposeId: b.purposeId, action: "CONFIRM", subjectHash: hash } });
    expect(lift).toMatchObject({ method: "DOUBLE_OPT_IN", responseId: entry.responseId });
    expect(await db.auditLog.count({ where: { organisationId: member.organisationId, action: "suppression.lift" } })).toBe(1);
    // The address is still on the suppression list (other purposes, imports).
    expect(await db.suppression.count({ where: { organisationId: member.organisationId, emailHash: hash } })).toBe(1);
  });

  it("erasing again suppresses again: the earlier lift no longer counts", async () => {
    const { db } = await import("@/lib/db");
    const { eraseContact } = await import("@/lib/rights/queries");
    const { suppressionBlocks } = await import("@/lib/rights/suppression");
    const org = { id: member.organisationId, salt: (await db.organisation.findUniqueOrThrow({ where: { id: member.organisationId } })).salt };
    expect((await suppressionBlocks(db, org, b.purposeId))(X)).toBe(false);
    expect((await suppressionBlocks(db, org, a.purposeId))(X)).toBe(true);
    const again = await contactOf(X);
    await eraseContact(again.organisationId, again.id, "ADMIN", { userId: null, label: "owner" });
    expect((await suppressionBlocks(db, org, b.purposeId))(X)).toBe(true);
    // And the next return lifts it again.
    await enter(b, { email: X, firstName: "Camille" });
    expect((await confirmLatest(X)).state).toBe("confirmed");
    expect(await exportEmails(member, b.campaignId, b.purposeId)).toEqual([X]);
  });
});
