import { set, type FieldErrors, type FieldValues, type Resolver } from "react-hook-form";

type Issue = { path: PropertyKey[]; message: string; code: string };
/** What the resolver asks of a zod (mini) schema. */
type Schema<T> = { safeParseAsync(input: unknown): Promise<{ success: true; data: T } | { success: false; error: { issues: Issue[] } }> };

/**
 * react-hook-form's resolver for the submission schema, built on the first validation from
 * `schemaOf` (the server's render never needs it). It does what @hookform/resolvers' zodResolver
 * does for this form, the first issue of each field shown, without that package's zod 3 half
 * and native-validation code: under 1 KB gzip less on a phone. Same schema, same messages.
 */
export function schemaResolver<T extends FieldValues>(schemaOf: () => Schema<T>): Resolver<T> {
  let schema: Schema<T> | undefined;
  return async (values) => {
    const result = await (schema ??= schemaOf()).safeParseAsync(values);
    if (result.success) return { values: result.data, errors: {} };
    const errors: FieldErrors<T> = {};
    const seen = new Set<string>();
    for (const { path, message, code } of result.error.issues) {
      const name = path.map(String).join(".");
      if (seen.has(name)) continue;
      seen.add(name);
      set(errors, name, { message, type: code });
    }
    return { values: {}, errors };
  };
}
