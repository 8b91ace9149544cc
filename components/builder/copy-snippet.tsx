"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function CopySnippet({ id, label, value }: { id: string; label: string; value: string }) {
  const t = useTranslations("builder.share");
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea id={id} readOnly rows={3} value={value} className="block w-full rounded-md border border-line bg-surface p-2 font-mono text-sm" onFocus={(e) => e.target.select()} />
      <Button
        variant="secondary"
        onClick={async () => {
          await navigator.clipboard?.writeText(value).catch(() => undefined);
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        }}
      >
        {copied ? t("copied") : t("copy")}
      </Button>
    </div>
  );
}
