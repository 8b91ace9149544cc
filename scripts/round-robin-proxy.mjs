#!/usr/bin/env node
// A small round-robin HTTP load balancer for trying several instances on one
// machine (tests, benchmarks): `node scripts/round-robin-proxy.mjs 8080
// http://127.0.0.1:3001 http://127.0.0.1:3002`. Each request (not each
// connection) goes to the next instance, so two requests sent at once land on
// two instances. Like a real balancer it appends the client's address to
// X-Forwarded-For (run the instances with AIMANT_TRUSTED_PROXY_HOPS=1). Every
// answer names the instance that served it in `X-Upstream` (tests check where
// a request landed). Listens on 127.0.0.1 (PROXY_HOST to change it).
// Not for production: use nginx, Caddy, HAProxy.
import http from "node:http";
import { fileURLToPath } from "node:url";

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection: never forwarded.
const HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "proxy-authorization", "proxy-authenticate"];

function withoutHopByHop(headers) {
  const named = String(headers.connection ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const out = { ...headers };
  for (const name of [...HOP_BY_HOP, ...named]) delete out[name];
  return out;
}

// An idle kept-alive connection is closed by the instance after 5 s (Node's default keepAliveTimeout): a request
// sent on it as it closes fails with ECONNRESET (a 502 for a healthy instance). The proxy drops its idle
// connections well before that.
const IDLE_UPSTREAM_MS = 2000;

class ShortIdleAgent extends http.Agent {
  keepSocketAlive(socket) {
    const kept = super.keepSocketAlive(socket);
    if (kept) socket.setTimeout(IDLE_UPSTREAM_MS);
    return kept;
  }
}

/** Starts the proxy; resolves with the listening server once it accepts connections. */
export function startRoundRobinProxy({ port, upstreams, host = "127.0.0.1", log = console.error }) {
  const targets = upstreams.map((u) => new URL(u));
  const agent = new ShortIdleAgent({ keepAlive: true, maxSockets: 512 });
  let next = 0;

  const server = http.createServer((request, response) => {
    const target = targets[next];
    next = (next + 1) % targets.length;
    const sent = request.headers["x-forwarded-for"];
    const peer = request.socket.remoteAddress ?? "unknown";
    const headers = {
      ...withoutHopByHop(request.headers),
      "x-forwarded-for": sent ? `${sent}, ${peer}` : peer,
      "x-forwarded-host": request.headers.host ?? "",
      "x-forwarded-proto": "http",
    };
    const upstream = http.request({ host: target.hostname, port: target.port, method: request.method, path: request.url, headers, agent }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, { ...withoutHopByHop(answer.headers), "x-upstream": target.host });
      answer.pipe(response);
      answer.on("error", () => response.destroy());
    });
    upstream.on("error", (error) => {
      log(`! ${request.method} ${request.url} → ${target.host}: ${error.code ?? error.message}${upstream.reusedSocket ? " (kept-alive connection)" : ""}`);
      if (!response.headersSent) {
        response.writeHead(502, { "content-type": "text/plain", "x-upstream": target.host });
        response.end("upstream unavailable");
      } else response.destroy();
    });
    // A client that goes away (a timeout, a closed tab) must not crash the proxy nor leave the upstream request hanging.
    request.on("error", () => upstream.destroy());
    response.on("close", () => {
      if (!response.writableFinished) upstream.destroy();
    });
    request.pipe(upstream);
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(Number(port), host, () => {
      server.off("error", reject);
      server.on("close", () => agent.destroy());
      resolve(server);
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [port, ...upstreams] = process.argv.slice(2);
  if (!port || upstreams.length === 0) {
    console.error("usage: node scripts/round-robin-proxy.mjs <port> <upstream URL>...");
    process.exit(2);
  }
  const server = await startRoundRobinProxy({ port, upstreams, host: process.env.PROXY_HOST || "127.0.0.1" });
  console.log(`› round-robin proxy on ${port} → ${upstreams.join(", ")}`);
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => process.exit(0), 3000).unref();
    });
  }
}
