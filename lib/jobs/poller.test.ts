import { describe, expect, it } from "vitest";
import { poller } from "./poller";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("a poller", () => {
  it("never runs two passes at once: a kick during a pass runs one more right after", async () => {
    let running = 0;
    let most = 0;
    let passes = 0;
    let release!: () => void;
    const job = poller(`test.poller.${Math.random()}`, "[test]", async () => {
      running++;
      most = Math.max(most, running);
      passes++;
      if (passes === 1) await new Promise<void>((resolve) => (release = resolve));
      running--;
    });
    job.kick();
    await tick();
    job.kick();
    job.kick();
    await tick();
    expect(passes).toBe(1);
    release();
    await tick();
    expect(passes).toBe(2);
    expect(most).toBe(1);
  });

  it("logs a failing pass and keeps going", async () => {
    let passes = 0;
    const job = poller(`test.poller.${Math.random()}`, "[test]", async () => {
      passes++;
      if (passes === 1) throw new Error("refused");
    });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      job.kick();
      await tick();
      job.kick();
      await tick();
    } finally {
      console.error = original;
    }
    expect(passes).toBe(2);
    expect(errors).toEqual([["[test]", new Error("refused")]]);
  });
});
