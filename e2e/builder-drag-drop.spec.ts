import type { Locator, Page } from "@playwright/test";
import { test, expect, signUp } from "./fixtures";
import { createPublishedContest, openForm } from "./campaign-helpers";

/** Drags one handle onto another with the mouse, in small steps as a hand would. */
async function dragWithMouse(page: Page, handle: Locator, target: Locator) {
  await target.scrollIntoViewIfNeeded();
  await handle.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 12, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 });
  await page.waitForTimeout(200);
  await page.mouse.up();
}

/** Space to lift, arrows to move, Space to drop: the keyboard way, step by step. */
async function moveWithKeyboard(page: Page, handle: Locator, key: "ArrowUp" | "ArrowDown", times: number) {
  await handle.focus();
  await page.keyboard.press("Space");
  for (let n = 0; n < times; n++) {
    await page.waitForTimeout(150);
    await page.keyboard.press(key);
  }
  await page.waitForTimeout(250);
  await page.keyboard.press("Space");
}

test("sections, questions and choices are reordered by mouse and by keyboard, and the order is saved and shown on the public form", async ({ page }) => {
  await signUp(page, { organisation: "Poêles Glisser" });
  const { slug } = await createPublishedContest(page, { title: "Ordre des questions" });
  const section0 = page.getByTestId("section-0");

  // A choice question with three choices, and a second section for the e-mail question.
  await page.getByLabel("Type de la nouvelle question").first().selectOption("SINGLE_CHOICE");
  await section0.getByRole("button", { name: "Ajouter la question" }).click();
  const choice = section0.getByTestId("question").nth(2);
  await choice.getByLabel("Question 3").fill("Votre chauffage");
  await choice.getByRole("button", { name: "Ajouter un choix" }).click();
  await choice.getByPlaceholder("Choix 1").fill("Bois");
  await choice.getByPlaceholder("Choix 2").fill("Granulés");
  await choice.getByPlaceholder("Choix 3").fill("Fioul");

  // Mouse: the first question is dragged by its handle onto the second one's place.
  await dragWithMouse(page, section0.getByRole("button", { name: "Glisser pour déplacer la question « Prénom »" }), section0.getByRole("button", { name: "Glisser pour déplacer la question « Adresse e-mail »" }));
  await expect(section0.getByLabel("Question 1")).toHaveValue("Adresse e-mail");
  await expect(section0.getByLabel("Question 2")).toHaveValue("Prénom");
  await expect(section0.getByLabel("Question 3")).toHaveValue("Votre chauffage");

  // Keyboard: "Bois" goes down two places (Space, ↓, ↓, Space), told in French to screen readers.
  const moved = section0.getByTestId("question").nth(2);
  await moveWithKeyboard(page, moved.getByRole("button", { name: "Glisser pour déplacer le choix 1" }), "ArrowDown", 2);
  await expect(moved.getByPlaceholder("Choix 1")).toHaveValue("Granulés");
  await expect(moved.getByPlaceholder("Choix 2")).toHaveValue("Fioul");
  await expect(moved.getByPlaceholder("Choix 3")).toHaveValue("Bois");
  await expect(page.getByText("Vous avez déposé le choix 1 en position 3 sur 3.")).toBeAttached();

  // Keyboard again: a second section, then lifted above the first.
  await page.getByRole("button", { name: "Ajouter une section" }).click();
  await page.getByTestId("section-1").getByLabel("Titre de la section").fill("Pour finir");
  await page.getByTestId("section-0").getByLabel("Titre de la section").fill("Votre foyer");
  await section0.getByTestId("question").first().getByLabel("Déplacer vers").selectOption("1");
  await moveWithKeyboard(page, page.getByRole("button", { name: "Glisser pour déplacer la section 2" }), "ArrowUp", 1);
  await expect(page.getByTestId("section-0").getByLabel("Titre de la section")).toHaveValue("Pour finir");
  await expect(page.getByTestId("section-1").getByLabel("Titre de la section")).toHaveValue("Votre foyer");

  // The arrows still work beside the handles.
  await expect(page.getByRole("button", { name: "Monter la section 2" })).toBeVisible();

  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("section-0").getByLabel("Titre de la section")).toHaveValue("Pour finir");
  await expect(page.getByTestId("section-0").getByLabel("Question 1")).toHaveValue("Adresse e-mail");
  await expect(page.getByTestId("section-1").getByLabel("Question 1")).toHaveValue("Prénom");
  await expect(page.getByTestId("section-1").getByLabel("Question 2")).toHaveValue("Votre chauffage");
  await expect(page.getByTestId("section-1").getByPlaceholder("Choix 1")).toHaveValue("Granulés");

  // The public form shows the new order.
  await openForm(page, `/f/${slug}`);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(["Pour finir", "Votre foyer"]);
  const labels = await page.locator("form label, form legend").allInnerTexts();
  const order = ["Adresse e-mail", "Prénom", "Votre chauffage", "Granulés", "Fioul", "Bois"].map((l) => labels.findIndex((t) => t.startsWith(l)));
  expect(order.every((i) => i >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
});
