import "server-only";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { PageMemory, type StoredPage } from "./page-memory";

export type { StoredPage };

/** The header that lets this process's own request reach a cached rendering (app/f/[slug]/version/[key]). */
export const RENDER_HEADER = "x-aimant-form-render";

// About 60 KB of HTML per rendering: room for hundreds of published versions.
const MAX_BYTES = 32 * 1024 * 1024;
const MAX_PAGES = 1000;
const RENDER_TIMEOUT_MS = 15_000;

type Shared = { memory: PageMemory; secret: string };
// One per process, on globalThis: Next may bundle this module more than once.
const SHARED_KEY = Symbol.for("aimant.formPageMemory");
const shared = ((globalThis as unknown as Record<symbol, Shared | undefined>)[SHARED_KEY] ??= {
  memory: new PageMemory(MAX_BYTES, MAX_PAGES),
  secret: randomBytes(32).toString("hex"),
});

/** The renderings held by this process (tests and diagnostics). */
export const formPageMemory: PageMemory = shared.memory;

/**
 * Where this process listens, published by scripts/server.mjs once it does (a
 * loopback address). Unset under `next dev` or another server: the proxy then
 * rewrites to the cached rendering instead of serving it from memory.
 */
const ORIGIN_KEY = Symbol.for("aimant.internalOrigin");
export function internalOrigin(): string | null {
  const origin = (globalThis as unknown as Record<symbol, unknown>)[ORIGIN_KEY];
  return typeof origin === "string" ? origin : null;
}

/** Whether a request carries this process's render secret (only its own fill requests do). */
export function isRenderRequest(headers: Headers): boolean {
  const sent = Buffer.from(headers.get(RENDER_HEADER) ?? "");
  const secret = Buffer.from(shared.secret);
  return sent.length === secret.length && timingSafeEqual(sent, secret);
}

/**
 * The rendering at `path` (/f/<slug>/version/<key>), from memory or, the first
 * time, asked of this very server (which renders it through Next, once per
 * key however many ask at once). Null when it cannot be had (no internal
 * origin, not a 200 HTML page, the server unreachable): the caller rewrites.
 */
export async function renderedFormPage(path: string): Promise<StoredPage | null> {
  const kept = shared.memory.get(path);
  if (kept) return kept;
  const origin = internalOrigin();
  if (!origin) return null;
  return shared.memory.fill(path, () => fetchRendering(origin, path));
}

async function fetchRendering(origin: string, path: string): Promise<StoredPage | null> {
  try {
    const response = await fetch(`${origin}${path}`, {
      // Plain HTML: Next compresses each answer itself (it drops a Content-Encoding set by app code).
      headers: { [RENDER_HEADER]: shared.secret, "accept-encoding": "identity" },
      redirect: "manual",
      cache: "no-store",
      signal: AbortSignal.timeout(RENDER_TIMEOUT_MS),
    });
    const contentType = response.headers.get("content-type") ?? "";
    // A campaign unpublished meanwhile renders a 404: never kept, the per-request path answers it.
    if (response.status !== 200 || !contentType.startsWith("text/html")) {
      await response.body?.cancel();
      return null;
    }
    const body = new Uint8Array(await response.arrayBuffer());
    // Next's rendering names its stylesheet in a Link header (the phone asks for it before parsing the HTML).
    return { body, contentType, link: response.headers.get("link") };
  } catch (error) {
    console.error("form page rendering", error);
    return null;
  }
}
