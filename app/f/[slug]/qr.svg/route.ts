import type { NextRequest } from "next/server";
import { apiRoute } from "@/lib/api";
import { qrRequest } from "@/lib/qr/route";
import { qrSvg } from "@/lib/qr/render";

export const GET = apiRoute(async (request: NextRequest, { params }: { params: Promise<{ slug: string }> }) => {
  const { url, options, slug } = await qrRequest((await params).slug, request.nextUrl.searchParams);
  return new Response(await qrSvg(url, options), {
    headers: {
      "content-type": "image/svg+xml; charset=utf-8",
      "cache-control": "public, max-age=300",
      "content-disposition": `${request.nextUrl.searchParams.has("download") ? "attachment" : "inline"}; filename="qr-${slug}.svg"`,
    },
  });
});
