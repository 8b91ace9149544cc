import { describe, expect, it } from "vitest";
import { Forbidden } from "@/lib/errors";
import { assertSameOrigin } from "./same-origin";

const h = (init: Record<string, string>) => new Headers(init);

describe("same-origin guard", () => {
  it("accepts a request from this host", () => {
    expect(() => assertSameOrigin(h({ host: "aimant.example", origin: "https://aimant.example" }))).not.toThrow();
  });
  it.each([
    ["another site", { host: "aimant.example", origin: "https://evil.example" }],
    ["Origin: null", { host: "aimant.example", origin: "null" }],
    ["no Origin", { host: "aimant.example" }],
    ["a malformed Origin", { host: "aimant.example", origin: "::::" }],
  ])("refuses %s", (_label, headers) => {
    expect(() => assertSameOrigin(h(headers))).toThrow(Forbidden);
  });
});
