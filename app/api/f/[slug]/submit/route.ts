import { NextResponse, type NextRequest } from "next/server";
import { apiRoute } from "@/lib/api";
import { Invalid, RateLimited } from "@/lib/errors";
import { RateLimiter, envLimit } from "@/lib/rate-limit";
import { clientIp } from "@/lib/request-meta";
import { assertSameOrigin } from "@/lib/security/same-origin";
import { submitResponse } from "@/lib/submission/submit";

const perIp = new RateLimiter(envLimit("AIMANT_SUBMIT_IP_LIMIT", 30), 60_000);
const MAX_BODY = 64 * 1024;

/** The respondent's form posts here (JSON, with fetch). */
export const POST = apiRoute(async (request: NextRequest, { params }: { params: Promise<{ slug: string }> }) => {
  assertSameOrigin(request.headers);
  const ip = clientIp(request.headers);
  if (!perIp.hit(ip)) throw new RateLimited();
  const { slug } = await params;
  const raw = await request.text();
  if (raw.length > MAX_BODY) throw new Invalid("Votre réponse est trop longue.");
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new Invalid("Requête illisible.");
  }
  const result = await submitResponse({ slug, data }, { ip, userAgent: request.headers.get("user-agent") ?? "", checkStartToken: true });
  return NextResponse.json({ ok: true, thanksUrl: `/f/${encodeURIComponent(slug)}/merci?r=${encodeURIComponent(result.thanksToken)}` }, { status: 201 });
});
