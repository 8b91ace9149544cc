import { test, expect, signUp } from "./fixtures";
import { DEMO_SLUG } from "./campaign-helpers";

test("the phone preview beside the editor follows the draft as the marketer types, without saving and without sending", async ({ page }) => {
  await signUp(page, { organisation: "Poêles Aperçu" });
  await page.goto("/campagnes/nouvelle");
  await page.getByLabel("Jeu concours").check();
  await page.getByLabel("Titre").fill("Gagnez un poêle");
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(page).toHaveURL(/\/campagnes\/c[a-z0-9]+$/);

  // Wide screen: the preview stands beside the editor, phone-sized, with the respondent's own form.
  const section = page.getByTestId("live-preview");
  await expect(section).toBeVisible();
  // The phone is a frame of its own: its fields never mix with the builder's.
  const preview = page.frameLocator('[data-testid="live-preview"] iframe');
  const frame = (await page.getByTestId("live-preview-screen").boundingBox())!;
  const editor = (await page.getByTestId("builder-form").boundingBox())!;
  expect(frame.width).toBeLessThanOrEqual(375);
  expect(frame.x).toBeGreaterThan(editor.x + editor.width - 1);
  await expect(preview.getByRole("heading", { level: 1 })).toHaveText("Gagnez un poêle");
  // Its layout sees a phone's width, not the desktop's.
  expect(await preview.locator("body").evaluate(() => window.innerWidth)).toBeLessThanOrEqual(375);

  // Typing changes it at once; nothing is saved.
  await page.getByRole("textbox", { name: "Titre", exact: true }).fill("Gagnez un poêle à granulés");
  await page.getByLabel("Texte d'introduction").fill("Tentez votre chance avant le 31 décembre.");
  await page.getByLabel("Lot à gagner").fill("Un poêle Durand 8 kW");
  await page.getByLabel("Question 1").fill("Votre prénom");
  await expect(preview.getByRole("heading", { level: 1 })).toHaveText("Gagnez un poêle à granulés");
  await expect(preview.locator("main")).toContainText("Tentez votre chance avant le 31 décembre.");
  await expect(preview.locator("main")).toContainText("À gagner : Un poêle Durand 8 kW");
  await expect(preview.getByLabel("Votre prénom")).toBeVisible();
  await expect(page.getByText("Modifications non enregistrées")).toBeVisible();

  // A question added in the editor appears in the phone, with its choices as they are typed.
  await page.getByLabel("Type de la nouvelle question").selectOption("SINGLE_CHOICE");
  await page.getByRole("button", { name: "Ajouter la question" }).click();
  const added = page.getByTestId("question").last();
  await added.getByLabel("Question 3").fill("Votre chauffage actuel");
  await added.getByPlaceholder("Choix 1").fill("Bois");
  await added.getByPlaceholder("Choix 2").fill("Fioul");
  await expect(preview.getByRole("group", { name: "Votre chauffage actuel" }).getByRole("radio")).toHaveCount(2);
  await expect(preview.getByRole("radio", { name: "Fioul" })).toBeVisible();

  // The language of the form: the phone speaks it at once.
  await page.getByLabel("Langue du formulaire").selectOption("en");
  await expect(preview.getByRole("button", { name: "Enter the contest" })).toBeVisible();
  await page.getByLabel("Langue du formulaire").selectOption("fr");

  // Trying the form in the phone never sends anything.
  const sent: string[] = [];
  page.on("request", (r) => {
    if (/\/api\/f\//.test(r.url())) sent.push(r.url());
  });
  await preview.getByLabel("Votre prénom").fill("Jeanne");
  await preview.getByLabel("Adresse e-mail").fill("jeanne@example.test");
  await preview.getByRole("radio", { name: "Bois" }).check();
  await preview.getByRole("checkbox", { name: /J'ai lu et j'accepte le règlement/ }).check();
  await preview.getByRole("button", { name: "Valider ma participation" }).click();
  await expect(preview.getByRole("alert")).toHaveText("Aperçu : l'envoi est désactivé.");
  expect(sent).toEqual([]);
  await expect(page.getByText("Modifications non enregistrées")).toBeVisible();

  // Narrow screen: the preview hides behind a toggle.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(section).toBeHidden();
  await page.getByRole("button", { name: "Voir l'aperçu en direct" }).click();
  await expect(section).toBeVisible();
  await expect(preview.getByRole("heading", { level: 1 })).toHaveText("Gagnez un poêle à granulés");
  await page.getByRole("button", { name: "Masquer l'aperçu" }).click();
  await expect(section).toBeHidden();
});

test("the public form's scripts carry none of the builder's code", async ({ request }) => {
  const html = await (await request.get(`/f/${DEMO_SLUG}`)).text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  expect(scripts.length).toBeGreaterThan(0);
  for (const src of scripts) {
    const js = await (await request.get(src)).text();
    // Markers of the live preview and of drag and drop (test ids and the dnd-kit's live region survive minifying).
    expect(js, src).not.toContain("live-preview");
    expect(js, src).not.toContain("drag-handle");
    expect(js, src).not.toContain("DndLiveRegion");
  }
});
