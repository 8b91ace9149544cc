import NextAuth from "next-auth";
import { NextRequest, NextResponse } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { cookieLocale } from "@/lib/api";
import { BodyRefused, readBodyText } from "@/lib/http/read-body";
import { translate } from "@/lib/i18n/translate";

const handler = NextAuth(authOptions);
// Sign-in and sign-out forms are a few hundred bytes.
const MAX_BODY = 16 * 1024;

export { handler as GET };

/** next-auth reads the whole body itself: it gets a copy read within the limit instead. */
export async function POST(request: Request, context: unknown) {
  let body: string;
  try {
    body = await readBodyText(request, MAX_BODY);
  } catch (error) {
    if (error instanceof BodyRefused) return NextResponse.json({ error: translate(cookieLocale(request), error.message) }, { status: error.status });
    throw error;
  }
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  // A NextRequest: next-auth reads nextUrl.
  return (handler as (request: NextRequest, context: unknown) => Promise<Response>)(new NextRequest(request.url, { method: "POST", headers, body }), context);
}
