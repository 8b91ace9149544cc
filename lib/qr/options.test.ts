import { describe, expect, it } from "vitest";
import { qrContrast, qrOptionsSchema, qrTargetUrl } from "./options";

describe("QR options and target", () => {
  it("tags the public URL for print", () => {
    expect(qrTargetUrl("https://aimant.example", "demo-poele")).toBe("https://aimant.example/f/demo-poele?utm_source=qr&utm_medium=print&utm_campaign=demo-poele");
  });
  it("defaults and validates the query parameters", () => {
    expect(qrOptionsSchema.parse({})).toEqual({ size: 512, ecl: "M", dark: "#000000", light: "#ffffff" });
    expect(qrOptionsSchema.parse({ size: "1024", ecl: "H", dark: "B4235A" })).toMatchObject({ size: 1024, ecl: "H", dark: "#b4235a" });
    expect(qrOptionsSchema.safeParse({ size: "99999" }).success).toBe(false);
    expect(qrOptionsSchema.safeParse({ ecl: "X" }).success).toBe(false);
    expect(qrOptionsSchema.safeParse({ dark: "red;" }).success).toBe(false);
  });
  it("measures the contrast of the colours", () => {
    expect(qrContrast("#000000", "#ffffff")).toBeCloseTo(21, 0);
    expect(qrContrast("#777777", "#888888")).toBeLessThan(1.5);
  });
});
