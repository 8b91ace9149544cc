import { test, expect, signIn, inviteViewer } from "./fixtures";
import type { Page } from "@playwright/test";
import { DEMO_TITLE } from "./campaign-helpers";

// The demo organisation and its seeded contest (scripts/demo-extras.ts, run by the e2e runner).
const OWNER = { email: "demo@aimant.local", password: "demo-aimant-2026" };
const EMAIL_PATTERN = /[\w.+-]+@[\w-]+\.[\w.-]+/;

async function openDemoStatistics(page: Page): Promise<string> {
  await page.goto("/campagnes");
  await page.getByRole("link", { name: DEMO_TITLE }).first().click();
  await expect(page.getByTestId("campaign-title")).toHaveText(DEMO_TITLE);
  const id = new URL(page.url()).pathname.split("/")[2]!;
  await page.goto(`/campagnes/${id}/statistiques`);
  return `/campagnes/${id}/statistiques`;
}

async function expectCharts(page: Page) {
  await expect(page.getByRole("heading", { name: "Statistiques" })).toBeVisible();
  await expect(page.getByTestId("kpi-submissions")).toHaveText(/^[1-9][\d  ]*$/);
  await expect(page.getByTestId("series-chart").locator("svg.recharts-surface").last()).toBeVisible();
  await expect(page.getByTestId("rfm-chart").locator("svg.recharts-surface").last()).toBeVisible();
  expect(await page.getByTestId("question-chart").count()).toBeGreaterThanOrEqual(4);
  await expect(page.getByTestId("question-chart").first().locator("svg.recharts-surface").last()).toBeVisible();
  await expect(page.getByTestId("consent-rates").locator("li")).toHaveCount(3);
  await expect(page.getByTestId("word-cloud")).toBeVisible();
  expect(await page.getByTestId("cloud-word").count()).toBeGreaterThan(10);
}

/** Clicks the cloud's first word and checks every listed answer contains it. */
async function clickWordAndCheckAnswers(page: Page): Promise<void> {
  const word = page.getByTestId("cloud-word").first();
  const text = (await word.getAttribute("data-word"))!;
  await word.click();
  const panel = page.getByTestId("word-answers");
  await expect(panel.getByRole("heading", { name: `Réponses contenant « ${text} »` })).toBeVisible();
  const answers = await panel.getByTestId("word-answer").allInnerTexts();
  expect(answers.length).toBeGreaterThan(0);
  for (const answer of answers) expect(answer.toLowerCase()).toContain(text);
}

test("the demo contest's dashboard shows its charts and a word cloud; a word lists its answers; filters apply", async ({ page }) => {
  await signIn(page, OWNER.email, OWNER.password);
  await expect(page).toHaveURL(/\/campagnes/);
  const url = await openDemoStatistics(page);
  await expectCharts(page);
  const allEntries = Number((await page.getByTestId("kpi-submissions").innerText()).replace(/\D/g, ""));

  await clickWordAndCheckAnswers(page);

  // The table view gives the same words and counts to screen readers.
  await page.locator("summary", { hasText: "Voir le tableau des mots" }).click();
  const firstRow = page.getByRole("table", { name: "Voir le tableau des mots" }).locator("tbody tr").first();
  await expect(firstRow).toBeVisible();

  // The source filter applies to every chart (here: the total and the source table).
  await page.getByLabel("Source").selectOption("qr");
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page).toHaveURL(/source=qr/);
  const qrEntries = Number((await page.getByTestId("kpi-submissions").innerText()).replace(/\D/g, ""));
  expect(qrEntries).toBeGreaterThan(0);
  expect(qrEntries).toBeLessThan(allEntries);
  await expect(page.getByTestId("sources-table").locator("tr")).toHaveCount(1);
  await expect(page.getByTestId("word-cloud")).toBeVisible();

  // A date range in the future leaves nothing, with a clear message rather than empty charts.
  await page.goto(`${url}?from=2099-01-01&to=2099-01-31`);
  await expect(page.getByTestId("kpi-submissions")).toHaveText("0");
  await expect(page.getByText("Aucune participation sur cette période.").first()).toBeVisible();

  // From a segment's figures to its leads (owners may see leads).
  await page.goto(url);
  const rfm = page.getByTestId("rfm-section");
  await rfm.locator("summary").click();
  const segmentLink = rfm.getByRole("link").first();
  const segment = await segmentLink.innerText();
  await segmentLink.click();
  await expect(page).toHaveURL(/\/leads\?segment=/);
  // The link carries the segment's code (stored data holds codes); the leads page names it.
  const code = new URL(page.url()).searchParams.get("segment")!;
  expect(code).toMatch(/^[A-Z_]+$/);
  await expect(page.locator(`option[value="${code}"]:checked`)).toHaveText(segment);

  // The help page shows the mapping.
  await page.goto(url);
  await page.getByRole("link", { name: "Comment les segments sont calculés" }).click();
  await expect(page.getByRole("heading", { name: "Segments RFM", level: 1 })).toBeVisible();
  await expect(page.getByTestId("rfm-grid").getByRole("cell", { name: "Champions" })).toHaveCount(3);
});

test("a viewer sees the charts and the word answers but no e-mail address, and no leads", async ({ page, browser }) => {
  await signIn(page, OWNER.email, OWNER.password);
  await expect(page).toHaveURL(/\/campagnes/);
  const url = await openDemoStatistics(page);
  const viewer = await inviteViewer(page, browser, "Victor Lecture");

  await viewer.goto(url);
  await expectCharts(viewer);
  await clickWordAndCheckAnswers(viewer);
  await expect(viewer.getByTestId("rfm-section").getByRole("link")).toHaveCount(0);
  expect(await viewer.locator("main").innerText()).not.toMatch(EMAIL_PATTERN);
  // Nor anywhere in what the server sent (RSC payload included), but for the
  // "nom@exemple.fr" example of the validation messages.
  const leaked = [...(await viewer.content()).matchAll(new RegExp(EMAIL_PATTERN, "g"))].map((m) => m[0]).filter((e) => !e.startsWith("nom@exemple.fr"));
  expect(leaked).toEqual([]);

  const leads = await viewer.goto(url.replace("/statistiques", "/leads"));
  expect(leads?.status()).toBe(403);
  await viewer.context().close();
});
