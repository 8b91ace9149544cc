import type { NextRequest } from "next/server";
import { apiRoute } from "@/lib/api";
import { qrRequest } from "@/lib/qr/route";
import { qrPng } from "@/lib/qr/render";

export const GET = apiRoute(async (request: NextRequest, { params }: { params: Promise<{ slug: string }> }) => {
  const { url, options, slug } = await qrRequest((await params).slug, request.nextUrl.searchParams);
  const png = await qrPng(url, options);
  return new Response(new Uint8Array(png), {
    headers: {
      "content-type": "image/png",
      "cache-control": "public, max-age=300",
      "content-disposition": `${request.nextUrl.searchParams.has("download") ? "attachment" : "inline"}; filename="qr-${slug}.png"`,
    },
  });
});
