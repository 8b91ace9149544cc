import { test, expect, signIn } from "./fixtures";
import { DEMO_TITLE } from "./campaign-helpers";

// A marketer glancing at the figures on a phone: the dashboard fits the screen.
test("the demo dashboard fits a phone screen, charts and word cloud included", async ({ page }) => {
  await signIn(page, "demo@aimant.local", "demo-aimant-2026");
  await expect(page).toHaveURL(/\/campagnes/);
  await page.getByRole("link", { name: DEMO_TITLE }).first().click();
  await expect(page.getByTestId("campaign-title")).toBeVisible();
  const id = new URL(page.url()).pathname.split("/")[2]!;
  await page.goto(`/campagnes/${id}/statistiques`);
  await expect(page.getByTestId("kpi-submissions")).toHaveText(/^[1-9]/);
  await expect(page.getByTestId("word-cloud")).toBeVisible();
  await expect(page.getByTestId("question-chart").first().locator("svg.recharts-surface").last()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/analytics-mobile.png", fullPage: false });
});
