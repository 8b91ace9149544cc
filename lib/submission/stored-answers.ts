/** The answers of an entry from the JSON text of Response.data, keyed by question id (erased or unreadable: none). */
export function storedAnswers(data: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(data);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
