import { describe, expect, it } from "vitest";
import { BodyRefused, readBodyText, readJsonBody } from "./read-body";

/** A request whose body is a stream of `chunks` chunks of `size` bytes, counting how many were pulled. */
function streamed(chunks: number, size: number, headers: Record<string, string> = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  const request = new Request("http://test.local/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(BodyRefused);
  return error as BodyRefused;
}

describe("reading a request body within a limit", () => {
  it("reads a body under the limit", async () => {
    expect(await readBodyText(new Request("http://test.local/x", { method: "POST", body: "héllo" }), 100)).toBe("héllo");
    expect(await readJsonBody(new Request("http://test.local/x", { method: "POST", body: '{"a":1}', headers: { "content-type": "application/json; charset=utf-8" } }), 100)).toEqual({ a: 1 });
  });

  it("refuses a declared Content-Length over the limit without reading a byte", async () => {
    const { request, pulled } = streamed(1000, 1024, { "content-length": String(30 * 1024 * 1024) });
    const error = await refusal(readBodyText(request, 64 * 1024));
    expect(error.status).toBe(413);
    expect(error.message).toBe("errors.body.tooLarge");
    // The stream may have pulled its first chunk by itself; nothing more is read.
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it("stops reading a chunked body (no Content-Length) as soon as it passes the limit", async () => {
    const { request, pulled } = streamed(30 * 1024, 1024);
    expect((await refusal(readBodyText(request, 64 * 1024))).status).toBe(413);
    // 64 KiB of 1 KiB chunks: the 65th passes the limit; a few more may be buffered by the stream, not 30 MB.
    expect(pulled()).toBeLessThan(70);
  });

  it("stops at the limit when the Content-Length lies (says small, sends more)", async () => {
    const { request, pulled } = streamed(30 * 1024, 1024, { "content-length": "10" });
    expect((await refusal(readBodyText(request, 64 * 1024))).status).toBe(413);
    expect(pulled()).toBeLessThan(70);
  });

  it("answers 400 for invalid JSON or UTF-8 and 415 for another content type, with the catalogue key of the reason", async () => {
    const post = (body: BodyInit, type = "application/json") => new Request("http://test.local/x", { method: "POST", body, headers: { "content-type": type } });
    expect((await refusal(readJsonBody(post('{"answers": {'), 1000))).status).toBe(400);
    expect((await refusal(readJsonBody(post(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])), 1000))).status).toBe(400);
    const form = await refusal(readJsonBody(post("r=abc", "application/x-www-form-urlencoded"), 1000));
    expect(form.status).toBe(415);
    // apiRoute says it in the reader's language (tests/integration/submit-route.test.ts).
    expect(form.message).toBe("errors.body.unsupportedType");
  });
});
