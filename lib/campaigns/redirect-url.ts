/**
 * Whether a marketer's redirect address may be sent to a respondent: an absolute
 * http or https URL with a host, nothing else (javascript:, data:, vbscript:,
 * protocol-relative "//host" and the like run code or leave the web). Pure, so the
 * builder's schema, the server and the thank-you page apply the very same rule.
 */
export function isHttpUrl(value: string): boolean {
  // Spaces and control characters are refused outright: browsers strip some of them before reading the scheme.
  if (!value || /[\s\u0000-\u001f\u007f]/.test(value)) return false;
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "" && !url.username && !url.password;
  } catch {
    return false;
  }
}
