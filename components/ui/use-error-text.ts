"use client";
import { useTranslations } from "next-intl";

/** Turns an error from a zod schema or an action ("errors.required" or plain text) into words. */
export function useErrorText() {
  const t = useTranslations();
  return (message?: string): string | undefined => {
    if (!message) return undefined;
    return message.startsWith("errors.") && t.has(message) ? t(message) : message;
  };
}
