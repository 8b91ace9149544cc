import { test as base, expect, type Page, type APIRequestContext, type APIResponse, type BrowserContext } from "@playwright/test";
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

type ServerErrorGuard = {
  /** Set with test.use({ allowServerErrors: true }) in a spec that makes the server fail on purpose (crash.spec). */
  allowServerErrors: boolean;
  serverErrors: string[];
};

/** How the guard of a test watches a browser context (the default one is created after the guard). */
const watchContext = new WeakMap<string[], (c: BrowserContext) => void>();

const REQUEST_METHODS = ["get", "post", "put", "patch", "delete", "head", "fetch"] as const;

/**
 * Every test fails when any request it made answered 5xx: page navigations,
 * fetches and sub-resources of every browser context the test opens, and the
 * `request` fixture's calls. A refusal must be a clear 4xx, never a crash.
 */
export const test = base.extend<ServerErrorGuard>({
  allowServerErrors: [false, { option: true }],
  serverErrors: [
    async ({ browser, allowServerErrors }, use) => {
      const errors: string[] = [];
      const watch = (c: BrowserContext) => c.on("response", (r) => r.status() >= 500 && errors.push(`${r.status()} ${r.request().method()} ${r.url()}`));
      watchContext.set(errors, watch);
      // Contexts the test opens itself (a marketer beside the phone) are watched too.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const c = await newContext(...args);
        watch(c);
        return c;
      };
      await use(errors);
      browser.newContext = newContext;
      if (!allowServerErrors && errors.length) throw new Error(`the server answered 5xx:\n${errors.join("\n")}`);
    },
    { auto: true },
  ],
  context: async ({ context, serverErrors }, use) => {
    watchContext.get(serverErrors)!(context);
    await use(context);
  },
  request: async ({ request, serverErrors }, use) => {
    const watched = new Proxy(request, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (!(REQUEST_METHODS as readonly PropertyKey[]).includes(property) || typeof value !== "function") return value;
        return async (...args: unknown[]) => {
          const response = (await (value as (...a: unknown[]) => Promise<APIResponse>).apply(target, args)) as APIResponse;
          if (response.status() >= 500) serverErrors.push(`${response.status()} ${String(property).toUpperCase()} ${response.url()}`);
          return response;
        };
      },
    });
    await use(watched);
  },
});
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
