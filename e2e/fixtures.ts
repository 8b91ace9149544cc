import { test as base, expect, type Page, type APIRequestContext } from "@playwright/test";
import { MAIL_HTTP_PORT } from "../playwright.config";

export type CapturedMail = { to: string[]; from: string; subject: string; text: string; html: string; headers: Record<string, string>; receivedAt: string };

let counter = 0;
/** A unique address per call, so tests never collide on the shared e2e database. */
export function uniqueEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.test`;
}

export const PASSWORD = "motdepasse-solide-42";

/** Signs a new marketer up through the real form; lands on the campaigns page. */
export async function signUp(page: Page, opts: { email?: string; name?: string; organisation?: string } = {}) {
  const email = opts.email ?? uniqueEmail("marketer");
  await page.goto("/inscription");
  await page.getByLabel("Votre nom").fill(opts.name ?? "Camille Test");
  await page.getByLabel("Nom de l'organisation").fill(opts.organisation ?? "Boutique Test");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(PASSWORD);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page).toHaveURL(/\/campagnes/);
  return { email, password: PASSWORD };
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

/** Mails received by the capture SMTP server, optionally for one address. */
export async function mails(request: APIRequestContext, to?: string): Promise<CapturedMail[]> {
  const response = await request.get(`http://127.0.0.1:${MAIL_HTTP_PORT}/messages`);
  const all = (await response.json()) as CapturedMail[];
  return to ? all.filter((m) => m.to.includes(to.toLowerCase())) : all;
}

/** Waits for a mail to `to` whose subject matches. */
export async function waitForMail(request: APIRequestContext, to: string, subject: RegExp = /./, timeoutMs = 20_000): Promise<CapturedMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await mails(request, to)).find((m) => subject.test(m.subject));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no mail to ${to} matching ${subject} within ${timeoutMs} ms`);
}

export const test = base;
export { expect };

/**
 * From an owner's signed-in page: invites a viewer to the owner's organisation
 * and accepts the invitation in a fresh browser context. Returns the viewer's
 * page (close its context when done).
 */
export async function inviteViewer(page: Page, browser: import("@playwright/test").Browser, name = "Valérie Lecture"): Promise<Page> {
  await page.goto("/parametres/membres");
  await page.getByLabel("E-mail de la personne").fill(uniqueEmail("viewer"));
  await page.getByLabel("Rôle", { exact: true }).selectOption("VIEWER");
  await page.getByRole("button", { name: "Inviter" }).click();
  const link = await page.getByTestId("invitation-link").textContent();
  const viewer = await (await browser.newContext()).newPage();
  await viewer.goto(link!);
  await viewer.getByLabel("Votre nom").fill(name);
  await viewer.getByLabel("Mot de passe").fill(PASSWORD);
  await viewer.getByRole("button", { name: "Rejoindre l'organisation" }).click();
  await expect(viewer).toHaveURL(/\/campagnes/);
  return viewer;
}
