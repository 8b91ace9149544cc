import { test, expect, signUp, uniqueEmail } from "./fixtures";
import { DEMO_SLUG, MIN_FILL_MS, createPublishedContest, enterStarterContest } from "./campaign-helpers";
import type { Browser, Page } from "@playwright/test";
import { openE2eDb, formDefinitionFromDb } from "./support/e2e-db";
import { fetchStartToken, submissionBody } from "../bench/submission-body";

// The form page is cached per campaign version and state (proxy.ts); the start token and the
// view come from GET /api/f/<slug>/start when the form first shows.

const db = openE2eDb();
test.afterAll(() => db.close());

async function marketer(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR", timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  await signUp(page);
  return page;
}

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

test("a phone enters through the cached page, its token from the start call, counted under its UTM source, with no cookie", async ({ page }) => {
  const source = `affiche-${Date.now().toString(36)}`;
  const campaignId = (db.prepare(`SELECT id FROM "Campaign" WHERE slug = ?`).get(DEMO_SLUG) as { id: string }).id;
  const viewsOf = () => (db.prepare(`SELECT COALESCE(SUM(count), 0) AS n FROM "ViewCount" WHERE campaignId = ? AND utmSource = ?`).get(campaignId, source) as { n: number }).n;

  const start = page.waitForResponse((r) => r.url().includes(`/api/f/${DEMO_SLUG}/start?utm_source=${source}`));
  const response = await page.goto(`/f/${DEMO_SLUG}?utm_source=${source}&utm_medium=print`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["set-cookie"]).toBeUndefined();
  expect(response?.headers()["cache-control"]).toContain("no-store");
  // Answered by the proxy from its memory of renderings (Next's page pipeline varies on its RSC headers).
  expect(response?.headers()["vary"] ?? "").not.toMatch(/rsc/i);
  // Nothing per request in the page: no start token in its HTML.
  expect(await response!.text()).not.toMatch(new RegExp(`${campaignId}:\\d+\\.`));
  expect((await (await start).json()) as unknown).toEqual({ startToken: expect.stringMatching(new RegExp(`^${campaignId}:\\d+\\.`)) });
  // The time trap counts from the token's issue.
  const loadedAt = Date.now();

  // The view is written within a few seconds (views are added up for two seconds).
  await expect.poll(viewsOf, { timeout: 8000 }).toBe(1);

  await page.getByRole("radio", { name: "Poêle à granulés" }).check();
  await page.getByRole("radio", { name: "Propriétaire" }).check();
  await page.getByRole("radio", { name: "8", exact: true }).check();
  await page.getByLabel("Qu'attendez-vous d'un nouveau mode de chauffage ?").fill("Un chauffage économique");
  await page.getByRole("radio", { name: "Moins d'un mois" }).check();
  await page.getByRole("radio", { name: "Une fois par mois" }).check();
  await page.getByRole("radio", { name: "1 500 à 2 000 €" }).check();
  await page.getByLabel("Prénom").fill("Jeanne");
  await page.getByRole("textbox", { name: "Nom", exact: true }).fill("Martin");
  const email = uniqueEmail("cache");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Téléphone").fill("06 12 34 56 78");
  await page.getByLabel("Code postal").fill("69003");
  await page.getByRole("checkbox", { name: /Je déclare avoir au moins 18 ans/ }).check();
  await page.getByRole("checkbox", { name: /J'ai lu et j'accepte le règlement/ }).check();
  await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - loadedAt)));
  await page.getByRole("button", { name: "Valider ma participation" }).click();
  await expect(page).toHaveURL(new RegExp(`/f/${DEMO_SLUG}/merci\\?r=`));
  const row = db.prepare(`SELECT r.status, r.utmSource FROM "Response" r JOIN "Contact" c ON c.id = r.contactId WHERE c.email = ?`).get(email) as { status: string; utmSource: string };
  expect(row).toEqual({ status: "ACCEPTED", utmSource: source });
  expect(await page.context().cookies()).toEqual([]);
});

test("the server answers the form page from its memory with the headers of Next's pages under /f/, plain or gzipped", async ({ baseURL }) => {
  const url = `${baseURL}/f/${DEMO_SLUG}?utm_source=qr`;
  await fetch(url); // fills the memory
  const plain = await fetch(url, { headers: { "accept-encoding": "identity" } });
  const gzip = await fetch(url, { headers: { "accept-encoding": "gzip, deflate, br" } });
  const nextPage = await fetch(`${baseURL}/f/${DEMO_SLUG}/reglement`, { headers: { "accept-encoding": "identity" } });
  const html = await plain.text();
  // scripts/server.mjs answers it whole, with its length (Next's own answers are chunked).
  expect(plain.headers.get("content-length")).toBe(String(Buffer.byteLength(html)));
  expect(plain.headers.get("content-encoding")).toBeNull();
  expect(gzip.headers.get("content-encoding")).toBe("gzip");
  expect(await gzip.text()).toBe(html);
  for (const name of ["content-security-policy", "referrer-policy", "x-content-type-options", "permissions-policy", "strict-transport-security", "x-frame-options"]) {
    expect(plain.headers.get(name), name).toBe(nextPage.headers.get(name));
  }
  expect(plain.headers.get("content-security-policy")).toContain("frame-ancestors *");
  expect(plain.headers.get("cache-control")).toContain("no-store");
  expect(plain.headers.get("set-cookie")).toBeNull();
  expect(html).toContain("Valider ma participation");
  const head = await fetch(url, { method: "HEAD" });
  expect(head.status).toBe(200);
  expect(await head.text()).toBe("");
});

test("the time trap still refuses an entry posted right after the start call", async ({ request, baseURL }) => {
  const form = formDefinitionFromDb(db, DEMO_SLUG);
  const email = uniqueEmail("trop-vite");
  const token = await fetchStartToken(baseURL!, DEMO_SLUG);
  const answer = await request.post(`/api/f/${DEMO_SLUG}/submit`, { headers: { origin: baseURL!, "content-type": "application/json" }, data: JSON.stringify(submissionBody(form, email, token)) });
  // Looks accepted to the sender, stored as rejected.
  expect(answer.status()).toBe(201);
  const rejected = db.prepare(`SELECT status, rejectReason FROM "Response" WHERE campaignId = ? AND data LIKE ?`).get(form.id, `%${email}%`);
  expect(rejected).toEqual({ status: "REJECTED", rejectReason: "too-fast" });
});

test("a builder change shows at once on the public page; the closed state shows from the closing instant, the form from the opening one", async ({ browser, page }) => {
  // Sign-up, builder, two waits for an instant and an entry: long on a busy machine.
  test.setTimeout(150_000);
  const desk = await marketer(browser);
  const { id, slug } = await createPublishedContest(desk, { title: "Concours avant" });
  await page.goto(`/f/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Concours avant");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Concours avant");

  await desk.goto(`/campagnes/${id}`);
  const title = desk.getByRole("textbox", { name: "Titre", exact: true });
  await expect(title).toHaveValue("Concours avant");
  await title.clear();
  await title.fill("Concours après");
  await expect(title).toHaveValue("Concours après");
  await desk.getByRole("button", { name: "Enregistrer" }).click();
  await expect(desk.getByText("Modifications enregistrées.")).toBeVisible();
  await page.goto(`/f/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Concours après");

  // Closing a few seconds from now, set in the database without any save: only the instant changes the page.
  const closesAt = Date.now() + 5000;
  db.prepare(`UPDATE "Campaign" SET closesAt = ? WHERE id = ?`).run(iso(closesAt), id);
  await page.goto(`/f/${slug}`);
  await expect(page.getByRole("button", { name: "Valider ma participation" })).toBeVisible();
  await expect(page.getByTestId("closed")).toHaveCount(0);
  await page.waitForTimeout(Math.max(0, closesAt - Date.now()));
  await page.goto(`/f/${slug}`);
  await expect(page.getByTestId("closed")).toBeVisible();
  await expect(page.getByRole("button", { name: "Valider ma participation" })).toHaveCount(0);
  expect((await page.request.get(`/api/f/${slug}/start`)).status()).toBe(409);

  // Opening a few seconds from now: "not open" until the instant, the form from it on.
  const opensAt = Date.now() + 5000;
  db.prepare(`UPDATE "Campaign" SET opensAt = ?, closesAt = ? WHERE id = ?`).run(iso(opensAt), iso(opensAt + 86_400_000), id);
  await page.goto(`/f/${slug}`);
  await expect(page.getByTestId("not-open")).toBeVisible();
  await page.waitForTimeout(Math.max(0, opensAt - Date.now()));
  await enterStarterContest(page, slug, uniqueEmail("ouverture"));
  await expect(page).toHaveURL(new RegExp(`/f/${slug}/merci\\?r=`));
  await desk.context().close();
});

test("the cached renderings are not reachable directly", async ({ request }) => {
  const answer = await request.get(`/f/${DEMO_SLUG}/version/1-2-0-OPEN`);
  expect(answer.status()).toBe(404);
  expect(await answer.text()).not.toContain("Valider ma participation");
});
