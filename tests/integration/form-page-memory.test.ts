import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useFreshDatabase } from "../test-db";
import { seedCampaign, seedOrganisation } from "./consent-fixtures";

useFreshDatabase();

/**
 * The app as the proxy's memory asks it for a rendering (scripts/server.mjs publishes its address):
 * a server that answers each cached-rendering path with a page naming that path, and records what it was asked.
 */
const asked: Array<{ path: string; secretOk: boolean; secret: string }> = [];
let renderStatus = 200;
let server: http.Server;

beforeAll(async () => {
  const { isRenderRequest, RENDER_HEADER } = await import("@/lib/submission/form-page-memory");
  server = http.createServer((request, response) => {
    const headers = new Headers(Object.entries(request.headers).map(([k, v]) => [k, String(v)] as [string, string]));
    asked.push({ path: request.url!, secretOk: isRenderRequest(headers), secret: headers.get(RENDER_HEADER) ?? "" });
    response.writeHead(renderStatus, { "content-type": "text/html; charset=utf-8", "set-cookie": "NEXT_LOCALE=fr", link: "</_next/static/chunks/a.css>; rel=preload; as=\"style\"" });
    response.end(`<html><body>rendering of ${request.url}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  (globalThis as unknown as Record<symbol, string>)[Symbol.for("aimant.internalOrigin")] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  delete (globalThis as unknown as Record<symbol, string>)[Symbol.for("aimant.internalOrigin")];
  server.close();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const { proxy } = await import("@/proxy");
  const { NextRequest } = await import("next/server");
  return proxy(new NextRequest(`http://localhost${path}`, { headers }));
}

async function page(slug: string, headers: Record<string, string> = {}) {
  const response = await get(`/f/${slug}?utm_source=qr`, headers);
  return { response, text: await response.text() };
}

const renderingsOf = (slug: string) => asked.filter((a) => a.path.startsWith(`/f/${slug}/version/`)).map((a) => a.path);

describe("the form page served from memory by the proxy", () => {
  let org = "";
  beforeAll(async () => {
    org = (await seedOrganisation("Memory")).id;
  });

  it("renders a version once, with the process's secret, then serves it from memory: no store, no cookie", async () => {
    const { campaign } = await seedCampaign(org);
    const first = await page(campaign.slug);
    expect(first.response.status).toBe(200);
    expect(first.text).toMatch(new RegExp(`rendering of /f/${campaign.slug}/version/\\d+-\\d+-0-OPEN`));
    expect(first.response.headers.get("cache-control")).toContain("no-store");
    expect(first.response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(first.response.headers.get("set-cookie")).toBeNull();
    expect(first.response.headers.get("link")).toBe('</_next/static/chunks/a.css>; rel=preload; as="style"');
    for (let i = 0; i < 5; i++) expect((await page(campaign.slug)).text).toBe(first.text);
    expect(renderingsOf(campaign.slug)).toHaveLength(1);
    expect(asked.every((a) => a.secretOk)).toBe(true);
  });

  it("a crowd on a new version costs one rendering", async () => {
    const { campaign } = await seedCampaign(org);
    const crowd = await Promise.all(Array.from({ length: 30 }, () => page(campaign.slug)));
    expect(new Set(crowd.map((c) => c.text)).size).toBe(1);
    expect(renderingsOf(campaign.slug)).toHaveLength(1);
  });

  it("a save, a manual closing and an archiving show at once (a new rendering); two campaigns never share one", async () => {
    const { db } = await import("@/lib/db");
    const { campaign } = await seedCampaign(org);
    const other = (await seedCampaign(org)).campaign;
    const before = (await page(campaign.slug)).text;
    expect((await page(other.slug)).text).toContain(`/f/${other.slug}/version/`);

    await db.campaign.update({ where: { id: campaign.id }, data: { title: "Saved by the builder" } });
    const saved = (await page(campaign.slug)).text;
    expect(saved).not.toBe(before);
    expect(saved).toMatch(/-0-OPEN</);

    await db.organisation.update({ where: { id: org }, data: { name: "Memory renamed" } });
    const orgSaved = (await page(campaign.slug)).text;
    expect(orgSaved).not.toBe(saved);

    await db.campaign.update({ where: { id: campaign.id }, data: { closedManuallyAt: new Date() } });
    const closed = (await page(campaign.slug)).text;
    expect(closed).toMatch(/-CLOSED</);

    await db.campaign.update({ where: { id: campaign.id }, data: { status: "ARCHIVED", publishedAt: new Date() } });
    expect((await page(campaign.slug)).text).not.toBe(closed);
    expect(renderingsOf(campaign.slug)).toHaveLength(5);
    expect((await page(other.slug)).text).toContain(`/f/${other.slug}/version/`);
  });

  it("switches at the exact opening and closing instants, with no save", async () => {
    const { db } = await import("@/lib/db");
    const { campaign } = await seedCampaign(org);
    const opensAt = Date.now() + 400;
    await db.campaign.update({ where: { id: campaign.id }, data: { opensAt: new Date(opensAt), closesAt: new Date(opensAt + 400) } });
    expect((await page(campaign.slug)).text).toMatch(/-NOT_OPEN</);
    await new Promise((r) => setTimeout(r, opensAt - Date.now()));
    expect((await page(campaign.slug)).text).toMatch(/-OPEN</);
    await new Promise((r) => setTimeout(r, opensAt + 400 - Date.now()));
    expect((await page(campaign.slug)).text).toMatch(/-CLOSED</);
  });

  it("leaves client-side navigations (RSC), HEAD, drafts and unknown slugs to Next, and keeps no 404 rendering", async () => {
    const { db } = await import("@/lib/db");
    const { campaign } = await seedCampaign(org);
    const rsc = await get(`/f/${campaign.slug}`, { rsc: "1" });
    expect(rsc.headers.get("x-middleware-rewrite")).toMatch(new RegExp(`/f/${campaign.slug}/version/\\d+-\\d+-0-OPEN$`));
    const { proxy } = await import("@/proxy");
    const { NextRequest } = await import("next/server");
    const head = await proxy(new NextRequest(`http://localhost/f/${campaign.slug}`, { method: "HEAD" }));
    expect(head.headers.get("x-middleware-rewrite")).toContain(`/f/${campaign.slug}/version/`);
    expect(renderingsOf(campaign.slug)).toHaveLength(0);

    // A rendering that is not a 200 page (the campaign went away meanwhile) is not kept: the request goes to Next.
    renderStatus = 404;
    try {
      const gone = await get(`/f/${campaign.slug}`);
      expect(gone.headers.get("x-middleware-rewrite")).toContain(`/f/${campaign.slug}/version/`);
      await get(`/f/${campaign.slug}`);
      expect(renderingsOf(campaign.slug)).toHaveLength(2);
    } finally {
      renderStatus = 200;
    }

    await db.campaign.update({ where: { id: campaign.id }, data: { status: "DRAFT" } });
    expect((await get(`/f/${campaign.slug}`)).headers.get("x-middleware-rewrite")).toBeNull();
    expect((await get(`/f/no-such-form`)).headers.get("x-middleware-rewrite")).toBeNull();
  });

  it("lets only the process's own request reach a cached rendering", async () => {
    const { RENDER_HEADER } = await import("@/lib/submission/form-page-memory");
    const own = await get("/f/some-form/version/1-2-0-OPEN", { [RENDER_HEADER]: asked[0]!.secret });
    expect(own.headers.get("x-middleware-next")).toBe("1");
    const direct = await get("/f/some-form/version/1-2-0-OPEN");
    expect(direct.headers.get("x-middleware-rewrite")).toBe("http://localhost/f/some-form/version");
    const forged = await get("/f/some-form/version/1-2-0-OPEN", { [RENDER_HEADER]: "0".repeat(64) });
    expect(forged.headers.get("x-middleware-rewrite")).toBe("http://localhost/f/some-form/version");
    expect(forged.headers.get("x-middleware-next")).toBeNull();
  });
});
