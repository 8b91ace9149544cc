"use client";
import { useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { fromZonedInput } from "@/lib/time-zone";

const noSubscription = () => () => {};

/** The same instant in the marketer's own time zone, when it differs from the campaign's. */
export function LocalTimeHint({ value, timeZone }: { value: string; timeZone: string }) {
  const t = useTranslations("builder");
  // The server does not know the browser's zone: nothing there, the zone once hydrated.
  const browserZone = useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => undefined,
  );
  const instant = value ? fromZonedInput(value, timeZone) : null;
  if (!browserZone || browserZone === timeZone || !instant) return null;
  const local = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short", timeZone: browserZone }).format(instant);
  return <p className="text-xs text-muted">{t("hints.localTime", { time: local, zone: browserZone })}</p>;
}
