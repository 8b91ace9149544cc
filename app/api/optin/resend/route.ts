import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api";
import { verifySignedValue } from "@/lib/crypto/sign";
import { AppError, RateLimited } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/read-body";
import { translate } from "@/lib/i18n/translate";
import { kickOutbox } from "@/lib/mail/worker";
import { entryLocale, resendConfirmation } from "@/lib/optin/resend";
import { RateLimiter, envLimit } from "@/lib/rate-limit";
import { clientIp } from "@/lib/request-meta";
import { assertSameOrigin } from "@/lib/security/same-origin";

// A signed entry reference is about 60 characters; anything much longer is not one.
const MAX_BODY = 2 * 1024;
const bodySchema = z.object({ r: z.string().min(1).max(300) });
// Per entry the limit is 3 an hour (counted in the database); per IP this stops one visitor cycling through entries.
const perIp = new RateLimiter(envLimit("AIMANT_RESEND_IP_LIMIT", 20), 3_600_000, "resend-ip");

/**
 * "Renvoyer l'e-mail" from the thank-you page: `r` is the page's signed reference to the entry.
 * Refusals before the entry is known are told in French, the others in the entry's language.
 */
export const POST = apiRoute(async (request: Request) => {
  assertSameOrigin(request.headers);
  const parsed = bodySchema.safeParse(await readJsonBody(request, MAX_BODY));
  const reference = parsed.success ? verifySignedValue("thanks", parsed.data.r) : null;
  if (!reference) throw new AppError(translate("fr", "consent.resend.errors.reference"), 422);
  if (!(await perIp.hit(clientIp(request.headers)))) throw new RateLimited(translate(await entryLocale(reference), "consent.resend.errors.ipLimit"));
  const status = await resendConfirmation(reference);
  kickOutbox();
  return NextResponse.json({ status });
});
