import crypto from "node:crypto";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { WEBHOOK_EVENTS } from "./events";
import { nextAttemptAfterFailure, webhookRetryDelayMs } from "./backoff";
import { webhookSchemaDocument } from "./json-schema";
import { signatureHeader, verifySignature } from "./signature";
import { endpointUrlProblem } from "./url";

describe("Aimant-Signature", () => {
  const body = '{"id":"evt_1","type":"draw.completed"}';
  it("is t=<seconds>,v1=<hex HMAC-SHA256(secret, t.body)>, as the docs compute it by hand", () => {
    const header = signatureHeader(["whsec_a"], body, 1_700_000_000);
    const expected = crypto.createHmac("sha256", "whsec_a").update(`1700000000.${body}`).digest("hex");
    expect(header).toBe(`t=1700000000,v1=${expected}`);
    expect(verifySignature(header, body, "whsec_a", 1_700_000_010)).toBe(true);
  });
  it("refuses an altered body, another secret, an old or future timestamp", () => {
    const header = signatureHeader(["whsec_a"], body, 1_700_000_000);
    expect(verifySignature(header, body + " ", "whsec_a", 1_700_000_000)).toBe(false);
    expect(verifySignature(header, body, "whsec_b", 1_700_000_000)).toBe(false);
    expect(verifySignature(header, body, "whsec_a", 1_700_000_000 + 301)).toBe(false);
    expect(verifySignature(header, body, "whsec_a", 1_700_000_000 - 301)).toBe(false);
    expect(verifySignature(header.replace(/t=\d+/, "t=1700000100"), body, "whsec_a", 1_700_000_100)).toBe(false);
  });
  it("carries one v1= per secret during a rotation", () => {
    const header = signatureHeader(["whsec_new", "whsec_old"], body, 1_700_000_000);
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(verifySignature(header, body, "whsec_old", 1_700_000_000)).toBe(true);
    expect(verifySignature(header, body, "whsec_new", 1_700_000_000)).toBe(true);
  });
});

describe("backoff", () => {
  it("doubles from 10 s up to an hour", () => {
    expect([1, 2, 3, 4].map((attempts) => webhookRetryDelayMs(attempts))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(webhookRetryDelayMs(30)).toBe(3_600_000);
  });
  it("doubles from the configured first wait (AIMANT_WEBHOOK_RETRY_MS)", () => {
    expect([1, 2, 3].map((attempts) => webhookRetryDelayMs(attempts, 1000))).toEqual([1000, 2000, 4000]);
    expect(webhookRetryDelayMs(30, 1000)).toBe(3_600_000);
  });
  it("stops 24 hours after the event", () => {
    const created = new Date("2026-12-01T00:00:00Z");
    expect(nextAttemptAfterFailure(created, 1, new Date("2026-12-01T00:00:00Z"))).toEqual(new Date("2026-12-01T00:00:10Z"));
    expect(nextAttemptAfterFailure(created, 25, new Date("2026-12-01T23:30:00Z"))).toBeNull();
  });
});

describe("endpoint URLs", () => {
  it("https anywhere, http to localhost only", () => {
    expect(endpointUrlProblem("https://crm.example.com/h")).toBeNull();
    expect(endpointUrlProblem("http://localhost:3000/h")).toBeNull();
    expect(endpointUrlProblem("http://[::1]:3000/h")).toBeNull();
    expect(endpointUrlProblem("http://crm.example.com/h")).toBe("https");
    expect(endpointUrlProblem("http://localhost.evil.com/h")).toBe("https");
    expect(endpointUrlProblem("https://a:b@crm.example.com/h")).toBe("credentials");
    expect(endpointUrlProblem("crm")).toBe("invalid");
  });
});

it("the examples of docs/webhooks.md follow the published schema, one per event", () => {
  const documented = z.fromJSONSchema(JSON.parse(fs.readFileSync("docs/webhooks.schema.json", "utf8")));
  const examples = [...fs.readFileSync("docs/webhooks.md", "utf8").matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as { type: string });
  expect(examples.map((e) => e.type).sort()).toEqual([...WEBHOOK_EVENTS].sort());
  for (const example of examples) expect(documented.safeParse(example).success, example.type).toBe(true);
});

it("docs/webhooks.schema.json is the schema of the payloads the code builds (npm run webhooks:schema)", () => {
  expect(JSON.parse(fs.readFileSync("docs/webhooks.schema.json", "utf8"))).toEqual(webhookSchemaDocument());
});
