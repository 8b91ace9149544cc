import { expect, type Browser, type Page } from "@playwright/test";
import { PASSWORD, uniqueEmail } from "./fixtures";

/** A marketer at a desk beside the phone of the test: a desktop-sized context, signed up, on a new survey's builder. */
export async function newSurveyAtDesk(browser: Browser, title: string): Promise<{ desk: Page; id: string }> {
  const desk = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR", timezoneId: "Europe/Paris" })).newPage();
  // Signing up as in fixtures.ts, with more patience: the first request of a fresh server on a busy machine is slow.
  await desk.goto("/inscription");
  await desk.getByLabel("Votre nom").fill("Camille Test");
  await desk.getByLabel("Nom de l'organisation").fill("Boutique Test");
  await desk.getByLabel("Adresse e-mail").fill(uniqueEmail("marketer"));
  await desk.getByLabel("Mot de passe").fill(PASSWORD);
  await desk.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(desk).toHaveURL(/\/campagnes/, { timeout: 30_000 });
  await desk.goto("/campagnes/nouvelle");
  await desk.getByLabel("Questionnaire").check();
  await desk.getByLabel("Titre").fill(`${title} ${Date.now().toString(36)}`);
  await desk.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(desk).toHaveURL(/\/campagnes\/c[a-z0-9]+$/);
  return { desk, id: desk.url().split("/").pop()! };
}

/** Adds a question of `type` at the end of the first section and names it; returns its index there. */
export async function addQuestion(desk: Page, type: string, label: string, opts: { required?: boolean } = {}): Promise<number> {
  const section = desk.getByTestId("section-0");
  const index = await section.getByTestId("question").count();
  await desk.locator("#add-type-0").selectOption(type);
  await section.getByRole("button", { name: "Ajouter la question" }).click();
  await desk.locator(`[id="sections.0.questions.${index}.label"]`).fill(label);
  if (opts.required) await section.getByTestId("question").nth(index).getByLabel("Réponse obligatoire").check();
  return index;
}

/** Saves, then publishes; returns the public slug. */
export async function saveAndPublish(desk: Page): Promise<string> {
  await desk.getByRole("button", { name: "Enregistrer" }).click();
  await expect(desk.getByText("Modifications enregistrées.")).toBeVisible();
  await desk.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(desk.getByText("Campagne publiée.")).toBeVisible();
  return (await desk.getByTestId("public-url").textContent())!.split("/f/").pop()!;
}
