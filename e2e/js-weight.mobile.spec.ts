import { devices } from "@playwright/test";
import { test, expect } from "./fixtures";
import { DEMO_SLUG } from "./campaign-helpers";
import { FORM_JS_BUDGET_BYTES, pageJsWeight } from "../bench/js-weight";

// The JavaScript budget of the respondent's form, measured as the load bench measures it
// (bench/js-weight.ts) on this production build: what a phone downloads for /f/<slug>
// beyond the bare page /sante, every script until the network is idle, gzipped.

test("the form page adds at most its budget of JavaScript to the bare page", async ({ browser, baseURL }) => {
  const weigh = async (path: string, ready?: string) => {
    const context = await browser.newContext({ ...devices["Pixel 7"] });
    const page = await context.newPage();
    const weight = await pageJsWeight(page, baseURL + path);
    // The open form itself, not a closed page that would weigh less.
    if (ready) await expect(page.getByRole("button", { name: ready })).toBeVisible();
    await context.close();
    return weight;
  };
  const form = await weigh(`/f/${DEMO_SLUG}`, "Valider ma participation");
  const bare = await weigh("/sante");
  const added = form.bytes - bare.bytes;
  test.info().annotations.push({ type: "js-weight", description: `form ${(form.bytes / 1024).toFixed(1)} KB in ${form.files} files, /sante ${(bare.bytes / 1024).toFixed(1)} KB in ${bare.files}: +${(added / 1024).toFixed(1)} KB` });
  expect(form.files).toBeGreaterThan(bare.files);
  expect(added).toBeLessThanOrEqual(FORM_JS_BUDGET_BYTES);
});
