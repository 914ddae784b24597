// Lint: TypeScript rules everywhere, plus purity rules for the pure layer (core, codec, models)
// and HTML-sink bans everywhere, so untrusted text can never become markup.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

const htmlSinks = [
  {
    selector: "AssignmentExpression[left.property.name='innerHTML']",
    message: "Use textContent; never write HTML from strings.",
  },
  {
    selector: "AssignmentExpression[left.property.name='outerHTML']",
    message: "Use DOM APIs; never write HTML from strings.",
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: "Use DOM APIs; never write HTML from strings.",
  },
  {
    selector: "CallExpression[callee.property.name='html']",
    message: "d3 .html() is banned: use .text().",
  },
  { selector: "CallExpression[callee.name='eval']", message: "eval is banned." },
  { selector: "NewExpression[callee.name='Function']", message: "new Function is banned." },
  {
    selector: "CallExpression[callee.object.name='document'][callee.property.name='write']",
    message: "document.write is banned.",
  },
];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "tests/e2e/out/**", "bench/results.json"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "no-restricted-syntax": ["error", ...htmlSinks],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "d3", message: "Import d3 by module (d3-scale, d3-shape, …)." }] },
      ],
    },
  },
  {
    // The pure layer: no DOM, no rendering, no unseeded randomness.
    files: [
      "src/core/**/*.ts",
      "src/kit/params.ts",
      "src/kit/schema.ts",
      "src/kit/format.ts",
      "scenes/*/model.ts",
    ],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-globals": [
        "error",
        "window",
        "document",
        "navigator",
        "location",
        "localStorage",
        "requestAnimationFrame",
      ],
      "no-restricted-properties": [
        "error",
        {
          object: "Math",
          property: "random",
          message: "Use a seeded source (d3-random randomLcg).",
        },
      ],
      "no-restricted-imports": [
        "error",
        { patterns: ["three", "three/*", "d3-selection", "lil-gui", "katex", "*/draw/*"] },
      ],
    },
  },
);
