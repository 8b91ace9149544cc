import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { appSecret } from "@/lib/env";
import { recordAudit } from "@/lib/audit";
import { RateLimiter, envLimit } from "@/lib/rate-limit";
import { clientIp } from "@/lib/request-meta";
import { dummyHash, verifyPassword } from "./password";
import { signInSchema } from "./schemas";

/** Sign-in attempts per e-mail+IP and per IP, per 15 minutes. */
const perAccount = new RateLimiter(envLimit("AIMANT_SIGNIN_LIMIT", 5), 15 * 60_000, "signin");
const perIp = new RateLimiter(envLimit("AIMANT_SIGNIN_IP_LIMIT", 30), 15 * 60_000, "signin-ip");

export const SIGNIN_RATE_LIMITED = "RATE_LIMITED";

function ipOf(headers: Record<string, unknown> | undefined): string {
  return clientIp({ get: (name: string) => (typeof headers?.[name] === "string" ? (headers[name] as string) : null) });
}

export const authOptions: NextAuthOptions = {
  secret: appSecret(),
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/connexion", error: "/connexion" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const ip = ipOf(req?.headers);
        if (!(await perAccount.hit(`${email}|${ip}`)) || !(await perIp.hit(ip))) throw new Error(SIGNIN_RATE_LIMITED);

        const user = await db.user.findUnique({
          where: { email },
          include: { memberships: { select: { organisationId: true }, take: 1 } },
        });
        // Compare against a dummy hash too, so a missing account takes as long as a wrong password.
        const valid = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
        if (!user || !valid) return null;

        await perAccount.reset(`${email}|${ip}`);
        const organisationId = user.memberships[0]?.organisationId;
        if (organisationId) {
          await recordAudit(db, { organisationId, userId: user.id, actorLabel: user.email, action: "auth.sign_in", targetType: "user", targetId: user.id });
        }
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        // The account's session version when signed in: getMember refuses the session once it has moved on.
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user && typeof token.uid === "string") {
        const user = session.user as { id?: string; sessionVersion?: number };
        user.id = token.uid;
        user.sessionVersion = typeof token.sv === "number" ? token.sv : 0;
      }
      return session;
    },
  },
};
