"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

type CampaignTab = { href: string; label: string; exact?: boolean };

/** The tabs of a campaign's pages; the first one ("Formulaire") matches its own path only. */
export function CampaignTabs({ tabs, label }: { tabs: CampaignTab[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="no-print mb-6 flex flex-wrap gap-1 border-b border-line pb-2">
      {tabs.map((tab) => {
        const active = tab.exact ? pathname === tab.href : pathname === tab.href || pathname.startsWith(`${tab.href}/`);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={cn("rounded-md px-3 py-2 text-sm font-medium", active ? "bg-brand text-white" : "text-ink hover:bg-surface")}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
