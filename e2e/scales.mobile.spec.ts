import { test, expect } from "./fixtures";
import { MIN_FILL_MS, openForm } from "./campaign-helpers";
import { addQuestion, newSurveyAtDesk, saveAndPublish } from "./builder-helpers";

// Scales as a marketer sets them (0–10 with end labels for an NPS, 1–5) and respondents answer
// them on a phone; the statistics give the average and the NPS, written the French way.
// A long journey (a desk and a phone) on a machine shared with other builds.
test.describe.configure({ timeout: 180_000 });

test("an NPS 0–10 and a 1–5 scale with end labels, answered on a phone, averaged and scored", async ({ page: phone, browser }) => {
  const { desk, id } = await newSurveyAtDesk(browser, "Satisfaction");
  const nps = await addQuestion(desk, "SCALE", "Recommanderiez-vous notre magasin ?", { required: true });
  await desk.locator(`[id="sections.0.questions.${nps}.scale"]`).selectOption({ label: "0 à 10 (NPS)" });
  await desk.getByLabel("Libellé du 0", { exact: true }).fill("Pas du tout probable");
  await desk.getByLabel("Libellé du 10", { exact: true }).fill("Très probable");
  const stars = await addQuestion(desk, "SCALE", "Notez notre conseil", { required: true });
  await desk.locator(`[id="sections.0.questions.${stars}.scale"]`).selectOption({ label: "1 à 5" });
  const slug = await saveAndPublish(desk);

  const npsGroup = phone.getByRole("group", { name: /Recommanderiez-vous notre magasin/ });
  const starsGroup = phone.getByRole("group", { name: /Notez notre conseil/ });
  for (const [score, note] of [["10", "5"], ["9", "4"], ["3", "4"]] as const) {
    const loadedAt = await openForm(phone, `/f/${slug}`);
    await expect(npsGroup.getByRole("radio")).toHaveCount(11);
    await expect(npsGroup.getByText("0 = Pas du tout probable")).toBeVisible();
    await expect(npsGroup.getByText("10 = Très probable")).toBeVisible();
    await expect(starsGroup.getByRole("radio")).toHaveCount(5);
    // Everything fits the phone's width, eleven steps included.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await phone.getByLabel("Prénom").fill("Jeanne");
    await npsGroup.getByRole("radio", { name: score, exact: true }).check();
    await starsGroup.getByRole("radio", { name: note, exact: true }).check();
    await phone.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - loadedAt)));
    await phone.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await expect(phone.getByRole("heading", { name: "Merci pour vos réponses !" })).toBeVisible();
  }

  await desk.goto(`/campagnes/${id}/statistiques`);
  // 10, 9, 3: average 7.3; 2 promoters and 1 detractor of 3 → NPS +33.
  const npsChart = desk.getByTestId("question-chart").filter({ hasText: "Recommanderiez-vous notre magasin ?" });
  await expect(npsChart.getByTestId("scale-summary")).toContainText("Moyenne : 7,3 sur 10");
  await expect(npsChart.getByTestId("nps")).toHaveText("NPS : +33");
  await expect(npsChart.getByTestId("scale-summary")).toContainText(/67\s%\sde promoteurs \(9–10\) − 33\s%\sde détracteurs \(0–6\)/);
  const starsChart = desk.getByTestId("question-chart").filter({ hasText: "Notez notre conseil" });
  await expect(starsChart.getByTestId("scale-summary")).toContainText("Moyenne : 4,3 sur 5");
  await expect(starsChart.getByTestId("nps")).toHaveCount(0);
  await desk.context().close();
});
