import { sha256 } from "@/lib/crypto/tokens";

/**
 * The salted hash under which the suppression list knows an address:
 * sha256("<organisation salt>:<normalised e-mail>").
 */
export function suppressionHash(salt: string, email: string): string {
  return sha256(`${salt}:${email.trim().toLowerCase()}`);
}
