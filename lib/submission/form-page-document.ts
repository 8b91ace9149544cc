import "server-only";
import { renderedFormPage, type StoredPage } from "./form-page-memory";
import { cachedFormPagePath } from "./form-page-route";

/**
 * The HTML of a published campaign's form page for its current version and
 * state, from this process's memory (null for drafts and unknown slugs, or
 * when it cannot be had: Next then answers). What proxy.ts serves, without
 * Next's request handling around it.
 */
export async function formPageDocument(slug: string): Promise<StoredPage | null> {
  const path = await cachedFormPagePath(slug);
  return path ? renderedFormPage(path) : null;
}

/**
 * Hands formPageDocument to scripts/server.mjs, which answers a phone's
 * GET /f/<slug> with it before Next sees the request: the page a QR crowd
 * asks for then costs less than one of Next's static files (issue 14).
 */
export function publishFormPageDocument(): void {
  (globalThis as unknown as Record<symbol, unknown>)[Symbol.for("aimant.formPageDocument")] = formPageDocument;
}
