import type { NextConfig } from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants";
import createNextIntlPlugin from "next-intl/plugin";
import { prebundleZodMini } from "./scripts/prebundle-zod-mini.mjs";
import { securityHeaders } from "./scripts/security-headers.mjs";

const isProd = process.env.NODE_ENV === "production";

/**
 * Files named `*.bench.ts` under app/ (the load benchmark's baseline route) are routes only in a build
 * made with AIMANT_BENCH=1 (bench/server.ts): production builds do not contain them, so they answer 404.
 */
function pageExtensions(bench: string | undefined): string[] {
  return ["tsx", "ts", "jsx", "js", ...(bench === "1" ? ["bench.ts"] : [])];
}

const nextConfig: NextConfig = {
  poweredByHeader: false,
  pageExtensions: pageExtensions(process.env.AIMANT_BENCH),
  // `npm test` type-checks the whole tree with tsc; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "nodemailer", "smtp-server"],
  // Separate build folders let several dev servers or builds run side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  experimental: {
    // Uploads (logo 1 MB, rules and rewards 5 MB) go through server actions; nothing else needs more than a few KB.
    serverActions: { bodySizeLimit: "6mb" },
    // Next.js copies the body of every request proxy.ts sees, up to this size: just above the actions' limit.
    proxyClientMaxBodySize: "7mb",
    authInterrupts: true,
  },
  async headers() {
    return [
      { source: "/:path((?!f/).*)", headers: securityHeaders({ production: isProd, embeddable: false }) },
      { source: "/f/:path*", headers: securityHeaders({ production: isProd, embeddable: true }) },
    ];
  },
};

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default async function config(phase: string): Promise<NextConfig> {
  // `next start` serves a finished build: only builds and dev need the browser's zod/mini.
  if (phase === PHASE_PRODUCTION_SERVER) return withNextIntl(nextConfig);
  // The browser gets a tree-shaken zod/mini (see scripts/prebundle-zod-mini.mjs).
  return withNextIntl({ ...nextConfig, turbopack: { resolveAlias: { "zod/mini": { browser: await prebundleZodMini(process.cwd()) } } } });
}
