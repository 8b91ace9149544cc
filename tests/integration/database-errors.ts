import { expect } from "vitest";

/** The database's own message behind a Prisma error (a trigger's RAISE, a constraint), as the driver reported it. */
export function databaseMessage(error: unknown): string {
  type Cause = { originalMessage?: string; message?: string };
  const e = error as { meta?: { driverAdapterError?: { cause?: Cause } }; cause?: Cause; message?: unknown; clientVersion?: unknown } | null;
  // Through Prisma: the driver adapter's error, under meta (SQLite) or as the error's cause (PostgreSQL).
  const cause = e?.meta?.driverAdapterError?.cause ?? (typeof e?.cause === "object" ? e.cause : undefined);
  if (cause) return cause.originalMessage ?? cause.message ?? "";
  if (typeof e?.message !== "string") return "";
  // Plain SQL (writeTransaction's sql): the driver's own error (pg's DatabaseError, SqliteError).
  if (e.clientVersion === undefined) return e.message;
  // Prisma on PostgreSQL may carry the database's message only in its text: "… Message: `…`".
  return /Message: `([^`]*)`/.exec(e.message)?.[1] ?? "";
}

/** Awaits work that the database must refuse, and checks it was refused with `message` (not for another reason). */
export async function expectRefusedByDatabase(work: Promise<unknown>, message: RegExp, label?: string): Promise<void> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, label ?? "the database refused it").not.toBeNull();
  expect(databaseMessage(error), label).toMatch(message);
}
