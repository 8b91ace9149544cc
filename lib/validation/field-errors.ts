/** What fieldErrorsOf reads of a failed parse: zod's and zod/mini's errors both have it. */
type IssueList = { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> };

/**
 * A failed zod parse as `{ "field.path": message key }`, the first issue of each field; issues
 * without a path go under "_form". Pure (no Next or server imports), so server actions, route
 * handlers and the submission path (which scripts also run) share it.
 */
export function fieldErrorsOf(error: IssueList): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.map(String).join(".") || "_form"] ??= issue.message;
  return out;
}
