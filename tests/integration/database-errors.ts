import { expect } from "vitest";

/** The database's own message behind a Prisma error (a trigger's RAISE, a constraint), as the driver reported it. */
export function databaseMessage(error: unknown): string {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalMessage?: string } } } } | null)?.meta;
  return meta?.driverAdapterError?.cause?.originalMessage ?? "";
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
