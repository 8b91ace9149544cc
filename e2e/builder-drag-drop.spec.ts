import type { Locator, Page } from "@playwright/test";
import { test, expect, signUp } from "./fixtures";
import { createPublishedContest, openForm } from "./campaign-helpers";

/**
 * Drags one handle onto another with the mouse as a hand would: press, a few small steps past
 * the PointerSensor's 4 px activation distance, then on to the target in many steps. Both are
 * first brought to the middle of the screen, clear of the sticky save bar.
 */
async function dragWithMouse(page: Page, handle: Locator, target: Locator) {
  await handle.evaluate((el) => el.scrollIntoView({ block: "center" }));
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  const x = from.x + from.width / 2;
  const y = from.y + from.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let dy = 2; dy <= 10; dy += 2) await page.mouse.move(x, y + Math.sign(to.y - from.y) * dy);
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 + Math.sign(to.y - from.y) * 4, { steps: 25 });
  await page.waitForTimeout(250);
  await page.mouse.up();
}

/**
 * Space to lift, arrows to move, Space to drop: the keyboard way, step by step. Each key waits for what the
 * screen reader is told of the one before (dnd-kit's live region), not for a set time: a busy machine may
 * take longer to pick the item up than a person takes to press the arrow.
 */
async function moveWithKeyboard(page: Page, handle: Locator, key: "ArrowUp" | "ArrowDown", times: number) {
  await handle.focus();
  await page.keyboard.press("Space");
  // Each list has its own live region; this drag's says "Vous avez saisi …, en position 2 sur 3.", soon
  // followed by "Position 2 sur 3 pour …" (over its own place). The others still tell their last drop.
  const picked = page.locator('[id^="DndLiveRegion"]').filter({ hasText: /^(Vous avez saisi .*, en position|Position) \d+ sur \d+/ });
  const region = page.locator(`[id="${await picked.getAttribute("id")}"]`);
  const [, from, count] = /osition (\d+) sur (\d+)/.exec((await region.textContent()) ?? "")!;
  for (let n = 1; n <= times; n++) {
    await page.keyboard.press(key);
    await expect(region).toHaveText(new RegExp(`^Position ${Number(from) + (key === "ArrowDown" ? n : -n)} sur ${count} pour `));
  }
  await page.keyboard.press("Space");
  await expect(region).toHaveText(/^Vous avez déposé /);
}

test("sections, questions and choices are reordered from the keyboard by their handles, and the order is saved and shown on the public form", async ({ page }) => {
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

  // Keyboard: the first question goes down one place (Space, ↓, Space).
  await moveWithKeyboard(page, section0.getByRole("button", { name: "Glisser pour déplacer la question « Prénom »" }), "ArrowDown", 1);
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

test("a choice is dragged with the mouse onto another's place", async ({ page }) => {
  await signUp(page, { organisation: "Poêles Souris" });
  await createPublishedContest(page, { title: "Ordre à la souris" });
  const section0 = page.getByTestId("section-0");
  await page.getByLabel("Type de la nouvelle question").first().selectOption("SINGLE_CHOICE");
  await section0.getByRole("button", { name: "Ajouter la question" }).click();
  const choice = section0.getByTestId("question").last();
  await choice.getByRole("button", { name: "Ajouter un choix" }).click();
  await choice.getByPlaceholder("Choix 1").fill("Bois");
  await choice.getByPlaceholder("Choix 2").fill("Granulés");
  await choice.getByPlaceholder("Choix 3").fill("Fioul");
  await dragWithMouse(page, choice.getByRole("button", { name: "Glisser pour déplacer le choix 1" }), choice.getByRole("button", { name: "Glisser pour déplacer le choix 3" }));
  await expect(choice.getByPlaceholder("Choix 1")).toHaveValue("Granulés");
  await expect(choice.getByPlaceholder("Choix 2")).toHaveValue("Fioul");
  await expect(choice.getByPlaceholder("Choix 3")).toHaveValue("Bois");
});
