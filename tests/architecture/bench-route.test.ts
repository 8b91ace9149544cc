import fs from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PHASE_PRODUCTION_SERVER } from "next/constants";

// The load benchmark's baseline route writes rows without any check: it must not exist in a production build.

async function configWith(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  const { default: config } = await import("../../next.config");
  return config(PHASE_PRODUCTION_SERVER);
}

afterEach(() => vi.unstubAllEnvs());

describe("the benchmark's baseline route", () => {
  it("is a *.bench.ts file, so it is a route only when the build includes that extension", () => {
    expect(fs.existsSync("app/api/bench/baseline/route.bench.ts")).toBe(true);
    expect(fs.existsSync("app/api/bench/baseline/route.ts")).toBe(false);
  });

  it("is left out of a production build", async () => {
    const config = await configWith({ AIMANT_BENCH: undefined });
    expect(config.pageExtensions).toEqual(["tsx", "ts", "jsx", "js"]);
  });

  it("is built in for the benchmark (AIMANT_BENCH=1, as bench/server.ts sets)", async () => {
    const config = await configWith({ AIMANT_BENCH: "1" });
    expect(config.pageExtensions).toContain("bench.ts");
    const { benchEnv } = await import("../../bench/server");
    expect(benchEnv("load", 3999).AIMANT_BENCH).toBe("1");
  });
});
