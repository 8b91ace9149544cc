// The zod/mini a phone downloads with the respondent's form (scripts/prebundle-zod-mini.mjs):
// only what the submission schema calls, so its weight cannot creep back unnoticed.
import fs from "node:fs";
import zlib from "node:zlib";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ZOD_MINI_BROWSER, prebundleZodMini, zodMiniNamesUsedIn } from "../../scripts/prebundle-zod-mini.mjs";

const zodMini = createRequire(import.meta.url)("zod/mini") as object;

describe("the browser's zod/mini", () => {
  it("exports what the schema uses as values, not names it uses as types", () => {
    const source = "type A = z.input<S>; type B = z.output<typeof s>;\nconst a = z.custom<Record<string, number>>(f);\nconst b = z.pipe(z.string(), z.NEVER);";
    expect(zodMiniNamesUsedIn(source, zodMini)).toEqual(["NEVER", "custom", "pipe", "string"]);
  });

  it("keeps neither zod's whole util module nor its schema visitor, and stays under 8.5 KB gzip", async () => {
    await prebundleZodMini(process.cwd());
    const code = fs.readFileSync(ZOD_MINI_BROWSER, "utf8");
    expect(code).not.toContain("BIGINT_FORMAT_RANGES");
    expect(code).not.toContain('"lazy"');
    expect(zlib.gzipSync(code, { level: 9 }).length).toBeLessThan(8.5 * 1024);
  });
});
