import { env } from "@/lib/env";
import type { RateLimitName } from "@/lib/env-schema";

/**
 * Fixed-window rate limiter kept in memory. One app instance is the embedded
 * default; with several instances each counts on its own (see docs/decisions).
 */
export class RateLimiter {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Counts one hit for `key`; false when the limit is already reached in this window. */
  hit(key: string, now = Date.now()): boolean {
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

  reset(key: string): void {
    this.hits.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.hits) if (now - entry.windowStart >= this.windowMs) this.hits.delete(key);
  }
}

/** A limit read from the environment (so load tests can lift it), with a default. */
export function envLimit(name: RateLimitName, fallback: number): number {
  return env()[name] ?? fallback;
}
