import { test, expect, signUp, signIn, uniqueEmail, PASSWORD } from "./fixtures";

test("sign up lands on an empty French dashboard, switches to English, signs out and in again", async ({ page }) => {
  const { email } = await signUp(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { name: "Aucune campagne pour l'instant" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Navigation principale" })).toContainText("Campagnes");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "No campaign yet" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { name: "Aucune campagne pour l'instant" })).toBeVisible();

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion/);
  await page.goto("/campagnes");
  await expect(page).toHaveURL(/\/connexion/);

  await signIn(page, email);
  await expect(page).toHaveURL(/\/campagnes/);
  await page.goto("/parametres/audit");
  await expect(page.getByRole("cell", { name: /s'est connecté·e$/ }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: /a créé son compte$/ })).toBeVisible();
});

test("a wrong password and an unknown account get the same French error", async ({ page }) => {
  const { email } = await signUp(page);
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/connexion/);

  await signIn(page, email, "pas-le-bon-mot-de-passe");
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText("E-mail ou mot de passe incorrect.");
  await signIn(page, uniqueEmail("nobody"), "pas-le-bon-mot-de-passe");
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText("E-mail ou mot de passe incorrect.");
});

test("sign-in is rate limited", async ({ page }) => {
  const email = uniqueEmail("target");
  for (let i = 0; i < 5; i++) {
    await signIn(page, email, `mauvais-${i}`);
    await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText("E-mail ou mot de passe incorrect.");
  }
  await signIn(page, email, "mauvais-encore");
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText("Trop de tentatives. Réessayez dans quelques minutes.");
});

test("an invited viewer sees statistics pages but not the audit log, settings or contacts", async ({ page, browser }) => {
  await signUp(page);
  await page.goto("/parametres/membres");
  const viewerEmail = uniqueEmail("viewer");
  await page.getByLabel("E-mail de la personne").fill(viewerEmail);
  await page.getByLabel("Rôle", { exact: true }).selectOption("VIEWER");
  await page.getByRole("button", { name: "Inviter" }).click();
  const link = await page.getByTestId("invitation-link").textContent();
  expect(link).toContain("/invitation/");

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await viewer.goto(link!);
  await viewer.getByLabel("Votre nom").fill("Valérie Lecture");
  await viewer.getByLabel("Mot de passe").fill(PASSWORD);
  await viewer.getByRole("button", { name: "Rejoindre l'organisation" }).click();
  await expect(viewer).toHaveURL(/\/campagnes/);
  await expect(viewer.getByTestId("current-member")).toContainText("Lecteur");
  await expect(viewer.getByRole("link", { name: "Paramètres" })).toHaveCount(0);

  for (const path of ["/parametres/audit", "/parametres/organisation", "/parametres/membres", "/contacts"]) {
    const response = await viewer.goto(path);
    expect(response?.status()).toBe(403);
    await expect(viewer.getByRole("heading", { name: "Accès refusé" })).toBeVisible();
  }
  await viewerContext.close();

  await page.goto("/parametres/audit");
  await expect(page.getByRole("cell", { name: /a invité un membre$/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Valérie Lecture a rejoint l'organisation" })).toBeVisible();
});

test("security headers are set and errors never show a stack trace", async ({ request }) => {
  const response = await request.get("/connexion");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
  const missing = await request.get("/nimporte-quoi");
  expect(missing.status()).toBe(404);
  expect(await missing.text()).not.toMatch(/at .*\.js:\d+/);
});
