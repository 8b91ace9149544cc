// The several-instances journey (issue 12): two instances of the same production build on
// one PostgreSQL database behind a round-robin proxy, phones entering through the proxy.
// Run by .ci/run after the PostgreSQL integration pass:
//   AIMANT_E2E_POSTGRES_URL=postgresql://…/fresh_db node scripts/e2e.mjs --no-build --config e2e/several-instances/playwright.config.ts
// Ports as the main config's (proxy on E2E_PORT, mail capture on +1 and +2), instances on +10 and +11.
import { defineConfig, devices } from "@playwright/test";
import { E2E_PORT, MAIL_HTTP_PORT } from "../../playwright.config";

const MAIL_SMTP_PORT = E2E_PORT + 1;
const baseURL = `http://127.0.0.1:${E2E_PORT}`;
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
};

export default defineConfig({
  testDir: ".",
  testMatch: /\.pg\.ts$/,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 420_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  outputDir: "../../test-results/several-instances",
  use: { baseURL, locale: "fr-FR", timezoneId: "Europe/Paris", trace: "retain-on-failure", launchOptions: chromium },
  projects: [{ name: "mobile", use: { ...devices["Pixel 7"], launchOptions: chromium } }],
  webServer: [
    {
      command: `node e2e/mail-capture.mjs ${MAIL_SMTP_PORT} ${MAIL_HTTP_PORT}`,
      cwd: "../..",
      url: `http://127.0.0.1:${MAIL_HTTP_PORT}/messages`,
      reuseExistingServer: false,
    },
    {
      command: `node e2e/several-instances/launch.mjs ${E2E_PORT} ${MAIL_SMTP_PORT} ${E2E_PORT + 10} ${E2E_PORT + 11}`,
      cwd: "../..",
      url: `${baseURL}/connexion`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        AIMANT_E2E_POSTGRES_URL: process.env.AIMANT_E2E_POSTGRES_URL ?? "",
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-e2e",
      },
    },
  ],
});
