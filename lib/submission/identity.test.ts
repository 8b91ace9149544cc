import { describe, expect, it } from "vitest";
import { greetingName, identityOf, identityOfStored, identityRoles, identityUpdate } from "./identity";

const questions = [
  { id: "e", type: "EMAIL", validation: "{}" },
  { id: "f", type: "FIRST_NAME", validation: "{}" },
  { id: "d1", type: "DATE", validation: "{}" },
  { id: "d2", type: "BIRTH_DATE", validation: "{}" },
  { id: "p", type: "PHONE", validation: "{}" },
];

describe("an entry's identity", () => {
  it("finds each role, the birth date being the DATE marked as such", () => {
    expect(identityRoles(questions)).toEqual({ email: "e", firstName: "f", lastName: undefined, phone: "p", postalCode: undefined, birthDate: "d2" });
  });

  it("reads the answers, and the stored JSON (an erased entry gives nothing)", () => {
    const roles = identityRoles(questions);
    expect(identityOf(roles, { f: "Xavier", d1: "2026-01-01", d2: "1990-05-17" })).toEqual({ firstName: "Xavier", lastName: "", phone: "", postalCode: "", birthDate: "1990-05-17" });
    expect(identityOfStored(roles, JSON.stringify({ f: "Xavier" })).firstName).toBe("Xavier");
    expect(identityOfStored(roles, "{}")).toEqual({ firstName: "", lastName: "", phone: "", postalCode: "", birthDate: null });
    expect(identityOfStored(roles, "not json").firstName).toBe("");
  });

  it("replaces the whole identity at the first confirmation, and only what the entry gives after", () => {
    const entry = { firstName: "Yvonne", lastName: "", phone: "", postalCode: "75011", birthDate: null };
    expect(identityUpdate(entry, true)).toEqual(entry);
    expect(identityUpdate(entry, false)).toEqual({ firstName: "Yvonne", postalCode: "75011" });
  });

  it("greets only a confirmed contact by name", () => {
    expect(greetingName({ firstName: "Usurpateur", emailConfirmedAt: null })).toBeUndefined();
    expect(greetingName({ firstName: "Xavier", emailConfirmedAt: new Date() })).toBe("Xavier");
    expect(greetingName({ firstName: "", emailConfirmedAt: new Date() })).toBeUndefined();
  });
});
