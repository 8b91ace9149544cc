import { test, expect, signUp, uniqueEmail, waitForMail, type CapturedMail } from "./fixtures";
import { MIN_FILL_MS, openForm } from "./campaign-helpers";

// The thank-you page as a marketer sets it up (a desktop beside the phone) and a respondent
// lives it on a phone: the marketer's message, a redirect that only http(s) may name, and
// the lead magnet's own delivery words with the reward after confirming the address.

function linkIn(mail: CapturedMail, path: RegExp): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((l) => path.test(new URL(l).pathname));
  if (!link) throw new Error(`no link matching ${path} in:\n${mail.text}`);
  return link;
}

// A long journey (a desk and a phone) on a machine shared with other builds.
test.describe.configure({ timeout: 180_000 });

test("a lead magnet's thank-you message, redirect and delivery text, on a phone", async ({ page: phone, browser, baseURL }) => {
  const desk = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR", timezoneId: "Europe/Paris" })).newPage();
  await signUp(desk);
  await desk.goto("/campagnes/nouvelle");
  await desk.getByLabel("Lead magnet").check();
  await desk.getByLabel("Titre").fill(`Guide ${Date.now().toString(36)}`);
  await desk.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(desk).toHaveURL(/\/campagnes\/c[a-z0-9]+$/);

  await desk.getByLabel("Lien du contenu offert").fill("https://exemple.fr/guide-granules.pdf");
  await desk.getByLabel("Message de remerciement").fill("Merci Jeanne ! Votre guide du chauffage au granulé arrive.");
  await desk.getByLabel("Texte de remise du contenu offert").fill("Voici votre guide : 40 pages pour bien choisir votre poêle.");
  // A script address is refused in the builder, before anything is sent.
  await desk.getByLabel("Redirection après le remerciement").fill("javascript:alert(document.cookie)");
  await desk.getByRole("button", { name: "Enregistrer" }).click();
  await expect(desk.getByText("Saisissez une adresse web commençant par http:// ou https://")).toBeVisible();
  await expect(desk.getByLabel("Redirection après le remerciement")).toHaveAttribute("aria-invalid", "true");
  // An ordinary web address is kept (here the app's own home page, the machine being offline).
  const next = `${baseURL}/?depuis=merci`;
  await desk.getByLabel("Redirection après le remerciement").fill(next);
  await desk.getByRole("button", { name: "Enregistrer" }).click();
  await expect(desk.getByText("Modifications enregistrées.")).toBeVisible();
  await desk.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(desk.getByText("Campagne publiée.")).toBeVisible();
  const slug = (await desk.getByTestId("public-url").textContent())!.split("/f/").pop()!;

  // The respondent, on a phone.
  const email = uniqueEmail("merci");
  const loadedAt = await openForm(phone, `/f/${slug}`);
  await phone.getByLabel("Prénom").fill("Jeanne");
  await phone.getByLabel("Adresse e-mail").fill(email);
  await phone.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - loadedAt)));
  await phone.getByRole("button", { name: "Recevoir mon contenu" }).click();
  await expect(phone.getByTestId("thanks-message")).toHaveText("Merci Jeanne ! Votre guide du chauffage au granulé arrive.");
  // The reminder to confirm the address stays beside the marketer's words.
  await expect(phone.getByText(/Cliquez sur le lien qu'il contient pour confirmer votre adresse/)).toBeVisible();
  await expect(phone.getByTestId("thanks-redirect")).toContainText(`Vous allez être redirigé vers ${new URL(next).host}`);
  await expect(phone.getByRole("link", { name: "Continuer" })).toHaveAttribute("href", next);
  // A few seconds later the phone is where the marketer sends it, without any script of ours.
  await phone.waitForURL(next, { timeout: 15_000 });

  // Confirming the address: the delivery text comes with the reward, on the page and in the mail.
  const confirmation = await waitForMail(phone.request, email, /Confirmez votre adresse e-mail/);
  await phone.goto(linkIn(confirmation, /^\/c\//));
  await phone.getByRole("button", { name: "Confirmer" }).click();
  await expect(phone.getByTestId("reward-text")).toHaveText("Voici votre guide : 40 pages pour bien choisir votre poêle.");
  await expect(phone.getByRole("link", { name: "Accéder au contenu" })).toHaveAttribute("href", "https://exemple.fr/guide-granules.pdf");
  await expect(phone.getByTestId("thanks-next")).toHaveAttribute("href", next);
  const reward = await waitForMail(phone.request, email, /^Votre contenu/);
  expect(reward.text).toContain("Voici votre guide : 40 pages pour bien choisir votre poêle.");
  await desk.context().close();
});
