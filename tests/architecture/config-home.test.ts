import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const RULE = "no-restricted-properties";

/** The messages of the config-home rule for `code` as if it were the file at `filePath`. */
async function configReads(filePath: string, code: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: process.cwd() }).lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe("configuration has one home", () => {
  it.each([
    ["lib/some-domain/thing.ts", "export const url = process.env.SMTP_URL;"],
    ["app/api/example/route.ts", 'export const secret = process.env["AIMANT_CRON_SECRET"];'],
    ["components/example/widget.tsx", "const { env } = process;\nexport const port = env.PORT;"],
    ["instrumentation.ts", "export const worker = process.env.AIMANT_OUTBOX_WORKER;"],
  ])("lint refuses process.env in %s", async (file, code) => {
    expect(await configReads(file, code)).toEqual([expect.stringContaining("env() from @/lib/env")]);
  });

  it("lint lets lib/env.ts, tests and scripts read it", async () => {
    expect(await configReads("lib/env.ts", "export const url = process.env.SMTP_URL;")).toEqual([]);
    expect(await configReads("lib/some-domain/thing.test.ts", 'process.env.SMTP_URL = "smtp://x";')).toEqual([]);
    expect(await configReads("scripts/tool.mjs", "export const port = process.env.PORT;")).toEqual([]);
  });

  // Before this rule, `npm start` went on to migrate, build and serve with a typo'd
  // setting silently replaced by its default.
  it("npm start stops at once with the list of bad variables", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "aimant-env-"));
    const child = spawn(process.execPath, ["scripts/start.mjs"], {
      env: { ...process.env, NODE_ENV: "production", AIMANT_DATA_DIR: dataDir, DATABASE_URL: "", NEXT_DIST_DIR: path.join(dataDir, "no-build"), PORT: "3329", AIMANT_TRUSTED_PROXY_HOPS: "many", AIMANT_OUTBOX_WORKER: "of" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 45_000);
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    clearTimeout(timer);
    expect(code).not.toBe(0);
    expect(output).toContain('AIMANT_OUTBOX_WORKER ("of"): expected "on" or "off". Example: AIMANT_OUTBOX_WORKER=off');
    expect(output).toContain('AIMANT_TRUSTED_PROXY_HOPS ("many"): expected a whole number of proxies (0 or more). Example: AIMANT_TRUSTED_PROXY_HOPS=1');
    expect(output).not.toContain("building the app");
    expect(fs.existsSync(path.join(dataDir, "no-build"))).toBe(false);
  }, 60_000);
});
