import { describe, expect, it } from "vitest";
import { withSection } from "../../bench/sections";

const file = ["# Benchmarks", "", "<!-- bench:a -->", "## A", "old", "<!-- /bench:a -->", "", "_A note written by hand._", "", "<!-- bench:c -->", "## C", "<!-- /bench:c -->", ""].join("\n");

describe("withSection", () => {
  it("rewrites a section in its place and keeps the notes written by hand around it", () => {
    const written = withSection(file, "a", "## A\n\nnew");
    expect(written).toBe(file.replace("## A\nold", "## A\n\nnew"));
    expect(written).toContain("_A note written by hand._");
  });

  it("adds a new section at the end, keeping everything else", () => {
    const written = withSection(file, "b", "## B");
    expect(written.startsWith(file.trimEnd())).toBe(true);
    expect(written.endsWith("<!-- bench:b -->\n## B\n<!-- /bench:b -->\n")).toBe(true);
  });
});
