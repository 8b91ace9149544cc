// The round-robin proxy the several-instances journey and benchmark put in front of two instances
// (scripts/round-robin-proxy.mjs), run as its CLI against two small upstream servers.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Seen = { name: string; method: string; url: string; headers: http.IncomingHttpHeaders; body: string };

const seen: Seen[] = [];
/** Connections the proxy holds open to the upstreams. */
const open = new Set<net.Socket>();
const upstreams: http.Server[] = [];
let proxy: ChildProcess;
let proxyPort = 0;
let proxyExited = false;

function upstream(name: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      seen.push({ name, method: request.method ?? "", url: request.url ?? "", headers: request.headers, body });
      if (request.url === "/slow") return void setTimeout(() => response.end("late"), 300);
      if (request.url === "/chunked") {
        response.write("one,");
        return void setTimeout(() => response.end("two"), 20);
      }
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ name, body }));
    });
  });
  server.on("connection", (socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const portOf = (server: http.Server) => (server.address() as AddressInfo).port;

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A port nothing listens on: an instance that is down. */
async function deadPort(): Promise<number> {
  return freePort();
}

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port: proxyPort, path, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

beforeAll(async () => {
  upstreams.push(await upstream("a"), await upstream("b"));
  proxyPort = await freePort();
  proxy = spawn(process.execPath, ["scripts/round-robin-proxy.mjs", String(proxyPort), ...upstreams.map((u) => `http://127.0.0.1:${portOf(u)}`)], { stdio: ["ignore", "pipe", "inherit"] });
  proxy.on("exit", () => (proxyExited = true));
  await new Promise<void>((resolve, reject) => {
    proxy.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("round-robin proxy on") && resolve());
    proxy.on("exit", (code) => reject(new Error(`proxy exited with ${code}`)));
  });
});

afterAll(async () => {
  proxy.kill("SIGTERM");
  await Promise.all(upstreams.map((u) => new Promise((resolve) => u.close(resolve))));
});

describe("round-robin proxy", () => {
  it("sends each request to the next instance, even requests sent at once on one keep-alive agent, and names it in X-Upstream", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => new Promise<string>((resolve, reject) => http.get({ host: "127.0.0.1", port: proxyPort, path: "/", agent }, (r) => { r.resume(); r.on("end", () => resolve(String(r.headers["x-upstream"]))); }).on("error", reject))),
    );
    agent.destroy();
    const a = `127.0.0.1:${portOf(upstreams[0]!)}`;
    const b = `127.0.0.1:${portOf(upstreams[1]!)}`;
    expect(answers.filter((x) => x === a)).toHaveLength(3);
    expect(answers.filter((x) => x === b)).toHaveLength(3);
    // Two requests in a row never land on the same instance.
    const first = await get("/");
    const second = await get("/");
    expect(first.headers["x-upstream"]).not.toBe(second.headers["x-upstream"]);
  });

  it("appends the client's address to X-Forwarded-For and keeps the Host the client asked for", async () => {
    seen.length = 0;
    await get("/xff", { "x-forwarded-for": "203.0.113.7", host: "aimant.example:8080" });
    await get("/plain");
    expect(seen[0]!.headers["x-forwarded-for"]).toBe("203.0.113.7, 127.0.0.1");
    expect(seen[0]!.headers.host).toBe("aimant.example:8080");
    expect(seen[0]!.headers["x-forwarded-host"]).toBe("aimant.example:8080");
    expect(seen[1]!.headers["x-forwarded-for"]).toBe("127.0.0.1");
  });

  it("forwards request bodies (with a length or chunked) and streamed answers whole", async () => {
    const post = (body: string, chunked: boolean) =>
      new Promise<string>((resolve, reject) => {
        const request = http.request({ host: "127.0.0.1", port: proxyPort, path: "/submit", method: "POST", headers: chunked ? { "content-type": "application/json" } : { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (r) => {
          let text = "";
          r.setEncoding("utf8");
          r.on("data", (c: string) => (text += c));
          r.on("end", () => resolve(text));
        });
        request.on("error", reject);
        if (chunked) {
          request.write(body.slice(0, 5));
          setTimeout(() => request.end(body.slice(5)), 10);
        } else request.end(body);
      });
    const body = JSON.stringify({ email: "léa@example.test", answers: "x".repeat(20_000) });
    expect(JSON.parse(await post(body, false)).body).toBe(body);
    expect(JSON.parse(await post(body, true)).body).toBe(body);
    expect((await get("/chunked")).body).toBe("one,two");
  });

  it("closes its idle connections to an instance before the instance does (5 s), so no request is sent on a closing one", async () => {
    const agent = new http.Agent({ keepAlive: false });
    await new Promise<void>((resolve, reject) => http.get({ host: "127.0.0.1", port: proxyPort, path: "/", agent }, (r) => { r.resume(); r.on("end", resolve); }).on("error", reject));
    expect(open.size).toBeGreaterThan(0);
    // Node's servers (scripts/server.mjs included) close idle connections after 5 s: the proxy closes them first.
    await new Promise((r) => setTimeout(r, 3500));
    expect(open.size).toBe(0);
  });

  it("answers 502 for an instance that is down and goes on serving, and survives clients that hang up", async () => {
    const dead = await deadPort();
    const port = await freePort();
    const lonely = spawn(process.execPath, ["scripts/round-robin-proxy.mjs", String(port), `http://127.0.0.1:${dead}`, `http://127.0.0.1:${portOf(upstreams[0]!)}`], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => lonely.stdout!.on("data", () => resolve()));
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push(await new Promise<number>((resolve, reject) => http.get({ host: "127.0.0.1", port, path: "/" }, (r) => { r.resume(); resolve(r.statusCode ?? 0); }).on("error", reject)));
    lonely.kill("SIGTERM");
    expect(statuses.sort()).toEqual([200, 200, 502, 502]);

    // Clients that go away mid-answer and mid-upload.
    for (let i = 0; i < 4; i++) {
      const early = http.get({ host: "127.0.0.1", port: proxyPort, path: "/slow" });
      early.on("error", () => {});
      setTimeout(() => early.destroy(), 50);
      const upload = http.request({ host: "127.0.0.1", port: proxyPort, path: "/submit", method: "POST", headers: { "content-length": "1000" } });
      upload.on("error", () => {});
      upload.write("partial");
      setTimeout(() => upload.destroy(), 50);
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(proxyExited).toBe(false);
    expect((await get("/")).status).toBe(200);
  });
});
