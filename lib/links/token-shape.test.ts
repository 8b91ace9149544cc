import { describe, expect, it } from "vitest";
import { linkHttpStatus } from "./link-state";
import { MAX_TOKEN_LENGTH, isWellFormedToken, tokenPathOf } from "./token-shape";

describe("link tokens at the edge", () => {
  it("accepts our random and signed tokens, nothing longer or stranger", () => {
    expect(isWellFormedToken("Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE")).toBe(true);
    expect(isWellFormedToken("cmx4k82ba0003a47dnemibsbz.AbC-_AbC-_AbC-_AbC-_AbC-_AbC-_12")).toBe(true);
    expect(isWellFormedToken("A".repeat(MAX_TOKEN_LENGTH))).toBe(true);
    for (const bad of ["", "A".repeat(MAX_TOKEN_LENGTH + 1), "a b", "a\r\nb", "<script>", "a/b", 12, null, undefined]) expect(isWellFormedToken(bad)).toBe(false);
  });

  it("tells which link page a path is, the parent's link before the confirmation's", () => {
    expect(tokenPathOf("/c/abc")).toEqual({ kind: "confirmation", prefix: "/c/", token: "abc", rest: "" });
    expect(tokenPathOf("/c/parent/abc")).toEqual({ kind: "parental", prefix: "/c/parent/", token: "abc", rest: "" });
    expect(tokenPathOf("/p/abc.def/effacement")).toEqual({ kind: "preferences", prefix: "/p/", token: "abc.def", rest: "/effacement" });
    expect(tokenPathOf("/invitation/abc")).toMatchObject({ kind: "invitation", token: "abc" });
    expect(tokenPathOf(`/c/${"A".repeat(5000)}`)).toMatchObject({ kind: "confirmation", token: null });
    expect(tokenPathOf("/p/%E0%A4%A")).toMatchObject({ kind: "preferences", token: null });
    // Pages beside the tokens are not links (the erasure's "done" page).
    for (const other of ["/campagnes", "/c/", "/f/demo", "/p/", "/p/efface"]) expect(tokenPathOf(other)).toBeNull();
  });

  it("answers 200 for a working or used link, 404 for an unknown one, 410 for an expired one", () => {
    expect([linkHttpStatus("valid"), linkHttpStatus("used"), linkHttpStatus("unknown"), linkHttpStatus("expired")]).toEqual([200, 200, 404, 410]);
  });
});
