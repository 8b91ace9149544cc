import "server-only";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import type { Locale } from "./config";

type Messages = Record<string, Record<string, unknown>>;
const cache = new Map<Locale, { messages: Messages; readAt: number }>();
/**
 * Outside production the files are read again when they are older than this: an edit shows on the next page in
 * development, while a script or test that renders thousands of texts (the demo's 300 entries, each with its mail)
 * does not read and compile the whole catalogue for each of them.
 */
const RELOAD_AFTER_MS = 1000;

/**
 * All messages of a locale: one JSON file per namespace under
 * lib/i18n/messages/<locale>/<Namespace>.json, so each feature owns its file.
 */
export function loadMessages(locale: Locale): Messages {
  const cached = cache.get(locale);
  if (cached && env().NODE_ENV === "production") return cached.messages;
  const now = Date.now();
  if (cached && Math.abs(now - cached.readAt) < RELOAD_AFTER_MS) return cached.messages;
  const dir = path.join(process.cwd(), "lib", "i18n", "messages", locale);
  const messages: Messages = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    messages[path.basename(file, ".json")] = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  }
  cache.set(locale, { messages, readAt: now });
  return messages;
}
