import { addMonths } from "@/lib/retention/dates";

/**
 * The deadline to answer a data-subject request: one month from receipt
 * (GDPR art. 12(3)), as a calendar month; when the next month is shorter the
 * deadline is its last day (31 January → 28/29 February).
 */
export function requestDueDate(requestedAt: Date): Date {
  return addMonths(requestedAt, 1);
}

/** Days left before the deadline (negative when late), counted in whole days. */
export function daysLeft(dueAt: Date, now: Date): number {
  return Math.ceil((dueAt.getTime() - now.getTime()) / 86_400_000);
}
