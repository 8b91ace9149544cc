"use client";
import { useTranslations } from "next-intl";

/**
 * Turns a message from an action ("errors.required", "draw.errors.stillOpen",
 * or plain text) into words: any known key of any namespace is translated,
 * anything else is shown as it is.
 */
export function useMessageText() {
  const t = useTranslations();
  return (message?: string): string | undefined => {
    if (!message) return undefined;
    return /^[a-z]+(\.[A-Za-z0-9_-]+)+$/.test(message) && t.has(message) ? t(message) : message;
  };
}
