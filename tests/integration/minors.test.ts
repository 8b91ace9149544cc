import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import { Invalid } from "@/lib/errors";
import type { Member } from "@/lib/auth/session";
import type { CampaignDefinitionInput } from "@/lib/campaigns/definition";

// Below 15, a child's marketing boxes count only once a parent agrees from the
// parent's own address; a minor's birth date never leaves in an export.

useFreshDatabase();

let owner: Member;
let campaignId: string;
let slug: string;
let ids: { email: string; firstName: string; birth: string; purpose: string };
const meta = { userAgent: "vitest-parent", ipHash: () => "parent-ip" };

const yearsAgo = (years: number) => {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years, d.getMonth(), d.getDate() - 10);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  const { createAccount } = await import("@/lib/auth/sign-up");
  const { createCampaign, getBuilderData, saveCampaignDefinition, publishCampaign, getCampaignForMember } = await import("@/lib/campaigns/queries");
  const { campaignDefinitionSchema } = await import("@/lib/campaigns/definition");
  const { toZonedInput } = await import("@/lib/time-zone");
  const { db } = await import("@/lib/db");
  const a = await createAccount({ name: "M", organisationName: "Jeux Kids", email: "owner-minors@example.test", password: "x".repeat(12) });
  owner = { userId: a.userId, email: "owner-minors@example.test", name: "M", organisationId: a.organisationId, organisationName: "Jeux Kids", role: "OWNER" };
  campaignId = (await createCampaign(owner, { kind: "LEAD_MAGNET", title: "Free colouring book" })).id;
  const { values } = await getBuilderData(owner, campaignId);
  const definition: CampaignDefinitionInput = {
    ...values,
    locale: "en",
    opensAt: toZonedInput(new Date(Date.now() - 3_600_000), values.timeZone),
    rewardUrl: "https://example.test/colouring.pdf",
    minorPolicy: "PARENTAL_CONSENT",
    sections: [
      {
        title: "",
        questions: [
          { type: "FIRST_NAME", label: "First name", required: true },
          { type: "EMAIL", label: "E-mail", required: true },
          { type: "BIRTH_DATE", label: "Date of birth", required: true },
        ],
      },
    ],
    purposes: [{ wording: "Receive our news and offers by e-mail", isRecontact: true, isProfiling: false }],
  };
  await saveCampaignDefinition(owner, campaignId, campaignDefinitionSchema.parse(definition));
  await publishCampaign(owner, campaignId);
  slug = (await getCampaignForMember(owner, campaignId)).slug;
  const questions = await db.question.findMany({ where: { campaignId } });
  const byType = (t: string) => questions.find((q) => q.type === t)!.id;
  ids = { email: byType("EMAIL"), firstName: byType("FIRST_NAME"), birth: byType("BIRTH_DATE"), purpose: (await db.purpose.findFirstOrThrow({ where: { campaignId } })).id };
});

async function enter(email: string, firstName: string, birthDate: string, extra: Record<string, unknown> = {}) {
  const { submitResponse } = await import("@/lib/submission/submit");
  const { db } = await import("@/lib/db");
  const { responseId } = await submitResponse(
    { slug, data: { answers: { [ids.email]: email, [ids.firstName]: firstName, [ids.birth]: birthDate }, consents: { [ids.purpose]: true }, ...extra } },
    { fillMs: 5000 },
  );
  const response = await db.response.findUniqueOrThrow({ where: { id: responseId } });
  return { responseId, contactId: response.contactId! };
}

async function linkIn(to: string, kind: string, path: "/c/" | "/c/parent/") {
  const { db } = await import("@/lib/db");
  const mail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: to, kind }, orderBy: { createdAt: "desc" } });
  const match = new RegExp(`${path.replace(/\//g, "\\/")}([A-Za-z0-9_-]+)`).exec(mail.text);
  return { mail, token: decodeURIComponent(match![1]!) };
}

async function exported() {
  const { planExport, exportRows } = await import("@/lib/export/queries");
  const { csvText } = await import("@/lib/export/cells");
  const plan = await planExport(owner.organisationId, campaignId, { preset: "purpose", purposeId: ids.purpose });
  const keys = plan.columns.map((c) => c.key);
  const rows = new Map<string, Record<string, string>>();
  for await (const batch of exportRows(plan)) for (const typed of batch) {
    // As a CRM reads the file: each typed cell in words.
    const cells = typed.map((cell) => csvText(cell, "Europe/Paris", "crm"));
    rows.set(cells[0]!, Object.fromEntries(keys.map((k, i) => [k, cells[i]!])));
  }
  return rows;
}

describe("a child's entry in a campaign asking for parental consent", () => {
  it("refuses the child's own box as a parent's agreement, and the child's own address as the parent's", async () => {
    await expect(enter("lea@example.test", "Léa", yearsAgo(12), { parentalConsent: true })).rejects.toThrow(Invalid);
    await expect(enter("lea@example.test", "Léa", yearsAgo(12), { parentEmail: "LEA@example.test" })).rejects.toThrow(Invalid);
  });

  it("is not exportable until the parent confirms from their own mail; then it is, without the birth date", async () => {
    const { db } = await import("@/lib/db");
    const { confirmOptIn } = await import("@/lib/optin/confirm");
    const { inspectParentalConsent, confirmParentalConsent } = await import("@/lib/minors/parental");
    const child = await enter("tom@example.test", "Tom", yearsAgo(12), { parentEmail: "Parent.Of.Tom@example.test" });

    // The box the child ticked is no consent: nothing in the ledger yet.
    expect(await db.consentRecord.count({ where: { contactId: child.contactId } })).toBe(0);
    // A separate mail to the parent names the child's entry.
    const parental = await linkIn("parent.of.tom@example.test", "optin.parental", "/c/parent/");
    expect(parental.mail.text).toContain("Tom");
    expect(parental.mail.text).toContain("Free colouring book");
    expect(parental.mail.text).toContain("Receive our news and offers by e-mail");

    // The child confirms their own address: still not exportable.
    const own = await linkIn("tom@example.test", "optin.confirmation", "/c/");
    expect((await confirmOptIn(own.token, { userAgent: "child", ipHash: () => "x" })).state).toBe("confirmed");
    expect((await exported()).has("tom@example.test")).toBe(false);

    // Opening the parent's link agrees to nothing.
    const view = await inspectParentalConsent(parental.token);
    expect(view).toMatchObject({ state: "valid", childFirstName: "Tom", purposes: ["Receive our news and offers by e-mail"] });
    expect(await db.consentRecord.count({ where: { contactId: child.contactId } })).toBe(0);

    // The parent agrees: GRANT (and CONFIRM, the entry being confirmed) with the parent's method and request.
    expect((await confirmParentalConsent(parental.token, meta)).state).toBe("confirmed");
    const records = await db.consentRecord.findMany({ where: { contactId: child.contactId }, orderBy: { action: "asc" } });
    expect(records.map((r) => [r.action, r.method, r.userAgent])).toEqual([
      ["CONFIRM", "PARENTAL_OPT_IN", "vitest-parent"],
      ["GRANT", "PARENTAL_OPT_IN", "vitest-parent"],
    ]);
    expect((await db.response.findUniqueOrThrow({ where: { id: child.responseId } })).parentalConsent).toBe(true);
    expect((await confirmParentalConsent(parental.token, meta)).state).toBe("used");

    const row = (await exported()).get("tom@example.test");
    expect(row).toBeDefined();
    expect(row![`q:${ids.birth}`]).toBe("");
    expect(JSON.stringify(row)).not.toContain(yearsAgo(12));
  });

  it("counts when the parent agrees before the child confirms their address", async () => {
    const { confirmOptIn } = await import("@/lib/optin/confirm");
    const { confirmParentalConsent } = await import("@/lib/minors/parental");
    await enter("zoe@example.test", "Zoé", yearsAgo(13), { parentEmail: "mum.of.zoe@example.test" });
    const parental = await linkIn("mum.of.zoe@example.test", "optin.parental", "/c/parent/");
    expect((await confirmParentalConsent(parental.token, meta)).state).toBe("confirmed");
    expect((await exported()).has("zoe@example.test")).toBe(false);
    const own = await linkIn("zoe@example.test", "optin.confirmation", "/c/");
    expect((await confirmOptIn(own.token, { userAgent: "child", ipHash: () => "x" })).state).toBe("confirmed");
    expect((await exported()).get("zoe@example.test")![`q:${ids.birth}`]).toBe("");
  });

  it("keeps an adult's birth date in the export, and asks no parent", async () => {
    const { db } = await import("@/lib/db");
    const { confirmOptIn } = await import("@/lib/optin/confirm");
    const born = yearsAgo(30);
    await enter("adulte@example.test", "Ana", born);
    expect(await db.outboxMail.count({ where: { kind: "optin.parental", toAddress: { contains: "adulte" } } })).toBe(0);
    const own = await linkIn("adulte@example.test", "optin.confirmation", "/c/");
    await confirmOptIn(own.token, { userAgent: "adult", ipHash: () => "x" });
    expect((await exported()).get("adulte@example.test")![`q:${ids.birth}`]).toBe(born);
  });

  it("leaves out a 16-year-old's birth date too (a minor), though no parent is asked", async () => {
    const { confirmOptIn } = await import("@/lib/optin/confirm");
    await enter("ado@example.test", "Max", yearsAgo(16));
    const own = await linkIn("ado@example.test", "optin.confirmation", "/c/");
    await confirmOptIn(own.token, { userAgent: "teen", ipHash: () => "x" });
    expect((await exported()).get("ado@example.test")![`q:${ids.birth}`]).toBe("");
  });

  it("forgets the parent's address when the child's data is erased", async () => {
    const { db } = await import("@/lib/db");
    const { eraseContact } = await import("@/lib/rights/queries");
    const child = await enter("erase-me@example.test", "Léo", yearsAgo(11), { parentEmail: "dad.of.leo@example.test" });
    expect(await db.parentalConsent.count({ where: { responseId: child.responseId } })).toBe(1);
    await eraseContact(owner.organisationId, child.contactId, "PREFERENCE_CENTRE", { userId: null, label: "RESPONDENT" });
    expect(await db.parentalConsent.count({ where: { responseId: child.responseId } })).toBe(0);
    expect(await db.outboxMail.count({ where: { toAddress: "dad.of.leo@example.test", status: { in: ["QUEUED", "KEPT"] } } })).toBe(0);
  });
});
