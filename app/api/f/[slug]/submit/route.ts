import { NextResponse, type NextRequest } from "next/server";
import { apiRoute } from "@/lib/api";
import { Forbidden, RateLimited } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/read-body";
import { RateLimiter, envLimit } from "@/lib/rate-limit";
import { clientIp } from "@/lib/request-meta";
import { assertSameOrigin } from "@/lib/security/same-origin";
import { formLocale } from "@/lib/submission/load";
import { submitResponse } from "@/lib/submission/submit";

const perIp = new RateLimiter(envLimit("AIMANT_SUBMIT_IP_LIMIT", 30), 60_000, "submit-ip");
const MAX_BODY = 64 * 1024;

/** The respondent's form posts here (JSON, with fetch); refusals are told in the form's language. */
export const POST = apiRoute(async (request: NextRequest, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const ip = clientIp(request.headers);
  try {
    assertSameOrigin(request.headers);
  } catch {
    // The respondent is told the plain reason, not which origin check failed.
    throw new Forbidden("errors.originRefused");
  }
  if (!(await perIp.hit(ip))) throw new RateLimited();
  const data = await readJsonBody(request, MAX_BODY);
  const result = await submitResponse({ slug, data }, { ip, userAgent: request.headers.get("user-agent") ?? "", checkStartToken: true });
  return NextResponse.json({ ok: true, thanksUrl: `/f/${encodeURIComponent(slug)}/merci?r=${encodeURIComponent(result.thanksToken)}` }, { status: 201 });
}, async (_request, { params }) => formLocale((await params).slug));
