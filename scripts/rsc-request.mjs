// Whether a request asks for the RSC payload of a client-side navigation or prefetch rather
// than a page's HTML: the form page is served from memory only for the latter, by
// scripts/server.mjs and by proxy.ts alike. `header` reads one request header by its
// lower-case name.
const RSC_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree"];

export function isRscRequest(header, searchParams) {
  return RSC_HEADERS.some((name) => header(name) != null) || searchParams.has("_rsc");
}
