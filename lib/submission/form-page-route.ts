import "server-only";
import { formPageKey, readPublishedHead } from "./published-head";

/**
 * Where proxy.ts sends a request for a published campaign's form page: its
 * cached rendering for the campaign's current version and state
 * (app/f/[slug]/version/[key]). Null for drafts and unknown slugs (the
 * per-request page answers them with a 404).
 */
export async function cachedFormPagePath(slug: string, now = new Date()): Promise<string | null> {
  const head = await readPublishedHead(slug);
  return head ? `/f/${encodeURIComponent(slug)}/version/${formPageKey(head, now)}` : null;
}
