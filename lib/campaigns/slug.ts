/** Lower-case letters, digits and single hyphens, 3 to 60 characters. */
export const SLUG_PATTERN = /^(?=.{3,60}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A URL slug from a title: accents folded, anything else becomes a hyphen. */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/g, "");
  return slug.length >= 3 ? slug : `campagne-${slug}`.replace(/-$/, "");
}

/** A slug with a short random suffix, for a copy or when the plain one is taken. */
export function withSuffix(slug: string, random: () => number = Math.random): string {
  const suffix = Math.floor(random() * 36 ** 4).toString(36).padStart(4, "0");
  return `${slug.slice(0, 55).replace(/-+$/, "")}-${suffix}`;
}
