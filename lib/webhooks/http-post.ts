import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { resolveAllowed } from "./address-guard";

export type PostResult = { status: number };

// Keep-alive: a CRM receives bursts (a draw, a campaign's confirmations); one TLS handshake per event would cost more than the event.
const agents = { "http:": new http.Agent({ keepAlive: true, maxSockets: 16 }), "https:": new https.Agent({ keepAlive: true, maxSockets: 16 }) };

/**
 * POSTs `body` to `url` and resolves with the answer's status (any status:
 * the caller decides what counts), or rejects on a network error, a timeout
 * or a refused address. The host is resolved and checked first, and the
 * socket connects to that very address (TLS still verifies the host name).
 * Redirects are not followed: a 3xx is a failure the owner must fix.
 */
export async function postJson(url: string, headers: Record<string, string>, body: string, opts: { allowPrivate: boolean; timeoutMs: number }): Promise<PostResult> {
  const target = new URL(url);
  const checked = await resolveAllowed(target.hostname, opts.allowPrivate);
  const lookup: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: checked.address, family: checked.family }]);
    else callback(null, checked.address, checked.family);
  };
  const client = target.protocol === "https:" ? https : http;
  return new Promise<PostResult>((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: "POST",
        agent: agents[target.protocol as "http:" | "https:"],
        lookup,
        headers: { ...headers, "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)) },
        timeout: opts.timeoutMs,
      },
      (response) => {
        // The answer's body is not stored (it could hold anything): drain it so the socket is reused.
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0 }));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${opts.timeoutMs} ms`)));
    request.on("error", reject);
    request.end(body);
  });
}
