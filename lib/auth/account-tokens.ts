import "server-only";
import { db, type Tx } from "@/lib/db";
import type { LinkState } from "@/lib/links/link-state";
import { hashToken, randomToken } from "@/lib/crypto/tokens";

export type AccountTokenKind = "PASSWORD_RESET" | "EMAIL_CHANGE";

/** How long each kind of account link works. */
export const ACCOUNT_TOKEN_TTL_MS: Record<AccountTokenKind, number> = {
  PASSWORD_RESET: 60 * 60_000,
  EMAIL_CHANGE: 24 * 60 * 60_000,
};

/**
 * Issues a link token for a user, inside the caller's transaction: only its
 * hash is stored, and the user's earlier unused tokens of the same kind stop
 * working (the newest mail is the one that counts).
 */
export async function issueAccountToken(tx: Tx, input: { userId: string; kind: AccountTokenKind; newEmail?: string; now?: Date }): Promise<string> {
  const now = input.now ?? new Date();
  const token = randomToken();
  await tx.accountToken.updateMany({ where: { userId: input.userId, kind: input.kind, usedAt: null }, data: { usedAt: now } });
  await tx.accountToken.create({
    data: {
      userId: input.userId,
      kind: input.kind,
      tokenHash: hashToken(token),
      newEmail: input.newEmail ?? "",
      expiresAt: new Date(now.getTime() + ACCOUNT_TOKEN_TTL_MS[input.kind]),
    },
  });
  return token;
}

/**
 * Spends a token, once: the conditional update (unused, unexpired, of this
 * kind) matches for one caller only, so a double click or a replay gets null.
 * Returns the token's row, or null when it is unknown, used or expired.
 */
export async function spendAccountToken(tx: Tx, token: string, kind: AccountTokenKind, now = new Date()) {
  const tokenHash = hashToken(token);
  const spent = await tx.accountToken.updateMany({ where: { tokenHash, kind, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (spent.count !== 1) return null;
  return tx.accountToken.findUniqueOrThrow({ where: { tokenHash } });
}

/** What an account link is worth now (read only: the page shows its form; spending decides). */
export async function accountTokenState(token: string, kind: AccountTokenKind, now = new Date()): Promise<LinkState> {
  const row = await db.accountToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { kind: true, usedAt: true, expiresAt: true } });
  if (!row || row.kind !== kind) return "unknown";
  if (row.usedAt) return "used";
  return row.expiresAt > now ? "valid" : "expired";
}
