import { describe, expect, it } from "vitest";
import { dedupeKeyOf, maskEmail, normaliseEmail } from "./email";

describe("e-mail normalisation", () => {
  it("trims, lower-cases and drops a trailing dot", () => {
    expect(normaliseEmail("  Jean.Dupont@Exemple.FR. ")).toBe("jean.dupont@exemple.fr");
  });
  it("normalises Unicode so the same address typed twice is equal", () => {
    expect(normaliseEmail("e\u0301lodie@exemple.fr")).toBe(normaliseEmail("\u00e9lodie@exemple.fr"));
  });
  it("folds +tags for every domain and Gmail's dots and googlemail domain in the dedupe key", () => {
    expect(dedupeKeyOf("Jean+concours@exemple.fr")).toBe("jean@exemple.fr");
    expect(dedupeKeyOf("J.E.A.N+x@googlemail.com")).toBe("jean@gmail.com");
    expect(dedupeKeyOf("jean.dupont@exemple.fr")).toBe("jean.dupont@exemple.fr");
  });
  it("keeps a local part that is only a tag", () => {
    expect(dedupeKeyOf("+x@exemple.fr")).toBe("+x@exemple.fr");
  });
  it("masks an address", () => {
    expect(maskEmail("jean@exemple.fr")).toBe("j•••@exemple.fr");
  });
});
