import { NextResponse, type NextRequest } from "next/server";
import { apiRoute } from "@/lib/api";
import { AppError, Forbidden, RateLimited } from "@/lib/errors";
import { BodyRefused, readJsonBody } from "@/lib/http/read-body";
import { translate } from "@/lib/i18n/translate";
import { RateLimiter, envLimit } from "@/lib/rate-limit";
import { clientIp } from "@/lib/request-meta";
import { assertSameOrigin } from "@/lib/security/same-origin";
import { findPublishedCampaign } from "@/lib/submission/load";
import { submitResponse } from "@/lib/submission/submit";

const perIp = new RateLimiter(envLimit("AIMANT_SUBMIT_IP_LIMIT", 30), 60_000, "submit-ip");
const MAX_BODY = 64 * 1024;

/** A refusal made before the form was read, told in the form's language (French for an unknown form). */
async function inFormLanguage(error: unknown, slug: string): Promise<unknown> {
  if (!(error instanceof BodyRefused || error instanceof RateLimited || error instanceof Forbidden)) return error;
  const locale = (await findPublishedCampaign(slug))?.locale === "en" ? "en" : "fr";
  if (error instanceof BodyRefused) return error.in(locale);
  return new AppError(translate(locale, error instanceof RateLimited ? "errors.rateLimited" : "errors.originRefused"), error.status);
}

/** The respondent's form posts here (JSON, with fetch). */
export const POST = apiRoute(async (request: NextRequest, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const ip = clientIp(request.headers);
  let data: unknown;
  try {
    assertSameOrigin(request.headers);
    if (!(await perIp.hit(ip))) throw new RateLimited();
    data = await readJsonBody(request, MAX_BODY);
  } catch (error) {
    throw await inFormLanguage(error, slug);
  }
  const result = await submitResponse({ slug, data }, { ip, userAgent: request.headers.get("user-agent") ?? "", checkStartToken: true });
  return NextResponse.json({ ok: true, thanksUrl: `/f/${encodeURIComponent(slug)}/merci?r=${encodeURIComponent(result.thanksToken)}` }, { status: 201 });
});
