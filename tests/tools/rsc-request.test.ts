import { describe, expect, it } from "vitest";
import { isRscRequest } from "../../scripts/rsc-request.mjs";

const fromNode = (headers: Record<string, string>) => (name: string) => headers[name];

describe("isRscRequest (the form page from memory: scripts/server.mjs and proxy.ts)", () => {
  it("a phone's plain GET asks for the page's HTML", () => {
    expect(isRscRequest(fromNode({ accept: "text/html" }), new URLSearchParams("utm_source=qr"))).toBe(false);
  });

  it.each(["rsc", "next-router-prefetch", "next-router-state-tree"])("a client navigation's %s header asks for its payload", (name) => {
    expect(isRscRequest(fromNode({ [name]: "1" }), new URLSearchParams())).toBe(true);
    expect(isRscRequest((n) => new Headers({ [name]: "1" }).get(n), new URLSearchParams())).toBe(true);
  });

  it("so does the _rsc query parameter", () => {
    expect(isRscRequest(fromNode({}), new URLSearchParams("_rsc=abc"))).toBe(true);
  });
});
