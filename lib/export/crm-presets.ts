import type { ExportMapping } from "./columns";
import type { Separator } from "./csv";

/**
 * Column names that each CRM's contact import recognises without manual
 * mapping, from their import guides:
 * - HubSpot: the contact properties' labels (Email, First Name, Last Name, Phone Number, Postal Code), comma-separated;
 * - Brevo: its default attributes EMAIL, FIRSTNAME, LASTNAME and SMS (the mobile number, with its + country code),
 *   other columns become attributes created at import; semicolon accepted;
 * - Mailchimp: Email Address, First Name, Last Name, Phone Number; its zip field takes five digits (French postal codes fit).
 */
export const CRM_PRESETS = ["hubspot", "brevo", "mailchimp"] as const;
export type CrmPreset = (typeof CRM_PRESETS)[number];

const HEADERS: Record<CrmPreset, { separator: Separator; names: Record<string, string> }> = {
  hubspot: { separator: ",", names: { email: "Email", first_name: "First Name", last_name: "Last Name", phone: "Phone Number", postal_code: "Postal Code" } },
  brevo: { separator: ";", names: { email: "EMAIL", first_name: "FIRSTNAME", last_name: "LASTNAME", phone: "SMS", postal_code: "POSTAL_CODE" } },
  mailchimp: { separator: ",", names: { email: "Email Address", first_name: "First Name", last_name: "Last Name", phone: "Phone Number", postal_code: "Zip Code" } },
};

/** The mapping renamed for a CRM: its names for the contact columns, its separator; the other columns, their order and choice stay the marketer's. */
export function applyCrmPreset(mapping: ExportMapping, crm: CrmPreset): ExportMapping {
  const preset = HEADERS[crm];
  return {
    separator: preset.separator,
    columns: mapping.columns.map((c) => {
      const name = preset.names[c.key];
      return name ? { ...c, header: name, include: true } : c;
    }),
  };
}
