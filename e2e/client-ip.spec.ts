import http from "node:http";
import { test, expect, uniqueEmail } from "./fixtures";
import { DEMO_SLUG, MIN_FILL_MS } from "./campaign-helpers";
import { formDefinitionFromDb, openE2eDb } from "./support/e2e-db";
import { fetchStartToken, submissionBody } from "../bench/submission-body";

// Per-IP limits count the connection's address, not an X-Forwarded-For the client writes
// itself (no reverse proxy in front of the e2e server: AIMANT_TRUSTED_PROXY_HOPS unset).
// The resend route's per-IP limit is its default here (20 an hour); its per-entry limit
// (3 an hour) never applies, as each request names a different entry.
const PER_IP_LIMIT = 20;
const REQUESTS = 32;

const db = openE2eDb();
test.afterAll(() => db.close());

/** A POST from a loopback address of its own (127.0.0.0/8 is all loopback on Linux): a bucket no other spec shares. */
function postFrom(localAddress: string, url: URL, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port: url.port, path: url.pathname, method: "POST", localAddress, headers: { ...headers, host: url.host, "content-length": Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

test("32 resend requests, each with a new forged X-Forwarded-For, hit the per-IP limit", async ({ request, baseURL }) => {
  const form = formDefinitionFromDb(db, DEMO_SLUG);
  const startToken = await fetchStartToken(baseURL!, DEMO_SLUG);
  await new Promise((r) => setTimeout(r, MIN_FILL_MS));
  const references: string[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const created = await request.post(`/api/f/${DEMO_SLUG}/submit`, {
      data: JSON.stringify(submissionBody(form, uniqueEmail("forged-ip"), startToken)),
      headers: { origin: baseURL!, "content-type": "application/json" },
    });
    expect(created.status()).toBe(201);
    references.push(new URL((await created.json()).thanksUrl, baseURL).searchParams.get("r")!);
  }

  const localAddress = `127.0.${1 + Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;
  const statuses: number[] = [];
  for (const [i, r] of references.entries()) {
    statuses.push(
      await postFrom(localAddress, new URL("/api/optin/resend", baseURL), JSON.stringify({ r }), {
        origin: baseURL!,
        "content-type": "application/json",
        "x-forwarded-for": `198.51.100.${i + 1}`,
      }),
    );
  }
  expect(statuses.slice(0, PER_IP_LIMIT)).toEqual(Array(PER_IP_LIMIT).fill(200));
  expect(statuses.slice(PER_IP_LIMIT)).toEqual(Array(REQUESTS - PER_IP_LIMIT).fill(429));
});
