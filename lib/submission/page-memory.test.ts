import { describe, expect, it } from "vitest";
import { PageMemory, type StoredPage } from "./page-memory";

const page = (text: string, bytes = text.length): StoredPage => ({
  body: new TextEncoder().encode(text.padEnd(bytes, ".")),
  contentType: "text/html; charset=utf-8",
  link: null,
});
const text = (p: StoredPage | null) => (p ? new TextDecoder().decode(p.body).replace(/\.+$/, "") : null);

describe("PageMemory: the form page's renderings in memory", () => {
  it("keeps each key's own page: two keys never share one", () => {
    const memory = new PageMemory(10_000, 10);
    memory.set("/f/a/version/1-1-0-OPEN", page("a"));
    memory.set("/f/b/version/1-1-0-OPEN", page("b"));
    expect(text(memory.get("/f/a/version/1-1-0-OPEN"))).toBe("a");
    expect(text(memory.get("/f/b/version/1-1-0-OPEN"))).toBe("b");
    expect(memory.get("/f/a/version/1-1-0-CLOSED")).toBeNull();
  });

  it("stays within its byte bound, dropping the least recently served first", () => {
    const memory = new PageMemory(300, 100);
    memory.set("k1", page("one", 100));
    memory.set("k2", page("two", 100));
    memory.set("k3", page("three", 100));
    memory.get("k1"); // served: k2 is now the least recently served
    memory.set("k4", page("four", 100));
    expect(memory.bytes).toBe(300);
    expect(memory.get("k2")).toBeNull();
    expect([text(memory.get("k1")), text(memory.get("k3")), text(memory.get("k4"))]).toEqual(["one", "three", "four"]);
    // Larger than the whole bound: not kept, nothing else dropped for it.
    memory.set("huge", page("huge", 301));
    expect(memory.get("huge")).toBeNull();
    expect(memory.size).toBe(3);
  });

  it("stays within its count bound, and counts a replaced page once", () => {
    const memory = new PageMemory(1_000_000, 2);
    memory.set("k1", page("one", 10));
    memory.set("k1", page("uno", 20));
    expect(memory.bytes).toBe(20);
    memory.set("k2", page("two", 10));
    memory.set("k3", page("three", 10));
    expect(memory.size).toBe(2);
    expect(memory.get("k1")).toBeNull();
    expect(memory.bytes).toBe(20);
  });

  it("renders a missing key once however many ask at the same time, then serves it from memory", async () => {
    const memory = new PageMemory(10_000, 10);
    let renders = 0;
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const render = async () => {
      renders++;
      await gate;
      return page("rendered");
    };
    const crowd = Array.from({ length: 50 }, () => memory.fill("k", render));
    finish();
    expect((await Promise.all(crowd)).map(text)).toEqual(Array(50).fill("rendered"));
    expect(text(await memory.fill("k", render))).toBe("rendered");
    expect(renders).toBe(1);
  });

  it("keeps nothing when the rendering fails or gives nothing, and tries again on the next request", async () => {
    const memory = new PageMemory(10_000, 10);
    await expect(memory.fill("k", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await memory.fill("k", async () => null)).toBeNull();
    expect(memory.size).toBe(0);
    expect(text(await memory.fill("k", async () => page("now")))).toBe("now");
  });
});
