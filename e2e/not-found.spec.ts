import fs from "node:fs";
import path from "node:path";
import { test, expect, signUp, uniqueEmail } from "./fixtures";
import { DEMO_SLUG, MIN_FILL_MS } from "./campaign-helpers";
import { formDefinitionFromDb, openE2eDb } from "./support/e2e-db";
import { fetchStartToken, submissionBody } from "../bench/submission-body";

// Every dynamic dashboard route, asked by a signed-in owner for an id that does not exist
// (a typo) and for another organisation's real id: a 404, the same for both (ids of other
// tenants cannot be probed), and nothing of the other organisation's data in the body.
test.describe.configure({ mode: "serial" });

const db = openE2eDb();
test.afterAll(() => db.close());

const UNKNOWN = "cunknownid0000000000000000";

type Ids = { campaign: string; response: string; contact: string; mail: string; endpoint: string };
/** The URLs asked for one dynamic route, given the ids to put in it. */
const ROUTES: Record<string, (ids: Ids, own: string) => string[]> = {
  "/campagnes/[id]": (x) => [`/campagnes/${x.campaign}`],
  "/campagnes/[id]/apercu": (x) => [`/campagnes/${x.campaign}/apercu`],
  "/campagnes/[id]/export": (x) => [`/campagnes/${x.campaign}/export`],
  "/campagnes/[id]/leads": (x) => [`/campagnes/${x.campaign}/leads`],
  // The lead under its own campaign, and under the owner's own campaign (a response id of another campaign).
  "/campagnes/[id]/leads/[responseId]": (x, own) => [`/campagnes/${x.campaign}/leads/${x.response}`, `/campagnes/${own}/leads/${x.response}`],
  "/campagnes/[id]/partage": (x) => [`/campagnes/${x.campaign}/partage`],
  "/campagnes/[id]/partage/affiche": (x) => [`/campagnes/${x.campaign}/partage/affiche`],
  "/campagnes/[id]/statistiques": (x) => [`/campagnes/${x.campaign}/statistiques`],
  "/campagnes/[id]/tirage": (x) => [`/campagnes/${x.campaign}/tirage`],
  "/campagnes/[id]/tirage/gagnants": (x) => [`/campagnes/${x.campaign}/tirage/gagnants`],
  "/contacts/[contactId]": (x) => [`/contacts/${x.contact}`],
  "/contacts/[contactId]/export": (x) => [`/contacts/${x.contact}/export?kind=ACCESS`, `/contacts/${x.contact}/export?kind=PORTABILITY`],
  "/parametres/boite-envoi/[mailId]": (x) => [`/parametres/boite-envoi/${x.mail}`],
  "/parametres/integrations/[endpointId]": (x) => [`/parametres/integrations/${x.endpoint}`],
  "/api/campaigns/[id]/export": (x) => [`/api/campaigns/${x.campaign}/export?preset=winners`],
  "/api/campaigns/[id]/export/analysis": (x) => [`/api/campaigns/${x.campaign}/export/analysis`],
};

/** The dynamic routes of the dashboard and of the marketers' API, read from the app folder. */
function dynamicMarketerRoutes(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if ((entry.name === "page.tsx" || entry.name === "route.ts") && full.includes("[")) {
        found.push(
          "/" +
            path
              .relative("app", path.dirname(full))
              .split(path.sep)
              .filter((part) => !part.startsWith("("))
              .join("/"),
        );
      }
    }
  };
  walk(path.join("app", "(dashboard)"));
  walk(path.join("app", "api", "campaigns"));
  return found.sort();
}

let own: string;
let foreign: Ids;
let foreignEmail: string;
let foreignTitle: string;

test.beforeAll(async ({ request, baseURL }) => {
  // An entry in the demo organisation's contest: its response, contact and confirmation mail are the foreign ids.
  const form = formDefinitionFromDb(db, DEMO_SLUG);
  const startToken = await fetchStartToken(baseURL!, DEMO_SLUG);
  await new Promise((r) => setTimeout(r, MIN_FILL_MS));
  foreignEmail = uniqueEmail("foreign");
  const created = await request.post(`/api/f/${DEMO_SLUG}/submit`, {
    data: JSON.stringify(submissionBody(form, foreignEmail, startToken)),
    headers: { origin: baseURL!, "content-type": "application/json" },
  });
  expect(created.status()).toBe(201);
  const row = db
    .prepare(`SELECT r.id AS response, r.contactId AS contact, r.campaignId AS campaign, c.title FROM "Response" r JOIN "Campaign" c ON c.id = r.campaignId WHERE r.dedupeKey = ?`)
    .get(foreignEmail) as { response: string; contact: string; campaign: string; title: string };
  let mail: { id: string } | undefined;
  for (let i = 0; i < 40 && !mail; i++) {
    mail = db.prepare(`SELECT id FROM "OutboxMail" WHERE toAddress = ?`).get(foreignEmail) as { id: string } | undefined;
    if (!mail) await new Promise((r) => setTimeout(r, 250));
  }
  expect(mail).toBeDefined();
  // A webhook endpoint of the demo organisation (its secret is never read on this page's 404).
  const endpoint = `cforeignendpoint${Date.now().toString(36)}`;
  db.prepare(`INSERT INTO "WebhookEndpoint" (id, organisationId, url, secret, updatedAt) SELECT ?, organisationId, 'https://crm.example.com/hook', 'sealed', ? FROM "Campaign" WHERE id = ?`).run(
    endpoint,
    new Date().toISOString(),
    row.campaign,
  );
  foreign = { campaign: row.campaign, response: row.response, contact: row.contact, mail: mail!.id, endpoint };
  foreignTitle = row.title;
});

test("the table below covers every dynamic marketer route", () => {
  expect(Object.keys(ROUTES).sort()).toEqual(dynamicMarketerRoutes());
});

test("unknown and foreign ids answer 404 on every dynamic marketer route, with nothing of the other organisation", async ({ page }) => {
  await signUp(page);
  // The owner's own campaign (a draft), for a lead id that is not one of its entries.
  await page.goto("/campagnes/nouvelle");
  await page.getByLabel("Jeu concours").check();
  await page.getByLabel("Titre").fill("Concours à moi");
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(page).toHaveURL(/\/campagnes\/c[a-z0-9]+$/);
  own = page.url().split("/").pop()!;

  const unknown: Ids = { campaign: UNKNOWN, response: UNKNOWN, contact: UNKNOWN, mail: UNKNOWN, endpoint: UNKNOWN };
  const failures: string[] = [];
  for (const [route, urls] of Object.entries(ROUTES)) {
    for (const [label, ids] of [
      ["unknown", unknown],
      ["foreign", foreign],
    ] as const) {
      for (const url of urls(ids, own)) {
        const response = await page.request.get(url, { failOnStatusCode: false, maxRedirects: 0 });
        const body = await response.text();
        if (response.status() !== 404) failures.push(`${route} (${label}) ${url}: ${response.status()}`);
        if (body.includes(foreignEmail) || body.includes(foreignTitle)) failures.push(`${route} (${label}) ${url}: shows the other organisation's data`);
      }
    }
  }
  expect(failures).toEqual([]);

  // In the browser: the product's own 404 page, not an error page.
  const shown = await page.goto(`/contacts/${foreign.contact}`);
  expect(shown?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(foreignEmail);
});
