import type { NextConfig } from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants";
import createNextIntlPlugin from "next-intl/plugin";
import { prebundleZodMini } from "./scripts/prebundle-zod-mini.mjs";

const isProd = process.env.NODE_ENV === "production";

// Next injects inline bootstrap scripts, hence 'unsafe-inline' for scripts;
// dev mode (React refresh) also needs eval. No third-party origin anywhere.
function csp(frameAncestors: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${isProd ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

const common = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  ...(isProd ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

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
      // Only the respondent's form may be embedded in another site (iframe snippet).
      {
        source: "/:path((?!f/).*)",
        headers: [...common, { key: "Content-Security-Policy", value: csp("'none'") }, { key: "X-Frame-Options", value: "DENY" }],
      },
      { source: "/f/:path*", headers: [...common, { key: "Content-Security-Policy", value: csp("*") }] },
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
