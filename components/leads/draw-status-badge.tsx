import { cn } from "@/components/ui/cn";
import type { LeadDrawStatus } from "@/lib/leads/queries";

const TONES: Record<NonNullable<LeadDrawStatus>, string> = {
  WINNER: "bg-green-100 text-green-900",
  ALTERNATE: "bg-blue-100 text-blue-900",
  LOSER: "bg-surface text-muted",
};

export function DrawStatusBadge({ status, label }: { status: LeadDrawStatus; label: string }) {
  if (!status) return null;
  return <span className={cn("inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium", TONES[status])}>{label}</span>;
}
