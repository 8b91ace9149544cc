import bcrypt from "bcryptjs";

const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** A hash of nothing, compared against when the account does not exist, so timing does not reveal it. */
export const DUMMY_HASH = "$2b$11$C6UzMDM.H6dfI/f/IKxGhuTGq7jWJ7cIhT4gQJ9eW1I2cL7DdHk5K";
