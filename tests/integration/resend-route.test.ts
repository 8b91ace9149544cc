import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase as freshDatabase } from "../test-db";
import { seedCampaign, seedEntry, seedOrganisation } from "./consent-fixtures";

freshDatabase();

const HEADERS = { origin: "http://localhost", host: "localhost", "content-type": "application/json" };

async function post(body: BodyInit, headers: Record<string, string> = {}) {
  const { POST } = await import("@/app/api/optin/resend/route");
  const response = await POST(new Request("http://localhost/api/optin/resend", { method: "POST", body, headers: { ...HEADERS, ...headers } }));
  return { status: response.status, body: (await response.json()) as { status?: string; error?: string } };
}

describe("the resend endpoint answers every request with its real message", () => {
  let contest: Awaited<ReturnType<typeof seedCampaign>>;
  beforeAll(async () => {
    contest = await seedCampaign((await seedOrganisation("Resend")).id);
  });

  it("refuses invalid JSON, a form-encoded body, an over-long or forged reference with their status and a French message", async () => {
    const { signValue } = await import("@/lib/crypto/sign");
    const cases: Array<[string, BodyInit, number, RegExp, Record<string, string>?]> = [
      ["invalid JSON", '{"r": ', 400, /Requête illisible/],
      ["form-encoded", "r=abc", 415, /envoyez du JSON/, { "content-type": "application/x-www-form-urlencoded" }],
      ["10k-character reference", JSON.stringify({ r: "x".repeat(10_000) }), 413, /trop volumineuse/],
      ["forged reference", JSON.stringify({ r: `${"c".repeat(25)}.${"A".repeat(32)}` }), 422, /lien de renvoi n'est pas valable/],
      ["reference signed for another use", JSON.stringify({ r: signValue("prefs", "some-id") }), 422, /lien de renvoi n'est pas valable/],
      ["no reference", JSON.stringify({}), 422, /lien de renvoi n'est pas valable/],
      ["a number", JSON.stringify({ r: 5 }), 422, /lien de renvoi n'est pas valable/],
    ];
    for (const [label, body, status, message, headers] of cases) {
      const answer = await post(body, headers);
      expect(answer.status, label).toBe(status);
      expect(answer.body.error, label).toMatch(message);
    }
  });

  it("answers a rejected entry exactly like a real one, limit included, and sends it nothing", async () => {
    const { db } = await import("@/lib/db");
    const { signValue } = await import("@/lib/crypto/sign");
    const { issueConfirmation, mailSenderOf } = await import("@/lib/optin/start");
    const { writeTransaction } = await import("@/lib/db");
    // A real entry, with its original confirmation mail, as the submission leaves it.
    const real = await seedEntry(contest);
    const sender = await mailSenderOf(contest.campaign.id, contest.campaign.organisationId);
    await writeTransaction((sql) =>
      issueConfirmation(sql, { organisationId: contest.campaign.organisationId, campaignId: contest.campaign.id, contactId: real.contact.id, responseId: real.response.id, email: real.email, purposes: [], locale: "fr" }, sender, new Date()),
    );
    // A bot's entry: kept as REJECTED, no contact, nothing else.
    const bot = await db.response.create({ data: { campaignId: contest.campaign.id, status: "REJECTED", rejectReason: "honeypot", data: JSON.stringify({}) } });
    const answers = async (responseId: string) => {
      const out: Array<[number, string | undefined]> = [];
      for (let i = 0; i < 5; i++) {
        const { status, body } = await post(JSON.stringify({ r: signValue("thanks", responseId) }));
        out.push([status, body.status ?? body.error]);
      }
      return out;
    };
    const realAnswers = await answers(real.response.id);
    expect(realAnswers.map(([s]) => s)).toEqual([200, 200, 200, 429, 429]);
    const mailsBefore = await db.outboxMail.count();
    expect(await answers(bot.id)).toEqual(realAnswers);
    expect(await db.outboxMail.count()).toBe(mailsBefore);
    expect(realAnswers[3]![1]).toMatch(/3 renvois/);
    expect(await db.optInToken.count({ where: { responseId: bot.id } })).toBe(0);
    // A repeat entry stored nothing: its reference names no row, and it is answered the same way too.
    const { thanksToken } = await import("@/lib/submission/thanks-reference");
    const repeat = thanksToken("c-never-stored-0000000000", real.email);
    const repeatAnswers: Array<[number, string | undefined]> = [];
    for (let i = 0; i < 5; i++) {
      const { status, body } = await post(JSON.stringify({ r: repeat }));
      repeatAnswers.push([status, body.status ?? body.error]);
    }
    expect(repeatAnswers).toEqual(realAnswers);
    expect(await db.outboxMail.count()).toBe(mailsBefore);
  });
});
