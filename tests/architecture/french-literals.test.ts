import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { frenchIn } from "./french";

// Every text a person reads comes from the message catalogues (lib/i18n/messages/{fr,en}/*.json), in the
// reader's language: no French sentence is left as a literal in the code of app/, components/ and lib/.
// Checked: string and template literals and JSX text that read as words (a space or an accented letter;
// a single plain token is code: a path, a key, a code, unless it is a title or a label). Comments are not literals.

const ROOTS = ["app", "components", "lib"];
const SKIPPED_DIRS = new Set(["generated", "golden", "node_modules"]);

/** Literals that are French on purpose, each with why. */
const ALLOWED: Array<{ file: string; text: RegExp; why: string }> = [
  { file: "app/global-error.tsx", text: /^(Une erreur est survenue|Réessayer \/ Try again)$/, why: "the root layout failed: no catalogue is available, both languages are shown" },
  { file: "lib/export/queries.ts", text: /\bde\."(responseId|drawId)"/, why: "SQL: `de` is the DrawEntry table's alias" },
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

const isModuleName = (node: ts.Node) => node.parent !== undefined && (ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent));

// Properties whose value is read by a person even when it is one word (a page title, a label).
const TEXT_PROPERTIES = new Set(["title", "description", "label", "placeholder", "alt", "aria-label"]);
const isTextProperty = (node: ts.Node) =>
  node.parent !== undefined && (ts.isPropertyAssignment(node.parent) || ts.isJsxAttribute(node.parent)) && TEXT_PROPERTIES.has(node.parent.name.getText());

/** The literals of a file that read as words: [line, text]. */
function wordLiterals(file: string): Array<[number, string]> {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Array<[number, string]> = [];
  const visit = (node: ts.Node) => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isJsxText(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join("{}");
    if (text !== undefined && !isModuleName(node) && (/\s|[^\x00-\x7F]/.test(text.trim()) || ts.isJsxText(node) || isTextProperty(node))) found.push([source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text.trim()]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("texts in the code", () => {
  it("hold no French literal outside the catalogues and the allow-list", () => {
    const french = ROOTS.flatMap(sourceFiles).flatMap((file) => {
      const relative = path.relative(process.cwd(), file).split(path.sep).join("/");
      return wordLiterals(file)
        .filter(([, text]) => frenchIn(text) !== null)
        .filter(([, text]) => !ALLOWED.some((a) => a.file === relative && a.text.test(text)))
        .map(([line, text]) => `${relative}:${line} ${text.slice(0, 80)}`);
    });
    expect(french).toEqual([]);
  });

  it("are read by a check that sees a French page title and passes code", () => {
    const dir = fs.mkdtempSync(path.join(process.cwd(), "tests", "architecture", ".tmp-"));
    try {
      const file = path.join(dir, "page.tsx");
      fs.writeFileSync(file, 'export const metadata = { title: "Merci" };\nconst p = "/mot-de-passe-oublie";\nconst kind = "participation";\nexport const X = () => <p>Données effacées</p>;\n');
      expect(wordLiterals(file).filter(([, t]) => frenchIn(t) !== null).map(([, t]) => t)).toEqual(["Merci", "Données effacées"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
