import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api";
import { verifySignedValue } from "@/lib/crypto/sign";
import { Invalid, RateLimited } from "@/lib/errors";
import { kickOutbox } from "@/lib/mail/worker";
import { resendConfirmation } from "@/lib/optin/resend";
import { RateLimiter, envLimit } from "@/lib/rate-limit";
import { clientIp } from "@/lib/request-meta";
import { assertSameOrigin } from "@/lib/security/same-origin";

const bodySchema = z.object({ r: z.string().min(1).max(300) });
// Per entry the limit is 3 an hour (counted in the database); per IP this stops one visitor cycling through entries.
const perIp = new RateLimiter(envLimit("AIMANT_RESEND_IP_LIMIT", 20), 3_600_000);

/** "Renvoyer l'e-mail" from the thank-you page: `r` is the page's signed reference to the entry. */
export const POST = apiRoute(async (request: Request) => {
  assertSameOrigin(request.headers);
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  const responseId = parsed.success ? verifySignedValue("thanks", parsed.data.r) : null;
  if (!responseId) throw new Invalid("error");
  if (!perIp.hit(clientIp(request.headers))) throw new RateLimited("resendLimit");
  const status = await resendConfirmation(responseId);
  kickOutbox();
  return NextResponse.json({ status });
});
