import { describe, expect, it } from "vitest";
import { defaultMapping, includedColumns } from "./columns";
import { applyCrmPreset } from "./crm-presets";

describe("CRM column presets", () => {
  const mapping = defaultMapping([{ id: "q1", label: "Chauffage" }], [{ id: "p1" }]);
  it.each([
    ["hubspot", ",", ["Email", "First Name", "Last Name", "Phone Number", "Postal Code"]],
    ["brevo", ";", ["EMAIL", "FIRSTNAME", "LASTNAME", "SMS", "POSTAL_CODE"]],
    ["mailchimp", ",", ["Email Address", "First Name", "Last Name", "Phone Number", "Zip Code"]],
  ] as const)("names the contact columns as %s's import expects, with its separator", (crm, separator, names) => {
    const renamed = applyCrmPreset(mapping, crm);
    expect(renamed.separator).toBe(separator);
    expect(includedColumns(renamed).slice(0, 5).map((c) => c.header)).toEqual(names);
    // The other columns keep the marketer's names and order.
    expect(renamed.columns.slice(5)).toEqual(mapping.columns.slice(5));
  });
});
