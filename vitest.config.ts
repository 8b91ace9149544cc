import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts", "app/**/*.test.ts"],
    environment: "node",
    // Integration tests open their own SQLite files; keep them in one process each.
    pool: "forks",
    // Vitest keeps a core for itself by default (one worker on a 2-core machine); files spend much
    // of their time waiting on child processes and databases, so one worker per core finishes sooner.
    maxWorkers: os.availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    setupFiles: ["tests/setup.ts"],
  },
});
