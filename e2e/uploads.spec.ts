import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { test, expect, signUp, uniqueEmail, waitForMail } from "./fixtures";
import { MIN_FILL_MS, openForm } from "./campaign-helpers";
import { openE2eDb } from "./support/e2e-db";

// Files uploaded in the builder, as respondents and outsiders get them: the lead magnet's
// reward after confirmation, and the logo (members only while the campaign is a draft).
test.describe.configure({ mode: "serial" });

const db = openE2eDb();
test.afterAll(() => db.close());

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(64)]);
const PDF = Buffer.from(`%PDF-1.4\n% livre blanc ${crypto.randomBytes(12).toString("hex")}\n%%EOF\n`);

async function upload(page: Page, kind: "logo" | "reward", name: string, mimeType: string, buffer: Buffer) {
  await page.locator(`#upload-${kind}`).setInputFiles({ name, mimeType, buffer });
  await page.locator(`#upload-${kind}`).locator("..").getByRole("button", { name: "Téléverser" }).click();
  await expect(page.locator(`#upload-${kind}-hint`)).toContainText("Fichier en place");
}

test("a lead magnet's uploaded reward downloads after confirmation; its draft logo is for members only", async ({ page, browser, request }) => {
  await signUp(page);
  await page.goto("/campagnes/nouvelle");
  await page.getByLabel("Lead magnet").check();
  await page.getByLabel("Titre").fill(`Livre blanc ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(page).toHaveURL(/\/campagnes\/c[a-z0-9]+$/);
  const id = page.url().split("/").pop()!;
  await upload(page, "logo", "logo.png", "image/png", PNG);
  await upload(page, "reward", "livre-blanc.pdf", "application/pdf", PDF);
  const { slug } = db.prepare(`SELECT slug FROM "Campaign" WHERE id = ?`).get(id) as { slug: string };

  // A draft's logo: its organisation's members see it (builder preview), nobody else.
  const asMember = await page.request.get(`/f/${slug}/logo`);
  expect(asMember.status()).toBe(200);
  expect(Buffer.from(await asMember.body()).equals(PNG)).toBe(true);
  expect(asMember.headers()["cache-control"]).toContain("no-store");
  expect((await request.get(`/f/${slug}/logo`, { failOnStatusCode: false })).status()).toBe(404);
  const outsider = await (await browser.newContext()).newPage();
  await signUp(outsider);
  expect((await outsider.request.get(`/f/${slug}/logo`, { failOnStatusCode: false })).status()).toBe(404);
  await outsider.context().close();

  // Published: the logo is public.
  await page.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(page.getByText("Campagne publiée.")).toBeVisible();
  const published = await request.get(`/f/${slug}/logo`);
  expect(published.status()).toBe(200);
  expect(Buffer.from(await published.body()).equals(PNG)).toBe(true);

  // A respondent enters, confirms from the mail, and downloads the very file uploaded.
  const respondent = await (await browser.newContext()).newPage();
  const email = uniqueEmail("reward");
  const loadedAt = await openForm(respondent, `/f/${slug}`);
  await respondent.getByLabel("Prénom").fill("Jeanne");
  await respondent.getByLabel("Adresse e-mail").fill(email);
  await respondent.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - loadedAt)));
  await respondent.getByRole("button", { name: "Recevoir mon contenu" }).click();
  const mail = await waitForMail(request, email, /Confirmez votre adresse e-mail/);
  const confirmLink = mail.text.match(/https?:\/\/\S+/g)!.find((l) => new URL(l).pathname.startsWith("/c/"))!;
  await respondent.goto(confirmLink);
  await respondent.getByRole("button", { name: "Confirmer" }).click();
  const rewardLink = respondent.getByRole("link", { name: "Accéder au contenu" });
  await expect(rewardLink).toBeVisible();
  const download = await respondent.request.get((await rewardLink.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
  await respondent.context().close();
});
