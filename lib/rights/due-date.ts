/**
 * The deadline to answer a data-subject request: one month from receipt
 * (GDPR art. 12(3)), as a calendar month; when the next month is shorter the
 * deadline is its last day (31 January → 28/29 February).
 */
export function requestDueDate(requestedAt: Date): Date {
  const d = new Date(requestedAt.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + 1);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

/** Days left before the deadline (negative when late), counted in whole days. */
export function daysLeft(dueAt: Date, now: Date): number {
  return Math.ceil((dueAt.getTime() - now.getTime()) / 86_400_000);
}
