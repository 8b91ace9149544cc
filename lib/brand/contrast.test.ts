import { describe, expect, it } from "vitest";
import { brandContrast, contrastRatio, markColorOn, relativeLuminance, textOn } from "./contrast";

describe("brand colour contrast (WCAG 2.x)", () => {
  it("computes relative luminance and the contrast ratio of known pairs", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#FFFFFF")).toBe(1);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    // Reference values from the WCAG contrast checker.
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#b4235a", "#ffffff")).toBeCloseTo(6.31, 2);
    // Symmetric.
    expect(contrastRatio("#ffffff", "#767676")).toBe(contrastRatio("#767676", "#ffffff"));
  });

  it("refuses anything but #rrggbb", () => {
    expect(relativeLuminance("red")).toBeNull();
    expect(contrastRatio("#fff", "#000000")).toBeNull();
    expect(brandContrast("url(x)")).toBeNull();
    expect(textOn("nope")).toBe("#ffffff");
  });

  it("picks white text on dark colours and near-black on light ones", () => {
    expect(textOn("#b4235a")).toBe("#ffffff");
    expect(textOn("#1f2430")).toBe("#ffffff");
    expect(textOn("#ffdd00")).toBe("#111111");
    expect(textOn("#ffffff")).toBe("#111111");
  });

  it("keeps a readable brand colour for marks and falls back to near-black for a pale one", () => {
    expect(markColorOn("#b4235a")).toBe("#b4235a");
    expect(markColorOn("#ffdd00")).toBe("#111111");
    expect(markColorOn("#959595")).toBe("#111111"); // 2.9:1 on white
  });

  it("reports what falls short of AA: marks under 3:1 on white, text under 4.5:1 on the colour", () => {
    expect(brandContrast("#b4235a")?.problems).toEqual([]);
    // Yellow: black text reads on it, but a yellow ring on white does not.
    expect(brandContrast("#ffdd00")?.problems).toEqual(["marks"]);
    // Mid grey: neither white (4.42:1) nor near-black (4.28:1) text reaches 4.5:1.
    const mid = brandContrast("#787878");
    expect(mid?.problems).toContain("text");
    expect(mid!.text).toBeLessThan(4.5);
    expect(brandContrast("#787878")!.onWhite).toBeCloseTo(contrastRatio("#787878", "#ffffff")!, 10);
  });
});
