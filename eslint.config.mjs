import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { layerRules } from "./eslint.layers.mjs";

const config = [
  ...next,
  ...nextTs,
  { ignores: ["lib/generated/**", ".next*/**", "node_modules/**", "test-results*/**", "playwright-report*/**", "data/**", ".data-*/**", ".e2e-data*/**", ".bench-data/**", ".prof-*/**"] },
  // Test helpers such as useFreshDatabase() are not React hooks.
  { files: ["tests/**", "**/*.test.ts", "e2e/**", "bench/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
  { rules: { "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }] } },
  // Configuration has one home: lib/env.ts validates every variable (lib/env-schema.ts); the app reads env() from it.
  // Tests may set variables; scripts/ and bench/ run outside the app and read their own.
  {
    files: ["app/**", "components/**", "lib/**", "instrumentation.ts", "proxy.ts"],
    ignores: ["lib/env.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration with env() from @/lib/env (validated there); add a new variable to lib/env-schema.ts." },
      ],
    },
  },
  ...layerRules,
];
export default config;
