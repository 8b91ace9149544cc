/** Host names a development endpoint may reach over plain http. */
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Why an endpoint URL is refused, or null: https anywhere, http only to
 * localhost (development: a receiver on the same machine); no credentials in
 * the URL (they would be shown in the log and sent in clear).
 */
export function endpointUrlProblem(value: string): "invalid" | "https" | "credentials" | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "invalid";
  }
  if (url.username || url.password) return "credentials";
  if (url.protocol === "https:") return url.hostname ? null : "invalid";
  if (url.protocol === "http:" && (LOCAL_HOSTS.has(url.hostname) || url.hostname.endsWith(".localhost"))) return null;
  return "https";
}
