import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { test, expect, signUp } from "./fixtures";
import { createPublishedContest } from "./campaign-helpers";

// An owner reads the audit log: filters by action, person and date, pages through the
// filtered lines (the pager keeps the filters) and downloads the filtered log as CSV.

const EXPORTS = 55; // more than one page of 50
const parisDay = (offsetDays = 0) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date(Date.now() + offsetDays * 86_400_000));

test("the audit log filters by action, person and date, pages with its filters and exports them as CSV", async ({ page }) => {
  test.setTimeout(240_000);
  await signUp(page, { name: "Camille Audit" });
  const { id } = await createPublishedContest(page, { title: "Concours du journal" });
  // Lines of another action by the same person (creation, saves, publication) and many exports.
  for (let i = 0; i < EXPORTS; i++) {
    const response = await page.request.get(`/api/campaigns/${id}/export/analysis?format=csv`);
    expect(response.status()).toBe(200);
    await response.body();
  }

  await page.goto("/parametres/audit");
  await expect(page.getByTestId("audit-sentence")).toHaveCount(50);
  await page.getByRole("combobox", { name: "Action", exact: true }).selectOption("export.analysis");
  await page.getByRole("combobox", { name: "Personne", exact: true }).selectOption({ label: "Camille Audit" });
  await page.getByRole("textbox", { name: "Du", exact: true }).fill(parisDay());
  await page.getByRole("textbox", { name: "Au", exact: true }).fill(parisDay());
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/action=export\.analysis/);

  const sentences = page.getByTestId("audit-sentence");
  await expect(sentences).toHaveCount(50);
  await expect(sentences.first()).toHaveText(/^Camille Audit a exporté aucune réponse pour analyse \(CSV, « Concours du journal »\)$/);

  // The next page keeps every filter: only the 5 remaining exports, the form still showing the filters.
  await page.getByRole("link", { name: /Plus anciens/ }).click();
  await expect(page).toHaveURL(/page=1/);
  const url = new URL(page.url());
  expect(url.searchParams.get("action")).toBe("export.analysis");
  expect(url.searchParams.get("person")).toBeTruthy();
  expect(url.searchParams.get("from")).toBe(parisDay());
  expect(url.searchParams.get("to")).toBe(parisDay());
  await expect(sentences).toHaveCount(EXPORTS - 50);
  for (const text of await sentences.allTextContents()) expect(text).toMatch(/^Camille Audit a exporté .* pour analyse/);
  await expect(page.getByRole("combobox", { name: "Action", exact: true })).toHaveValue("export.analysis");
  await expect(page.getByRole("link", { name: /Plus anciens/ })).toHaveCount(0);
  // And back, still filtered.
  await page.getByRole("link", { name: /Plus récents/ }).click();
  await expect(sentences).toHaveCount(50);
  expect(new URL(page.url()).searchParams.get("action")).toBe("export.analysis");
  expect(new URL(page.url()).searchParams.has("page")).toBe(false);

  // The CSV of the filtered log: every export line, nothing else.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exporter en CSV" }).click()]);
  const rows = parse(fs.readFileSync((await download.path())!), { bom: true, delimiter: ";", columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(EXPORTS);
  for (const row of rows) {
    expect(row.code).toBe("export.analysis");
    expect(row.personne).toBe("Camille Audit");
    expect(row.action).toMatch(/^Camille Audit a exporté/);
  }

  // A day with nothing: the filter by date answers an empty log.
  await page.goto(`/parametres/audit?from=${parisDay(1)}`);
  await expect(page.getByText("Aucune action enregistrée pour l'instant.")).toBeVisible();
  // Another action, the same person: no export line.
  await page.goto(`/parametres/audit?action=campaign.publish`);
  await expect(sentences).toHaveCount(1);
  await expect(sentences.first()).toHaveText("Camille Audit a publié la campagne « Concours du journal »");
});
