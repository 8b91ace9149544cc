import { Forbidden } from "@/lib/errors";

/**
 * CSRF guard for public POST route handlers: the request must carry an Origin
 * header naming this very host. A missing Origin, "null" (sandboxed or
 * file: pages) or another site is refused. (Server actions get the same check
 * from Next.js itself.)
 */
export function assertSameOrigin(headers: Headers): void {
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!origin || origin === "null" || !host) throw new Forbidden("errors.origin.unknown");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new Forbidden("errors.origin.invalid");
  }
  if (originHost !== host) throw new Forbidden("errors.origin.foreign");
}
