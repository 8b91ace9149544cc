import crypto from "node:crypto";
import { test, expect } from "./fixtures";
import { DEMO_SLUG } from "./campaign-helpers";
import { openE2eDb } from "./support/e2e-db";
import { sqlDate } from "./support/seed-campaign";

// Links from mails answer with the truth: a working link 200, an unknown or
// tampered one 404, an expired one 410, each with its helpful page in the
// campaign's language (or the browser's when the link is unknown). A
// malformed or huge token is never echoed back.
const db = openE2eDb();
test.afterAll(() => db.close());

/** A confirmation token written for a demo entry, expiring `hours` from now. */
function confirmationToken(hours: number, used = false): string {
  const token = crypto.randomBytes(32).toString("base64url");
  const entry = db.prepare(`SELECT r.id, r.contactId FROM "Response" r JOIN "Campaign" c ON c.id = r.campaignId WHERE c.slug = ? AND r.contactId IS NOT NULL LIMIT 1`).get(DEMO_SLUG) as { id: string; contactId: string };
  const now = Date.now();
  db.prepare(`INSERT INTO "OptInToken" (id, contactId, responseId, tokenHash, expiresAt, usedAt, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
    `t${crypto.randomBytes(10).toString("hex")}`,
    entry.contactId,
    entry.id,
    crypto.createHash("sha256").update(token).digest("hex"),
    sqlDate(new Date(now + hours * 3_600_000)),
    used ? sqlDate(new Date(now - 60_000)) : null,
    sqlDate(new Date(now - 3_600_000)),
  );
  return token;
}

test("confirmation links answer 200, 404 or 410 with the page that says why", async ({ page }) => {
  const valid = confirmationToken(24);
  let response = await page.goto(`/c/${valid}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("button", { name: "Confirmer" })).toBeVisible();
  // Page titles come from the catalogue in the page's language (the campaign's here, French).
  await expect(page).toHaveTitle("Confirmez votre adresse e-mail · Aimant");

  const tampered = `${valid.slice(0, -1)}${valid.endsWith("A") ? "B" : "A"}`;
  response = await page.goto(`/c/${tampered}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Lien inconnu" })).toBeVisible();

  response = await page.goto(`/c/${confirmationToken(-1)}`);
  expect(response?.status()).toBe(410);
  await expect(page.getByRole("heading", { name: "Ce lien a expiré" })).toBeVisible();

  response = await page.goto(`/c/${confirmationToken(24, true)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Ce lien a déjà été utilisé" })).toBeVisible();
});

test("the contest rules page is titled with the rules and the contest, in the campaign's language", async ({ browser }) => {
  // An English browser changes nothing: the demo contest is French.
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  expect((await page.goto(`/f/${DEMO_SLUG}/reglement`))?.status()).toBe(200);
  await expect(page).toHaveTitle(/^Règlement du jeu — .+ · Aimant$/);
  await context.close();
});

test("an unknown link speaks the browser's language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  const response = await page.goto(`/c/${crypto.randomBytes(32).toString("base64url")}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Unknown link" })).toBeVisible();
  expect((await page.goto("/p/faux-jeton.signature"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Invalid link" })).toBeVisible();
  // Pages beside the tokens say their title in the language they were given.
  await page.goto("/p/efface?l=en");
  await expect(page).toHaveTitle("Your data has been erased · Aimant");
  await page.goto("/nouveau-lien?l=en");
  await expect(page).toHaveTitle("Get a new link · Aimant");
  await context.close();
});

test("preference links: forged or tampered answer 404 with the helpful page, sub-pages too", async ({ page, request }) => {
  for (const path of ["/p/jeton-inconnu", "/p/cabc123.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "/p/jeton-inconnu/effacement"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Lien invalide" })).toBeVisible();
  }
  expect((await request.get("/p/jeton-inconnu/donnees", { failOnStatusCode: false })).status()).toBe(404);
  // The page beside the tokens (after an erasure) is no link; the parent's link is one of its own.
  expect((await page.goto("/p/efface?l=fr"))?.status()).toBe(200);
  expect((await page.goto(`/c/parent/${crypto.randomBytes(32).toString("base64url")}`))?.status()).toBe(404);
});

test("over-long or malformed tokens answer 404 without being echoed, on every token-bearing path", async ({ request, baseURL }) => {
  // Node itself refuses request lines over 16 KB (431): a 20,000-character link never reaches the app.
  const tooBig = await request.get(`/c/${"A".repeat(20_000)}`, { failOnStatusCode: false, maxRedirects: 0 });
  expect(tooBig.status()).toBe(431);
  expect(await tooBig.text()).not.toContain("A".repeat(300));
  const huge = "A".repeat(5_000);
  const paths = [
    `/c/${huge}`,
    `/p/${huge}`,
    `/p/${huge}/effacement`,
    `/invitation/${huge}`,
    `/c/${encodeURIComponent("<script>alert(1)</script>")}`,
    `/p/${encodeURIComponent("a b\r\nX-Injected: 1")}`,
    `/api/optin/reward?r=${huge}`,
    `/api/unsubscribe?t=${huge}`,
  ];
  for (const path of paths) {
    const response = await request.get(path, { failOnStatusCode: false, maxRedirects: 0 });
    expect(response.status(), path.slice(0, 40)).toBe(404);
    const body = await response.text();
    expect(body, path.slice(0, 40)).not.toContain("A".repeat(300));
    expect(body, path.slice(0, 40)).not.toContain("<script>alert(1)");
    expect(JSON.stringify(response.headers()).length, path.slice(0, 40)).toBeLessThan(4000);
  }
  // The proxy's own page for a malformed link: the link page's words, in the browser's language.
  expect(await (await request.get(`/c/${huge}`, { failOnStatusCode: false })).text()).toContain("Lien inconnu");
  expect(await (await request.get(`/p/${huge}`, { failOnStatusCode: false, headers: { "accept-language": "en-US,en;q=0.9" } })).text()).toContain("Invalid link");
  // The confirm button's action posted to an over-long path: refused at the edge, nothing echoed.
  const action = await request.post(`/c/${huge}`, { headers: { origin: baseURL!, "next-action": "0".repeat(42), "content-type": "text/plain" }, data: "[]", failOnStatusCode: false, maxRedirects: 0 });
  expect(action.status()).toBe(404);
  expect(JSON.stringify(action.headers()).length).toBeLessThan(4000);
});
