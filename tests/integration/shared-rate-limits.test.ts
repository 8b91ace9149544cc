import { describe, expect, it } from "vitest";
import { onPostgres, useFreshDatabase } from "../test-db";

useFreshDatabase();

describe.skipIf(!onPostgres)("rate limits on PostgreSQL hold across instances", () => {
  it("two limiters of the same name (two instances) allow 30 of 100 parallel hits together, then a new window", async () => {
    const { RateLimiter } = await import("@/lib/rate-limit");
    // Two app instances: each its own limiter object, one shared table.
    const [a, b] = [new RateLimiter(30, 60_000, "submit-ip"), new RateLimiter(30, 60_000, "submit-ip")];
    const now = Date.now();
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).hit("203.0.113.7", now)));
    expect(results.filter(Boolean)).toHaveLength(30);
    // Another key, another limiter name: counted apart.
    expect(await a.hit("198.51.100.1", now)).toBe(true);
    expect(await new RateLimiter(30, 60_000, "signup").hit("203.0.113.7", now)).toBe(true);
    // The next window starts afresh; reset forgets a key.
    expect(await b.hit("203.0.113.7", now + 60_000)).toBe(true);
    await a.reset("203.0.113.7");
    expect(await a.hit("203.0.113.7", now + 60_001)).toBe(true);
  }, 60_000);
});
