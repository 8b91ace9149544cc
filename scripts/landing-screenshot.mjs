#!/usr/bin/env node
// Takes the landing page's screenshot from a running Aimant with the demo data
// (`npm run demo`, then `npm start`): signs in as the demo owner, opens the demo
// contest's dashboard and writes public/landing/tableau-de-bord.png.
//   node scripts/landing-screenshot.mjs [base URL, default http://localhost:3000]
// It uses Debian's Chromium (CHROMIUM_PATH to change it), like the e2e tests.
import { chromium } from "@playwright/test";

const base = (process.argv[2] ?? process.env.APP_URL ?? "http://localhost:3000").replace(/\/$/, "");
const out = "public/landing/tableau-de-bord.png";
// The size the landing page declares for the image (app/(marketing)/page.tsx).
const viewport = { width: 1200, height: 750 };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  // --lang: the browser's own words (date fields' placeholders) in French like the page.
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=fr-FR"],
});
try {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1, locale: "fr-FR", timezoneId: "Europe/Paris" });
  await page.goto(`${base}/connexion`);
  await page.getByLabel("Adresse e-mail").fill(process.env.DEMO_EMAIL ?? "demo@aimant.local");
  await page.getByLabel("Mot de passe").fill(process.env.DEMO_PASSWORD ?? "demo-aimant-2026");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(/\/campagnes/);
  // The demo contest: the one whose public form is /f/demo-poele-granules.
  const row = page.getByRole("row").filter({ hasText: "/f/demo-poele-granules" });
  await row.getByRole("link").first().click();
  await page.waitForURL(/\/campagnes\/c[a-z0-9]+$/);
  await page.goto(`${page.url()}/statistiques`);
  await page.getByTestId("rfm-chart").locator("svg.recharts-surface").last().waitFor();
  await page.getByTestId("series-chart").locator("svg.recharts-surface").last().waitFor();
  // The figures and the first charts in the picture: the page scrolled to its key figures.
  await page.getByText("Vues du formulaire").evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 40));
  // Charts animate in: let them settle before the picture.
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out, animations: "disabled" });
  console.log(`› ${out} written from ${base}`);
} finally {
  await browser.close();
}
