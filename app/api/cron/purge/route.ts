import crypto from "node:crypto";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api";
import { AppError, Forbidden } from "@/lib/errors";
import { runPurge } from "@/lib/retention/purge";

function authorised(header: string | null): boolean {
  const secret = process.env.AIMANT_CRON_SECRET;
  if (!secret) throw new AppError("Tâche désactivée : AIMANT_CRON_SECRET n'est pas défini.", 503);
  const given = Buffer.from(header ?? "");
  const expected = Buffer.from(`Bearer ${secret}`);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** The retention job for a scheduler: `POST` with `Authorization: Bearer $AIMANT_CRON_SECRET`. */
export const POST = apiRoute(async (request: Request) => {
  if (!authorised(request.headers.get("authorization"))) throw new Forbidden();
  return NextResponse.json(await runPurge());
});
