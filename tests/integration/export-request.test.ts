import { beforeAll, describe, expect, it, vi } from "vitest";
import { useFreshDatabase } from "../test-db";

// Both export routes go through lib/export/request.ts: the role that may export,
// the refusal of a download another site asks for, and the query read with blanks as absent.

useFreshDatabase();

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", () => ({ getServerSession: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }), headers: async () => new Headers() }));
vi.mock("next-intl/server", () => ({ getLocale: async () => "fr" }));

let campaignId = "";
let purposeId = "";
const users = { editor: "", viewer: "" };

beforeAll(async () => {
  const { db } = await import("@/lib/db");
  const { seedCampaign, seedEntry, seedOrganisation } = await import("./consent-fixtures");
  const org = await seedOrganisation("Export");
  const seeded = await seedCampaign(org.id);
  await seedEntry(seeded, { confirmed: true });
  campaignId = seeded.campaign.id;
  purposeId = seeded.purpose.id;
  for (const role of ["EDITOR", "VIEWER"] as const) {
    const user = await db.user.create({ data: { email: `${role.toLowerCase()}@export.test`, name: role, passwordHash: "x" } });
    await db.membership.create({ data: { userId: user.id, organisationId: org.id, role } });
    users[role === "EDITOR" ? "editor" : "viewer"] = user.id;
  }
});

const routes = {
  leads: async (query: string, headers?: HeadersInit) => {
    const { GET } = await import("@/app/api/campaigns/[id]/export/route");
    return GET(new Request(`http://localhost/api/campaigns/${campaignId}/export?${query}`, { headers }), { params: Promise.resolve({ id: campaignId }) });
  },
  analysis: async (query: string, headers?: HeadersInit) => {
    const { GET } = await import("@/app/api/campaigns/[id]/export/analysis/route");
    return GET(new Request(`http://localhost/api/campaigns/${campaignId}/export/analysis?${query}`, { headers }), { params: Promise.resolve({ id: campaignId }) });
  },
};
const goodQuery = { leads: () => `preset=purpose&purposeId=${purposeId}&segment=&separator=&format=&target=`, analysis: () => "format=&separator=&target=" };

describe.each(["leads", "analysis"] as const)("the %s export route", (name) => {
  it("answers the file to an editor, a blank field counting as absent (its default applies)", async () => {
    session.userId = users.editor;
    const response = await routes[name](goodQuery[name]());
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename=".+\.(csv|xlsx)"$/);
    await response.arrayBuffer();
  });

  it("refuses a viewer (403)", async () => {
    session.userId = users.viewer;
    expect((await routes[name](goodQuery[name]())).status).toBe(403);
  });

  it("refuses a download another site asks for, before writing anything (403)", async () => {
    session.userId = users.editor;
    const { db } = await import("@/lib/db");
    const audits = await db.auditLog.count();
    const response = await routes[name](goodQuery[name](), { "sec-fetch-site": "cross-site" });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toBeTruthy();
    expect(await db.auditLog.count()).toBe(audits);
    expect((await routes[name](goodQuery[name](), { "sec-fetch-site": "same-origin" })).status).toBe(200);
  });

  it("answers 422 with the field in error for a malformed query", async () => {
    session.userId = users.editor;
    const response = await routes[name](name === "leads" ? `preset=purpose&purposeId=${purposeId}&format=pdf` : "format=pdf");
    expect(response.status).toBe(422);
    expect(((await response.json()) as { fieldErrors?: Record<string, string> }).fieldErrors).toHaveProperty("format");
  });
});
