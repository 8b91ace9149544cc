import { beforeAll, describe, expect, it } from "vitest";

beforeAll(() => {
  process.env.AUTH_SECRET = "digest-mail-test-secret";
  process.env.APP_URL = "https://jeux.example.fr/";
});

const input = (locale: "fr" | "en") => ({
  locale,
  memberName: "Camille",
  campaign: { id: "c1", title: "Poêle à granulés", timeZone: "Europe/Paris" },
  count: 3,
  total: 12,
  since: new Date("2026-12-01T07:30:00Z"),
});

describe("the daily digest mail", () => {
  it("writes the date in the member's language and the campaign's time zone", async () => {
    const { digestMail } = await import("./mail");
    const en = digestMail(input("en"));
    expect(en.text).toContain("since 1 December 2026 at 08:30.");
    expect(en.text).not.toMatch(/décembre/);
    const fr = digestMail(input("fr")).text.replace(/[\u202f\u00a0]/g, " ");
    expect(fr).toContain("1er décembre 2026 à 08:30");
  });
});
