import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api";
import { NotFound } from "@/lib/errors";
import { contactForPreferences } from "@/lib/preferences/queries";
import { exportContactData } from "@/lib/rights/queries";
import { RESPONDENT_ACTOR } from "@/lib/audit/actors";

/** The respondent's data as JSON (portability). Stops working once the contact is erased. */
export const GET = apiRoute(async (_request: Request, { params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  const contact = await contactForPreferences(token);
  if (!contact) throw new NotFound();
  const document = await exportContactData(contact.organisationId, contact.id, "PORTABILITY", "PREFERENCE_CENTRE", RESPONDENT_ACTOR);
  return new NextResponse(JSON.stringify(document, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="mes-donnees-${new Date().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
});
