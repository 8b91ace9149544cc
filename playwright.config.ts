import { defineConfig, devices } from "@playwright/test";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const MAIL_HTTP_PORT = E2E_PORT + 2;
const MAIL_SMTP_PORT = E2E_PORT + 1;
const baseURL = `http://localhost:${E2E_PORT}`;
/** Set by scripts/e2e.mjs for its second and later shards ("-2", …). */
const SHARD_SUFFIX = process.env.E2E_SHARD_SUFFIX ?? "";

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: `playwright-report${SHARD_SUFFIX}` }]],
  // Each shard of scripts/e2e.mjs keeps its own results: Playwright empties this folder when it starts.
  outputDir: `test-results${SHARD_SUFFIX}`,
  // Tracing every test costs about a fifth of the browser's CPU; CI traces the retry of a failed test instead.
  use: { baseURL, locale: "fr-FR", timezoneId: "Europe/Paris", trace: process.env.CI ? "on-first-retry" : "retain-on-failure", launchOptions: chromium },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: chromium }, testIgnore: /\.mobile\.spec\.ts/ },
    { name: "mobile", use: { ...devices["Pixel 7"], launchOptions: chromium }, testMatch: /\.mobile\.spec\.ts/ },
  ],
  webServer: [
    {
      command: `node e2e/mail-capture.mjs ${MAIL_SMTP_PORT} ${MAIL_HTTP_PORT}`,
      url: `http://127.0.0.1:${MAIL_HTTP_PORT}/messages`,
      reuseExistingServer: false,
    },
    {
      command: "node scripts/start.mjs",
      url: `${baseURL}/connexion`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(E2E_PORT),
        NEXTAUTH_URL: baseURL,
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-e2e",
        AIMANT_DATA_DIR: process.env.AIMANT_DATA_DIR ?? ".e2e-data",
        DATABASE_URL: "",
        SMTP_URL: `smtp://127.0.0.1:${MAIL_SMTP_PORT}`,
        MAIL_FROM: "Aimant <no-reply@aimant.test>",
        // Sign-ups and sign-ins hash at bcrypt's lowest cost: the suite checks journeys, not hashing time.
        AIMANT_PASSWORD_COST: "4",
        AIMANT_SIGNIN_IP_LIMIT: "10000",
        AIMANT_SIGNUP_LIMIT: "10000",
        AIMANT_SUBMIT_IP_LIMIT: "10000",
        AIMANT_VIEW_IP_LIMIT: "10000",
        AIMANT_CRON_SECRET: "e2e-cron-secret",
        // The webhook journey's receiver listens on 127.0.0.1.
        AIMANT_WEBHOOKS_ALLOW_PRIVATE: "1",
        // Its two refused deliveries are retried after 1 s and 2 s, not 10 s and 20 s.
        AIMANT_WEBHOOK_RETRY_MS: "1000",
      },
    },
  ],
});
