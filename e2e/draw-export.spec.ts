import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { test, expect, signIn, inviteViewer, waitForMail } from "./fixtures";
import { DEMO_SLUG } from "./campaign-helpers";
import { openE2eDb } from "./support/e2e-db";

const OWNER = { email: "demo@aimant.local", password: "demo-aimant-2026" };

test.describe.configure({ mode: "serial" });

let campaignId = "";

test.beforeAll(() => {
  const db = openE2eDb();
  campaignId = (db.prepare(`SELECT "id" FROM "Campaign" WHERE "slug" = ?`).get(DEMO_SLUG) as { id: string }).id;
  db.close();
});

// Other journeys (the respondent's, on a phone) enter the demo contest: leave it open as it was seeded.
test.afterAll(() => {
  const db = openE2eDb();
  db.prepare(`UPDATE "Campaign" SET "closedManuallyAt" = NULL WHERE "id" = ?`).run(campaignId);
  db.close();
});

test("the owner closes the demo contest, runs the draw, sees, verifies and notifies the winners", async ({ page, request }) => {
  await signIn(page, OWNER.email, OWNER.password);
  await expect(page).toHaveURL(/\/campagnes/);
  await page.goto(`/campagnes/${campaignId}/tirage`);
  await expect(page.getByRole("heading", { name: "Tirage au sort" })).toBeVisible();
  await expect(page.getByText("La campagne est encore ouverte")).toBeVisible();

  await page.getByRole("button", { name: "Clôturer maintenant" }).click();
  await expect(page.getByText("Clôturer définitivement la campagne maintenant ?")).toBeVisible();
  await page.getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByRole("button", { name: "Lancer le tirage" })).toBeVisible();
  await expect(page.getByTestId("eligible-count")).toContainText(/\d+ participations éligibles/);

  await page.getByRole("button", { name: "Lancer le tirage" }).click();
  await page.getByRole("button", { name: "Confirmer" }).click();
  await expect(page).toHaveURL(new RegExp(`/campagnes/${campaignId}/tirage/gagnants$`));
  await expect(page.getByRole("heading", { name: "Gagnants et suppléants" })).toBeVisible();
  await expect(page.getByTestId("winners").getByRole("row")).toHaveCount(1);
  await expect(page.getByTestId("alternates").getByRole("row")).toHaveCount(2);
  await expect(page.getByTestId("draw-seed")).toHaveText(/^[0-9a-f]{64}$/);

  await page.getByRole("button", { name: "Vérifier le tirage" }).click();
  await expect(page.getByTestId("verify-result")).toContainText("Tirage vérifié");

  // The winner is told by e-mail, once, with the legal footer.
  const winnerEmail = (await page.getByTestId("winners").getByRole("link").first().textContent())!.trim();
  await page.getByRole("button", { name: "Envoyer l'e-mail aux gagnants" }).click();
  await page.getByRole("button", { name: "Confirmer" }).click();
  // The action's message, or the refreshed page's status that replaces it once the draw is marked notified.
  await expect(page.getByText(/1 e-mail mis en file d'envoi\.|Les gagnants de ce tirage ont déjà été prévenus\./).first()).toBeVisible();
  const mail = await waitForMail(request, winnerEmail, /Vous avez gagné/);
  expect(mail.text).toContain("Un poêle à granulés Durand Flamme 8 kW");
  expect(mail.text).toContain("Se désabonner en un clic");
  // The capture's parser folds List-* headers into one "list" header.
  const list = JSON.parse(mail.headers["list"] ?? "{}") as { "unsubscribe-post"?: { name?: string } };
  expect(mail.headers["list-unsubscribe-post"] ?? list["unsubscribe-post"]?.name).toBe("List-Unsubscribe=One-Click");
  await page.reload();
  await expect(page.getByText("Les gagnants de ce tirage ont déjà été prévenus.")).toBeVisible();

  // The draw cannot be re-run silently: the page asks for a reason.
  await page.goto(`/campagnes/${campaignId}/tirage`);
  await expect(page.getByRole("button", { name: "Lancer le tirage" })).toHaveCount(0);
  await page.getByRole("button", { name: "Refaire le tirage" }).click();
  await expect(page.getByText("La raison doit faire au moins 5 caractères.")).toBeVisible();

  // The leads table knows who won.
  await page.goto(`/campagnes/${campaignId}/leads?draw=winner`);
  await expect(page.getByTestId("leads-total")).toHaveText("1 lead");
  await page.getByTestId("leads-rows").getByRole("link").first().click();
  await expect(page.getByTestId("lead-draw")).toContainText("Gagnant n° 1");
  await expect(page.getByRole("heading", { name: "Historique des consentements" })).toBeVisible();
});

test("the export of qualified losers holds only confirmed, consenting non-winners", async ({ page }) => {
  await signIn(page, OWNER.email, OWNER.password);
  await expect(page).toHaveURL(/\/campagnes/);
  await page.goto(`/campagnes/${campaignId}/export`);
  await expect(page.getByLabel(/Perdants qualifiés/)).toBeChecked();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Télécharger le CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^demo-poele-granules-qualified-losers-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(bytes, { bom: true, delimiter: ";", columns: true }) as Record<string, string>[];
  expect(rows.length).toBeGreaterThan(50);
  expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(["email", "first_name", "consent_purpose", "consent_date", "segment", "Quel est votre mode de chauffage principal ?"]));

  // The oracle, straight from the e2e database: the ledger's latest record decides (a withdrawal wins a tie).
  const db = openE2eDb();
  const recontact = (db.prepare(`SELECT "id" FROM "Purpose" WHERE "campaignId" = ? AND "isRecontact" = 1`).get(campaignId) as { id: string }).id;
  const entries = db
    .prepare(
      `SELECT r."id", c."id" AS "contactId", c."email", (r."confirmedAt" IS NOT NULL) AS "confirmed"
       FROM "Response" r JOIN "Contact" c ON c."id" = r."contactId" WHERE r."campaignId" = ? AND r."status" = 'ACCEPTED'`,
    )
    .all(campaignId) as { id: string; contactId: string; email: string; confirmed: number }[];
  const ledger = db
    .prepare(`SELECT "contactId", "action", "createdAt" FROM "ConsentRecord" WHERE "purposeId" = ? ORDER BY "createdAt" ASC, CASE WHEN "action" = 'WITHDRAW' THEN 1 ELSE 0 END ASC`)
    .all(recontact) as { contactId: string; action: string }[];
  const latest = new Map<string, string>();
  for (const record of ledger) latest.set(record.contactId, record.action);
  const picked = new Set(
    (db.prepare(`SELECT de."responseId" FROM "DrawEntry" de JOIN "Draw" d ON d."id" = de."drawId" WHERE d."campaignId" = ? AND d."supersededAt" IS NULL`).all(campaignId) as { responseId: string }[]).map((p) => p.responseId),
  );
  db.close();

  const withdrew = entries.filter((e) => latest.get(e.contactId) === "WITHDRAW").map((e) => e.email);
  const winners = entries.filter((e) => picked.has(e.id)).map((e) => e.email); // and alternates
  const expected = entries.filter((e) => e.confirmed && !picked.has(e.id) && (latest.get(e.contactId) === "GRANT" || latest.get(e.contactId) === "CONFIRM")).map((e) => e.email);
  const exported = rows.map((r) => r.email);

  expect(withdrew.length).toBeGreaterThan(0);
  expect(winners).toHaveLength(3);
  for (const email of exported) {
    const entry = entries.find((e) => e.email === email);
    expect(entry, `${email} is an entrant`).toBeTruthy();
    expect(entry!.confirmed, `${email} is confirmed`).toBeTruthy();
    expect(["GRANT", "CONFIRM"], `${email} consents`).toContain(latest.get(entry!.contactId));
    expect(winners, `${email} is not a winner or alternate`).not.toContain(email);
  }
  for (const email of withdrew) expect(exported).not.toContain(email);
  expect(exported.sort()).toEqual(expected.sort());
  expect(new Set(rows.map((r) => r.consent_purpose)).size).toBe(1);
});

test("a viewer has no export button and the export URL answers 403", async ({ page, browser }) => {
  await signIn(page, OWNER.email, OWNER.password);
  await expect(page).toHaveURL(/\/campagnes/);
  const viewer = await inviteViewer(page, browser, "Véra Lecture");

  await viewer.goto(`/campagnes/${campaignId}/statistiques`);
  await expect(viewer.getByTestId("campaign-title")).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Export", exact: true })).toHaveCount(0);
  await expect(viewer.getByRole("link", { name: "Leads", exact: true })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Télécharger le CSV" })).toHaveCount(0);
  for (const url of [`/campagnes/${campaignId}/export`, `/campagnes/${campaignId}/leads`, `/campagnes/${campaignId}/tirage`]) {
    const response = await viewer.goto(url);
    expect(response?.status(), url).toBe(403);
  }
  const api = await viewer.request.get(`/api/campaigns/${campaignId}/export?preset=qualified-losers`);
  expect(api.status()).toBe(403);
  expect(api.headers()["content-type"]).not.toContain("text/csv");
  await viewer.context().close();
});
