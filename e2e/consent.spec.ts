import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect, signIn, uniqueEmail, waitForMail, type CapturedMail } from "./fixtures";
import { DEMO_SLUG, DEMO_TITLE, MIN_FILL_MS, openForm } from "./campaign-helpers";

const DEMO_OWNER = { email: "demo@aimant.local", password: "demo-aimant-2026" };
const RECONTACT = /Recevoir les offres commerciales/;

/** Enters the demo contest with the required answers and the recontact consent; lands on the thank-you page. */
async function enterDemo(page: Page, email: string) {
  const loadedAt = await openForm(page, `/f/${DEMO_SLUG}?utm_source=newsletter`);
  await page.getByRole("radio", { name: "Chaudière gaz" }).check();
  await page.getByRole("radio", { name: "Propriétaire" }).check();
  // The scale's radios are visually replaced by their labels: check through the input.
  await page.getByRole("radio", { name: "7", exact: true }).check({ force: true });
  await page.getByRole("radio", { name: "1 à 6 mois" }).check();
  await page.getByRole("radio", { name: "Quelques fois par an" }).check();
  await page.getByRole("radio", { name: "1 000 à 1 500 €" }).check();
  await page.getByRole("textbox", { name: "Prénom", exact: true }).fill("Claire");
  await page.getByRole("textbox", { name: "Nom", exact: true }).fill("Consentement");
  await page.getByRole("textbox", { name: "Adresse e-mail", exact: true }).fill(email);
  await page.getByRole("textbox", { name: "Code postal", exact: true }).fill("69003");
  await page.getByRole("checkbox", { name: /Je déclare avoir au moins 18 ans/ }).check();
  await page.getByRole("checkbox", { name: RECONTACT }).check();
  await page.getByRole("checkbox", { name: /J'ai lu et j'accepte le règlement/ }).check();
  await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - loadedAt)));
  await page.getByRole("button", { name: "Valider ma participation" }).click();
  await expect(page.getByRole("heading", { name: "Merci, c'est presque fini !" })).toBeVisible();
}

function linkIn(mail: CapturedMail, path: RegExp): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((l) => path.test(new URL(l).pathname));
  if (!link) throw new Error(`no link matching ${path} in:\n${mail.text}`);
  return link;
}

/** The ledger rows of one address, as the owner sees them (action labels, newest first). */
async function ledgerActions(page: Page, email: string): Promise<string[]> {
  await page.goto(`/conformite/consentements?email=${encodeURIComponent(email)}`);
  const rows = page.getByTestId("ledger-row");
  return (await rows.allInnerTexts()).map((text) => (/Retiré/.test(text) ? "WITHDRAW" : /Confirmé/.test(text) ? "CONFIRM" : /Consentement donné/.test(text) ? "GRANT" : "?"));
}

/** The List-* headers as the capture server's parser groups them ({ unsubscribe: { url }, "unsubscribe-post": { name } }). */
function listHeaders(mail: CapturedMail): { unsubscribe?: { url: string }; "unsubscribe-post"?: { name: string } } {
  return mail.headers.list ? JSON.parse(mail.headers.list) : {};
}

async function confirmationMail(request: APIRequestContext, email: string) {
  return waitForMail(request, email, /Confirmez votre adresse e-mail/);
}

test("double opt-in, ledger, preference centre withdrawal and erasure, end to end", async ({ page, browser, request }) => {
  test.setTimeout(90_000); // the whole life of a consent, two browsers, a dozen pages
  const email = uniqueEmail("optin");
  await enterDemo(page, email);

  // The confirmation mail arrives through real SMTP, with the legal footer and RFC 8058 headers.
  const mail = await confirmationMail(request, email);
  const confirmLink = linkIn(mail, /^\/c\//);
  expect(mail.text).toContain("Pourquoi recevez-vous cet e-mail");
  expect(mail.text).toContain("Se désabonner en un clic");
  expect(mail.text).toContain("Merci de ne pas répondre");
  // It names what the click confirms: the purpose ticked, in its exact wording.
  expect(mail.text).toMatch(new RegExp(`En cliquant, vous confirmez aussi votre accord pour :\n- ${RECONTACT.source}`));
  const list = listHeaders(mail);
  expect(list["unsubscribe-post"]?.name).toBe("List-Unsubscribe=One-Click");
  expect(list.unsubscribe?.url).toContain("/api/unsubscribe?t=");

  // A mail scanner fetches the link (plain GET): nothing is confirmed.
  const scanned = await request.get(confirmLink);
  expect(scanned.status()).toBe(200);
  expect(await scanned.text()).toContain("Confirmer");

  const owner = await (await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" })).newPage();
  await signIn(owner, DEMO_OWNER.email, DEMO_OWNER.password);
  await expect(owner).toHaveURL(/\/campagnes/);
  expect(await ledgerActions(owner, email)).toEqual(["GRANT"]);
  await owner.getByRole("link", { name: email }).click();
  await expect(owner.getByText("Adresse non confirmée")).toBeVisible();

  // The person clicks the button: confirmed.
  await page.goto(confirmLink);
  await expect(page.getByRole("heading", { name: "Confirmez votre adresse e-mail" })).toBeVisible();
  await expect(page.getByTestId("confirmed-purposes")).toContainText("vous confirmez aussi votre accord pour");
  await expect(page.getByTestId("confirmed-purposes").getByRole("listitem")).toHaveText([RECONTACT]);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByRole("button", { name: "Confirmer" }).click();
  await expect(page.getByRole("heading", { name: "Adresse confirmée, merci !" })).toBeVisible();
  await expect(page.getByTestId("confirmed-purposes").getByRole("listitem")).toHaveText([RECONTACT]);

  // The ledger shows the grant and the confirmation; the contact is confirmed.
  expect(await ledgerActions(owner, email)).toEqual(["CONFIRM", "GRANT"]);
  await owner.getByRole("link", { name: email }).first().click();
  await expect(owner.getByText(/Adresse confirmée le/)).toBeVisible();
  await expect(owner.getByTestId("consent-record")).toHaveCount(2);

  // The same link again says it was already used.
  await page.goto(confirmLink);
  await expect(page.getByRole("heading", { name: "Ce lien a déjà été utilisé" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirmer" })).toHaveCount(0);

  // Counted among the contacts consenting to the recontact purpose (the leads filter reads the ledger).
  await owner.goto("/contacts");
  // The filter lists each campaign's purposes under its title, by their wording.
  const purposeId = await owner.locator(`#filter-purpose optgroup[label="${DEMO_TITLE}"] option`, { hasText: RECONTACT }).getAttribute("value");
  const consenting = `/contacts?q=${encodeURIComponent(email)}&purpose=${purposeId}`;
  await owner.goto(consenting);
  await expect(owner.getByText(email).first()).toBeVisible();

  // Withdraw from the preference centre (reached from the mail): effective at once.
  const preferences = linkIn(mail, /^\/p\//).split("?")[0]!;
  await page.goto(preferences);
  const consent = page.getByTestId("preference-consent").filter({ hasText: RECONTACT });
  await expect(consent).toContainText("Actif, adresse confirmée");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await consent.getByRole("button", { name: "Retirer ce consentement" }).click();
  await expect(page.getByText("C'est fait : votre consentement est retiré")).toBeVisible();
  await expect(page.getByTestId("preference-consent").filter({ hasText: RECONTACT })).toContainText("Retiré le");
  expect(await ledgerActions(owner, email)).toEqual(["WITHDRAW", "CONFIRM", "GRANT"]);
  await owner.getByRole("link", { name: email }).first().click();
  await expect(owner.getByTestId("current-consent").filter({ hasText: RECONTACT })).toContainText("Retiré");
  // No longer among the contacts consenting to the recontact purpose, still a contact.
  await owner.goto(consenting);
  await expect(owner.getByText(email)).toHaveCount(0);
  await owner.goto(`/contacts?q=${encodeURIComponent(email)}`);
  await expect(owner.getByText(email).first()).toBeVisible();

  // The JSON download works before erasure.
  const download = await request.get(`${preferences}/donnees`);
  expect(download.status()).toBe(200);
  expect((await download.json()).contact.email).toBe(email);

  // A link that does not work leads to "send me a fresh link": the same answer for any address, a mail for a known one.
  await page.goto("/p/cm0unknown.abc.forgedmacforgedmacforgedmac12");
  await expect(page.getByRole("heading", { name: "Lien invalide" })).toBeVisible();
  await page.getByRole("link", { name: "Recevoir un nouveau lien" }).click();
  await expect(page.getByRole("heading", { name: "Recevoir un nouveau lien vers vos préférences" })).toBeVisible();
  await page.getByLabel("Votre adresse e-mail").fill("personne-inconnue@example.test");
  await page.getByRole("button", { name: "Envoyer le lien" }).click();
  await expect(page.getByText("Si cette adresse est connue")).toBeVisible();
  await page.getByLabel("Votre adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Envoyer le lien" }).click();
  await expect(page.getByText("Si cette adresse est connue")).toBeVisible();
  const fresh = linkIn(await waitForMail(request, email, /lien vers vos préférences/), /^\/p\//);
  await page.goto(fresh);
  await expect(page.getByRole("heading", { name: "Vos préférences et vos données" })).toBeVisible();

  // Erasure, with its confirmation step.
  await page.goto(preferences);
  await page.getByRole("link", { name: "Demander l'effacement…" }).click();
  await expect(page.getByRole("heading", { name: "Confirmer l'effacement" })).toBeVisible();
  // Both steps say what happens if the person comes back (SPEC "Coming back after erasure").
  await expect(page.getByTestId("come-back")).toContainText("votre participation sera acceptée");
  await page.getByRole("button", { name: "Effacer définitivement mes données" }).click();
  await expect(page.getByRole("heading", { name: "Vos données ont été effacées" })).toBeVisible();
  await expect(page.getByTestId("come-back")).toContainText("votre participation sera acceptée");
  await expect(page.getByText("Vous ne recevrez plus de message")).toHaveCount(0);

  // Gone from the contact list; the links and the JSON download no longer work.
  await owner.goto(`/contacts?q=${encodeURIComponent(email)}`);
  await expect(owner.getByText(email)).toHaveCount(0);
  expect((await request.get(`${preferences}/donnees`)).status()).toBe(404);
  await page.goto(preferences);
  await expect(page.getByRole("heading", { name: "Lien invalide" })).toBeVisible();
  // The ledger keeps the proof (the address itself is gone from it); the request is logged.
  await owner.goto(`/conformite/consentements?email=${encodeURIComponent(email)}`);
  await expect(owner.getByTestId("ledger-row")).toHaveCount(0);
  await owner.goto("/conformite/demandes");
  await expect(owner.getByTestId("request-row").first()).toContainText("Effacement");
  await expect(owner.getByTestId("request-row").first()).toContainText("Centre de préférences");
});

test("one-click unsubscribe (RFC 8058 POST) withdraws everything; a GET changes nothing", async ({ page, browser, request }) => {
  const email = uniqueEmail("unsub");
  await enterDemo(page, email);
  const mail = await confirmationMail(request, email);

  // From the thank-you page, the mail can be sent again three times an hour, not a fourth.
  const resend = page.getByRole("button", { name: "Renvoyer l'e-mail" });
  for (let i = 0; i < 3; i++) {
    await resend.click();
    await expect(page.getByRole("status").filter({ hasText: "un nouvel e-mail de confirmation vient de partir" })).toBeVisible();
  }
  await resend.click();
  await expect(page.getByText("Vous avez déjà demandé 3 renvois cette heure-ci")).toBeVisible();
  const target = listHeaders(mail).unsubscribe!.url;

  const visit = await request.get(target, { maxRedirects: 0 });
  expect(visit.status()).toBe(303);
  expect(visit.headers()["location"]).toContain("/p/");

  const owner = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await signIn(owner, DEMO_OWNER.email, DEMO_OWNER.password);
  await expect(owner).toHaveURL(/\/campagnes/);
  expect(await ledgerActions(owner, email)).toEqual(["GRANT"]);

  // What a mailbox provider sends: no cookie, no Origin, a form body.
  const post = await request.post(target, { headers: { "Content-Type": "application/x-www-form-urlencoded" }, data: "List-Unsubscribe=One-Click" });
  expect(post.status()).toBe(200);
  expect(await ledgerActions(owner, email)).toEqual(["WITHDRAW", "GRANT"]);
  await owner.goto(`/conformite/consentements?email=${encodeURIComponent(email)}&method=UNSUBSCRIBE_LINK`);
  await expect(owner.getByTestId("ledger-row")).toHaveCount(1);
});

test("an owner erases a contact from its page after typing the address again", async ({ page, browser, request }) => {
  const email = uniqueEmail("owner-erase");
  await enterDemo(page, email);
  await confirmationMail(request, email);
  const owner = await (await browser.newContext({ locale: "fr-FR" })).newPage();
  await signIn(owner, DEMO_OWNER.email, DEMO_OWNER.password);
  await expect(owner).toHaveURL(/\/campagnes/);
  await owner.goto(`/conformite/consentements?email=${encodeURIComponent(email)}`);
  await owner.getByRole("link", { name: email }).click();
  await expect(owner.getByRole("heading", { name: "Droits de la personne" })).toBeVisible();

  // Access request: a JSON download, logged.
  const [download] = await Promise.all([owner.waitForEvent("download"), owner.getByRole("link", { name: "Télécharger (accès)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/-access\.json$/);

  // A request received by post: logged open, with its one-month deadline, then marked handled.
  await owner.getByLabel("Demande", { exact: true }).selectOption({ label: "Rectification" });
  await owner.getByLabel("Notes").fill("Courrier reçu ce matin");
  await owner.getByRole("button", { name: "Enregistrer la demande" }).click();
  await expect(owner.getByText("Demande enregistrée : à traiter sous un mois.")).toBeVisible();
  const contactPage = owner.url();
  await owner.goto("/conformite/demandes");
  const open = owner.getByTestId("request-row").filter({ hasText: email }).filter({ hasText: "À traiter" });
  await expect(open).toContainText(/jours restants/);
  await open.getByRole("button", { name: "Marquer comme traitée" }).click();
  await expect(owner.getByTestId("request-row").filter({ hasText: email }).filter({ hasText: "Rectification" })).toContainText("Traitée le");
  await owner.goto(contactPage);

  await owner.getByRole("button", { name: "Effacer ce contact…" }).click();
  await owner.getByLabel("Pour confirmer, saisissez l'adresse e-mail du contact").fill("quelquun@autre.test");
  await owner.getByRole("button", { name: "Effacer définitivement" }).click();
  await expect(owner.getByText("L'adresse saisie ne correspond pas")).toBeVisible();
  await owner.getByLabel("Pour confirmer, saisissez l'adresse e-mail du contact").fill(email);
  await owner.getByRole("button", { name: "Effacer définitivement" }).click();
  await expect(owner).toHaveURL(/\/contacts$/);
  await owner.goto(`/contacts?q=${encodeURIComponent(email)}`);
  await expect(owner.getByText(email)).toHaveCount(0);
  await owner.goto("/conformite/demandes");
  await expect(owner.getByTestId("request-row").filter({ hasText: "Effacement" }).first()).toBeVisible();
  await expect(owner.getByTestId("request-row").filter({ hasText: "Accès" }).first()).toBeVisible();
});
