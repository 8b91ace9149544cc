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

process.env.NODE_ENV = "production";
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;

const { default: next } = await import("next");
const app = next({ dev: false, dir: root, port, hostname });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((request, response) => {
  // Node joins repeated X-Forwarded-For headers with ", ": one list, whatever the client sent.
  const sent = request.headers["x-forwarded-for"];
  const peer = request.socket.remoteAddress ?? "unknown";
  request.headers["x-forwarded-for"] = sent ? `${sent}, ${peer}` : peer;
  handle(request, response).catch((error) => {
    console.error(error);
    if (!response.headersSent) response.statusCode = 500;
    response.end();
  });
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
