/** A rendered page kept in memory: its HTML, its content type and its preload links (Link header). */
export type StoredPage = { body: Uint8Array<ArrayBuffer>; contentType: string; link: string | null };

const sizeOf = (page: StoredPage) => page.body.byteLength;

/**
 * Rendered pages by key, bounded in bytes and in number: the least recently
 * served page goes first. A key names one version of one page (it is never
 * filled again with other content), so nothing here ever needs invalidating;
 * `fill` renders a missing key once however many requests ask for it at the
 * same time (a QR crowd on a new version costs one rendering).
 */
export class PageMemory {
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently served first.
  private readonly pages = new Map<string, StoredPage>();
  private readonly filling = new Map<string, Promise<StoredPage | null>>();
  private used = 0;

  constructor(
    readonly maxBytes: number,
    readonly maxPages: number,
  ) {}

  /** Bytes of HTML held. */
  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.pages.size;
  }

  get(key: string): StoredPage | null {
    const page = this.pages.get(key);
    if (!page) return null;
    this.pages.delete(key);
    this.pages.set(key, page);
    return page;
  }

  /** Keeps a page; one larger than the whole bound is not kept. */
  set(key: string, page: StoredPage): void {
    this.delete(key);
    if (sizeOf(page) > this.maxBytes || this.maxPages < 1) return;
    this.pages.set(key, page);
    this.used += sizeOf(page);
    for (const [oldest] of this.pages) {
      if (this.used <= this.maxBytes && this.pages.size <= this.maxPages) break;
      this.delete(oldest);
    }
  }

  /** The page under `key`, rendered by `render` if missing (one rendering at a time per key; null: not kept). */
  fill(key: string, render: () => Promise<StoredPage | null>): Promise<StoredPage | null> {
    const kept = this.get(key);
    if (kept) return Promise.resolve(kept);
    const pending = this.filling.get(key);
    if (pending) return pending;
    const rendering = render()
      .then((page) => {
        if (page) this.set(key, page);
        return page;
      })
      .finally(() => this.filling.delete(key));
    this.filling.set(key, rendering);
    return rendering;
  }

  private delete(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.used -= sizeOf(page);
  }
}
