/** A page's search params as Next hands them to a page (repeated keys give arrays). */
export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The link ("/parametres/audit?action=export&page=2") to another page of a listing:
 * every current parameter kept (filters, repeated keys too) and only `page`
 * changed; the first page drops it so its link is the listing's plain URL.
 */
export function pageHref(path: string, current: SearchParams, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(current)) {
    if (key === "page" || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  if (page > 0) params.set("page", String(page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
