/**
 * BENCHMARKS.md with one suite's section written anew: in its place when it
 * is there, else at the end. Whatever else the file holds (notes written by
 * hand between sections) stays as it is.
 */
export function withSection(document: string, name: string, text: string): string {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const block = `${open}\n${text.trim()}\n${close}`;
  const start = document.indexOf(open);
  const end = start < 0 ? -1 : document.indexOf(close, start);
  if (end < 0) return `${document.trimEnd()}\n\n${block}\n`;
  return document.slice(0, start) + block + document.slice(end + close.length);
}
