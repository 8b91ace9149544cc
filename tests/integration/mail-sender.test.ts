import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";
import { onPostgres, useFreshDatabase as freshDatabase } from "../test-db";
import { seedOrganisation } from "./consent-fixtures";

freshDatabase();

/** A real SMTP server in the test process. */
function captureServer() {
  const received: Array<{ rcpt: string[]; mail: ParsedMail }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ rcpt: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  return { server, received };
}

describe("outbox delivery", () => {
  const { server, received } = captureServer();
  let port = 0;
  let orgId = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
    orgId = (await seedOrganisation("Boutique\r\nBcc: evil@x.test")).id;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends queued mails over SMTP with structured addresses, safe headers and List-Unsubscribe", async () => {
    const { db } = await import("@/lib/db");
    const { queueMail } = await import("@/lib/mail/outbox");
    const { deliverOutbox } = await import("@/lib/mail/sender");
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    process.env.MAIL_FROM = "Aimant <no-reply@aimant.test>";
    await queueMail(db, {
      organisationId: orgId,
      to: "paul@example.test",
      subject: "Bonjour\r\nBcc: evil@x.test",
      html: "<p>Hi</p>",
      text: "Hi",
      kind: "test",
      headers: { "List-Unsubscribe": "<http://localhost/api/unsubscribe?t=x>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "X-Evil": "1" },
    });
    const report = await deliverOutbox();
    expect(report.sent).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0]!.rcpt).toEqual(["paul@example.test"]);
    const mail = received[0]!.mail;
    expect(mail.subject).toBe("Bonjour Bcc: evil@x.test");
    const line = (name: string) => mail.headerLines.find((h) => h.key === name)?.line;
    expect(line("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(line("list-unsubscribe")).toBe("List-Unsubscribe: <http://localhost/api/unsubscribe?t=x>");
    expect(line("x-evil")).toBeUndefined();
    expect(mail.bcc).toBeUndefined();
    expect(mail.from?.value[0]).toMatchObject({ address: "no-reply@aimant.test", name: "Boutique Bcc: evil@x.test" });
    expect((await db.outboxMail.findFirstOrThrow({ where: { toAddress: "paul@example.test" } })).status).toBe("SENT");
    // Idempotent: nothing left to send.
    expect((await deliverOutbox()).sent).toBe(0);
  });

  it("retries a failing delivery, then gives up", async () => {
    const { db } = await import("@/lib/db");
    const { queueMail } = await import("@/lib/mail/outbox");
    const { deliverOutbox } = await import("@/lib/mail/sender");
    const { MAX_ATTEMPTS } = await import("@/lib/mail/retry");
    const id = await queueMail(db, { organisationId: orgId, to: "fail@example.test", subject: "x", html: "x", text: "x", kind: "test" });
    const broken = { sendMail: async () => Promise.reject(new Error("421 try later")) };
    // The retry schedule is in the row: not due again until its delay has passed (a clock an hour apart per pass).
    const hour = 3_600_000;
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      expect((await deliverOutbox({ transport: broken, now: new Date(Date.now() + i * hour) })).retried).toBe(1);
      expect((await deliverOutbox({ transport: broken, now: new Date(Date.now() + i * hour + 1000) })).retried).toBe(0);
      expect((await db.outboxMail.findUniqueOrThrow({ where: { id } })).nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + i * hour + 1000);
    }
    expect((await deliverOutbox({ transport: broken, now: new Date(Date.now() + MAX_ATTEMPTS * hour) })).failed).toBe(1);
    const row = await db.outboxMail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, error: "421 try later" });

    // The owner puts it back once SMTP works again: another organisation cannot, nor can a sent mail be requeued.
    const { requeueFailedMail } = await import("@/lib/mail/queries");
    const { NotFound } = await import("@/lib/errors");
    const owner = { userId: "u1", email: "owner@example.test", name: "", organisationId: orgId, organisationName: "", role: "OWNER" as const };
    await expect(requeueFailedMail({ ...owner, organisationId: "another-org" }, id)).rejects.toThrow(NotFound);
    await requeueFailedMail(owner, id);
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "QUEUED", attempts: 0, error: "" });
    expect(await db.auditLog.count({ where: { organisationId: orgId, action: "mail.requeue", targetId: id } })).toBe(1);
    expect((await deliverOutbox({ transport: { sendMail: async () => ({}) } })).sent).toBe(1);
    await expect(requeueFailedMail(owner, id)).rejects.toThrow(NotFound);
  });

  it("sends a mail once when its status update runs while another request's transaction is open and rolls back", async () => {
    const { db } = await import("@/lib/db");
    const { queueMail } = await import("@/lib/mail/outbox");
    const { deliverOutbox } = await import("@/lib/mail/sender");
    const id = await queueMail(db, { organisationId: orgId, to: "once@example.test", subject: "x", html: "x", text: "x", kind: "test" });
    let sent = 0;
    const transport = { sendMail: async () => (sent++, {}) };
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const other = db
      .$transaction(async (tx) => {
        await tx.auditLog.create({ data: { organisationId: orgId, actorLabel: "t", action: "other.request", targetType: "t", targetId: "t" } });
        opened();
        await new Promise((resolve) => setTimeout(resolve, 100));
        throw new Error("the other request fails");
      })
      .catch(() => undefined);
    await open;
    await deliverOutbox({ transport });
    await other;
    await deliverOutbox({ transport });
    expect(sent).toBe(1);
    expect((await db.outboxMail.findUniqueOrThrow({ where: { id } })).status).toBe("SENT");
  });

  it.skipIf(onPostgres)("does not send a mail again when recording that it was sent fails; records it later", async () => {
    const { db } = await import("@/lib/db");
    const { queueMail } = await import("@/lib/mail/outbox");
    const { deliverOutbox } = await import("@/lib/mail/sender");
    const id = await queueMail(db, { organisationId: orgId, to: "unrecorded@example.test", subject: "x", html: "x", text: "x", kind: "test" });
    let sent = 0;
    const transport = { sendMail: async () => (sent++, {}) };
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "test_refuse_sent" BEFORE UPDATE ON "OutboxMail" WHEN NEW."status" = 'SENT' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`,
    );
    const errors = console.error;
    console.error = () => {};
    try {
      await deliverOutbox({ transport }).catch(() => undefined);
      await deliverOutbox({ transport }).catch(() => undefined);
    } finally {
      console.error = errors;
      await db.$executeRawUnsafe(`DROP TRIGGER "test_refuse_sent"`);
    }
    expect(sent).toBe(1);
    await deliverOutbox({ transport });
    expect(sent).toBe(1);
    expect((await db.outboxMail.findUniqueOrThrow({ where: { id } })).status).toBe("SENT");
  });

  it("two workers at once send each mail exactly once", async () => {
    const { db } = await import("@/lib/db");
    const { queueMail } = await import("@/lib/mail/outbox");
    const { deliverOutbox } = await import("@/lib/mail/sender");
    for (let i = 0; i < 40; i++) await queueMail(db, { organisationId: orgId, to: `crowd${i}@example.test`, subject: "x", html: "x", text: "x", kind: "test" });
    const to: string[] = [];
    const transport = {
      sendMail: async (m: { to?: unknown }) => {
        to.push((m.to as { address: string }).address);
        await new Promise((resolve) => setTimeout(resolve, 1));
        return {};
      },
    };
    await Promise.all([deliverOutbox({ transport, limit: 25 }), deliverOutbox({ transport, limit: 25 }), deliverOutbox({ transport, limit: 25 })]);
    await deliverOutbox({ transport });
    const crowd = to.filter((a) => a.startsWith("crowd"));
    expect(crowd).toHaveLength(40);
    expect(new Set(crowd).size).toBe(40);
  });

  it("keeps mails in the local outbox when no SMTP_URL is set", async () => {
    const { db } = await import("@/lib/db");
    const { queueMail } = await import("@/lib/mail/outbox");
    const { deliverOutbox } = await import("@/lib/mail/sender");
    delete process.env.SMTP_URL;
    const id = await queueMail(db, { organisationId: orgId, to: "kept@example.test", subject: "x", html: "x", text: "x", kind: "test" });
    expect((await deliverOutbox()).kept).toBe(1);
    expect((await db.outboxMail.findUniqueOrThrow({ where: { id } })).status).toBe("KEPT");
  });

  it("writes new mails KEPT at once in a process whose worker runs without SMTP_URL (no rewrite a second later)", async () => {
    const { db, writeTransaction } = await import("@/lib/db");
    const { queueMail, queueMailSql } = await import("@/lib/mail/outbox");
    const { startOutboxWorker } = await import("@/lib/mail/worker");
    delete process.env.SMTP_URL;
    const before = await queueMail(db, { organisationId: orgId, to: "before@example.test", subject: "x", html: "x", text: "x", kind: "test" });
    expect((await db.outboxMail.findUniqueOrThrow({ where: { id: before } })).status).toBe("QUEUED");
    startOutboxWorker(60_000);
    const byPrisma = await queueMail(db, { organisationId: orgId, to: "prisma@example.test", subject: "x", html: "x", text: "x", kind: "test" });
    const bySql = await writeTransaction((sql) => queueMailSql(sql, { organisationId: orgId, to: "sql@example.test", subject: "x", html: "x", text: "x", kind: "test" }));
    const statuses = await db.outboxMail.findMany({ where: { id: { in: [byPrisma, bySql] } }, select: { status: true } });
    expect(statuses.map((m) => m.status)).toEqual(["KEPT", "KEPT"]);
  });
});
