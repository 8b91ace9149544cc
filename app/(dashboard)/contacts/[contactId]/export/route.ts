import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api";
import { requireRole } from "@/lib/auth/session";
import { exportContactData } from "@/lib/rights/queries";

/** An owner downloads a contact's data (access or portability request), logged with its date. */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ contactId: string }> }) => {
  const member = await requireRole("rights.manage");
  const { contactId } = await params;
  const kind = new URL(request.url).searchParams.get("kind") === "PORTABILITY" ? "PORTABILITY" : "ACCESS";
  const document = await exportContactData(member.organisationId, contactId, kind, "ADMIN", { userId: member.userId, label: member.email });
  return new NextResponse(JSON.stringify(document, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="contact-${contactId}-${kind.toLowerCase()}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
});
