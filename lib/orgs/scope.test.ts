import { describe, expect, it } from "vitest";
import { NotFound } from "@/lib/errors";
import { ensureInOrganisation, inOrganisation } from "./scope";

describe("organisation scoping", () => {
  it("returns an object of the same organisation", () => {
    const row = { id: "c1", organisationId: "orgA" };
    expect(ensureInOrganisation(row, "orgA")).toBe(row);
  });
  it("answers not found for another organisation's object, as for a missing one", () => {
    expect(() => ensureInOrganisation({ id: "c1", organisationId: "orgB" }, "orgA")).toThrow(NotFound);
    expect(() => ensureInOrganisation(null, "orgA")).toThrow(NotFound);
  });
  it("refuses to build an unscoped filter", () => {
    expect(inOrganisation("orgA")).toEqual({ organisationId: "orgA" });
    expect(() => inOrganisation("")).toThrow();
  });
});
