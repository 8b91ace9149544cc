// Turbopack cannot tree-shake zod/mini (zod reaches its core through namespace
// imports), so a phone got every zod string format with the respondent's form.
// esbuild can: this writes a module holding only the zod/mini functions that
// lib/submission/schema.ts calls, which next.config.ts hands to the browser in
// place of zod/mini. Same zod code, same schema; the server and tests use zod/mini itself.
import { build } from "esbuild";
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const ZOD_MINI_BROWSER = "lib/generated/zod-mini.browser.js";

/**
 * The zod/mini exports a source file uses as values: `z.<name>` not followed by `<`, or called with
 * type arguments (`z.<name><T>(`). A type such as `z.input<S>` is left out: zod also exports
 * functions named input and output, and with them came its schema visitor (1 KB gzip in this file; Turbopack shook most of it out again).
 */
export function zodMiniNamesUsedIn(source, zodMini) {
  const values = [...source.matchAll(/\bz\.([A-Za-z_$][\w$]*)\b(?![\w$]|\s*<)/g), ...source.matchAll(/\bz\.([A-Za-z_$][\w$]*)\s*<[^();=\n]*>\s*\(/g)];
  return [...new Set(values.map((m) => m[1]))].filter((name) => name in zodMini).sort();
}

/**
 * zod/mini reaches one helper as `core.util.constantCatch` (z.catch with a value): esbuild cannot
 * follow a namespace inside a namespace, so it kept every export of zod's util module for it
 * (about 3 KB gzip on a phone). zod/mini imports that same module as `util` too: this plugin
 * points the call there. Same function; if zod changes the line, the rewrite does nothing.
 */
export const directUtilPlugin = {
  name: "zod-mini-direct-util",
  setup(esbuild) {
    esbuild.onLoad({ filter: /zod[\\/]v4[\\/]mini[\\/]schemas\.js$/ }, (args) => {
      const source = fs.readFileSync(args.path, "utf8");
      if (!/^import \* as util from "\.\.\/core\/util\.js";$/m.test(source)) return undefined;
      return { contents: source.replaceAll("core.util.", "util."), loader: "js" };
    });
  },
};

/** Writes ZOD_MINI_BROWSER under `root` and returns its path relative to `root` (async: esbuild runs plugins only so). */
export async function prebundleZodMini(root) {
  const zodMini = createRequire(path.join(root, "package.json"))("zod/mini");
  const names = zodMiniNamesUsedIn(fs.readFileSync(path.join(root, "lib/submission/schema.ts"), "utf8"), zodMini);
  await build({
    stdin: { contents: `export { ${names.join(", ")} } from "zod/mini";`, resolveDir: root, loader: "js" },
    bundle: true,
    format: "esm",
    minify: true,
    treeShaking: true,
    target: "es2020",
    outfile: path.join(root, ZOD_MINI_BROWSER),
    logLevel: "silent",
    plugins: [directUtilPlugin],
  });
  fs.writeFileSync(path.join(root, ZOD_MINI_BROWSER.replace(/\.js$/, ".d.ts")), 'export * from "zod/mini";\n');
  return `./${ZOD_MINI_BROWSER}`;
}

// `node scripts/prebundle-zod-mini.mjs` (postinstall): the file exists before tsc and the tests run.
// No top-level await: next.config.ts loads this module with require().
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  prebundleZodMini(process.cwd()).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
