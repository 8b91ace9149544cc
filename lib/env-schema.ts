import { z } from "zod";

// Pure on purpose (no process.env, no "server-only"): lib/env.ts reads the
// environment through it at run time, prisma.config.ts before migrations.

/** An empty value (`FOO=`) means "not set": a deployment template may list a variable without a value. */
type Raw = Record<string, string | undefined>;

const wholeNumber = (min: number, what: string) =>
  z
    .string()
    .regex(/^\d+$/, `expected ${what}`)
    .transform(Number)
    .refine((n) => n >= min, `expected ${what}`);

const httpUrl = z.url({ protocol: /^https?$/, error: "expected an http(s) URL" });

/**
 * Every environment variable the app reads, one line each: its rule and an
 * example for the error message. To add one, add a line here (and to the
 * README's table); read it with env() from lib/env.ts.
 */
const variables = {
  NODE_ENV: { schema: z.enum(["development", "production", "test"]).default("development"), example: "production" },
  DATABASE_URL: {
    schema: z
      .string()
      .refine((url) => url.startsWith("file:") || isPostgresUrl(url), 'expected an SQLite URL starting with "file:" or a PostgreSQL URL starting with "postgresql://"')
      .optional(),
    example: "file:./data/aimant.db",
  },
  // bcrypt's work factor for new password hashes (each step doubles the time); the test runs lower it.
  AIMANT_PASSWORD_COST: {
    schema: wholeNumber(4, "a bcrypt cost from 4 to 15")
      .refine((n) => n <= 15, "expected a bcrypt cost from 4 to 15")
      .default(11),
    example: "12",
  },
  AIMANT_PG_POOL_SIZE: { schema: wholeNumber(1, "a whole number above 0").default(10), example: "10" },
  AIMANT_DATA_DIR: { schema: z.string().default("data"), example: "/var/lib/aimant" },
  AUTH_SECRET: { schema: z.string().optional(), example: "$(openssl rand -hex 32)" },
  NEXTAUTH_SECRET: { schema: z.string().optional(), example: "$(openssl rand -hex 32)" },
  APP_URL: { schema: httpUrl.optional(), example: "https://jeux.example.fr" },
  NEXTAUTH_URL: { schema: httpUrl.optional(), example: "https://jeux.example.fr" },
  PORT: { schema: wholeNumber(1, "a port number (1 to 65535)").refine((n) => n <= 65535, "expected a port number (1 to 65535)").default(3000), example: "3000" },
  SMTP_URL: {
    schema: z.url({ protocol: /^smtps?$/, error: 'expected an "smtp://" or "smtps://" URL' }).optional(),
    example: "smtps://user:pass@smtp.example.com:465",
  },
  MAIL_FROM: {
    schema: z
      .string()
      .regex(/^\s*(?:[^<>]*<[^<>\s]+@[^<>\s]+>|[^<>\s]+@[^<>\s]+)\s*$/, 'expected an address, with or without a display name ("Name <address>")')
      .default("Aimant <no-reply@localhost>"),
    example: "Aimant <no-reply@example.fr>",
  },
  AIMANT_CRON_SECRET: { schema: z.string().optional(), example: "$(openssl rand -hex 32)" },
  AIMANT_RETENTION_SCHEDULER: { schema: z.enum(["on", "off"], 'expected "on" or "off"').default("on"), example: "off" },
  AIMANT_OUTBOX_WORKER: { schema: z.enum(["on", "off"], 'expected "on" or "off"').default("on"), example: "off" },
  AIMANT_WEBHOOK_WORKER: { schema: z.enum(["on", "off"], 'expected "on" or "off"').default("on"), example: "off" },
  AIMANT_DIGEST_WORKER: { schema: z.enum(["on", "off"], 'expected "on" or "off"').default("on"), example: "off" },
  // Webhooks may reach private and loopback addresses (development, tests, a CRM on the same network).
  // A failed webhook delivery's first wait, doubled after each further failure; the e2e run shortens it.
  AIMANT_WEBHOOK_RETRY_MS: { schema: wholeNumber(100, "a number of milliseconds from 100").default(10_000), example: "10000" },
  AIMANT_WEBHOOKS_ALLOW_PRIVATE: { schema: z.enum(["0", "1"], 'expected "1" (allowed) or "0"').default("0"), example: "1" },
  AIMANT_TRUSTED_PROXY_HOPS: { schema: wholeNumber(0, "a whole number of proxies (0 or more)").default(0), example: "1" },
  // Rate limits (load tests lift them); each caller keeps its default beside the limit's meaning.
  AIMANT_SIGNIN_LIMIT: { schema: wholeNumber(1, "a whole number above 0").optional(), example: "5" },
  AIMANT_SIGNIN_IP_LIMIT: { schema: wholeNumber(1, "a whole number above 0").optional(), example: "30" },
  AIMANT_SIGNUP_LIMIT: { schema: wholeNumber(1, "a whole number above 0").optional(), example: "10" },
  AIMANT_RESET_IP_LIMIT: { schema: wholeNumber(1, "a whole number above 0").optional(), example: "10" },
  AIMANT_SUBMIT_IP_LIMIT: { schema: wholeNumber(1, "a whole number above 0").optional(), example: "30" },
  AIMANT_RESEND_IP_LIMIT: { schema: wholeNumber(1, "a whole number above 0").optional(), example: "20" },
  AIMANT_VIEW_IP_LIMIT: { schema: wholeNumber(1, "a whole number above 0").optional(), example: "120" },
  AIMANT_ANALYTICS_TIMINGS: { schema: z.enum(["0", "1"], 'expected "1" (on) or "0"').default("0"), example: "1" },
  AIMANT_BENCH_BASELINE_ORG: { schema: z.string().optional(), example: "<organisation id>" },
} satisfies Record<string, { schema: z.ZodType<unknown, string | undefined>; example: string }>;

export type EnvName = keyof typeof variables;

/** The names the app reads, e.g. to notice that one of them changed. */
export const envNames = Object.keys(variables) as EnvName[];

const shape = Object.fromEntries(envNames.map((name) => [name, variables[name].schema])) as { [K in EnvName]: (typeof variables)[K]["schema"] };

/** A production server signs sessions and links with the secret: a short one can be guessed. */
const MIN_PRODUCTION_SECRET = 32;

/** Whether a DATABASE_URL names PostgreSQL (else it is an SQLite file). */
export function isPostgresUrl(url: string | undefined): boolean {
  return /^postgres(ql)?:\/\//i.test(url ?? "");
}

export const envSchema = z.object(shape).superRefine((env, ctx) => {
  // Several instances on one PostgreSQL must sign with one secret: a key generated per instance would not do.
  if (isPostgresUrl(env.DATABASE_URL) && !env.AUTH_SECRET && !env.NEXTAUTH_SECRET) {
    ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "required with PostgreSQL: the same value on every instance" });
  }
  if (env.NODE_ENV !== "production") return;
  for (const name of ["AUTH_SECRET", "NEXTAUTH_SECRET"] as const) {
    const value = env[name];
    if (value !== undefined && value.length < MIN_PRODUCTION_SECRET) {
      ctx.addIssue({ code: "custom", path: [name], message: `expected at least ${MIN_PRODUCTION_SECRET} characters in production (got ${value.length})` });
    }
  }
});

export type Env = z.output<typeof envSchema>;
/** The rate-limit variables, for lib/rate-limit.ts. */
export type RateLimitName = Extract<EnvName, `${string}_LIMIT`>;

/** The configuration is wrong: `message` lists every bad variable, what is wrong, and an example. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration (environment variables):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

const SECRET_NAMES = new Set<string>(["AUTH_SECRET", "NEXTAUTH_SECRET", "AIMANT_CRON_SECRET", "SMTP_URL", "DATABASE_URL"]);

/** The value as it may be printed: secrets (and URLs that may carry a password) are not echoed. */
function shown(name: string, value: string | undefined): string {
  if (value === undefined) return "not set";
  return SECRET_NAMES.has(name) ? "value hidden" : JSON.stringify(value);
}

/**
 * Validates the environment (`source`, e.g. process.env): the typed settings,
 * defaults applied, or an EnvError naming every bad variable at once.
 */
export function parseEnv(source: Raw): Env {
  const raw = Object.fromEntries(envNames.map((name) => [name, source[name] === "" ? undefined : source[name]]));
  const result = envSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0]) as EnvName;
    const example = variables[name]?.example;
    return `${name} (${shown(name, raw[name])}): ${issue.message}. Example: ${name}=${example}`;
  });
  throw new EnvError(problems);
}
