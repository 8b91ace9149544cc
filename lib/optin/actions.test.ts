import { beforeEach, describe, expect, it, vi } from "vitest";

// The confirm button's action gets its token back from the browser (a bound argument): a forged
// one of any length must not reach the database nor come back in the redirect's Location header.
const redirects: string[] = [];
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    redirects.push(url);
    throw new Error("NEXT_REDIRECT");
  },
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
const confirmOptIn = vi.fn();
vi.mock("@/lib/optin/confirm", () => ({ confirmOptIn }));
vi.mock("@/lib/mail/worker", () => ({ kickOutbox: () => undefined }));

describe("the confirm action with a forged token", () => {
  beforeEach(() => {
    redirects.length = 0;
    confirmOptIn.mockReset();
  });

  for (const [label, token] of [
    ["20,000 characters", "A".repeat(20_000)],
    ["a line break", "abc\r\nLocation: https://evil.example"],
    ["markup", "<script>alert(1)</script>"],
    ["not a string", 12 as unknown as string],
  ] as const) {
    it(`redirects to the unknown-link page without looking it up nor echoing it (${label})`, async () => {
      const { confirmAction } = await import("./actions");
      await expect(confirmAction(token)).rejects.toThrow("NEXT_REDIRECT");
      expect(confirmOptIn).not.toHaveBeenCalled();
      expect(redirects).toEqual(["/c/-"]);
    });
  }
});
