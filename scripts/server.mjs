#!/usr/bin/env node
// The production HTTP server (run by scripts/start.mjs): Next's request handler behind a
// plain Node server that appends the socket's address to X-Forwarded-For, as a reverse
// proxy does. `next start` only fills that header when a request has none, so a client
// could name its own address and escape every per-IP limit; here the last entry is
// always the peer that opened the connection, and lib/request-meta.ts counts
// AIMANT_TRUSTED_PROXY_HOPS entries back from it.
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { isRscRequest } from "./rsc-request.mjs";
import { FORM_PAGE_CACHE_CONTROL, securityHeaders } from "./security-headers.mjs";

process.env.NODE_ENV = "production";
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;

const { default: next } = await import("next");
const app = next({ dev: false, dir: root, port, hostname });
await app.prepare();
const handle = app.getRequestHandler();

function handleWithNext(request, response) {
  handle(request, response).catch((error) => {
    console.error(error);
    if (!response.headersSent) response.statusCode = 500;
    response.end();
  });
}

// The form page a QR code opens (GET /f/<slug>, the page itself, not a client navigation's
// payload), answered from the app's memory without Next's request handling: the same HTML
// and headers proxy.ts would answer, for less than a static file costs Next (issue 14).
const FORM_PAGE = /^\/f\/([^/?#]+)(?:\?(.*))?$/;
const FORM_PAGE_HEADERS = {
  ...Object.fromEntries(securityHeaders({ production: true, embeddable: true }).map(({ key, value }) => [key, value])),
  "Cache-Control": FORM_PAGE_CACHE_CONTROL,
  Vary: "Accept-Encoding",
};
// Each rendering is gzipped once, for phones (they all accept gzip).
const gzipped = new WeakMap();

/** The slug of a request that may be answered from memory, or null (Next answers). */
function formPageSlug(request) {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const match = FORM_PAGE.exec(request.url ?? "");
  if (!match || isRscRequest((name) => request.headers[name], new URLSearchParams(match[2] ?? ""))) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

async function answerFormPage(slug, request, response) {
  /** @type {((slug: string) => Promise<{ body: Uint8Array; contentType: string; link: string | null } | null>) | undefined} */
  const formPageDocument = globalThis[Symbol.for("aimant.formPageDocument")];
  const page = formPageDocument ? await formPageDocument(slug).catch(() => null) : null;
  if (!page) return false;
  const gzip = /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
  let body = page.body;
  if (gzip) {
    if (!gzipped.has(page)) gzipped.set(page, zlib.gzipSync(page.body));
    body = gzipped.get(page);
  }
  response.writeHead(200, {
    ...FORM_PAGE_HEADERS,
    "Content-Type": page.contentType,
    "Content-Length": body.byteLength,
    ...(gzip ? { "Content-Encoding": "gzip" } : {}),
    ...(page.link ? { Link: page.link } : {}),
  });
  response.end(request.method === "HEAD" ? undefined : body);
  return true;
}

const server = http.createServer((request, response) => {
  // Node joins repeated X-Forwarded-For headers with ", ": one list, whatever the client sent.
  const sent = request.headers["x-forwarded-for"];
  const peer = request.socket.remoteAddress ?? "unknown";
  request.headers["x-forwarded-for"] = sent ? `${sent}, ${peer}` : peer;
  const slug = formPageSlug(request);
  if (slug === null) return handleWithNext(request, response);
  answerFormPage(slug, request, response).then(
    (answered) => answered || handleWithNext(request, response),
    () => handleWithNext(request, response),
  );
});
server.listen(port, hostname, () => {
  // Where the app can ask itself for a page (the form page's memory, lib/submission/form-page-memory.ts): a
  // loopback address when listening on all interfaces.
  const { address, family, port: bound } = /** @type {import("node:net").AddressInfo} */ (server.address());
  const wildcard = address === "::" || address === "0.0.0.0";
  const host = wildcard ? "127.0.0.1" : family === "IPv6" ? `[${address}]` : address;
  globalThis[Symbol.for("aimant.internalOrigin")] = `http://${host}:${bound}`;
  console.log(`› ready on port ${port}`);
});
// Stop taking connections, let requests in flight finish (5 s at most), then leave.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
