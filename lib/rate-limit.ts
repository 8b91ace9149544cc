import "server-only";
import { databaseKind, writeStatement } from "@/lib/db";
import { env } from "@/lib/env";
import type { RateLimitName } from "@/lib/env-schema";

/**
 * Fixed-window rate limiter. On SQLite (one instance by design) it counts in
 * memory; on PostgreSQL, where several instances serve the same people, it
 * counts in the database ("RateLimit": one row per key, one atomic upsert per
 * hit), so a limit of 30 allows 30 across all instances, not 30 each.
 */
export class RateLimiter {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();

  /** `name` keeps the keys of different limiters apart in the shared table. */
  constructor(
    readonly limit: number,
    readonly windowMs: number,
    readonly name: string,
  ) {}

  /** Counts one hit for `key`; false when the limit is already reached in this window. */
  async hit(key: string, now = Date.now()): Promise<boolean> {
    if (databaseKind === "postgresql") return (await sharedHit(`${this.name}:${key}`, this.windowMs, now)) <= this.limit;
    return this.hitInMemory(key, now);
  }

  async reset(key: string): Promise<void> {
    if (databaseKind === "postgresql") await writeStatement(`DELETE FROM "RateLimit" WHERE "key" = ?`, `${this.name}:${key}`);
    else this.hits.delete(key);
  }

  private hitInMemory(key: string, now: number): boolean {
    const entry = this.hits.get(key);
    if (!entry || now - entry.windowStart >= this.windowMs) {
      if (this.hits.size > 50_000) this.sweep(now);
      this.hits.set(key, { windowStart: now, count: 1 });
      return true;
    }
    if (entry.count >= this.limit) return false;
    entry.count += 1;
    return true;
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.hits) if (now - entry.windowStart >= this.windowMs) this.hits.delete(key);
  }
}

let sharedHits = 0;

/**
 * One hit in the shared table; returns the count in the current window. The
 * upsert is one statement: concurrent hits on one key (from any instance)
 * queue on its row, each reading the count the previous one wrote.
 */
async function sharedHit(key: string, windowMs: number, now: number): Promise<number> {
  const at = new Date(now);
  const expire = new Date(now + windowMs);
  // Expired windows are swept now and then, by whichever instance gets there.
  if (++sharedHits % 1000 === 0) await writeStatement(`DELETE FROM "RateLimit" WHERE "expire" < ?`, at);
  const row = await writeStatement<{ points: number }>(
    `INSERT INTO "RateLimit" ("key", "points", "expire") VALUES (?, 1, ?)
     ON CONFLICT ("key") DO UPDATE SET
       "points" = CASE WHEN "RateLimit"."expire" <= ? THEN 1 ELSE "RateLimit"."points" + 1 END,
       "expire" = CASE WHEN "RateLimit"."expire" <= ? THEN ? ELSE "RateLimit"."expire" END
     RETURNING "points"`,
    key,
    expire,
    at,
    at,
    expire,
  );
  return row!.points;
}

/** A limit read from the environment (so load tests can lift it), with a default. */
export function envLimit(name: RateLimitName, fallback: number): number {
  return env()[name] ?? fallback;
}
