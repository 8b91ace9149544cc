const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const SPECIAL = /[&<>"']/;

/** Escapes text for HTML (mail bodies built as strings). */
export function escapeHtml(text: string): string {
  // Most texts have nothing to escape: a test costs less than a replace that copies.
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ENTITIES[c]!) : text;
}
