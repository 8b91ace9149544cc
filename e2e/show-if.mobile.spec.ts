import { test, expect } from "./fixtures";
import { MIN_FILL_MS, openForm } from "./campaign-helpers";
import { addQuestion, newSurveyAtDesk, saveAndPublish } from "./builder-helpers";
import { openE2eDb } from "./support/e2e-db";

// Show-if as a marketer builds it ("Afficher si…") and a respondent lives it on a phone: the
// question appears and disappears as they answer, a required question hidden is not required,
// nothing of it is stored, and the statistics count only those who saw it.
const db = openE2eDb();
test.afterAll(() => db.close());

// A long journey (a desk and a phone) on a machine shared with other builds.
test.describe.configure({ timeout: 180_000 });

test("a question shown only after « Oui », built at a desk and answered on a phone", async ({ page: phone, browser }) => {
  const { desk, id } = await newSurveyAtDesk(browser, "Chauffage");
  const owner = await addQuestion(desk, "YES_NO", "Avez-vous un poêle ?", { required: true });
  const fuel = await addQuestion(desk, "SINGLE_CHOICE", "Quel combustible utilisez-vous ?", { required: true });
  await desk.locator(`[id="sections.0.questions.${fuel}.options.0.label"]`).fill("Granulés");
  await desk.locator(`[id="sections.0.questions.${fuel}.options.1.label"]`).fill("Bois");

  // "Afficher si…" on the fuel question: the answer to "Avez-vous un poêle ?" is "Oui".
  await desk.getByTestId(`q-0-${fuel}-show-if-add`).click();
  const condition = desk.getByTestId(`q-0-${fuel}-show-if`);
  await condition.getByLabel("La réponse à la question").selectOption({ label: "Avez-vous un poêle ?" });
  await condition.getByRole("checkbox", { name: "Oui" }).check();

  // Moving the source below the conditional question: said at once, and the save refuses it in French.
  await desk.getByRole("button", { name: "Descendre la question « Avez-vous un poêle ? »" }).click();
  await expect(desk.getByTestId(`q-0-${owner}-show-if`)).toContainText("n'est plus placée avant");
  await desk.getByRole("button", { name: "Enregistrer" }).click();
  await expect(desk.getByRole("alert").filter({ hasText: "La condition doit porter sur une question placée avant" })).toBeVisible();
  await expect(desk.getByText("Modifications enregistrées.")).toHaveCount(0);
  await desk.getByRole("button", { name: "Monter la question « Avez-vous un poêle ? »" }).click();
  const slug = await saveAndPublish(desk);
  // The saved condition came back with the stored ids: still on "Oui" of the right question.
  await expect(desk.getByTestId(`q-0-${fuel}-show-if`).getByRole("checkbox", { name: "Oui" })).toBeChecked();

  // On the phone: hidden until "Oui", hidden again on "Non".
  const fuelGroup = phone.getByRole("group", { name: /Quel combustible utilisez-vous/ });
  let loadedAt = await openForm(phone, `/f/${slug}`);
  await expect(phone.getByRole("group", { name: /Avez-vous un poêle/ })).toBeVisible();
  await phone.getByLabel("Prénom").fill("Jeanne");
  await expect(fuelGroup).toHaveCount(0);
  await phone.getByRole("radio", { name: "Oui" }).check();
  await expect(fuelGroup).toBeVisible();
  await fuelGroup.getByRole("radio", { name: "Granulés" }).check();
  await phone.getByRole("radio", { name: "Non" }).check();
  await expect(fuelGroup).toHaveCount(0);
  // Hidden and required: not required. The fuel ticked before "Non" is not sent, nor stored.
  await phone.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - loadedAt)));
  await phone.getByRole("button", { name: "Envoyer mes réponses" }).click();
  await expect(phone.getByRole("heading", { name: "Merci pour vos réponses !" })).toBeVisible();

  // Shown and required: required.
  loadedAt = await openForm(phone, `/f/${slug}`);
  await phone.getByLabel("Prénom").fill("Paul");
  await phone.getByRole("radio", { name: "Oui" }).check();
  await phone.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - loadedAt)));
  await phone.getByRole("button", { name: "Envoyer mes réponses" }).click();
  await expect(fuelGroup.getByText("Choisissez une réponse.")).toBeVisible();
  await fuelGroup.getByRole("radio", { name: "Granulés" }).check();
  await phone.getByRole("button", { name: "Envoyer mes réponses" }).click();
  await expect(phone.getByRole("heading", { name: "Merci pour vos réponses !" })).toBeVisible();

  const stored = db
    .prepare(`SELECT q.label AS label, COUNT(a.id) AS n FROM "Question" q LEFT JOIN "Answer" a ON a.questionId = q.id WHERE q.campaignId = ? GROUP BY q.id`)
    .all(id) as Array<{ label: string; n: number }>;
  expect(Object.fromEntries(stored.map((r) => [r.label, r.n]))).toMatchObject({ "Avez-vous un poêle ?": 2, "Quel combustible utilisez-vous ?": 1 });

  // Statistics: the fuel question counts the one person who saw it, not both participants.
  await desk.goto(`/campagnes/${id}/statistiques`);
  const fuelChart = desk.getByTestId("question-chart").filter({ hasText: "Quel combustible utilisez-vous ?" });
  await expect(fuelChart.getByTestId("question-seen")).toHaveText("1 réponse sur 1 personne qui l'a vue");
  const ownerChart = desk.getByTestId("question-chart").filter({ hasText: "Avez-vous un poêle ?" });
  await expect(ownerChart).toContainText("2 réponses");
  await expect(ownerChart.getByTestId("question-seen")).toHaveCount(0);
  await desk.context().close();
});
