import "server-only";
import type { z } from "zod";
import { requireRole, type Member } from "@/lib/auth/session";
import type { Permission } from "@/lib/auth/roles";
import { type ActionResult, toActionError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

/**
 * The one shape of a server action: authenticate with the role it needs →
 * validate with zod → call domain code → map errors.
 */
export function memberAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  run: (input: z.output<S>, member: Member) => Promise<T>,
) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const member = await requireRole(permission);
      const parsed = schema.safeParse(input);
      if (!parsed.success) return { ok: false, error: "errors.invalidForm", fieldErrors: fieldErrorsOf(parsed.error) };
      return { ok: true, data: await run(parsed.data, member) };
    } catch (error) {
      return toActionError(error);
    }
  };
}
