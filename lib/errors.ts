/** Errors the user can fix: their message is shown as is (already translated or a message key). */
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
  constructor(message = "Introuvable.") {
    super(message, 404);
  }
}
export class Forbidden extends AppError {
  constructor(message = "Vous n'avez pas les droits nécessaires.") {
    super(message, 403);
  }
}
export class Invalid extends AppError {
  constructor(message = "Certaines informations sont invalides.", fieldErrors?: Record<string, string>) {
    super(message, 422, fieldErrors);
  }
}
export class Closed extends AppError {
  constructor(message = "Ce formulaire est fermé.") {
    super(message, 409);
  }
}
export class AlreadyEntered extends AppError {
  constructor(message = "Vous avez déjà participé avec cette adresse e-mail.") {
    super(message, 409);
  }
}
export class RateLimited extends AppError {
  constructor(message = "Trop de tentatives. Réessayez dans quelques minutes.") {
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
  return { ok: false, error: "Une erreur inattendue est survenue. Réessayez." };
}
