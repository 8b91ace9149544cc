import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase as freshDatabase } from "../test-db";
import { seedCampaign, seedOrganisation } from "./consent-fixtures";

freshDatabase();

const SAME_ORIGIN = { origin: "http://localhost", host: "localhost", "content-type": "application/json" };

async function submit(slug: string, body: BodyInit, headers: Record<string, string> = SAME_ORIGIN) {
  const { POST } = await import("@/app/api/f/[slug]/submit/route");
  const { NextRequest } = await import("next/server");
  const response = await POST(new NextRequest(`http://localhost/api/f/${slug}/submit`, { method: "POST", body, headers }), { params: Promise.resolve({ slug }) });
  return { status: response.status, error: ((await response.json()) as { error?: string }).error };
}

async function footprint() {
  const { db } = await import("@/lib/db");
  return [await db.response.count(), await db.contact.count(), await db.consentRecord.count(), await db.optInToken.count(), await db.outboxMail.count()];
}

describe("the submit endpoint refuses a bad body before reading it whole, in the form's language", () => {
  let fr = "";
  let en = "";
  beforeAll(async () => {
    const { db } = await import("@/lib/db");
    const org = await seedOrganisation("Submit");
    fr = (await seedCampaign(org.id)).campaign.slug;
    const english = (await seedCampaign(org.id)).campaign;
    await db.campaign.update({ where: { id: english.id }, data: { locale: "en" } });
    en = english.slug;
  });

  it("answers 413, 400 and 415 with the real message, and writes nothing", async () => {
    const before = await footprint();
    const huge = JSON.stringify({ answers: { q: "a".repeat(100 * 1024) } });
    expect(await submit(fr, huge)).toEqual({ status: 413, error: "Cette requête est trop volumineuse." });
    expect(await submit(en, huge)).toEqual({ status: 413, error: "This request is too large." });
    expect(await submit(en, '{"answers": {')).toEqual({ status: 400, error: "Unreadable request: the content sent is not valid JSON." });
    expect(await submit(en, new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]))).toMatchObject({ status: 400 });
    expect(await submit(fr, "answers=x", { ...SAME_ORIGIN, "content-type": "application/x-www-form-urlencoded" })).toMatchObject({ status: 415, error: expect.stringMatching(/JSON/) });
    expect(await submit(en, "{}", { ...SAME_ORIGIN, origin: "https://evil.example" })).toEqual({ status: 403, error: "Request refused: it does not come from the form's page." });
    expect(await footprint()).toEqual(before);
  });
});
