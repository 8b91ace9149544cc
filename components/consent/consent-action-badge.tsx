import { cn } from "@/components/ui/cn";

const tones: Record<string, string> = {
  GRANT: "bg-green-50 text-green-800 border-green-200",
  CONFIRM: "bg-blue-50 text-blue-800 border-blue-200",
  WITHDRAW: "bg-red-50 text-red-800 border-red-200",
};

/** A ledger action as a coloured label (the text says it; colour only helps). */
export function ConsentActionBadge({ action, label }: { action: string; label: string }) {
  return <span className={cn("inline-block whitespace-nowrap rounded border px-1.5 py-0.5 text-xs font-medium", tones[action] ?? "border-line")}>{label}</span>;
}
