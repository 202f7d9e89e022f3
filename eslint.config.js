import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "bench/bare-remix/build/**", "node_modules/**", "playwright-report/**", "test-results/**", "db/migrations/**", "tests/.tmp/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  {
    // Code that reaches the browser must not pull in drizzle's table
    // definitions or zod: value lists come from db/enums.ts, limits from limits.ts/rules.ts.
    files: ["app/components/**", "app/lib/**", "app/routes/**", "app/domain/**/rules.ts", "app/domain/**/limits.ts", "app/root.tsx", "app/entry.client.tsx"],
    ignores: ["**/*.server.ts", "**/*.server.tsx", "**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "#db/schema", message: "Import value lists from #db/enums; the schema is server-only." }],
          patterns: [{ group: ["#db/schema"], message: "Import value lists from #db/enums; the schema is server-only." }],
        },
      ],
    },
  },
  {
    // Playwright fixtures call a parameter named `use` (not React's hook) and must destructure `{}`.
    files: ["tests/e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off", "no-empty-pattern": "off" },
  },
);
