// Two instances of one production build on one PostgreSQL database, behind a round-robin proxy
// (e2e/several-instances/launch.mjs): a marketer publishes a contest, phones enter through the
// proxy, some as duplicate pairs sent at the same instant to the two instances, people confirm
// from the mails both instances sent, the marketer draws and exports the qualified losers.
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import pg from "pg";
import type { Browser, BrowserContext, Page, Response } from "@playwright/test";
import { test, expect, signUp, uniqueEmail, waitForMail, mails, type CapturedMail } from "../fixtures";
import { createPublishedContest, enterStarterContest } from "../campaign-helpers";
import { E2E_PORT } from "../../playwright.config";

test.describe.configure({ mode: "serial" });

const THANKS = "Merci, c'est presque fini !";
const CONFIRM_SUBJECT = /Confirmez votre adresse e-mail/;
const REPEAT_SUBJECT = /Vous avez déjà participé/;

type Entrant = { email: string; consent: boolean; confirm: boolean };

function linkIn(mail: CapturedMail, pathPattern: RegExp): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((l) => pathPattern.test(new URL(l).pathname));
  if (!link) throw new Error(`no link matching ${pathPattern} in:\n${mail.text}`);
  return link;
}

/** A phone of its own (the project's Pixel 7 profile): no shared cookies between entrants. */
async function phone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

const submitPath = (slug: string) => new RegExp(`/api/f/${slug}/submit$`);

/** The instance (host:port behind the proxy) that answered a request. */
const instanceOf = (response: Response) => response.headers()["x-upstream"] ?? "?";

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.AIMANT_E2E_POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

test("two instances on PostgreSQL behind a proxy: publish, phones enter (duplicate pairs at once), confirm, draw, export", async ({ browser, request }) => {
  expect(process.env.AIMANT_E2E_POSTGRES_URL, "run with AIMANT_E2E_POSTGRES_URL").toMatch(/^postgres(ql)?:\/\//);

  // The marketer, at a desk: every request goes through the proxy, so the session signed on one instance is read by the other.
  const deskContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });
  const desk = await deskContext.newPage();
  const deskInstances = new Set<string>();
  desk.on("response", (r) => deskInstances.add(instanceOf(r)));
  await signUp(desk);
  const contest = await createPublishedContest(desk, { title: `Concours deux instances ${Date.now().toString(36)}` });
  expect(deskInstances.size, "the marketer's requests were served by both instances").toBe(2);

  // Single entrants, four phones at once.
  const singles: Entrant[] = [
    { email: uniqueEmail("seul-a"), consent: true, confirm: true },
    { email: uniqueEmail("seul-b"), consent: true, confirm: false },
    { email: uniqueEmail("seul-c"), consent: false, confirm: true },
    { email: uniqueEmail("seul-d"), consent: true, confirm: true },
  ];
  const singlePhones = await Promise.all(singles.map(() => phone(browser)));
  await Promise.all(
    singles.map(async (entrant, i) => {
      const { page } = singlePhones[i]!;
      await enterStarterContest(page, contest.slug, entrant.email, { consent: entrant.consent });
      await expect(page.getByRole("heading", { name: THANKS })).toBeVisible();
    }),
  );

  // Duplicate pairs: two phones fill the form with the same address; both submissions are held in the
  // browsers until both are ready, then released together: the proxy sends them to the two instances.
  const pairs: Entrant[] = [
    { email: uniqueEmail("double-a"), consent: true, confirm: true },
    { email: uniqueEmail("double-b"), consent: true, confirm: true },
    { email: uniqueEmail("double-c"), consent: true, confirm: false },
  ];
  const pairPhones: Array<Array<{ context: BrowserContext; page: Page }>> = [];
  for (const entrant of pairs) {
    const twins = [await phone(browser), await phone(browser)];
    pairPhones.push(twins);
    let arrived = 0;
    let release!: () => void;
    const together = new Promise<void>((resolve) => (release = resolve));
    for (const { page } of twins) {
      await page.route(submitPath(contest.slug), async (route) => {
        if (++arrived === twins.length) release();
        await together;
        await route.continue();
      });
    }
    const answered = twins.map(({ page }) => page.waitForResponse((r) => submitPath(contest.slug).test(new URL(r.url()).pathname)));
    await Promise.all(twins.map(({ page }) => enterStarterContest(page, contest.slug, entrant.email, { consent: entrant.consent })));
    const responses = await Promise.all(answered);
    // Both answered like any entry (no oracle: the second is not told apart on the page).
    expect(responses.map((r) => r.status()).every((s) => s >= 200 && s < 300), `both submissions of ${entrant.email} accepted as entries`).toBe(true);
    expect(new Set(responses.map(instanceOf)).size, `the two submissions of ${entrant.email} landed on two instances`).toBe(2);
    for (const { page } of twins) await expect(page.getByRole("heading", { name: THANKS })).toBeVisible();
  }

  // One entry per address, whichever instance committed first; the repeat wrote nothing.
  const everyone = [...singles, ...pairs];
  const stored = await withDatabase(async (db) => {
    const { rows } = await db.query<{ email: string; n: string }>(
      `SELECT c."email", COUNT(*) AS n FROM "Response" r JOIN "Contact" c ON c."id" = r."contactId" WHERE r."campaignId" = $1 AND r."status" = 'ACCEPTED' GROUP BY c."email"`,
      [contest.id],
    );
    return new Map(rows.map((row) => [row.email, Number(row.n)]));
  });
  expect([...stored.keys()].sort()).toEqual(everyone.map((e) => e.email).sort());
  for (const entrant of everyone) expect(stored.get(entrant.email), entrant.email).toBe(1);

  // Mails, from whichever instance queued them, each sent once: one confirmation per address; for a pair,
  // the one that lost the race is told the address had already entered.
  for (const entrant of everyone) await waitForMail(request, entrant.email, CONFIRM_SUBJECT, 60_000);
  for (const entrant of pairs) await waitForMail(request, entrant.email, REPEAT_SUBJECT, 60_000);
  await new Promise((r) => setTimeout(r, 3000)); // a second worker sending the same mail again would show by now
  for (const entrant of everyone) {
    const subjects = (await mails(request, entrant.email)).map((m) => m.subject);
    expect(subjects.filter((s) => CONFIRM_SUBJECT.test(s)), `${entrant.email}: one confirmation mail`).toHaveLength(1);
    expect(subjects.filter((s) => REPEAT_SUBJECT.test(s)), `${entrant.email}: repeat mails`).toHaveLength(pairs.includes(entrant) ? 1 : 0);
  }

  // Those who confirm click the link of their mail on their phone (a pair confirms on one of its two phones).
  const phoneOf = (entrant: Entrant) => (singles.includes(entrant) ? singlePhones[singles.indexOf(entrant)]! : pairPhones[pairs.indexOf(entrant)]![1]!).page;
  for (const entrant of everyone.filter((e) => e.confirm)) {
    const page = phoneOf(entrant);
    await page.goto(linkIn(await waitForMail(request, entrant.email, CONFIRM_SUBJECT), /^\/c\//));
    await page.getByRole("button", { name: "Confirmer" }).click();
    await expect(page.getByRole("heading", { name: "Adresse confirmée, merci !" })).toBeVisible();
  }

  // The draw: close, run, one winner among the confirmed entries.
  await desk.goto(`/campagnes/${contest.id}/tirage`);
  await desk.getByRole("button", { name: "Clôturer maintenant" }).click();
  await desk.getByRole("button", { name: "Confirmer" }).click();
  await expect(desk.getByTestId("eligible-count")).toContainText(`${everyone.filter((e) => e.confirm).length} participations éligibles`);
  await desk.getByRole("button", { name: "Lancer le tirage" }).click();
  await desk.getByRole("button", { name: "Confirmer" }).click();
  await expect(desk).toHaveURL(new RegExp(`/campagnes/${contest.id}/tirage/gagnants$`));
  await expect(desk.getByTestId("winners").getByRole("row")).toHaveCount(1);
  const winner = (await desk.getByTestId("winners").getByRole("link").first().textContent())!.trim();
  expect(everyone.filter((e) => e.confirm).map((e) => e.email)).toContain(winner);
  await desk.getByRole("button", { name: "Vérifier le tirage" }).click();
  await expect(desk.getByTestId("verify-result")).toContainText("Tirage vérifié");

  // The export of qualified losers: exactly the confirmed, consenting non-winners, each once.
  await desk.goto(`/campagnes/${contest.id}/export`);
  await expect(desk.getByLabel(/Perdants qualifiés/)).toBeChecked();
  const [download] = await Promise.all([desk.waitForEvent("download"), desk.getByRole("button", { name: "Télécharger le CSV" }).click()]);
  const rows = parse(fs.readFileSync((await download.path())!), { bom: true, delimiter: ";", columns: true }) as Record<string, string>[];
  const exported = rows.map((r) => r.email);
  const expected = everyone.filter((e) => e.consent && e.confirm && e.email !== winner).map((e) => e.email);
  expect(exported.sort()).toEqual(expected.sort());
  expect(new Set(exported).size).toBe(exported.length);

  // Signing out lands on the public address's sign-in page, not on the instance that answered (APP_URL, not PORT).
  await desk.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(desk).toHaveURL(`http://127.0.0.1:${E2E_PORT}/connexion`);

  for (const { context } of [...singlePhones, ...pairPhones.flat()]) await context.close();
  await deskContext.close();
});
