import crypto from "node:crypto";

/**
 * The draw's random source, version 1 ("sha256-ctr"): a stream of bytes made of
 * SHA-256(seed ‖ counter) blocks, counter a 32-bit big-endian integer from 0.
 * It is deterministic from the seed (so anyone can replay a draw with any
 * SHA-256 implementation) and unpredictable while the seed is secret (the seed
 * comes from crypto.randomBytes and is revealed only once the draw is stored).
 */
export class SeededStream {
  private readonly seed: Buffer;
  private counter = 0;
  private block = Buffer.alloc(0);
  private offset = 0;

  constructor(seedHex: string) {
    if (!/^[0-9a-f]{64}$/i.test(seedHex)) throw new Error("the seed must be 32 bytes in hex");
    this.seed = Buffer.from(seedHex, "hex");
  }

  /** The next unsigned 32-bit integer of the stream. */
  nextUint32(): number {
    if (this.offset + 4 > this.block.length) {
      const counter = Buffer.alloc(4);
      counter.writeUInt32BE(this.counter++);
      this.block = crypto.createHash("sha256").update(this.seed).update(counter).digest();
      this.offset = 0;
    }
    const value = this.block.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  /**
   * A uniform integer in [0, n) by rejection sampling: values at or above the
   * largest multiple of n below 2^32 are dropped, so no index is favoured
   * (a plain modulo would bias the low indexes).
   */
  uniform(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new Error("n must be an integer in [1, 2^32]");
    const limit = Math.floor(2 ** 32 / n) * n;
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % n;
    }
  }
}

/** A fresh 256-bit seed from the operating system's cryptographic RNG, in hex. */
export function newSeed(): string {
  return crypto.randomBytes(32).toString("hex");
}

/**
 * The first `k` items of a uniformly random permutation of `items` (partial
 * Fisher–Yates: for i = 0 … k−1, swap item i with item i + uniform(n − i)).
 * Costs O(n) for the copy and O(k) draws, so 100,000 entries take milliseconds.
 */
export function pickK<T>(items: readonly T[], k: number, stream: SeededStream): T[] {
  const a = items.slice();
  const count = Math.min(k, a.length);
  for (let i = 0; i < count; i++) {
    const j = i + stream.uniform(a.length - i);
    const tmp = a[i]!;
    a[i] = a[j]!;
    a[j] = tmp;
  }
  return a.slice(0, count);
}
