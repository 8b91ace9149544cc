import { test, expect, signIn, signUp, uniqueEmail, waitForMail } from "./fixtures";
import { DEMO_SLUG, createPublishedContest, enterStarterContest } from "./campaign-helpers";
import { openE2eDb } from "./support/e2e-db";
import type { Page } from "@playwright/test";

// Dates, numbers, percentages and segment names in the reader's language: "1er janvier" and
// "33,3 %" on a French page, "1 January" and "33.3%" on an English one, English segment names,
// birth dates in words rather than 1972-09-30.

const DEMO_OWNER = { email: "demo@aimant.local", password: "demo-aimant-2026" };
const KIDS_SLUG = "demo-colouring-book";

/** The dashboard's language switch (a form per language). */
async function switchTo(page: Page, language: "English" | "Français") {
  await page.getByRole("button", { name: language, exact: true }).click();
  await expect(page.getByRole("button", { name: language, exact: true })).toHaveAttribute("aria-pressed", "true");
}

test("a French page says 1er janvier and 33,3 %, an English one 1 January and 33.3%", async ({ page, browser, request }) => {
  test.setTimeout(180_000);
  await signUp(page);
  const { id, slug } = await createPublishedContest(page, { title: "Concours des formats", closesAt: "2027-01-01T12:00" });

  // Three entries; one consents and confirms: consent counts for one contact in three.
  const phone = await (await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" })).newPage();
  const consenting = uniqueEmail("formats");
  // Each entry lands on the thank-you page before the next one opens the form (the form page has an h1 too).
  await enterStarterContest(phone, slug, consenting, { consent: true });
  await phone.waitForURL(/\/merci\?/);
  for (let i = 0; i < 2; i++) {
    await enterStarterContest(phone, slug, uniqueEmail("formats"));
    await phone.waitForURL(/\/merci\?/);
  }
  const mail = await waitForMail(request, consenting, /Confirmez votre adresse e-mail/);
  const confirmLink = mail.text.match(/https?:\/\/\S+/g)!.find((l) => new URL(l).pathname.startsWith("/c/"))!;
  await phone.goto(confirmLink);
  await phone.getByRole("button", { name: "Confirmer" }).click();
  await expect(phone.getByRole("heading", { name: "Adresse confirmée, merci !" })).toBeVisible();
  await phone.context().close();

  await page.goto("/campagnes");
  const row = page.getByRole("row").filter({ hasText: "Concours des formats" });
  await expect(row).toContainText("au 1er janvier 2027");
  await page.goto(`/campagnes/${id}/statistiques`);
  await expect(page.getByTestId("consent-rates")).toContainText(/33,3\s%/);
  await expect(page.getByTestId("consent-rates")).not.toContainText("33.3");

  await switchTo(page, "English");
  await expect(page.getByTestId("consent-rates")).toContainText("33.3%");
  await expect(page.getByTestId("consent-rates")).not.toContainText("33,3");
  await page.goto("/campagnes");
  await expect(page.getByRole("row").filter({ hasText: "Concours des formats" })).toContainText("to 1 January 2027");
  await expect(page.locator("main")).not.toContainText(/janvier|décembre|novembre/);
});

test("an English-speaking marketer reads English dates, numbers and segment names; a French one reads birth dates in words", async ({ page }) => {
  const db = openE2eDb();
  const demoId = (db.prepare(`SELECT "id" FROM "Campaign" WHERE "slug" = ?`).get(DEMO_SLUG) as { id: string }).id;
  const olivia = db
    .prepare(
      `SELECT r."id" AS "responseId", r."campaignId", r."contactId", ct."birthDate" AS "born" FROM "Response" r JOIN "Campaign" c ON c."id" = r."campaignId"
       JOIN "Contact" ct ON ct."id" = r."contactId"
       WHERE c."slug" = ? AND r."dedupeKey" = 'olivia.parker@example.com'`,
    )
    .get(KIDS_SLUG) as { responseId: string; campaignId: string; contactId: string; born: string };
  db.close();
  expect(olivia.born).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  await signIn(page, DEMO_OWNER.email, DEMO_OWNER.password);
  await expect(page).toHaveURL(/\/campagnes/);

  // French: the birth date in words, on the lead's page and the contact's page.
  const [year, month, day] = olivia.born.split("-").map(Number) as [number, number, number];
  const words = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, day))).replace(/^1 /, "1er ");
  await page.goto(`/campagnes/${olivia.campaignId}/leads/${olivia.responseId}`);
  await expect(page.getByTestId("lead-answers")).toContainText(words);
  await expect(page.locator("main")).not.toContainText(olivia.born);
  await page.goto(`/contacts/${olivia.contactId}`);
  await expect(page.locator("main")).toContainText(words);
  await expect(page.locator("main")).not.toContainText(olivia.born);

  await switchTo(page, "English");
  // The campaign list: English dates.
  await page.goto("/campagnes");
  await expect(page.getByRole("columnheader", { name: "Dates" })).toBeVisible();
  const dates = page.locator("main table tbody tr").first();
  await expect(dates).toContainText(/from \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4} to/);
  await expect(page.locator("main")).not.toContainText(/ (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) /);

  // The demo's statistics: English percentages and segment names.
  await page.goto(`/campagnes/${demoId}/statistiques`);
  await expect(page.getByTestId("consent-rates")).toContainText(/\d(\.\d)?%/);
  await expect(page.getByTestId("consent-rates")).not.toContainText(/\d,\d\s%/);
  const rfm = page.getByTestId("rfm-section");
  await expect(rfm).toContainText(/Champions|Loyal|Potential loyalists|New|Promising|Needs attention|At risk|Hibernating|Lost/);
  await expect(rfm).not.toContainText(/Loyaux|Nouveaux|Prometteurs|À surveiller|À risque|En hibernation|Perdus/);

  // The leads table: English segment names and English dates.
  await page.goto(`/campagnes/${demoId}/leads`);
  const rows = page.getByTestId("leads-rows");
  await expect(rows).toBeVisible();
  await expect(rows).not.toContainText(/Loyaux|Nouveaux|Prometteurs|À surveiller|À risque|En hibernation|Perdus/);
  // And the lead's page: its birth date question in English words.
  await page.goto(`/campagnes/${olivia.campaignId}/leads/${olivia.responseId}`);
  const english = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, day)));
  await expect(page.getByTestId("lead-answers")).toContainText(english);
});
