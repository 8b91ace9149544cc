import crypto from "node:crypto";
import { SeededStream, newSeed, pickK } from "./prng";

/**
 * Version of the draw algorithm, stored with each draw so an old draw is
 * always verified with the algorithm that made it:
 * 1. eligible ids in canonical order (submission time, then id), hashed as
 *    SHA-256 of the ids joined by "\n";
 * 2. a 256-bit seed from crypto.randomBytes;
 * 3. the random stream SHA-256(seed ‖ uint32 counter), 32-bit words, uniform
 *    integers by rejection sampling;
 * 4. partial Fisher–Yates over the ordered ids: the first N picks win, the
 *    next M are alternates, in rank order.
 */
export const DRAW_ALGORITHM = "sha256-ctr-fisher-yates/v1";

type DrawInput = { eligibleIds: readonly string[]; seed: string; winnersCount: number; alternatesCount: number };
type DrawOutcome = { winners: string[]; alternates: string[] };

/** The hash that seals the eligible list. */
export function hashEligible(ids: readonly string[]): string {
  return crypto.createHash("sha256").update(ids.join("\n"), "utf8").digest("hex");
}

/** Replays a draw: the same inputs always give the same winners and alternates. */
export function computeDraw(input: DrawInput): DrawOutcome {
  const picks = pickK(input.eligibleIds, input.winnersCount + input.alternatesCount, new SeededStream(input.seed));
  return { winners: picks.slice(0, input.winnersCount), alternates: picks.slice(input.winnersCount) };
}

type PreparedDraw = DrawOutcome & { seed: string; algorithm: string; eligibleHash: string };

/** A new draw with a fresh cryptographic seed. */
export function runDraw(eligibleIds: readonly string[], winnersCount: number, alternatesCount: number, seed = newSeed()): PreparedDraw {
  if (eligibleIds.length === 0) throw new Error("no eligible entry");
  return {
    ...computeDraw({ eligibleIds, seed, winnersCount, alternatesCount }),
    seed,
    algorithm: DRAW_ALGORITHM,
    eligibleHash: hashEligible(eligibleIds),
  };
}

export type StoredDraw = {
  algorithm: string;
  seed: string;
  /** The JSON text stored in Draw.eligibleIds */
  eligibleIdsJson: string;
  eligibleHash: string;
  eligibleCount: number;
  winnersCount: number;
  alternatesCount: number;
  entries: { responseId: string; role: string; rank: number }[];
};

type VerifyProblem = "algorithm" | "listUnreadable" | "hash" | "count" | "result";
export type Verification = { ok: boolean; problems: VerifyProblem[]; expected?: DrawOutcome };

/**
 * Recomputes a stored draw from its stored data alone: the eligible list must
 * still match its hash and count, and replaying the seed over it must give the
 * stored winners and alternates in the stored ranks.
 */
export function verifyDraw(draw: StoredDraw): Verification {
  if (draw.algorithm !== DRAW_ALGORITHM) return { ok: false, problems: ["algorithm"] };
  let ids: string[];
  try {
    const parsed: unknown = JSON.parse(draw.eligibleIdsJson);
    if (!Array.isArray(parsed) || !parsed.every((v) => typeof v === "string")) throw new Error("not a list of ids");
    ids = parsed;
  } catch {
    return { ok: false, problems: ["listUnreadable"] };
  }
  const problems: VerifyProblem[] = [];
  if (hashEligible(ids) !== draw.eligibleHash) problems.push("hash");
  if (ids.length !== draw.eligibleCount) problems.push("count");
  const expected = computeDraw({ eligibleIds: ids, seed: draw.seed, winnersCount: draw.winnersCount, alternatesCount: draw.alternatesCount });
  const ranked = (role: string) =>
    draw.entries
      .filter((e) => e.role === role)
      .sort((a, b) => a.rank - b.rank)
      .map((e) => e.responseId);
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
  if (!same(ranked("WINNER"), expected.winners) || !same(ranked("ALTERNATE"), expected.alternates)) problems.push("result");
  return { ok: problems.length === 0, problems, expected };
}
