import type { Browser, Page } from "@playwright/test";
import { test, expect, signUp, signIn, uniqueEmail, waitForMail, mails, PASSWORD } from "./fixtures";

// Each journey signs up one or two marketers and opens several browsers: more than the default minute on a busy machine.
test.describe.configure({ timeout: 150_000 });

// Accounts around the builder: password reset by e-mail, change of password and e-mail,
// sessions that end, removing members and revoking invitations, an existing account
// joining another organisation and switching between them, the digest opt-in.

/** A second, separate browser (its own cookies): another device of the same person, or another person. */
async function otherBrowser(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/** The link to `path` in a captured mail. */
function linkIn(text: string, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path}/[A-Za-z0-9_-]+`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[0];
}

/** Signed in (the dashboard answers), or sent back to the sign-in page. */
async function expectSignedOut(page: Page) {
  await page.goto("/campagnes");
  await expect(page).toHaveURL(/\/connexion/);
}

test("a forgotten password is reset from the mailed link, once; the same answer for an unknown address; the old session ends", async ({ page, browser, request }) => {
  const { email } = await signUp(page);
  // Another browser, signed out: asks for a reset.
  const other = await otherBrowser(browser);
  await other.goto("/connexion");
  await other.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expect(other.getByRole("heading", { name: "Mot de passe oublié" })).toBeVisible();
  await other.getByLabel("Adresse e-mail").fill(uniqueEmail("nobody"));
  await other.getByRole("button", { name: "Envoyer le lien" }).click();
  const sent = "Si un compte existe avec cette adresse, un lien vient d'y être envoyé. Il fonctionne une seule fois, pendant une heure.";
  await expect(other.getByText(sent)).toBeVisible();
  await other.goto("/mot-de-passe-oublie");
  await other.getByLabel("Adresse e-mail").fill(email);
  await other.getByRole("button", { name: "Envoyer le lien" }).click();
  await expect(other.getByText(sent)).toBeVisible();

  const mail = await waitForMail(request, email, /Réinitialiser votre mot de passe/);
  const link = linkIn(mail.text, "/mot-de-passe");
  await other.goto(link);
  await other.getByLabel("Nouveau mot de passe").fill("un-tout-nouveau-mot-de-passe");
  await other.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(other.getByText("Mot de passe enregistré. Connectez-vous avec votre nouveau mot de passe.")).toBeVisible();

  // The link works once: opened again, it says so (and the proxy answers 200 "used", not the form).
  await other.goto(link);
  await expect(other.getByRole("heading", { name: "Lien déjà utilisé" })).toBeVisible();
  const unknown = await other.goto(`${new URL(link).origin}/mot-de-passe/${"x".repeat(43)}`);
  expect(unknown?.status()).toBe(404);

  // The first browser's session, signed in before the reset, is over.
  await expectSignedOut(page);
  await signIn(other, email, PASSWORD);
  await expect(other.getByRole("alert").filter({ hasText: /./ })).toHaveText("E-mail ou mot de passe incorrect.");
  await signIn(other, email, "un-tout-nouveau-mot-de-passe");
  await expect(other).toHaveURL(/\/campagnes/);
  expect((await mails(request)).filter((m) => /Réinitialiser/.test(m.subject) && m.to.some((to) => to.startsWith("nobody")))).toEqual([]);
});

test("changing the password asks the current one and ends the other browser's session, not this one's", async ({ page, browser }) => {
  const { email } = await signUp(page);
  const other = await otherBrowser(browser);
  await signIn(other, email);
  await expect(other).toHaveURL(/\/campagnes/);

  await page.getByRole("link", { name: "Mon compte" }).click();
  await page.getByLabel("Mot de passe actuel").first().fill("pas-le-bon-mot-de-passe");
  await page.getByLabel("Nouveau mot de passe").fill("encore-un-nouveau-mot-de-passe");
  await page.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(page.getByText("Le mot de passe actuel est incorrect.")).toBeVisible();
  await page.getByLabel("Mot de passe actuel").first().fill(PASSWORD);
  await page.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(page.getByText("Mot de passe changé. Vos autres sessions sont fermées.")).toBeVisible();

  await expectSignedOut(other);
  await page.goto("/campagnes");
  await expect(page).toHaveURL(/\/campagnes/);
});

test("changing the e-mail takes effect only from the link sent to the new address", async ({ page, request }) => {
  const { email } = await signUp(page);
  const newEmail = uniqueEmail("moved");
  await page.goto("/compte");
  await page.getByLabel("Nouvelle adresse e-mail").fill(newEmail);
  await page.locator("#email-current-password").fill(PASSWORD);
  await page.getByRole("button", { name: "Envoyer le lien de confirmation" }).click();
  await expect(page.getByText(/un lien de confirmation vient d'y être envoyé/)).toBeVisible();

  const mail = await waitForMail(request, newEmail, /Confirmez votre nouvelle adresse/);
  await page.goto(linkIn(mail.text, "/confirmer-adresse"));
  // A visit changes nothing (mail scanners open links): the button does.
  await page.getByRole("button", { name: "Confirmer l'adresse" }).click();
  await expect(page.getByText(`Adresse confirmée : connectez-vous désormais avec ${newEmail}.`)).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, email);
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText("E-mail ou mot de passe incorrect.");
  await signIn(page, newEmail);
  await expect(page).toHaveURL(/\/campagnes/);
});

test("an owner removes a member and revokes an invitation after confirming; the removed member's session ends", async ({ page, browser }) => {
  await signUp(page, { organisation: "Maison Dupont" });
  await page.goto("/parametres/membres");
  const editorEmail = uniqueEmail("editor");
  await page.getByLabel("E-mail de la personne").fill(editorEmail);
  await page.getByRole("button", { name: "Inviter" }).click();
  const link = (await page.getByTestId("invitation-link").textContent())!;

  const editor = await otherBrowser(browser);
  await editor.goto(link);
  await editor.getByLabel("Votre nom").fill("Éditrice");
  await editor.getByLabel("Mot de passe").fill(PASSWORD);
  await editor.getByRole("button", { name: "Rejoindre l'organisation" }).click();
  await expect(editor).toHaveURL(/\/campagnes/);

  // A second invitation, revoked: its link stops working.
  const revokedEmail = uniqueEmail("revoked");
  await page.getByLabel("E-mail de la personne").fill(revokedEmail);
  await page.getByRole("button", { name: "Inviter" }).click();
  await expect(page.getByTestId("invitation-link")).not.toHaveText(link);
  const revokedLink = (await page.getByTestId("invitation-link").textContent())!;
  await page.reload();
  const invitation = page.getByRole("listitem").filter({ hasText: revokedEmail });
  await invitation.getByRole("button", { name: "Révoquer" }).click();
  await expect(invitation.getByText(`Révoquer l'invitation de ${revokedEmail} ? Le lien ne fonctionnera plus.`)).toBeVisible();
  await invitation.getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByText(revokedEmail)).toHaveCount(0);
  const revoked = await otherBrowser(browser);
  const revokedResponse = await revoked.goto(revokedLink);
  expect(revokedResponse?.status()).toBe(404);

  // The member's removal: cancel first (nothing happens), then confirm.
  const row = page.getByRole("row").filter({ hasText: editorEmail });
  await row.getByRole("button", { name: "Retirer" }).click();
  await row.getByRole("button", { name: "Annuler" }).click();
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: "Retirer" }).click();
  await expect(row.getByText(`Retirer ${editorEmail} de l'organisation ? Ses sessions seront fermées.`)).toBeVisible();
  await row.getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByRole("row").filter({ hasText: editorEmail })).toHaveCount(0);
  await expectSignedOut(editor);

  // The last owner cannot remove themself.
  const me = page.getByRole("row").filter({ hasText: "(vous)" });
  await me.getByRole("button", { name: "Retirer" }).click();
  await me.getByRole("button", { name: "Confirmer" }).click();
  await expect(me.getByRole("alert")).toHaveText("L'organisation doit garder au moins un propriétaire.");
});

test("an existing account accepts an invitation with its password and switches between its two organisations", async ({ page, browser }) => {
  await signUp(page, { organisation: "Agence Nord" });
  const invited = await otherBrowser(browser);
  const { email } = await signUp(invited, { organisation: "Studio Sud" });
  await invited.context().clearCookies();

  await page.goto("/parametres/membres");
  await page.getByLabel("E-mail de la personne").fill(email);
  await page.getByLabel("Rôle", { exact: true }).selectOption("VIEWER");
  await page.getByRole("button", { name: "Inviter" }).click();
  const link = (await page.getByTestId("invitation-link").textContent())!;

  await invited.goto(link);
  await expect(invited.getByRole("heading", { name: "Rejoindre Agence Nord" })).toBeVisible();
  await invited.getByLabel("Mot de passe").fill("pas-le-bon-mot-de-passe");
  await invited.getByRole("button", { name: "Rejoindre avec mon compte" }).click();
  await expect(invited.getByText("E-mail ou mot de passe incorrect.")).toBeVisible();
  await invited.getByLabel("Mot de passe").fill(PASSWORD);
  await invited.getByRole("button", { name: "Rejoindre avec mon compte" }).click();
  await expect(invited).toHaveURL(/\/campagnes/);
  await expect(invited.getByTestId("current-member")).toHaveText("Agence Nord · Lecteur");

  const switcher = invited.getByLabel("Changer d'organisation");
  await switcher.selectOption({ label: "Studio Sud" });
  await expect(invited.getByTestId("current-member")).toHaveText("Studio Sud · Propriétaire");
  await invited.goto("/parametres/membres");
  await expect(invited.getByRole("heading", { name: "Membres" })).toBeVisible();
  await invited.getByLabel("Changer d'organisation").selectOption({ label: "Agence Nord" });
  await expect(invited.getByTestId("current-member")).toHaveText("Agence Nord · Lecteur");
  // The viewer's rights in Agence Nord apply: no settings there.
  const settings = await invited.goto("/parametres/membres");
  expect(settings?.status()).toBe(403);
});

test("a member asks for the daily digest of a campaign on their account page", async ({ page }) => {
  await signUp(page);
  await page.goto("/campagnes/nouvelle");
  await page.getByLabel("Jeu concours").check();
  await page.getByLabel("Titre").fill("Jeu du digest");
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(page).toHaveURL(/\/campagnes\/c[a-z0-9]+$/);

  await page.goto("/compte");
  const box = page.getByLabel("Recevoir le récapitulatif de « Jeu du digest »");
  await expect(box).not.toBeChecked();
  await box.check();
  await expect(page.getByRole("status").filter({ hasText: "Enregistré." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Recevoir le récapitulatif de « Jeu du digest »")).toBeChecked();
});
