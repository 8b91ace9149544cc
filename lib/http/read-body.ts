import { AppError } from "@/lib/errors";

/** Why a request body was refused, each with its HTTP status. */
type BodyProblem = "tooLarge" | "unreadable" | "unsupportedType";
const STATUS: Record<BodyProblem, number> = { tooLarge: 413, unreadable: 400, unsupportedType: 415 };

/** A body refused before any domain code saw it; apiRoute says why in the reader's language. */
export class BodyRefused extends AppError {
  constructor(readonly problem: BodyProblem) {
    super(`errors.body.${problem}`, STATUS[problem]);
  }
}

/**
 * The body of a request as text, at most `limit` bytes of UTF-8. A declared
 * Content-Length over the limit is refused before reading anything; a body
 * without one (chunked) or that lies about it is read only until it passes
 * the limit, then the stream is cancelled: a huge body never sits in memory.
 */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && declared.trim() !== "" && !(Number(declared) <= limit)) throw new BodyRefused("tooLarge");
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyRefused("tooLarge");
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new BodyRefused("unreadable");
  }
}

/** Whether a Content-Type names JSON (absent counts as JSON: fetch and curl callers often omit it). */
function isJsonType(contentType: string | null): boolean {
  if (contentType === null || contentType.trim() === "") return true;
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  return type === "application/json" || /^application\/[\w.+-]+\+json$/.test(type);
}

/** A JSON body of at most `limit` bytes: 415 for another content type, 413 past the limit, 400 when it does not parse. */
export async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  if (!isJsonType(request.headers.get("content-type"))) throw new BodyRefused("unsupportedType");
  const text = await readBodyText(request, limit);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyRefused("unreadable");
  }
}
