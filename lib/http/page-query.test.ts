import { describe, expect, it } from "vitest";
import { pageHref } from "./page-query";

describe("pageHref", () => {
  it("keeps every filter of the current query and changes only the page", () => {
    const current = { action: "export.leads", person: "u1", from: "2026-12-01", to: "2026-12-02", page: "1" };
    expect(pageHref("/l", current, 2)).toBe("/l?action=export.leads&person=u1&from=2026-12-01&to=2026-12-02&page=2");
    expect(pageHref("/l", current, 0)).toBe("/l?action=export.leads&person=u1&from=2026-12-01&to=2026-12-02");
  });

  it("keeps repeated keys and encodes values", () => {
    expect(pageHref("/l", { tag: ["a b", "c&d"], empty: undefined }, 1)).toBe("/l?tag=a+b&tag=c%26d&page=1");
  });

  it("gives the listing's plain query for the first page without filters", () => {
    expect(pageHref("/l", { page: "3" }, 0)).toBe("/l");
  });
});
