import { describe, expect, it } from "vitest";
import { Mutex } from "./mutex";

describe("Mutex", () => {
  it("lets one holder in at a time, in the order they asked", async () => {
    const mutex = new Mutex();
    const log: string[] = [];
    const job = async (name: string, ticks: number) => {
      const release = await mutex.acquire();
      log.push(`${name}+`);
      for (let i = 0; i < ticks; i++) await Promise.resolve();
      log.push(`${name}-`);
      release();
    };
    await Promise.all([job("a", 5), job("b", 1), job("c", 3)]);
    expect(log).toEqual(["a+", "a-", "b+", "b-", "c+", "c-"]);
  });
});
