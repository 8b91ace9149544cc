import { NextResponse } from "next/server";
import { newId, writeTransaction } from "@/lib/db";

/**
 * The load benchmark's baseline: parse the same JSON body as a submission and
 * insert one row through the same driver and write path (writeTransaction),
 * nothing else. Off unless the benchmark starts the server with
 * AIMANT_BENCH_BASELINE_ORG set to an organisation id.
 */
export async function POST(request: Request) {
  const organisationId = process.env.AIMANT_BENCH_BASELINE_ORG;
  if (!organisationId) return NextResponse.json({ error: "Introuvable." }, { status: 404 });
  const body = (await request.json()) as { email?: string };
  const details = JSON.stringify({ email: body.email ?? "" });
  await writeTransaction((sql) => sql.insert("AuditLog", [{ id: newId(), organisationId, action: "bench.baseline", details, createdAt: new Date() }]));
  return NextResponse.json({ ok: true }, { status: 201 });
}
