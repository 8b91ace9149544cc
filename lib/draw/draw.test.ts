import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256 } from "@/lib/crypto/tokens";
import { DRAW_ALGORITHM, computeDraw, hashEligible, runDraw, verifyDraw, type StoredDraw } from "./draw";
import { SeededStream, newSeed, pickK } from "./prng";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `r${String(i).padStart(6, "0")}`);
/** A fixed list of seeds, so the statistical tests give the same answer on every run. */
const seeds = (count: number, tag: string) => Array.from({ length: count }, (_, i) => sha256(`${tag}-${i}`));

/** Pearson's chi-square statistic of observed counts against equal expectations. */
function chiSquare(counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
}

describe("the seeded random stream", () => {
  it("is the documented SHA-256 counter stream", () => {
    const seed = "00".repeat(32);
    const first = new SeededStream(seed).nextUint32();
    const block0 = sha256Hex(Buffer.concat([Buffer.alloc(32), Buffer.from([0, 0, 0, 0])]));
    expect(first).toBe(parseInt(block0.slice(0, 8), 16));
  });

  it("refuses a seed that is not 32 bytes of hex", () => {
    expect(() => new SeededStream("abc")).toThrow();
  });

  it("gives fresh 256-bit seeds", () => {
    const a = newSeed();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(newSeed()).not.toBe(a);
  });

  it("draws each integer of a small range about equally often (chi-square, 5 degrees of freedom)", () => {
    const stream = new SeededStream(sha256("uniform-ints"));
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[stream.uniform(6)]++;
    // 20.52 is the 99.9th percentile of chi-square with 5 degrees of freedom.
    expect(chiSquare(counts)).toBeLessThan(20.52);
  });
});

describe("the draw", () => {
  it("is reproducible from its seed", () => {
    const list = ids(1000);
    const seed = sha256("reproducible");
    const a = computeDraw({ eligibleIds: list, seed, winnersCount: 3, alternatesCount: 2 });
    const b = computeDraw({ eligibleIds: list, seed, winnersCount: 3, alternatesCount: 2 });
    expect(a).toEqual(b);
    expect(a.winners).toHaveLength(3);
    expect(a.alternates).toHaveLength(2);
    expect(new Set([...a.winners, ...a.alternates]).size).toBe(5);
    const other = computeDraw({ eligibleIds: list, seed: sha256("another"), winnersCount: 3, alternatesCount: 2 });
    expect(other).not.toEqual(a);
  });

  it("picks every entry when there are fewer entries than prizes", () => {
    const result = computeDraw({ eligibleIds: ids(3), seed: sha256("few"), winnersCount: 2, alternatesCount: 5 });
    expect(result.winners).toHaveLength(2);
    expect(result.alternates).toHaveLength(1);
    expect([...result.winners, ...result.alternates].sort()).toEqual(ids(3));
  });

  it("gives every entry the same chance to win (chi-square over 20,000 seeded draws, 9 degrees of freedom)", () => {
    const list = ids(10);
    const counts = new Array(10).fill(0);
    for (const seed of seeds(20_000, "winner")) {
      const { winners } = computeDraw({ eligibleIds: list, seed, winnersCount: 1, alternatesCount: 0 });
      counts[list.indexOf(winners[0]!)]++;
    }
    // 27.88 is the 99.9th percentile of chi-square with 9 degrees of freedom.
    expect(chiSquare(counts)).toBeLessThan(27.88);
  });

  it("is uniform at every rank, alternates included", () => {
    const list = ids(6);
    const byRank = [0, 1, 2].map(() => new Array(6).fill(0));
    for (const seed of seeds(12_000, "ranks")) {
      const picks = pickK(list, 3, new SeededStream(seed));
      picks.forEach((id, rank) => byRank[rank]![list.indexOf(id)]++);
    }
    for (const counts of byRank) expect(chiSquare(counts)).toBeLessThan(20.52);
  });

  it("refuses to draw among nobody", () => {
    expect(() => runDraw([], 1, 0)).toThrow();
  });
});

describe("verifying a stored draw", () => {
  function stored(): StoredDraw {
    const list = ids(500);
    const draw = runDraw(list, 2, 3);
    return {
      algorithm: draw.algorithm,
      seed: draw.seed,
      eligibleIdsJson: JSON.stringify(list),
      eligibleHash: draw.eligibleHash,
      eligibleCount: list.length,
      winnersCount: 2,
      alternatesCount: 3,
      entries: [
        ...draw.winners.map((responseId, rank) => ({ responseId, role: "WINNER", rank: rank + 1 })),
        ...draw.alternates.map((responseId, rank) => ({ responseId, role: "ALTERNATE", rank: rank + 1 })),
      ],
    };
  }

  it("accepts an untouched draw", () => {
    const draw = stored();
    expect(draw.algorithm).toBe(DRAW_ALGORITHM);
    expect(verifyDraw(draw)).toMatchObject({ ok: true, problems: [] });
  });

  it("detects a tampered eligible list (an entry added)", () => {
    const draw = stored();
    const list = JSON.parse(draw.eligibleIdsJson) as string[];
    draw.eligibleIdsJson = JSON.stringify([...list, "intruder"]);
    expect(verifyDraw(draw).problems).toContain("hash");
  });

  it("detects a tampered eligible list (two entries swapped)", () => {
    const draw = stored();
    const list = JSON.parse(draw.eligibleIdsJson) as string[];
    [list[0], list[1]] = [list[1]!, list[0]!];
    draw.eligibleIdsJson = JSON.stringify(list);
    expect(verifyDraw(draw).ok).toBe(false);
    expect(verifyDraw(draw).problems).toContain("hash");
  });

  it("detects a list and hash rewritten together, because the seed no longer gives the stored winners", () => {
    const draw = stored();
    const list = (JSON.parse(draw.eligibleIdsJson) as string[]).filter((id) => id !== draw.entries[0]!.responseId);
    draw.eligibleIdsJson = JSON.stringify(list);
    draw.eligibleHash = hashEligible(list);
    draw.eligibleCount = list.length;
    expect(verifyDraw(draw).problems).toEqual(["result"]);
  });

  it("detects a changed winner and a changed seed", () => {
    const a = stored();
    a.entries[0] = { ...a.entries[0]!, responseId: "someone-else" };
    expect(verifyDraw(a).problems).toEqual(["result"]);
    const b = stored();
    b.seed = sha256("forged");
    expect(verifyDraw(b).problems).toEqual(["result"]);
  });

  it("refuses an unreadable list and an unknown algorithm", () => {
    expect(verifyDraw({ ...stored(), eligibleIdsJson: "{oops" }).problems).toEqual(["listUnreadable"]);
    expect(verifyDraw({ ...stored(), algorithm: "dice" }).problems).toEqual(["algorithm"]);
  });
});

function sha256Hex(bytes: Buffer): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}
