import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api";
import { newId, writeTransaction } from "@/lib/db";
import { env } from "@/lib/env";
import { NotFound } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/read-body";

/**
 * The load benchmark's baseline: parse the same JSON body as a submission and
 * insert one row through the same driver and write path (writeTransaction),
 * nothing else. Only in a build made with AIMANT_BENCH=1 (see pageExtensions in
 * next.config.ts), and off unless the benchmark starts the server with
 * AIMANT_BENCH_BASELINE_ORG set to an organisation id.
 */
export const POST = apiRoute(async (request: Request) => {
  const organisationId = env().AIMANT_BENCH_BASELINE_ORG;
  if (!organisationId) throw new NotFound();
  const body = (await readJsonBody(request, 64 * 1024)) as { email?: string };
  const details = JSON.stringify({ email: body.email ?? "" });
  await writeTransaction(async (sql) => sql.insert("AuditLog", [{ id: newId(), organisationId, action: "bench.baseline", details, createdAt: new Date() }]));
  return NextResponse.json({ ok: true }, { status: 201 });
});
