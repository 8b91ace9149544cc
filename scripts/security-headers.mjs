// The security headers of every answer, in one place: next.config.ts sets them on Next's
// answers, scripts/server.mjs on the form pages it serves from memory itself.

// Next injects inline bootstrap scripts, hence 'unsafe-inline' for scripts;
// dev mode (React refresh) also needs eval. No third-party origin anywhere.
function csp(production, frameAncestors) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${production ? "" : " 'unsafe-eval'"}`,
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

/** The headers of a page: only the respondent's pages (/f/…) may be embedded in another site (iframe snippet). */
export function securityHeaders({ production, embeddable }) {
  return [
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
    { key: "Content-Security-Policy", value: csp(production, embeddable ? "*" : "'none'") },
    ...(embeddable ? [] : [{ key: "X-Frame-Options", value: "DENY" }]),
  ];
}

/** What the form page answers besides: a shared cache must not keep a page that changes with its campaign. */
export const FORM_PAGE_CACHE_CONTROL = "private, no-cache, no-store, max-age=0, must-revalidate";
