import { afterEach, describe, expect, it, vi } from "vitest";
import { apiRoute } from "./api";
import { BodyRefused } from "./http/read-body";
import { Forbidden, NotFound } from "./errors";

const request = (cookie?: string) => new Request("http://test.local/api/x", { headers: cookie ? { cookie } : {} });
const answer = async (response: Response) => ({ status: response.status, body: (await response.json()) as { error?: string; fieldErrors?: Record<string, string> } });

afterEach(() => vi.restoreAllMocks());

describe("a route's error, in its reader's language", () => {
  const missing = apiRoute(async (_request: Request) => {
    throw new NotFound("errors.campaignNotFound");
  });

  it("is French by default", async () => {
    expect(await answer(await missing(request()))).toEqual({ status: 404, body: { error: "Campagne introuvable." } });
    expect(await answer(await missing(request("NEXT_LOCALE=de")))).toEqual({ status: 404, body: { error: "Campagne introuvable." } });
  });

  it("is English for a marketer who chose English (the language cookie)", async () => {
    expect(await answer(await missing(request("theme=dark; NEXT_LOCALE=en")))).toEqual({ status: 404, body: { error: "Campaign not found." } });
    const refused = apiRoute(async (_request: Request) => {
      throw new BodyRefused("tooLarge");
    });
    expect(await answer(await refused(request("NEXT_LOCALE=en")))).toEqual({ status: 413, body: { error: "This request is too large." } });
  });

  it("follows the route's own reader when it names one (a form's respondents), keeping field errors as keys for the form", async () => {
    const form = apiRoute(
      async (_request: Request) => {
        throw new Forbidden("errors.originRefused");
      },
      () => "en",
    );
    expect(await answer(await form(request("NEXT_LOCALE=fr")))).toEqual({ status: 403, body: { error: "Request refused: it does not come from the form's page." } });
    const failingLocale = apiRoute(
      async (_request: Request) => {
        throw new NotFound();
      },
      async () => {
        throw new Error("database down");
      },
    );
    expect(await answer(await failingLocale(request()))).toEqual({ status: 404, body: { error: "Introuvable." } });
  });

  it("hides an unexpected error behind a generic sentence in the reader's language", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const broken = apiRoute(async (_request: Request) => {
      throw new Error("SQLITE_CONSTRAINT: secret detail");
    });
    expect(await answer(await broken(request("NEXT_LOCALE=en")))).toEqual({ status: 500, body: { error: "An unexpected error occurred. Try again." } });
    expect(await answer(await broken(request()))).toEqual({ status: 500, body: { error: "Une erreur inattendue est survenue. Réessayez." } });
  });

  it("passes a text already said in its reader's language as it is", async () => {
    const said = apiRoute(async (_request: Request) => {
      throw new Forbidden("This link was sent to someone else.");
    });
    expect((await answer(await said(request()))).body.error).toBe("This link was sent to someone else.");
  });
});
