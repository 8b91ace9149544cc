// The browser gets zod/mini prebundled by esbuild (scripts/prebundle-zod-mini.mjs):
// the whole schema suite runs again on that very module.
import { vi } from "vitest";

vi.mock("zod/mini", async () => {
  const { prebundleZodMini } = await import("../../scripts/prebundle-zod-mini.mjs");
  await prebundleZodMini(process.cwd());
  return import("../generated/zod-mini.browser.js");
});

import "./schema.test";
