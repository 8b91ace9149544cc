import { afterEach, describe, expect, it } from "vitest";
import { dummyHash, hashPassword, verifyPassword } from "./password";

const configured = process.env.AIMANT_PASSWORD_COST;
afterEach(() => {
  process.env.AIMANT_PASSWORD_COST = configured;
});

describe("password hashes", () => {
  it("are made at the configured bcrypt cost and verify whatever cost they were made at", async () => {
    process.env.AIMANT_PASSWORD_COST = "5";
    const five = await hashPassword("un mot de passe assez long");
    expect(five.startsWith("$2b$05$")).toBe(true);
    process.env.AIMANT_PASSWORD_COST = "4";
    expect(await verifyPassword("un mot de passe assez long", five)).toBe(true);
    expect(await verifyPassword("un autre", five)).toBe(false);
  });

  it("compare an unknown account against a hash of the configured cost, so its time is a real account's", async () => {
    expect((await dummyHash()).startsWith(`$2b$0${process.env.AIMANT_PASSWORD_COST}$`)).toBe(true);
    expect(await verifyPassword("", await dummyHash())).toBe(true);
  });
});
