import { test, expect, signIn } from "./fixtures";
import { DEMO_SLUG } from "./campaign-helpers";
import { openE2eDb } from "./support/e2e-db";
import type { Page } from "@playwright/test";

// A marketer on a phone: the landing page and the back-office tables fit the screen. A wide
// table scrolls sideways inside its own frame (never the whole page), its first column (who or
// what the row is) staying in view.

/** How far the page itself is wider than the screen (0 or less: no sideways scroll of the page). */
async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
}

/** Checks the first table: its frame scrolls it, the page does not, and its first column stays put while it scrolls. Says whether it was wider than the screen. */
async function expectTableUsable(page: Page, what: string): Promise<boolean> {
  const table = page.locator("main table").first();
  await expect(table, what).toBeVisible();
  expect(await pageOverflow(page), `${what}: the page scrolls sideways`).toBeLessThanOrEqual(0);
  const frame = await table.evaluate((t) => {
    const parent = t.parentElement!;
    const style = getComputedStyle(parent);
    const first = t.querySelector("tbody tr td, tbody tr th") as HTMLElement;
    return { overflowX: style.overflowX, frameWidth: parent.clientWidth, tableWidth: t.scrollWidth, sticky: getComputedStyle(first).position };
  });
  expect(["auto", "scroll"], `${what}: the table's frame scrolls`).toContain(frame.overflowX);
  expect(frame.sticky, `${what}: the first column is sticky`).toBe("sticky");
  expect(frame.frameWidth, `${what}: the frame fits the screen`).toBeLessThanOrEqual(page.viewportSize()!.width);
  if (frame.tableWidth > frame.frameWidth) {
    // Scrolled to its end, the table's first cell is still at the frame's left edge.
    const moved = await table.evaluate((t) => {
      const parent = t.parentElement!;
      const first = t.querySelector("tbody tr td, tbody tr th") as HTMLElement;
      const before = first.getBoundingClientRect().left - parent.getBoundingClientRect().left;
      parent.scrollLeft = parent.scrollWidth;
      const after = first.getBoundingClientRect().left - parent.getBoundingClientRect().left;
      return { scrolled: parent.scrollLeft, before, after };
    });
    expect(moved.scrolled, `${what}: the frame scrolls`).toBeGreaterThan(0);
    expect(Math.abs(moved.after - moved.before), `${what}: the first column stays in view`).toBeLessThanOrEqual(1);
    expect(await pageOverflow(page), `${what}: scrolling the table does not scroll the page`).toBeLessThanOrEqual(0);
  }
  return frame.tableWidth > frame.frameWidth;
}

test("the landing page fits a phone and shows the app's screenshot and the way in", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Créer un compte gratuit" })).toBeVisible();
  const screenshot = page.getByRole("img", { name: /tableau de bord/ });
  await screenshot.scrollIntoViewIfNeeded();
  await expect(screenshot).toBeVisible();
  // The image really loaded (not a broken icon).
  await expect.poll(() => screenshot.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
});

test("the back-office tables scroll inside their frame on a phone, the page never sideways", async ({ page }) => {
  const db = openE2eDb();
  const campaignId = (db.prepare(`SELECT "id" FROM "Campaign" WHERE "slug" = ?`).get(DEMO_SLUG) as { id: string }).id;
  db.close();
  await signIn(page, "demo@aimant.local", "demo-aimant-2026");
  await expect(page).toHaveURL(/\/campagnes/);
  const wide: boolean[] = [];
  wide.push(await expectTableUsable(page, "campaign list"));

  await page.goto(`/campagnes/${campaignId}/leads`);
  await expect(page.getByTestId("leads-rows")).toBeVisible();
  wide.push(await expectTableUsable(page, "leads of a campaign"));

  await page.goto("/contacts");
  await expect(page.getByTestId("leads-rows")).toBeVisible();
  wide.push(await expectTableUsable(page, "responses of every campaign"));

  await page.goto("/parametres/audit");
  await expect(page.getByTestId("audit-sentence").first()).toBeVisible();
  wide.push(await expectTableUsable(page, "audit log"));
  // The sideways scroll was really tried: the leads tables are wider than a phone.
  expect(wide.filter(Boolean).length).toBeGreaterThanOrEqual(2);
});
