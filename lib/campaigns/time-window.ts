/**
 * When a campaign accepts entries. Opening is inclusive, closing exclusive:
 * at `closesAt` exactly the form is closed. Closing by hand (closedManuallyAt)
 * closes it from that instant on, whatever the planned dates.
 */
export type WindowState = "NOT_OPEN" | "OPEN" | "CLOSED";

type TimeWindow = { opensAt: Date; closesAt: Date; closedManuallyAt?: Date | null };

export function windowState(window: TimeWindow, now: Date = new Date()): WindowState {
  const t = now.getTime();
  if (window.closedManuallyAt && t >= window.closedManuallyAt.getTime()) return "CLOSED";
  if (t < window.opensAt.getTime()) return "NOT_OPEN";
  if (t >= window.closesAt.getTime()) return "CLOSED";
  return "OPEN";
}

/** The public phase of a campaign as the marketer sees it in lists. */
export type Phase = "DRAFT" | "ARCHIVED" | WindowState;

export function phaseOf(campaign: TimeWindow & { status: string }, now: Date = new Date()): Phase {
  if (campaign.status === "DRAFT") return "DRAFT";
  if (campaign.status === "ARCHIVED") return "ARCHIVED";
  return windowState(campaign, now);
}
