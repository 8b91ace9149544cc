import { NextResponse, type NextRequest } from "next/server";
import { apiRoute } from "@/lib/api";
import { RateLimiter, envLimit } from "@/lib/rate-limit";
import { clientIp } from "@/lib/request-meta";
import { formLocale } from "@/lib/submission/load";
import { NotOpenNow, startForm } from "@/lib/submission/start";

// Above it an address still gets its token, but its views stop counting.
const viewsPerIp = new RateLimiter(envLimit("AIMANT_VIEW_IP_LIMIT", 120), 60_000, "view-ip");
const NO_STORE = { "cache-control": "no-store" };

/** The form's first call: its start token (time trap) and one view by UTM source; refusals in the form's language. */
export const GET = apiRoute(async (request: NextRequest, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const utmSource = request.nextUrl.searchParams.get("utm_source") ?? "";
  try {
    const body = await startForm(slug, utmSource, await viewsPerIp.hit(clientIp(request.headers)));
    return NextResponse.json(body, { headers: NO_STORE });
  } catch (error) {
    if (!(error instanceof NotOpenNow)) throw error;
    return NextResponse.json({ error: error.message, state: error.state }, { status: error.status, headers: NO_STORE });
  }
}, async (_request, { params }) => formLocale((await params).slug));
