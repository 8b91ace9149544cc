/** The address as stored and mailed: trimmed, Unicode-normalised, lower-cased. */
export function normaliseEmail(email: string): string {
  return email.normalize("NFC").trim().toLowerCase().replace(/\.+$/, "");
}

const GMAIL_DOMAINS = new Set(["gmail.com", "googlemail.com"]);

/**
 * The key that makes "one entry per e-mail per campaign" hold against the
 * usual aliases of one mailbox: case, a "+tag" after the local part, and for
 * Gmail the dots in the local part and the googlemail.com domain. The address
 * itself is kept as typed (normalised) for mailing; only the key is folded.
 */
export function dedupeKeyOf(email: string): string {
  const normalised = normaliseEmail(email);
  const at = normalised.lastIndexOf("@");
  if (at <= 0) return normalised;
  let local = normalised.slice(0, at);
  let domain = normalised.slice(at + 1);
  local = local.split("+")[0] || local;
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replace(/\./g, "");
    domain = "gmail.com";
  }
  return `${local}@${domain}`;
}

/** Hides most of an address for a page shown to anyone holding the link ("j•••@exemple.fr"). */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "•••";
  return `${email[0]}•••@${email.slice(at + 1)}`;
}
