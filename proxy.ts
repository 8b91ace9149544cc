import { NextResponse, type NextRequest } from "next/server";
import { assertSameOrigin } from "@/lib/security/same-origin";

// Endpoints that other machines legitimately call without a browser Origin:
// the scheduler (bearer secret) and mail clients' one-click unsubscribe (RFC 8058).
const MACHINE_ENDPOINTS = ["/api/cron/", "/api/unsubscribe"];

/**
 * CSRF guard for every state-changing request, server actions included:
 * Next.js lets a server action through when the Origin header is missing,
 * and answers a foreign one with a 500; we answer both with a clear 403.
 */
export function proxy(request: NextRequest) {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return NextResponse.next();
  if (MACHINE_ENDPOINTS.some((p) => request.nextUrl.pathname.startsWith(p))) return NextResponse.next();
  try {
    assertSameOrigin(request.headers);
  } catch (error) {
    return NextResponse.json({ error: (error as Error).message }, { status: 403 });
  }
  return NextResponse.next();
}

// The public submit endpoint checks its Origin itself (lib/security/same-origin):
// left out here, the busiest route skips a second pass through the router.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/f/).*)"],
};
