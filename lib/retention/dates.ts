const DAY_MS = 86_400_000;

/**
 * `date` plus `months` calendar months (UTC), clamped to the end of a shorter
 * month: 31 January + 1 month = 28/29 February, never 3 March.
 */
export function addMonths(date: Date, months: number): Date {
  const d = new Date(date.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}

/**
 * An unconfirmed entry is deleted once `days` full days have passed since it
 * was submitted: at submittedAt + days exactly, not a millisecond before.
 */
export function unconfirmedExpired(submittedAt: Date, days: number, now: Date): boolean {
  return now.getTime() >= submittedAt.getTime() + days * DAY_MS;
}

/** The latest submission instant that is already purgeable at `now` (for a database filter). */
export function unconfirmedCutoff(days: number, now: Date): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/**
 * A contact's data expires when `months` calendar months have passed since
 * the last interaction (a submission, a confirmation, a click in our e-mail):
 * at that instant exactly, not before.
 */
export function retentionExpired(lastInteractionAt: Date, months: number, now: Date): boolean {
  return now.getTime() >= addMonths(lastInteractionAt, months).getTime();
}

/**
 * The retention that applies to a contact: the longest of its campaigns'
 * periods (each campaign announced its own), else the organisation's default.
 */
export function retentionMonthsFor(campaignMonths: readonly number[], organisationDefault: number): number {
  return campaignMonths.length > 0 ? Math.max(...campaignMonths) : organisationDefault;
}
