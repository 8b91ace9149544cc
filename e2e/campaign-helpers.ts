import { expect, type Page } from "@playwright/test";

/** The demo contest seeded by the e2e runner (open, 300 entries). */
export const DEMO_SLUG = "demo-poele-granules";
/** The demo contest's title (scripts/demo-extras.ts). */
export const DEMO_TITLE = "Tentez de gagner le poêle Durand Flamme 8 kW";

/** Entries filled faster than this are quietly rejected by the server: tests wait a little longer. */
export const MIN_FILL_MS = 2100;

/** A datetime-local value (Europe/Paris wall clock, like the builder) `hours` from now. */
export function parisInput(hoursFromNow: number): string {
  const d = new Date(Date.now() + hoursFromNow * 3_600_000);
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

/**
 * Creates a contest through the builder UI and publishes it (the marketer is
 * signed in). The starter form has a first name, an e-mail and one recontact
 * purpose; this adds the prize and the rules. Returns its id and slug.
 */
export async function createPublishedContest(page: Page, opts: { title?: string; opensInHours?: number; closesAt?: string } = {}): Promise<{ id: string; slug: string }> {
  await page.goto("/campagnes/nouvelle");
  await page.getByLabel("Jeu concours").check();
  await page.getByLabel("Titre").fill(opts.title ?? `Concours ${Date.now().toString(36)}`);
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(page).toHaveURL(/\/campagnes\/c[a-z0-9]+$/);
  const id = page.url().split("/").pop()!;
  await page.getByLabel("Lot à gagner").fill("Un panier garni");
  await page.getByLabel("Règlement du jeu").fill("Jeu gratuit sans obligation d'achat. Un gagnant tiré au sort.");
  if (opts.opensInHours !== undefined) await page.getByLabel("Ouverture").fill(parisInput(opts.opensInHours));
  if (opts.closesAt) await page.locator("#closesAt").fill(opts.closesAt);
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Modifications enregistrées.")).toBeVisible();
  await page.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(page.getByText("Campagne publiée.")).toBeVisible();
  const slug = (await page.getByTestId("public-url").textContent())!.split("/f/").pop()!;
  return { id, slug };
}

/**
 * Opens a public form and resolves once its start token was issued (the form asks for it when it first shows):
 * the time trap counts the fill time from then, not from the page's load.
 */
export async function openForm(page: Page, path: string): Promise<number> {
  const started = page.waitForResponse((r) => /^\/api\/f\/[^/]+\/start$/.test(new URL(r.url()).pathname));
  await page.goto(path);
  await started;
  return Date.now();
}

/** Fills the starter form of a contest made by createPublishedContest and submits it (after the minimum fill time). */
export async function enterStarterContest(page: Page, slug: string, email: string, opts: { consent?: boolean; query?: string } = {}) {
  const loadedAt = await openForm(page, `/f/${slug}${opts.query ?? ""}`);
  await page.getByLabel("Prénom").fill("Jeanne");
  await page.getByLabel("Adresse e-mail").fill(email);
  if (opts.consent) await page.getByRole("checkbox", { name: /Recevoir les offres commerciales/ }).check();
  await page.getByRole("checkbox", { name: /J'ai lu et j'accepte le règlement/ }).check();
  await page.waitForTimeout(Math.max(0, MIN_FILL_MS - (Date.now() - loadedAt)));
  await page.getByRole("button", { name: "Valider ma participation" }).click();
}
