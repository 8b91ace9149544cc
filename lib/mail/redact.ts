/** What replaces the secret part of a link in the owner's view of the outbox: a mark read the same in every language. */
export const REDACTED = "[•••]";

// Token-bearing paths of our mails (confirmation, a parent's confirmation, preference centre, invitation)
// and the signed query parameters (one-click unsubscribe `t`, lead-magnet reward `r`).
const PATH_TOKEN = /(\/(?:c\/parent|c|p|invitation)\/)(?!parent\/)[A-Za-z0-9_.~%-]+/g;
const QUERY_TOKEN = /((?:\?|&amp;|&)(?:t|r)=)[^\s"'<>&#]+/g;

/**
 * A mail as the organisation's members may read it in the outbox: every link
 * that acts for the recipient (confirm, open the preference centre, unsubscribe,
 * accept an invitation) has its token replaced, so that reading the outbox
 * never lets a member confirm, download or erase in someone's name.
 */
export function redactLinks(text: string): string {
  return text.replace(PATH_TOKEN, `$1${REDACTED}`).replace(QUERY_TOKEN, `$1${REDACTED}`);
}
