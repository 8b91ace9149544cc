import AxeBuilder from "@axe-core/playwright";
import { test, expect, signUp, uniqueEmail } from "./fixtures";
import { DEMO_SLUG, DEMO_TITLE, MIN_FILL_MS, createPublishedContest, enterStarterContest, openForm } from "./campaign-helpers";
import type { Browser, Page } from "@playwright/test";
import { openE2eDb } from "./support/e2e-db";

/** A marketer in a desktop window beside the phone. */
async function marketer(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR", timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  await signUp(page);
  return page;
}

test("a respondent on a phone fills the demo contest and is told to confirm the e-mail", async ({ page }) => {
  const email = uniqueEmail("repondant");
  const started = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/f/${DEMO_SLUG}/start`);
  const response = await page.goto(`/f/${DEMO_SLUG}?utm_source=qr&utm_medium=print&utm_campaign=${DEMO_SLUG}`);
  await started;
  // The time trap counts from the start token's issue.
  const loadedAt = Date.now();
  expect(response?.headers()["set-cookie"]).toBeUndefined();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_TITLE);
  await expect(page.locator("[lang=fr]").first()).toBeVisible();

  // Nothing filled: the same schema as the server refuses it, in French, and focus goes to the first error.
  await page.getByRole("button", { name: "Valider ma participation" }).click();
  await expect(page.getByText("Choisissez une réponse.").first()).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Certaines réponses sont à corriger" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "Poêle ou insert à bois" })).toBeFocused();

  await page.getByRole("radio", { name: "Poêle à granulés" }).check();
  await page.getByRole("radio", { name: "Propriétaire" }).check();
  await page.getByRole("radio", { name: "8", exact: true }).check();
  await page.getByLabel("Qu'attendez-vous d'un nouveau mode de chauffage ?").fill("Un chauffage économique et facile à entretenir");
  await page.getByRole("radio", { name: "Moins d'un mois" }).check();
  await page.getByRole("radio", { name: "Une fois par mois" }).check();
  await page.getByRole("radio", { name: "1 500 à 2 000 €" }).check();
  await page.getByLabel("Prénom").fill("Jeanne");
  await page.getByRole("textbox", { name: "Nom", exact: true }).fill("Martin");
  await page.getByLabel("Adresse e-mail").fill(email.toUpperCase());
  await page.getByLabel("Téléphone").fill("12");
  await page.getByLabel("Code postal").fill("69003");
  await page.getByRole("checkbox", { name: /Je déclare avoir au moins 18 ans/ }).check();
  await page.getByRole("checkbox", { name: /Recevoir les offres commerciales/ }).check();
  await page.getByRole("checkbox", { name: /J'ai lu et j'accepte le règlement/ }).check();
  await page.getByRole("button", { name: "Valider ma participation" }).click();
  await expect(page.getByText("Saisissez un numéro de téléphone valide")).toBeVisible();
  await page.getByLabel("Téléphone").fill("06 12 34 56 78");

  // The notice is one tap away, above the submit button.
  await page.getByText("Comment vos données sont utilisées").click();
  await expect(page.getByTestId("notice")).toContainText("Bloctel");
  await expect(page.getByTestId("notice")).toContainText("CNIL");

  await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - loadedAt)));
  await page.getByRole("button", { name: "Valider ma participation" }).click();
  await expect(page).toHaveURL(new RegExp(`/f/${DEMO_SLUG}/merci\\?r=`));
  await expect(page.getByRole("heading", { name: "Merci, c'est presque fini !" })).toBeVisible();
  await expect(page.getByTestId("thanks")).toContainText(`Nous venons d'envoyer un e-mail à r•••@example.test`);
  await expect(page.getByTestId("thanks")).toContainText("confirmer votre adresse");
  // No cookie at any step of the respondent's visit.
  expect(await page.context().cookies()).toEqual([]);

  // Same address again (other case): one entry per e-mail per campaign, but the form does not say whether the
  // address had entered (anyone could ask it): the same thank-you page; the address's owner is mailed instead.
  await enterDemoMinimal(page, email);
  await expect(page.getByRole("heading", { name: "Merci, c'est presque fini !" })).toBeVisible();
  await expect(page.getByTestId("thanks")).toContainText(`Nous venons d'envoyer un e-mail à r•••@example.test`);
  const db = openE2eDb();
  const mails = db.prepare(`SELECT "kind" FROM "OutboxMail" WHERE "toAddress" = ? ORDER BY "createdAt"`).all(email) as { kind: string }[];
  const entries = (db.prepare(`SELECT COUNT(*) AS n FROM "Response" WHERE "dedupeKey" = ?`).get(email) as { n: number }).n;
  db.close();
  expect(mails.map((m) => m.kind)).toEqual(["optin.confirmation", "entry.repeat"]);
  expect(entries).toBe(1);
});

/** The demo form with only its required answers. */
async function enterDemoMinimal(page: Page, email: string, beforeSubmit?: () => Promise<void>) {
  const loadedAt = await openForm(page, `/f/${DEMO_SLUG}`);
  await page.getByRole("radio", { name: "Chaudière fioul" }).check();
  await page.getByRole("radio", { name: "Locataire" }).check();
  await page.getByRole("radio", { name: "3", exact: true }).check();
  await page.getByRole("radio", { name: "Jamais" }).first().check();
  await page.getByRole("radio", { name: "Jamais" }).last().check();
  await page.getByRole("radio", { name: "Moins de 500 €" }).check();
  await page.getByLabel("Prénom").fill("Paul");
  await page.getByRole("textbox", { name: "Nom", exact: true }).fill("Durand");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Code postal").fill("38000");
  await page.getByRole("checkbox", { name: /Je déclare avoir au moins 18 ans/ }).check();
  await page.getByRole("checkbox", { name: /J'ai lu et j'accepte le règlement/ }).check();
  await beforeSubmit?.();
  await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - loadedAt)));
  await page.getByRole("button", { name: "Valider ma participation" }).click();
}

test("a honeypot submission gets the normal thank-you page but is dropped", async ({ page }) => {
  const email = uniqueEmail("robot");
  await enterDemoMinimal(page, email, () => page.locator('input[name="website"]').fill("http://spam.example", { force: true }));
  await expect(page.getByRole("heading", { name: "Merci, c'est presque fini !" })).toBeVisible();
  // Stored as rejected (no dedupe key): the same address can still enter for real.
  await enterDemoMinimal(page, email);
  await expect(page.getByRole("heading", { name: "Merci, c'est presque fini !" })).toBeVisible();
  // The third is a repeat of the second: answered the same, nothing stored (no oracle).
  await enterDemoMinimal(page, email);
  await expect(page.getByRole("heading", { name: "Merci, c'est presque fini !" })).toBeVisible();
});

test("the respondent form has no serious or critical accessibility violation", async ({ page }) => {
  await page.goto(`/f/${DEMO_SLUG}`);
  await page.getByRole("button", { name: "Valider ma participation" }).click();
  await expect(page.getByText("Choisissez une réponse.").first()).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("not-open, closed and unknown forms; a page loaded before closing cannot submit", async ({ page, browser }) => {
  const desk = await marketer(browser);
  const later = await createPublishedContest(desk, { title: "Bientôt", opensInHours: 48 });
  await page.goto(`/f/${later.slug}`);
  await expect(page.getByTestId("not-open")).toContainText("pas encore ouvert");
  await expect(page.getByRole("button", { name: "Valider ma participation" })).toHaveCount(0);

  const open = await createPublishedContest(desk, { title: "Ouvert puis clos" });
  // The respondent loads the form and fills it; meanwhile the marketer closes the campaign.
  const loadedAt = await openForm(page, `/f/${open.slug}`);
  await page.getByLabel("Prénom").fill("Jeanne");
  await page.getByLabel("Adresse e-mail").fill(uniqueEmail("tardif"));
  await page.getByRole("checkbox", { name: /J'ai lu et j'accepte le règlement/ }).check();
  desk.on("dialog", (d) => d.accept());
  await desk.getByRole("button", { name: "Clore maintenant" }).click();
  await expect(desk.getByText("Campagne close.")).toBeVisible();
  await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - loadedAt)));
  await page.getByRole("button", { name: "Valider ma participation" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Ce formulaire est clos" })).toBeVisible();
  await expect(page).not.toHaveURL(/merci/);

  await page.reload();
  await expect(page.getByTestId("closed")).toContainText("Merci de votre intérêt");
  await expect(page.getByRole("button", { name: "Valider ma participation" })).toHaveCount(0);

  expect((await page.goto(`/f/inconnu-${Date.now()}`))?.status()).toBe(404);
  // Unpublished: 404 as well.
  await desk.goto(`/campagnes/${later.id}`);
  await desk.getByRole("button", { name: "Dépublier" }).click();
  await expect(desk.getByText("Campagne dépubliée.")).toBeVisible();
  expect((await page.goto(`/f/${later.slug}`))?.status()).toBe(404);
  await desk.context().close();
});

test("a starter contest made in the builder takes an entry and quietly stores no second one for the same address", async ({ page, browser }) => {
  const desk = await marketer(browser);
  const { slug } = await createPublishedContest(desk);
  await desk.context().close();
  const email = uniqueEmail("starter");
  await enterStarterContest(page, slug, email, { consent: true });
  await expect(page.getByTestId("thanks")).toBeVisible();
  await enterStarterContest(page, slug, email.replace("@", "+bis@"));
  await expect(page.getByTestId("thanks")).toBeVisible();
  const db = openE2eDb();
  const entries = (db.prepare(`SELECT COUNT(*) AS n FROM "Response" r JOIN "Campaign" c ON c."id" = r."campaignId" WHERE c."slug" = ? AND r."status" = 'ACCEPTED'`).get(slug) as { n: number }).n;
  db.close();
  expect(entries).toBe(1);
});

test("the submit endpoint refuses foreign origins and malformed or forged entries with clear 4xx answers", async ({ request, baseURL }) => {
  const url = `/api/f/${DEMO_SLUG}/submit`;
  const foreign = await request.post(url, { data: {}, headers: { origin: "https://evil.example" } });
  expect(foreign.status()).toBe(403);
  const headers = { origin: baseURL!, "content-type": "application/json" };
  const garbage = await request.post(url, { data: Buffer.from("{not json"), headers });
  expect(garbage.status()).toBe(400);
  expect((await garbage.json()).error).toBe("Requête illisible : le contenu envoyé n'est pas du JSON valide.");
  const forged = await request.post(url, { data: { answers: {}, consents: { "not-a-purpose": true }, rulesAccepted: true }, headers });
  expect(forged.status()).toBe(422);
  const body = await forged.json();
  expect(body.error).toBe("Certaines réponses sont à corriger.");
  expect(body.fieldErrors.consents).toBe("respondent.errors.unknownPurpose");
  expect((await request.post(`/api/f/inconnu-${Date.now()}/submit`, { data: {}, headers })).status()).toBe(404);
});

test("an under-15 ticking a marketing box is asked for a parent's consent when the campaign says so", async ({ page, browser }) => {
  const desk = await marketer(browser);
  await desk.goto("/campagnes/nouvelle");
  await desk.getByLabel("Titre").fill("Concours des petits");
  await desk.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(desk).toHaveURL(/\/campagnes\/c[a-z0-9]+$/);
  await desk.getByLabel("Lot à gagner").fill("Un livre");
  await desk.getByLabel("Règlement du jeu").fill("Jeu gratuit.");
  await desk.getByLabel("Moins de 15 ans et consentements").selectOption("PARENTAL_CONSENT");
  await desk.getByLabel("Type de la nouvelle question").selectOption("BIRTH_DATE");
  await desk.getByRole("button", { name: "Ajouter la question" }).click();
  const birth = desk.getByTestId("question").last();
  await expect(birth.getByLabel("Question 3")).toHaveValue("Date de naissance");
  await expect(birth.getByLabel("Réponse obligatoire")).toBeChecked();
  await desk.getByRole("button", { name: "Enregistrer" }).click();
  await expect(desk.getByText("Modifications enregistrées.")).toBeVisible();
  await desk.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(desk.getByText("Campagne publiée.")).toBeVisible();
  const slug = (await desk.getByTestId("public-url").textContent())!.split("/f/").pop()!;
  await desk.context().close();

  const loadedAt = await openForm(page, `/f/${slug}`);
  await page.getByLabel("Prénom").fill("Lou");
  await page.getByLabel("Adresse e-mail").fill(uniqueEmail("mineur"));
  await page.getByLabel("Date de naissance").fill(`${new Date().getFullYear() - 12}-05-01`);
  await page.getByRole("checkbox", { name: /Recevoir les offres commerciales/ }).check();
  await page.getByRole("checkbox", { name: /J'ai lu et j'accepte le règlement/ }).check();
  // A box the child ticks is not a parent's consent: a parent's own address is asked (the parent then confirms by mail).
  const parent = page.getByRole("textbox", { name: "Adresse e-mail d'un de tes parents" });
  await expect(parent).toBeVisible();
  await page.getByRole("button", { name: "Valider ma participation" }).click();
  await expect(page.getByText("Indique l'adresse e-mail d'un de tes parents, ou décoche tes choix.")).toBeVisible();
  await parent.fill(uniqueEmail("parent"));
  await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - loadedAt)));
  await page.getByRole("button", { name: "Valider ma participation" }).click();
  await expect(page.getByTestId("thanks")).toBeVisible();
});
