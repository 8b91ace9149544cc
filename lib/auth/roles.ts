export const ROLES = ["OWNER", "EDITOR", "VIEWER"] as const;
export type Role = (typeof ROLES)[number];

/** What each role may do. Viewers see statistics only, never personal data. */
const PERMISSIONS = {
  "stats.view": ["OWNER", "EDITOR", "VIEWER"],
  "campaign.edit": ["OWNER", "EDITOR"],
  "leads.view": ["OWNER", "EDITOR"],
  "leads.export": ["OWNER", "EDITOR"],
  "draw.run": ["OWNER", "EDITOR"],
  "compliance.view": ["OWNER", "EDITOR"],
  "rights.manage": ["OWNER"],
  "audit.view": ["OWNER"],
  "settings.edit": ["OWNER"],
  "members.manage": ["OWNER"],
  "outbox.view": ["OWNER"],
  "webhooks.manage": ["OWNER"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** True when `role` grants `permission`. */
export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
