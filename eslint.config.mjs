import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { ignores: ["lib/generated/**", ".next*/**", "node_modules/**", "test-results/**", "playwright-report/**", "data/**", ".data-*/**", ".e2e-data*/**", ".bench-data/**", ".prof-*/**"] },
  // Test helpers such as useFreshDatabase() are not React hooks.
  { files: ["tests/**", "**/*.test.ts", "e2e/**", "bench/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
  { rules: { "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }] } },
];
export default config;
