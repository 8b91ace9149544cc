import { beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import { seedCampaign, seedOrganisation } from "./consent-fixtures";

useFreshDatabase();
// Read when the route's module loads: three counted views per address and minute.
process.env.AIMANT_VIEW_IP_LIMIT = "3";

async function start(slug: string, query = "", ip = "203.0.113.7") {
  const { GET } = await import("@/app/api/f/[slug]/start/route");
  const { NextRequest } = await import("next/server");
  const response = await GET(new NextRequest(`http://localhost/api/f/${slug}/start${query}`, { headers: { "x-forwarded-for": ip } }), { params: Promise.resolve({ slug }) });
  return { status: response.status, cacheControl: response.headers.get("cache-control"), body: (await response.json()) as Record<string, unknown> };
}

async function views(campaignId: string) {
  const { db } = await import("@/lib/db");
  const { flushViews } = await import("@/lib/campaigns/views");
  await flushViews();
  const rows = await db.viewCount.findMany({ where: { campaignId }, orderBy: { utmSource: "asc" } });
  return Object.fromEntries(rows.map((r) => [r.utmSource, r.count]));
}

describe("GET /api/f/<slug>/start: the form's start token and its view", () => {
  let org = "";
  beforeAll(async () => {
    org = (await seedOrganisation("Start")).id;
  });

  it("answers an open form with exactly { startToken }, a token of this campaign signed now, never stored by a cache", async () => {
    const { campaign } = await seedCampaign(org);
    const { fillTimeMs } = await import("@/lib/submission/start-token");
    const before = Date.now();
    const answer = await start(campaign.slug);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body)).toEqual(["startToken"]);
    expect(answer.cacheControl).toBe("no-store");
    const token = answer.body.startToken as string;
    const fill = fillTimeMs(campaign.id, token);
    expect(fill).not.toBeNull();
    expect(fill!).toBeLessThanOrEqual(Date.now() - before);
    // A token of another campaign is no token for this one.
    const other = (await seedCampaign(org)).campaign;
    expect(fillTimeMs(other.id, token)).toBeNull();
  });

  it("counts one view per call by UTM source (no source: the empty one)", async () => {
    const { campaign } = await seedCampaign(org);
    await start(campaign.slug, "?utm_source=qr", "198.51.100.1");
    await start(campaign.slug, "?utm_source=qr&utm_medium=print", "198.51.100.2");
    await start(campaign.slug, "?utm_source=radio", "198.51.100.3");
    await start(campaign.slug, "", "198.51.100.4");
    expect(await views(campaign.id)).toEqual({ "": 1, qr: 2, radio: 1 });
  });

  it("still gives a token beyond an address's view limit, without counting more views (a crowd behind one address can enter)", async () => {
    const { campaign } = await seedCampaign(org);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await start(campaign.slug, "?utm_source=shop", "192.0.2.99"));
    expect(answers.every((a) => a.status === 200 && typeof a.body.startToken === "string")).toBe(true);
    expect(await views(campaign.id)).toEqual({ shop: 3 });
  });

  it("answers 404 for an unknown slug and a draft", async () => {
    const { db } = await import("@/lib/db");
    expect((await start("no-such-form")).status).toBe(404);
    const { campaign } = await seedCampaign(org);
    await db.campaign.update({ where: { id: campaign.id }, data: { status: "DRAFT" } });
    expect((await start(campaign.slug)).status).toBe(404);
  });

  it("answers 409 with the state, in the form's language, before the opening and after the closing, and counts nothing", async () => {
    const { db } = await import("@/lib/db");
    const later = (await seedCampaign(org)).campaign;
    await db.campaign.update({ where: { id: later.id }, data: { opensAt: new Date(Date.now() + 3_600_000) } });
    expect(await start(later.slug)).toMatchObject({ status: 409, cacheControl: "no-store", body: { state: "NOT_OPEN", error: "Ce formulaire n'est pas encore ouvert." } });

    const ended = (await seedCampaign(org)).campaign;
    await db.campaign.update({ where: { id: ended.id }, data: { closesAt: new Date(Date.now() - 1000), locale: "en" } });
    expect(await start(ended.slug)).toMatchObject({ status: 409, body: { state: "CLOSED", error: "This form is closed: entries are no longer accepted." } });

    const closedByHand = (await seedCampaign(org)).campaign;
    await db.campaign.update({ where: { id: closedByHand.id }, data: { closedManuallyAt: new Date() } });
    expect(await start(closedByHand.slug)).toMatchObject({ status: 409, body: { state: "CLOSED" } });

    const archived = (await seedCampaign(org)).campaign;
    await db.campaign.update({ where: { id: archived.id }, data: { status: "ARCHIVED", publishedAt: new Date() } });
    expect(await start(archived.slug)).toMatchObject({ status: 409, body: { state: "CLOSED" } });

    for (const c of [later, ended, closedByHand, archived]) expect(await views(c.id)).toEqual({});
  });
});

describe("the key of a cached form page", () => {
  const head = {
    id: "c1",
    status: "PUBLISHED",
    updatedAt: "2026-12-01T10:00:05.100Z",
    organisationUpdatedAt: "2026-12-01T09:00:00.000Z",
    opensAt: "2026-12-01T12:00:00.000Z",
    closesAt: "2026-12-02T12:00:00.000Z",
    closedManuallyAt: null,
    publishedAt: "2026-12-01T10:00:00.000Z",
  };

  it("changes at the exact opening and closing instants, and with every save, closing or archiving", async () => {
    const { formPageKey, stateOfFormPageKey } = await import("@/lib/submission/published-head");
    const at = (iso: string) => formPageKey(head, new Date(iso));
    expect(stateOfFormPageKey(at("2026-12-01T11:59:59.999Z"))).toBe("NOT_OPEN");
    expect(stateOfFormPageKey(at("2026-12-01T12:00:00.000Z"))).toBe("OPEN");
    expect(stateOfFormPageKey(at("2026-12-02T11:59:59.999Z"))).toBe("OPEN");
    expect(stateOfFormPageKey(at("2026-12-02T12:00:00.000Z"))).toBe("CLOSED");
    const open = at("2026-12-01T13:00:00.000Z");
    expect(at("2026-12-01T14:00:00.000Z")).toBe(open);
    const variants = [
      { ...head, updatedAt: "2026-12-01T10:00:05.900Z" },
      { ...head, organisationUpdatedAt: "2026-12-01T09:00:00.001Z" },
      { ...head, closedManuallyAt: "2026-12-01T15:00:00.000Z" },
      { ...head, status: "ARCHIVED" },
    ];
    for (const v of variants) expect(formPageKey(v, new Date("2026-12-01T13:00:00.000Z"))).not.toBe(open);
  });

  it("reads a state only from a key it made", async () => {
    const { stateOfFormPageKey } = await import("@/lib/submission/published-head");
    for (const key of ["", "OPEN", "1-2-3-OPENED", "1-2-OPEN", "a-2-3-OPEN", "1-2-3-CLOSED/x"]) expect(stateOfFormPageKey(key)).toBeNull();
    expect(stateOfFormPageKey("1-2-0-CLOSED")).toBe("CLOSED");
  });
});
