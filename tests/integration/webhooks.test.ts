import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { onPostgres, useFreshDatabase } from "../test-db";
import { seedCampaign, seedEntry, seedOrganisation } from "./consent-fixtures";
import { startReceiver } from "./webhook-receiver";
import type { Member } from "@/lib/auth/session";

// CRM webhooks end to end against a real HTTP receiver that checks signatures:
// events queued in the transaction of what causes them, signed, retried with
// backoff, delivered once per endpoint even with two workers at once, only to
// addresses allowed, with payloads that match the published JSON Schema.

const { file } = useFreshDatabase();
process.env.AIMANT_WEBHOOKS_ALLOW_PRIVATE = "1";
vi.mock("@/lib/webhooks/worker", () => ({ kickWebhooks: () => undefined, startWebhookWorker: () => undefined }));

const documented = z.fromJSONSchema(JSON.parse(fs.readFileSync("docs/webhooks.schema.json", "utf8")));
const meta = { userAgent: "Mozilla/5.0 test", ipHash: () => "h" };
let secret = "";
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let org: { id: string };
let owner: Member;
let seeded: Awaited<ReturnType<typeof seedCampaign>>;
let endpointId = "";

async function lib() {
  return { ...(await import("@/lib/db")), ...(await import("@/lib/webhooks/deliver")), ...(await import("@/lib/webhooks/queries")) };
}

/** Runs the worker until nothing is due at `now` (the test moves the clock instead of waiting). */
async function deliverAt(now: Date) {
  const { deliverWebhooks } = await lib();
  return deliverWebhooks({ now });
}

async function confirmedLead() {
  const { db, writeTransaction } = await import("@/lib/db");
  const { issueConfirmation, mailSenderOf } = await import("@/lib/optin/start");
  const { confirmOptIn } = await import("@/lib/optin/confirm");
  const entry = await seedEntry(seeded);
  await writeTransaction(async (sql) =>
    issueConfirmation(sql, { organisationId: org.id, campaignId: seeded.campaign.id, contactId: entry.contact.id, responseId: entry.response.id, email: entry.email, purposes: [seeded.version.wording], locale: "fr" }, await mailSenderOf(seeded.campaign.id, org.id), new Date()),
  );
  const mail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: entry.email, kind: "optin.confirmation" }, orderBy: { createdAt: "desc" } });
  expect((await confirmOptIn(decodeURIComponent(/\/c\/([^\s"<]+)/.exec(mail.text)![1]!), meta)).state).toBe("confirmed");
  return entry;
}

beforeAll(async () => {
  const { createAccount } = await import("@/lib/auth/sign-up");
  const account = await createAccount({ name: "Olivia", organisationName: "Org Hooks", email: "olivia@hooks.test", password: "x".repeat(12) });
  org = { id: account.organisationId };
  owner = { userId: account.userId, email: "olivia@hooks.test", name: "Olivia", organisationId: org.id, organisationName: "Org Hooks", role: "OWNER" };
  seeded = await seedCampaign(org.id);
  receiver = await startReceiver({ secrets: () => [secret] });
  const { createEndpoint } = await lib();
  const created = await createEndpoint(owner, { url: receiver.url, description: "CRM", events: ["lead.confirmed", "consent.withdrawn", "contact.erased", "draw.completed"] });
  secret = created.secret;
  endpointId = created.endpointId;
});

afterAll(async () => {
  await receiver.close();
});

describe("an endpoint", () => {
  it("keeps its secret sealed: the database never holds it in clear", async () => {
    const { db } = await lib();
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
    expect(secret).toMatch(/^whsec_/);
    expect(JSON.stringify(row)).not.toContain(secret);
    // SQLite: nor do the file's bytes (PostgreSQL's files are the server's, not ours to read).
    if (!onPostgres) expect(fs.readFileSync(file).includes(Buffer.from(secret))).toBe(false);
  });

  it("refuses plain http except to localhost, and URLs with credentials", async () => {
    const { endpointSchema } = await import("@/lib/webhooks/schemas");
    const ok = (url: string) => endpointSchema.safeParse({ url, description: "", events: ["lead.confirmed"] }).success;
    expect(ok("https://crm.example.com/hook")).toBe(true);
    expect(ok("http://localhost:4000/hook")).toBe(true);
    expect(ok("http://127.0.0.1:4000/hook")).toBe(true);
    expect(ok("http://crm.example.com/hook")).toBe(false);
    expect(ok("https://user:pw@crm.example.com/hook")).toBe(false);
    expect(ok("ftp://crm.example.com/")).toBe(false);
    expect(endpointSchema.safeParse({ url: "https://crm.example.com", description: "", events: [] }).success).toBe(false);
  });

  it("of another organisation is not found", async () => {
    const { getEndpoint, listDeliveries } = await lib();
    const other = await seedOrganisation("Autre");
    await expect(getEndpoint(other.id, endpointId)).rejects.toMatchObject({ status: 404 });
    await expect(listDeliveries(other.id, endpointId, 0)).rejects.toMatchObject({ status: 404 });
  });
});

describe("lead.confirmed", () => {
  it("is queued by the confirmation itself, signed, fails twice then is accepted once, with the next tries in the log", async () => {
    const { db } = await lib();
    receiver.failNext(2);
    const before = receiver.received.length;
    const entry = await confirmedLead();
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId, contactId: entry.contact.id, eventType: "lead.confirmed" } });
    expect(delivery.status).toBe("PENDING");

    const t0 = new Date();
    expect(await deliverAt(t0)).toMatchObject({ retried: 1 });
    let row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 503 });
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + 10_000);
    // Not due yet: nothing is sent.
    expect(await deliverAt(new Date(t0.getTime() + 5_000))).toMatchObject({ succeeded: 0, retried: 0 });
    expect(await deliverAt(new Date(t0.getTime() + 10_000))).toMatchObject({ retried: 1 });
    row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + 10_000 + 20_000);
    expect(await deliverAt(new Date(t0.getTime() + 30_000))).toMatchObject({ succeeded: 1 });
    row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 3, lastStatusCode: 204 });
    expect(receiver.requests()).toBeGreaterThanOrEqual(3);

    const got = receiver.received.slice(before);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ eventId: delivery.eventId, type: "lead.confirmed", attempt: 3, verified: true });
    const body = JSON.parse(got[0]!.body);
    expect(documented.safeParse(body).success).toBe(true);
    expect(body.data).toMatchObject({ contactId: entry.contact.id, email: entry.email, campaign: { id: seeded.campaign.id, title: seeded.campaign.title }, purposes: [{ id: seeded.purpose.id, wording: seeded.version.wording, wordingHash: seeded.version.hash }] });
    expect(body.data).not.toHaveProperty("birthDate");
    // The published schema allows nothing more: a birth date or the answers would not validate.
    expect(documented.safeParse({ ...body, data: { ...body.data, birthDate: "2012-05-01" } }).success).toBe(false);
    expect(await deliverAt(new Date(t0.getTime() + 3_600_000))).toMatchObject({ succeeded: 0, retried: 0, failed: 0 });
  });

  it("is not queued when the confirmation rolls back, nor for an entry that granted no purpose", async () => {
    const { db } = await lib();
    const { queueWebhookEvent } = await import("@/lib/webhooks/queue");
    const count = await db.webhookDelivery.count();
    await expect(
      db.$transaction(async (tx) => {
        await queueWebhookEvent(tx, org.id, "draw.completed", { drawId: "d", campaign: { id: "c", title: "t" }, sequence: 1, redraw: false, drawnAt: new Date().toISOString(), eligibleCount: 1, eligibleHash: "h", winnersCount: 1, alternatesCount: 0 });
        throw new Error("the event's transaction fails");
      }),
    ).rejects.toThrow();
    expect(await db.webhookDelivery.count()).toBe(count);

    const { issueConfirmation, mailSenderOf } = await import("@/lib/optin/start");
    const { confirmOptIn } = await import("@/lib/optin/confirm");
    const { writeTransaction } = await import("@/lib/db");
    const entry = await seedEntry(seeded, { grant: false });
    await writeTransaction(async (sql) => issueConfirmation(sql, { organisationId: org.id, campaignId: seeded.campaign.id, contactId: entry.contact.id, responseId: entry.response.id, email: entry.email, purposes: [], locale: "fr" }, await mailSenderOf(seeded.campaign.id, org.id), new Date()));
    const mail = await db.outboxMail.findFirstOrThrow({ where: { toAddress: entry.email, kind: "optin.confirmation" } });
    await confirmOptIn(decodeURIComponent(/\/c\/([^\s"<]+)/.exec(mail.text)![1]!), meta);
    expect(await db.webhookDelivery.count({ where: { contactId: entry.contact.id } })).toBe(0);
  });

  it("goes only to endpoints subscribed to it, and waits while its endpoint is paused", async () => {
    const { db, createEndpoint, setPaused } = await lib();
    const drawsOnly = await createEndpoint(owner, { url: receiver.url, description: "", events: ["draw.completed"] });
    await setPaused(owner, endpointId, true);
    const entry = await confirmedLead();
    expect(await db.webhookDelivery.count({ where: { contactId: entry.contact.id } })).toBe(1);
    expect(await db.webhookDelivery.count({ where: { endpointId: drawsOnly.endpointId } })).toBe(0);
    expect(await deliverAt(new Date())).toMatchObject({ succeeded: 0 });
    await setPaused(owner, endpointId, false);
    expect(await deliverAt(new Date())).toMatchObject({ succeeded: 1 });
    await db.webhookEndpoint.delete({ where: { id: drawsOnly.endpointId } });
  });
});

describe("consent.withdrawn and contact.erased", () => {
  it("a withdrawal in the preference centre is delivered with only the address, purposes and method", async () => {
    const { withdrawConsents } = await import("@/lib/consent/withdraw");
    const entry = await seedEntry(seeded, { confirmed: true });
    const before = receiver.received.length;
    await withdrawConsents({ organisationId: org.id, contactId: entry.contact.id, method: "PREFERENCE_CENTRE", actor: { userId: null, label: "RESPONDENT" } });
    await deliverAt(new Date());
    const got = receiver.received.slice(before).filter((r) => r.type === "consent.withdrawn");
    expect(got).toHaveLength(1);
    const body = JSON.parse(got[0]!.body);
    expect(documented.safeParse(body).success).toBe(true);
    expect(Object.keys(body.data).sort()).toEqual(["contactId", "email", "method", "purposes", "withdrawnAt"]);
    expect(body.data).toMatchObject({ email: entry.email, method: "PREFERENCE_CENTRE" });
  });

  it("an unconfirmed address is never sent (it may not be the person's)", async () => {
    const { db } = await lib();
    const { withdrawConsents } = await import("@/lib/consent/withdraw");
    const entry = await seedEntry(seeded);
    await withdrawConsents({ organisationId: org.id, contactId: entry.contact.id, method: "UNSUBSCRIBE_LINK", actor: { userId: null, label: "RESPONDENT" } });
    expect(await db.webhookDelivery.count({ where: { contactId: entry.contact.id } })).toBe(0);
  });

  it("an erasure takes back the events naming the person, sends the address and id only, then blanks it", async () => {
    const { db } = await lib();
    const { eraseContact } = await import("@/lib/rights/queries");
    const entry = await confirmedLead();
    // The lead's event is still waiting when the person asks for erasure: it must not leave with their data.
    expect(await db.webhookDelivery.count({ where: { contactId: entry.contact.id, eventType: "lead.confirmed", status: "PENDING" } })).toBe(1);
    const before = receiver.received.length;
    await eraseContact(org.id, entry.contact.id, "PREFERENCE_CENTRE", { userId: null, label: "RESPONDENT" });
    const rows = await db.webhookDelivery.findMany({ where: { contactId: entry.contact.id } });
    expect(rows.map((r) => r.eventType)).toEqual(["contact.erased"]);
    await deliverAt(new Date());
    const got = receiver.received.slice(before);
    expect(got.map((r) => r.type)).toEqual(["contact.erased"]);
    const body = JSON.parse(got[0]!.body);
    expect(documented.safeParse(body).success).toBe(true);
    expect(body.data).toEqual({ contactId: entry.contact.id, email: entry.email, reason: "ERASURE", erasedAt: expect.any(String) });
    const after = await db.webhookDelivery.findFirstOrThrow({ where: { contactId: entry.contact.id } });
    expect(after).toMatchObject({ status: "SUCCEEDED", payload: "" });
    const { replayDelivery } = await lib();
    await expect(replayDelivery(owner, after.id)).rejects.toMatchObject({ status: 422 });
  });
});

describe("draw.completed", () => {
  it("is queued with the draw: counts and its verification, no winner's data", async () => {
    const { db } = await lib();
    const { performDraw } = await import("@/lib/draw/queries");
    const contest = await seedCampaign(org.id);
    for (let i = 0; i < 3; i++) await seedEntry(contest, { confirmed: true });
    await db.campaign.update({ where: { id: contest.campaign.id }, data: { prize: "Un poêle", winnersCount: 1, closedManuallyAt: new Date() } });
    const before = receiver.received.length;
    const { drawId } = await performDraw(owner, contest.campaign.id);
    await deliverAt(new Date());
    const got = receiver.received.slice(before);
    expect(got.map((r) => r.type)).toEqual(["draw.completed"]);
    const body = JSON.parse(got[0]!.body);
    expect(documented.safeParse(body).success).toBe(true);
    expect(body.data).toMatchObject({ drawId, sequence: 1, redraw: false, eligibleCount: 3, winnersCount: 1 });
  });
});

describe("delivery", () => {
  it("is given up after 24 hours of failures, and a replay sends it again with the same event id", async () => {
    const { db, replayDelivery } = await lib();
    const entry = await confirmedLead();
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { contactId: entry.contact.id } });
    receiver.failNext(1000);
    const t0 = Date.now();
    let at = t0;
    for (let i = 0; i < 60; i++) {
      await deliverAt(new Date(at));
      const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
      if (row.status !== "PENDING") break;
      at = row.nextAttemptAt.getTime();
    }
    const failed = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(failed.status).toBe("FAILED");
    expect(failed.lastAttemptAt!.getTime() - t0).toBeLessThanOrEqual(24 * 3_600_000);
    expect(failed.attempts).toBeGreaterThan(20);
    receiver.failNext(0);
    const before = receiver.received.length;
    await replayDelivery(owner, delivery.id);
    await deliverAt(new Date());
    expect(receiver.received.slice(before).map((r) => r.eventId)).toEqual([delivery.eventId]);
  });

  it("during a rotation carries two signatures: the receiver's old secret and the new one both verify", async () => {
    const { db, rotateSecret } = await lib();
    const old = secret;
    const { secret: fresh } = await rotateSecret(owner, endpointId);
    const entry = await confirmedLead();
    const before = receiver.received.length;
    await deliverAt(new Date());
    const got = receiver.received.slice(before);
    expect(got).toHaveLength(1);
    const { verifySignature } = await import("@/lib/webhooks/signature");
    expect(got[0]!.signature.match(/v1=/g)).toHaveLength(2);
    expect(verifySignature(got[0]!.signature, got[0]!.body, old)).toBe(true);
    expect(verifySignature(got[0]!.signature, got[0]!.body, fresh)).toBe(true);
    expect(verifySignature(got[0]!.signature, got[0]!.body, "whsec_other")).toBe(false);
    secret = fresh;
    // After the overlap only the new one signs.
    await db.webhookEndpoint.update({ where: { id: endpointId }, data: { previousSecretUntil: new Date(Date.now() - 1) } });
    expect(entry).toBeTruthy();
  });

  it("each event reaches each endpoint once with two workers running at the same time", async () => {
    const { db, deliverWebhooks } = await lib();
    const { queueWebhookEvent } = await import("@/lib/webhooks/queue");
    const second = await startReceiver({ secrets: () => [secret], delayMs: 2 });
    await db.webhookEndpoint.update({ where: { id: endpointId }, data: { url: second.url } });
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) {
      const id = await db.$transaction((tx) => queueWebhookEvent(tx, org.id, "draw.completed", { drawId: `d${i}`, campaign: { id: "c", title: "t" }, sequence: i, redraw: false, drawnAt: new Date().toISOString(), eligibleCount: 1, eligibleHash: "h", winnersCount: 1, alternatesCount: 0 }));
      ids.push(id!);
    }
    await Promise.all([deliverWebhooks({ limit: 20, concurrency: 4 }), deliverWebhooks({ limit: 20, concurrency: 4 }), deliverWebhooks({ limit: 20, concurrency: 4 })]);
    await deliverWebhooks();
    const got = second.received.map((r) => r.eventId);
    expect(got.length).toBe(300);
    expect(new Set(got).size).toBe(300);
    expect(new Set(got)).toEqual(new Set(ids));
    await second.close();
    await db.webhookEndpoint.update({ where: { id: endpointId }, data: { url: receiver.url } });
  });

  it("refuses private and loopback addresses unless allowed, checking every address a name resolves to", async () => {
    const { postJson } = await import("@/lib/webhooks/http-post");
    const { resolveAllowed, isPrivateAddress } = await import("@/lib/webhooks/address-guard");
    const before = receiver.requests();
    await expect(postJson(receiver.url, {}, "{}", { allowPrivate: false, timeoutMs: 1000 })).rejects.toThrow(/private or loopback/);
    await expect(postJson(receiver.url.replace("127.0.0.1", "localhost"), {}, "{}", { allowPrivate: false, timeoutMs: 1000 })).rejects.toThrow(/private or loopback/);
    expect(receiver.requests()).toBe(before);
    const fake = async () => [{ address: "93.184.216.34", family: 4 as const }, { address: "10.0.0.7", family: 4 as const }];
    await expect(resolveAllowed("crm.example.com", false, fake)).rejects.toThrow(/10\.0\.0\.7/);
    expect(await resolveAllowed("crm.example.com", true, fake)).toEqual({ address: "93.184.216.34", family: 4 });
    for (const a of ["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "::", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "64:ff9b::a00:1".replace("a00:1", "10.0.0.1")]) expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ["93.184.216.34", "2606:4700::1111", "::ffff:93.184.216.34"]) expect(isPrivateAddress(a), a).toBe(false);
  });
});
