// A real HTTP receiver for the webhook tests: verifies each request's signature
// as a CRM would (docs/webhooks.md), can fail the first N requests, and records
// what it accepted.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { verifySignature } from "@/lib/webhooks/signature";

export type Received = { eventId: string; type: string; attempt: number; body: string; signature: string; verified: boolean };

export async function startReceiver(opts: { secrets: () => string[]; failFirst?: number; delayMs?: number }) {
  const received: Received[] = [];
  let failures = opts.failFirst ?? 0;
  let requests = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      requests += 1;
      const body = Buffer.concat(chunks).toString("utf8");
      const signature = String(req.headers["aimant-signature"] ?? "");
      const verified = opts.secrets().some((s) => verifySignature(signature, body, s));
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      if (!verified) return res.writeHead(401).end("bad signature");
      if (failures > 0) {
        failures -= 1;
        return res.writeHead(503).end("try later");
      }
      received.push({ eventId: String(req.headers["aimant-event-id"]), type: String(req.headers["aimant-event-type"]), attempt: Number(req.headers["aimant-delivery-attempt"]), body, signature, verified });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/aimant`,
    received,
    requests: () => requests,
    failNext: (n: number) => void (failures = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
