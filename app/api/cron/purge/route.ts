import crypto from "node:crypto";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api";
import { env } from "@/lib/env";
import { AppError, Forbidden } from "@/lib/errors";
import { runRetentionJob } from "@/lib/retention/scheduler";

function authorised(header: string | null): boolean {
  const secret = env().AIMANT_CRON_SECRET;
  if (!secret) throw new AppError("errors.cronDisabled", 503);
  const given = Buffer.from(header ?? "");
  const expected = Buffer.from(`Bearer ${secret}`);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/**
 * Runs the retention job now, for an outside scheduler (the app already runs it
 * daily by itself): `POST` with `Authorization: Bearer $AIMANT_CRON_SECRET`.
 * 409 while another runner holds it; the run is recorded like the app's own.
 */
export const POST = apiRoute(async (request: Request) => {
  if (!authorised(request.headers.get("authorization"))) throw new Forbidden();
  const result = await runRetentionJob({ trigger: "CRON", force: true });
  if (result.outcome === "ran") return NextResponse.json(result.report);
  if (result.outcome === "failed") throw new Error(result.error);
  throw new AppError("errors.purgeRunning", 409);
});
