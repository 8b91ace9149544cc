/**
 * Errors the user can fix. Their message is a catalogue key ("errors.forbidden",
 * "draw.errors.notActive"): the boundary translates it in the reader's language
 * (a route handler through apiRoute, an action's client through useMessageText).
 * Text already translated for its reader (the form's language) passes as it is.
 */
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
/**
 * Next's own mark of `notFound()`: a NotFound thrown while rendering a page (a
 * typo in an id, another organisation's id) renders the 404 page, not a 500.
 * Route handlers and actions catch it first and answer 404 / an error result.
 */
export const NEXT_NOT_FOUND_DIGEST = "NEXT_HTTP_ERROR_FALLBACK;404";

export class NotFound extends AppError {
  readonly digest = NEXT_NOT_FOUND_DIGEST;
  constructor(message = "errors.notFound") {
    super(message, 404);
  }
}
export class Forbidden extends AppError {
  constructor(message = "errors.forbidden") {
    super(message, 403);
  }
}
export class Invalid extends AppError {
  constructor(message = "errors.invalidForm", fieldErrors?: Record<string, string>) {
    super(message, 422, fieldErrors);
  }
}
export class Closed extends AppError {
  constructor(message = "errors.closed") {
    super(message, 409);
  }
}
export class RateLimited extends AppError {
  constructor(message = "errors.rateLimited") {
    super(message, 429);
  }
}

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** Maps any thrown value to a result a page can show: expected errors as they are, the rest logged and hidden. */
export function toActionError(error: unknown): { ok: false; error: string; fieldErrors?: Record<string, string> } {
  if (error instanceof AppError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
  console.error(error);
  return { ok: false, error: "errors.unexpected" };
}
