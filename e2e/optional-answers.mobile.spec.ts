import { test, expect } from "./fixtures";
import { MIN_FILL_MS, openForm } from "./campaign-helpers";
import { openE2eDb } from "./support/e2e-db";
import { seedEveryOptionalQuestion } from "./support/seed-campaign";

// A form whose questions are all optional takes an entry with every one left
// empty, on a phone, in French and in English: an untouched checkbox group,
// radio group, text, number or date field never refuses the entry.
const db = openE2eDb();
test.afterAll(() => db.close());

const words = {
  fr: { submit: "Envoyer mes réponses", thanks: "Merci pour vos réponses !" },
  en: { submit: "Send my answers", thanks: "Thank you for your answers!" },
} as const;

for (const locale of ["fr", "en"] as const) {
  test(`every question type left empty when optional is accepted (${locale})`, async ({ page }) => {
    const { slug } = seedEveryOptionalQuestion(db, locale);
    const entries = () => (db.prepare(`SELECT COUNT(*) AS n FROM "Response" r JOIN "Campaign" c ON c.id = r.campaignId WHERE c.slug = ? AND r.status = 'ACCEPTED'`).get(slug) as { n: number }).n;
    const loadedAt = await openForm(page, `/f/${slug}`);
    await expect(page.getByRole("group", { name: "Question MULTIPLE_CHOICE" })).toBeVisible();
    // Touch the checkbox group and leave it empty again: react-hook-form then holds a list, not false.
    await page.getByRole("checkbox", { name: "Un MULTIPLE_CHOICE" }).check();
    await page.getByRole("checkbox", { name: "Un MULTIPLE_CHOICE" }).uncheck();
    await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - loadedAt)));
    await page.getByRole("button", { name: words[locale].submit }).click();
    await expect(page.getByRole("heading", { name: words[locale].thanks })).toBeVisible();
    expect(entries()).toBe(1);

    // Again without touching anything at all: the group is still `false` for react-hook-form.
    await page.goto(`/f/${slug}`);
    const again = Date.now();
    await expect(page.getByRole("button", { name: words[locale].submit })).toBeVisible();
    await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - again)));
    await page.getByRole("button", { name: words[locale].submit }).click();
    await expect(page.getByRole("heading", { name: words[locale].thanks })).toBeVisible();
    await expect(page.getByText(/invalid input/i)).toHaveCount(0);
    expect(entries()).toBe(2);
  });
}
