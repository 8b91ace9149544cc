// Arrows point one way: app -> components -> lib -> db (docs/architecture.md).
// Tests, e2e and the benchmark may reach into app/ to call route handlers directly.

const noApp = [
  { regex: "^@/app(/|$)", message: "Only app/ imports from app/: move server actions to lib/<domain>/actions.ts." },
  { regex: "^(\\.\\./)+app(/|$)", message: "Only app/ imports from app/: move server actions to lib/<domain>/actions.ts." },
];

const noDatabase = [
  { regex: "^@/lib/(db|generated|storage)(/|$)", message: "Components do not touch the database: the page fetches and passes the data down." },
  // Types of a query's rows are fine (erased at build); calling a query is the page's job.
  { regex: "^@/lib/.+/queries$", allowTypeImports: true, message: "Components do not query: the page fetches and passes the data down." },
];

// The respondent's pages stay light: the builder uses the respondent components (its live
// preview), never the reverse.
const respondentOnly = [
  { regex: "^@/components/(builder|analytics)(/|$)", message: "Respondent components never import the dashboard's: the builder imports them instead." },
  { regex: "^\\.\\./(builder|analytics)(/|$)", message: "Respondent components never import the dashboard's: the builder imports them instead." },
  { regex: "^@dnd-kit/", message: "The respondent's form ships no drag and drop." },
];

const notOutsideApp = ["app/**", "tests/**", "e2e/**", "bench/**", "**/*.test.ts", "**/*.test.tsx"];

export const layerRules = [
  {
    files: ["**/*.{ts,tsx,mts,mjs,js}"],
    ignores: notOutsideApp,
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: noApp }] },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    ignores: notOutsideApp,
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [...noApp, ...noDatabase] }] },
  },
  {
    files: ["components/respondent/**/*.{ts,tsx}"],
    ignores: notOutsideApp,
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns: [...noApp, ...noDatabase, ...respondentOnly] }] },
  },
];
