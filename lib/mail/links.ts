/** The http(s) links of a plain-text mail, in order, without duplicates (the outbox shows them as buttons). */
export function extractLinks(text: string): string[] {
  const found = text.match(/https?:\/\/[^\s<>"')]+/g) ?? [];
  return [...new Set(found.map((l) => l.replace(/[.,;:!?]+$/, "")))];
}
