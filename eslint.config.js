import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import pluginQuery from "@tanstack/eslint-plugin-query";
import importX, { createNodeResolver } from "eslint-plugin-import-x";
import globals from "globals";

/**
 * Imports flow one way: wire ← api ← queries ← pages ← app, with components and lib beside them importing
 * neither api nor queries; queries is the only importer of api. The server and the browser code never import each other, except that both read
 * the shared wire types in src/wire.
 */
const layers = [
  { target: "./src/wire", from: ["./src", "./server"], except: ["./wire"], message: "Wire types import nothing." },
  { target: "./src/lib", from: ["./src/api", "./src/queries", "./src/pages", "./src/app", "./src/components"] },
  { target: "./src/components", from: ["./src/api", "./src/queries", "./src/pages", "./src/app"] },
  { target: "./src/api", from: ["./src/queries", "./src/pages", "./src/app", "./src/components"] },
  { target: "./src/queries", from: ["./src/pages", "./src/app", "./src/components"] },
  { target: "./src/pages", from: ["./src/app", "./src/api"], message: "Pages reach the API through queries." },
  { target: "./src/app", from: ["./src/api"], message: "The app reaches the API through queries." },
  { target: "./src", from: ["./server", "./test"], message: "Browser code never imports the server or the tests." },
  { target: "./server", from: ["./src"], except: ["./wire"], message: "The server reads only the shared wire types from src." },
].flatMap(({ from, ...zone }) => from.map((f) => ({ ...zone, from: f })));

export default tseslint.config(
  { ignores: ["dist", "node_modules", "test-results", "playwright-report"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs["flat/recommended"],
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "import-x": importX },
    settings: {
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js"] })],
      "import-x/extensions": [".ts", ".tsx", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "import-x/no-restricted-paths": ["error", { zones: layers }],
      "import-x/no-cycle": "error",
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: "Untrusted text stays text: never set raw HTML.",
        },
      ],
    },
  },
  { files: ["src/**"], languageOptions: { globals: globals.browser } },
  { files: ["server/**", "test/e2e/**", "test/bench/**", "*.config.{js,ts}"], languageOptions: { globals: globals.node } },
  { files: ["test/src/**", "test/server/**", "test/*.ts"], languageOptions: { globals: { ...globals.browser, ...globals.node } } },
);
