import { test, expect, uniqueEmail, waitForMail } from "./fixtures";
import { MIN_FILL_MS, openForm } from "./campaign-helpers";

const KIDS_SLUG = "demo-colouring-book";

/** A birth date that makes the person `years` old (and a few days). */
function bornYearsAgo(years: number): string {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years, d.getMonth(), d.getDate() - 10);
  return d.toISOString().slice(0, 10);
}

test("a 12-year-old on a phone enters, the parent receives a mail naming the entry and agrees from it", async ({ page, request, browser }) => {
  const child = uniqueEmail("child");
  const parent = uniqueEmail("parent");
  const loadedAt = await openForm(page, `/f/${KIDS_SLUG}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Free colouring book: the little stove makers");

  await page.getByLabel("First name").fill("Lily");
  await page.getByRole("textbox", { name: "E-mail address", exact: true }).fill(child);
  await page.getByLabel("Date of birth").fill(bornYearsAgo(12));
  // No parent's address asked until a box is ticked.
  await expect(page.getByLabel("E-mail address of one of your parents")).toHaveCount(0);
  await page.getByRole("checkbox", { name: /family newsletter/ }).check();

  // Ticking a box is not a parent's agreement: the parent's own address is asked, and the child's own is refused.
  const parentField = page.getByLabel("E-mail address of one of your parents");
  await expect(parentField).toBeVisible();
  await page.getByRole("button", { name: "Get my content" }).click();
  await expect(page.getByText("Give the e-mail address of one of your parents, or untick your choices.")).toBeVisible();
  await parentField.fill(child.toUpperCase());
  await page.getByRole("button", { name: "Get my content" }).click();
  await expect(page.getByText("Give your parent's address, not your own.")).toBeVisible();
  await parentField.fill(parent);

  await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - loadedAt)));
  await page.getByRole("button", { name: "Get my content" }).click();
  await expect(page).toHaveURL(new RegExp(`/f/${KIDS_SLUG}/merci\\?r=`));

  // The child gets their own confirmation mail; the parent a separate one naming the child's entry.
  await waitForMail(request, child, /Confirm/);
  const mail = await waitForMail(request, parent, /needs your agreement/);
  expect(mail.subject).toContain("Lily");
  expect(mail.text).toContain("Free colouring book: the little stove makers");
  expect(mail.text).toContain("family newsletter");
  const link = /https?:\/\/\S+\/c\/parent\/[A-Za-z0-9_%-]+/.exec(mail.text)![0];

  // The parent opens the link on their own phone: nothing is agreed until the button.
  const parentContext = await browser.newContext({ ...test.info().project.use, locale: "en-GB" });
  const parentPage = await parentContext.newPage();
  await parentPage.goto(new URL(link).pathname);
  await expect(parentPage.getByRole("heading", { name: "A parent's agreement" })).toBeVisible();
  await expect(parentPage.getByTestId("parental-purposes")).toContainText("family newsletter");
  await expect(parentPage.getByText(/Lily entered/)).toBeVisible();
  await parentPage.getByRole("button", { name: "I give my agreement" }).click();
  await expect(parentPage.getByRole("heading", { name: "Thank you, your agreement is recorded" })).toBeVisible();
  // The same link again: already used, nothing more.
  await parentPage.goto(new URL(link).pathname);
  await expect(parentPage.getByRole("heading", { name: "Agreement already recorded" })).toBeVisible();
  await parentContext.close();
});
