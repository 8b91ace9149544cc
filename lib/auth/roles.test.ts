import { describe, expect, it } from "vitest";
import { can, isRole } from "./roles";

describe("role permissions", () => {
  it("lets owners do everything", () => {
    for (const p of ["stats.view", "campaign.edit", "leads.export", "audit.view", "settings.edit", "members.manage"] as const) {
      expect(can("OWNER", p)).toBe(true);
    }
  });
  it("lets editors build and export but not administer", () => {
    expect(can("EDITOR", "campaign.edit")).toBe(true);
    expect(can("EDITOR", "leads.view")).toBe(true);
    expect(can("EDITOR", "leads.export")).toBe(true);
    expect(can("EDITOR", "audit.view")).toBe(false);
    expect(can("EDITOR", "settings.edit")).toBe(false);
  });
  it("keeps viewers to statistics, away from personal data", () => {
    expect(can("VIEWER", "stats.view")).toBe(true);
    expect(can("VIEWER", "leads.view")).toBe(false);
    expect(can("VIEWER", "leads.export")).toBe(false);
    expect(can("VIEWER", "campaign.edit")).toBe(false);
    expect(can("VIEWER", "audit.view")).toBe(false);
  });
  it("recognises only known roles", () => {
    expect(isRole("EDITOR")).toBe(true);
    expect(isRole("ADMIN")).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
