// The JavaScript a phone downloads for a page, measured in a real browser:
// every script response the page loads (HTML tags and chunks it fetches
// itself) until the network is idle, each gzipped at level 9.
import zlib from "node:zlib";
import { chromium, devices, type Page } from "playwright-core";

export type JsWeight = { bytes: number; files: number };

/** Issue 14's budget: what the form page `/f/[slug]` may add to the bare page `/sante` of the same build. */
export const FORM_JS_BUDGET_BYTES = 29 * 1024;

/** The scripts `page` (fresh: nothing cached) downloads for `url` until the network is idle. */
export async function pageJsWeight(page: Page, url: string): Promise<JsWeight> {
  const scripts = new Map<string, Promise<number>>();
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script" || scripts.has(response.url())) return;
    scripts.set(response.url(), response.body().then((body) => zlib.gzipSync(body, { level: 9 }).length, () => 0));
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const sizes = await Promise.all(scripts.values());
  return { bytes: sizes.reduce((a, b) => a + b, 0), files: sizes.length };
}

export async function jsWeights(base: string, paths: string[]): Promise<JsWeight[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
  });
  try {
    const weights: JsWeight[] = [];
    for (const path of paths) {
      const context = await browser.newContext({ ...devices["Pixel 7"] });
      weights.push(await pageJsWeight(await context.newPage(), base + path));
      await context.close();
    }
    return weights;
  } finally {
    await browser.close();
  }
}
