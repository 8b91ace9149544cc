import "server-only";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import type { Locale } from "./config";

type Messages = Record<string, Record<string, unknown>>;
const cache = new Map<Locale, Messages>();

/**
 * All messages of a locale: one JSON file per namespace under
 * lib/i18n/messages/<locale>/<Namespace>.json, so each feature owns its file.
 */
export function loadMessages(locale: Locale): Messages {
  const cached = cache.get(locale);
  if (cached && env().NODE_ENV === "production") return cached;
  const dir = path.join(process.cwd(), "lib", "i18n", "messages", locale);
  const messages: Messages = {};
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    messages[path.basename(file, ".json")] = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  }
  cache.set(locale, messages);
  return messages;
}
