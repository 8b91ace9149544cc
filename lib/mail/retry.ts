/** A mail is given up (FAILED) after this many delivery attempts. */
export const MAX_ATTEMPTS = 5;

/** Wait before the next attempt after `attempts` failures: 5 s, 10 s, 20 s, 40 s … capped at 10 min. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 600_000);
}

/** The status a mail takes after a failed attempt number `attempts` (1-based). */
export function statusAfterFailure(attempts: number): "QUEUED" | "FAILED" {
  return attempts >= MAX_ATTEMPTS ? "FAILED" : "QUEUED";
}

/** "Name <address>" or "address" → structured parts for the mailer (never a raw header string). */
export function parseMailbox(value: string): { name: string; address: string } {
  const match = /^\s*(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(value);
  if (match) return { name: match[1]!.replace(/^"|"$/g, ""), address: match[2]! };
  return { name: "", address: value.trim() };
}
