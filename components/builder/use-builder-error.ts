"use client";
import type { FieldErrors } from "react-hook-form";

/** Words for an error: a message key of any namespace ("errors.required", "builder.errors.slug") or plain text. */
export { useMessageText as useBuilderError } from "@/components/ui/use-message-text";

/** The message at a dotted path of react-hook-form's error tree (also an array's own error under `root`). */
export function errorAtPath(errors: FieldErrors, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  const n = node as { message?: string; root?: { message?: string } } | undefined;
  return n?.message ?? n?.root?.message;
}
