#!/usr/bin/env node
// A small round-robin HTTP load balancer for trying several instances on one
// machine (tests, benchmarks): `node scripts/round-robin-proxy.mjs 8080
// http://127.0.0.1:3001 http://127.0.0.1:3002`. Like a real balancer it appends
// the client's address to X-Forwarded-For (run the instances with
// AIMANT_TRUSTED_PROXY_HOPS=1). Not for production: use nginx, Caddy, HAProxy.
import http from "node:http";

const [port, ...upstreams] = process.argv.slice(2);
if (!port || upstreams.length === 0) {
  console.error("usage: node scripts/round-robin-proxy.mjs <port> <upstream URL>...");
  process.exit(2);
}
const targets = upstreams.map((u) => new URL(u));
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
let next = 0;

const server = http.createServer((request, response) => {
  const target = targets[next++ % targets.length];
  const sent = request.headers["x-forwarded-for"];
  const peer = request.socket.remoteAddress ?? "unknown";
  const headers = { ...request.headers, "x-forwarded-for": sent ? `${sent}, ${peer}` : peer, "x-forwarded-host": request.headers.host ?? "" };
  const upstream = http.request({ host: target.hostname, port: target.port, method: request.method, path: request.url, headers, agent }, (answer) => {
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(response);
  });
  upstream.on("error", () => {
    if (!response.headersSent) response.writeHead(502, { "content-type": "text/plain" });
    response.end("upstream unavailable");
  });
  request.pipe(upstream);
});
server.listen(Number(port), "127.0.0.1", () => console.log(`› round-robin proxy on ${port} → ${upstreams.join(", ")}`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
