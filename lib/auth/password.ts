import bcrypt from "bcryptjs";
import { env } from "@/lib/env";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, env().AIMANT_PASSWORD_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

let dummy: Promise<string> | undefined;

/**
 * A hash of nothing at the configured cost, made once, compared against when
 * the account does not exist, so that the time taken does not reveal it.
 */
export function dummyHash(): Promise<string> {
  return (dummy ??= bcrypt.hash("", env().AIMANT_PASSWORD_COST));
}
