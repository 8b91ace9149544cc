import { cn } from "@/components/ui/cn";
import type { Phase } from "@/lib/campaigns/time-window";

const tones: Record<Phase, string> = {
  DRAFT: "bg-gray-100 text-gray-800",
  NOT_OPEN: "bg-blue-100 text-blue-900",
  OPEN: "bg-green-100 text-green-900",
  CLOSED: "bg-amber-100 text-amber-900",
  ARCHIVED: "bg-gray-200 text-gray-700",
};

export function PhaseBadge({ phase, label }: { phase: Phase; label: string }) {
  return (
    <span data-testid="campaign-phase" className={cn("inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold", tones[phase])}>
      {label}
    </span>
  );
}
