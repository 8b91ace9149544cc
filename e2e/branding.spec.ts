import http from "node:http";
import type { AddressInfo } from "node:net";
import { test, expect, signUp, uniqueEmail, waitForMail } from "./fixtures";
import { DEMO_SLUG, createPublishedContest, enterStarterContest, openForm } from "./campaign-helpers";

const GREEN = "#0e7c3a";
const GREEN_RGB = "rgb(14, 124, 58)";

test("a marketer brands a contest: logo in the builder, the phone preview, the poster and the mails; colour on the form with a contrast warning", async ({ page, request, baseURL }) => {
  await signUp(page, { organisation: "Poêles Couleur" });
  const { id, slug } = await createPublishedContest(page, { title: "Aux couleurs de la marque" });

  // The logo: uploaded, then seen at once in the builder and in the phone preview.
  const png = await (await request.get(`/f/${DEMO_SLUG}/qr.png?size=128`)).body();
  await page.getByLabel("Logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Téléverser" }).first().click();
  const logoPreview = page.getByTestId("logo-preview");
  await expect(logoPreview).toBeVisible();
  expect(await logoPreview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(128);
  await expect(page.frameLocator('[data-testid="live-preview"] iframe').locator(`img[src^="/f/${slug}/logo"]`)).toBeVisible();

  // A pale colour is flagged (WCAG AA), a dark one is not.
  await page.getByLabel("Couleur de la marque").fill("#ffdd00");
  await expect(page.getByTestId("contrast-warning")).toContainText("Contraste insuffisant");
  await expect(page.getByTestId("contrast-warning")).toContainText("1,34 : 1");
  await page.getByLabel("Couleur de la marque").fill(GREEN);
  await expect(page.getByTestId("contrast-warning")).toHaveCount(0);

  // A yes/no question, to see a selected answer in the colour.
  await page.getByLabel("Type de la nouvelle question").first().selectOption("YES_NO");
  await page.getByRole("button", { name: "Ajouter la question" }).first().click();
  await page.getByTestId("question").last().getByLabel("Question 3").fill("Avez-vous déjà un poêle ?");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();

  // The poster carries the logo.
  await page.goto(`/campagnes/${id}/partage/affiche`);
  const posterLogo = page.getByTestId("poster-logo");
  await expect(posterLogo).toHaveAttribute("src", `/f/${slug}/logo`);
  await expect.poll(() => posterLogo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(128);

  // The public form: selected answers, ticked boxes and focus rings in the colour, set once as a CSS variable
  // on the page (the form inherits it).
  await openForm(page, `/f/${slug}`);
  const form = page.locator("form").first();
  expect(await form.evaluate((f) => getComputedStyle(f).getPropertyValue("--brand").trim())).toBe(GREEN);
  expect(await page.locator("[style*='--brand:']").count()).toBe(1);
  const yes = page.getByRole("radio", { name: "Oui" });
  await yes.check();
  const chosen = page.locator("label").filter({ has: yes });
  expect(await chosen.evaluate((l) => getComputedStyle(l).borderTopColor)).toBe(GREEN_RGB);
  const rules = page.getByRole("checkbox", { name: /J'ai lu et j'accepte le règlement/ });
  expect(await rules.evaluate((c) => getComputedStyle(c).accentColor)).toBe(GREEN_RGB);
  await rules.focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  expect(await rules.evaluate((c) => [c.matches(":focus-visible"), getComputedStyle(c).outlineColor])).toEqual([true, GREEN_RGB]);
  // No element of the form carries the colour inline.
  expect(await form.evaluate((f) => [...f.querySelectorAll("[style]")].filter((e) => /background|color/.test(e.getAttribute("style") ?? "")).length)).toBe(0);
  const button = page.getByRole("button", { name: "Valider ma participation" });
  expect(await button.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(GREEN_RGB);

  // The confirmation mail: logo and colour, and the legal footer as ever.
  const email = uniqueEmail("couleur");
  await enterStarterContest(page, slug, email, { consent: true });
  await expect(page.getByTestId("thanks")).toBeVisible();
  const mail = await waitForMail(request, email, /Confirmez votre adresse e-mail/);
  expect(mail.html).toContain(`<img src="${baseURL}/f/${slug}/logo"`);
  expect(mail.html).toContain(`border-top:4px solid ${GREEN}`);
  expect(mail.html).toContain(`background:${GREEN}`);
  expect(mail.html).toContain("Pourquoi recevez-vous cet e-mail");
  expect(mail.text).toContain("Se désabonner en un clic");
  const logo = await request.get(`${baseURL}/f/${slug}/logo`);
  expect(logo.status()).toBe(200);
});

test("the embedded form sizes its frame to its content, and the snippet only listens to the form", async ({ page, baseURL }) => {
  await signUp(page, { organisation: "Poêles Intégration" });
  const { id } = await createPublishedContest(page, { title: "Intégré chez un partenaire" });
  await page.goto(`/campagnes/${id}/partage`);
  const snippet = await page.getByLabel("Intégrer dans un site").inputValue();
  expect(snippet).not.toContain('height="900"');

  // A partner's site on another origin (127.0.0.1, a port the system picks) with the snippet pasted in it. A real
  // server, not a routed page: Chromium blocks a page of unknown address from framing a local one (localhost).
  const partner = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html><body><h1>Chez le partenaire</h1>${snippet}<p>Pied de page</p></body></html>`);
  });
  await new Promise<void>((resolve) => partner.listen(0, "127.0.0.1", resolve));
  const { port } = partner.address() as AddressInfo;
  await page.goto(`http://127.0.0.1:${port}/jeu`);
  const iframe = page.locator("iframe");
  const frame = page.frameLocator("iframe");
  await expect(frame.getByRole("button", { name: "Valider ma participation" })).toBeVisible();
  const contentHeight = async () => frame.locator("main").evaluate((m) => Math.ceil(m.getBoundingClientRect().bottom + window.scrollY));
  const frameHeight = async () => iframe.evaluate((f) => Math.round(f.getBoundingClientRect().height));
  await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(2);
  expect(await frameHeight()).not.toBe(700);
  expect(await frameHeight()).not.toBe(900);

  // The form grows (the full notice opens): the frame follows.
  const before = await frameHeight();
  await frame.getByTestId("notice").locator("summary").click();
  await expect.poll(frameHeight).toBeGreaterThan(before + 100);
  await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight()))).toBeLessThanOrEqual(2);

  // A message from anyone else (here the host page itself) is ignored.
  const now = await frameHeight();
  await page.evaluate(() => window.postMessage({ type: "aimant:height", height: 150 }, "*"));
  await page.waitForTimeout(300);
  expect(await frameHeight()).toBe(now);
  expect(baseURL).toBeTruthy();
  await page.close();
  partner.close();
});
