import { NextResponse, type NextRequest } from "next/server";
import { linkHttpStatus } from "@/lib/links/link-state";
import { localeFromAcceptLanguage } from "@/lib/i18n/accept-language";
import { tokenPathOf } from "@/lib/links/token-shape";
import { assertSameOrigin } from "@/lib/security/same-origin";
import { isRscRequest } from "./scripts/rsc-request.mjs";
import { FORM_PAGE_CACHE_CONTROL } from "./scripts/security-headers.mjs";

/**
 * Pages opened from a link (confirmation, preference centre, invitation)
 * answer with the status of their link: a page cannot set 404 with its text
 * nor 410 at all, so the proxy asks the link's state and rewrites to the same
 * page with that status; the page shows the matching text. A malformed or
 * over-long token is never looked up nor echoed: the proxy answers its 404
 * page itself (a rendered page carries the requested path in its payload).
 */
async function linkPage(request: NextRequest): Promise<NextResponse | null> {
  const link = tokenPathOf(request.nextUrl.pathname);
  if (!link) return null;
  if (link.token === null) {
    const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
    if (request.method !== "GET" && request.method !== "HEAD") return NextResponse.json({ error: locale === "en" ? "Not found." : "Introuvable." }, { status: 404 });
    const { malformedLinkPage } = await import("@/lib/links/malformed-link-page");
    return new NextResponse(malformedLinkPage(link.kind, locale), { status: 404, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
  }
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  // Loaded on the first link only: other requests never pay for the database client.
  const { linkStateOf } = await import("@/lib/links/inspect");
  const status = linkHttpStatus(await linkStateOf(link.kind, link.token));
  if (status === 200) return null;
  // Sub-pages of a dead link (e.g. /p/<token>/effacement) show the link's own page.
  return NextResponse.rewrite(new URL(`${link.prefix}${encodeURIComponent(link.token)}`, request.url), { status });
}

const FORM_PAGE = /^\/f\/([^/]+)$/;
const CACHED_FORM_PAGE = /^\/f\/([^/]+)\/version(?:\/|$)/;
const FORM_PAGE_HEADERS = { "cache-control": FORM_PAGE_CACHE_CONTROL };

/** A request for the page's HTML, not the RSC payload of a client-side navigation or prefetch. */
function wantsDocument(request: NextRequest): boolean {
  return request.method === "GET" && !isRscRequest((name) => request.headers.get(name), request.nextUrl.searchParams);
}

/**
 * The form page a QR code opens, at the speed of a static file: one small
 * read of the campaign's head gives the key of its version and state, then
 * the rendering for that key from this process's memory (rendered through
 * Next on the key's first request), or a rewrite to it. Every instance reads
 * the head itself, so a save, a closing or an opening instant is seen at
 * once everywhere; a key is never filled with other content, so nothing in
 * memory is ever stale. The cached renderings are reachable only this way.
 */
async function formPage(request: NextRequest): Promise<NextResponse | Response | null> {
  const { pathname } = request.nextUrl;
  const internal = CACHED_FORM_PAGE.exec(pathname);
  if (internal) {
    // This process's own request filling its memory goes through; anyone else gets the 404.
    const { isRenderRequest } = await import("@/lib/submission/form-page-memory");
    return isRenderRequest(request.headers) ? NextResponse.next() : NextResponse.rewrite(new URL(`/f/${internal[1]}/version`, request.url));
  }
  const match = FORM_PAGE.exec(pathname);
  if (!match || (request.method !== "GET" && request.method !== "HEAD")) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  try {
    const { cachedFormPagePath } = await import("@/lib/submission/form-page-route");
    const path = await cachedFormPagePath(slug);
    if (!path) return null;
    if (wantsDocument(request)) {
      const { renderedFormPage } = await import("@/lib/submission/form-page-memory");
      const page = await renderedFormPage(path);
      if (page) {
        // Next compresses the answer for clients that take gzip (it drops any Content-Encoding or -Length set here).
        const headers: Record<string, string> = { ...FORM_PAGE_HEADERS, "content-type": page.contentType };
        if (page.link) headers.link = page.link;
        return new Response(page.body, { headers });
      }
    }
    return NextResponse.rewrite(new URL(path, request.url), { headers: FORM_PAGE_HEADERS });
  } catch (error) {
    // The page rendered per request stands in.
    console.error("form page cache", error);
    return null;
  }
}

/**
 * CSRF guard for every state-changing request, server actions included:
 * Next.js lets a server action through when the Origin header is missing,
 * and answers a foreign one with a 500; we answer both with a clear 403.
 */
export async function proxy(request: NextRequest) {
  const link = (await formPage(request)) ?? (await linkPage(request));
  if (link) return link;
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return NextResponse.next();
  try {
    assertSameOrigin(request.headers);
  } catch (error) {
    // The refusal holds a catalogue key: answered in the reader's language, loaded only when refusing.
    const [{ cookieLocale }, { translate }] = await Promise.all([import("@/lib/api"), import("@/lib/i18n/translate")]);
    return NextResponse.json({ error: translate(cookieLocale(request), (error as Error).message) }, { status: 403 });
  }
  return NextResponse.next();
}

// Route handlers that take a body and check their callers themselves are left out: Next.js
// copies the body of every request the proxy sees (up to proxyClientMaxBodySize), and they
// read theirs within their own small limits (lib/http/read-body). The public submit endpoint
// (the busiest) and the resend button check their Origin; cron and unsubscribe are machine endpoints.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/f/|api/optin/|api/cron/|api/unsubscribe|api/bench/).*)"],
};
