import { NextResponse, type NextRequest } from "next/server";
import { apiRoute } from "@/lib/api";
import { RateLimited } from "@/lib/errors";
import { BodyRefused, readJsonBody } from "@/lib/http/read-body";
import { RateLimiter, envLimit } from "@/lib/rate-limit";
import { clientIp } from "@/lib/request-meta";
import { assertSameOrigin } from "@/lib/security/same-origin";
import { findPublishedCampaign } from "@/lib/submission/load";
import { submitResponse } from "@/lib/submission/submit";

const perIp = new RateLimiter(envLimit("AIMANT_SUBMIT_IP_LIMIT", 30), 60_000);
const MAX_BODY = 64 * 1024;

/** The respondent's form posts here (JSON, with fetch). */
export const POST = apiRoute(async (request: NextRequest, { params }: { params: Promise<{ slug: string }> }) => {
  assertSameOrigin(request.headers);
  const ip = clientIp(request.headers);
  if (!perIp.hit(ip)) throw new RateLimited();
  const { slug } = await params;
  let data: unknown;
  try {
    data = await readJsonBody(request, MAX_BODY);
  } catch (error) {
    // Told in the form's language (an unknown form: French, then its 404 below is no business of a refused body).
    if (error instanceof BodyRefused) throw (await findPublishedCampaign(slug))?.locale === "en" ? error.in("en") : error;
    throw error;
  }
  const result = await submitResponse({ slug, data }, { ip, userAgent: request.headers.get("user-agent") ?? "", checkStartToken: true });
  return NextResponse.json({ ok: true, thanksUrl: `/f/${encodeURIComponent(slug)}/merci?r=${encodeURIComponent(result.thanksToken)}` }, { status: 201 });
});
