import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/core/**/*.test.ts", "tests/kit/**/*.test.ts", "tests/scenes/**/*.test.ts"],
    environment: "node",
    // Property tests use fixed seeds, so a failure reproduces on every machine.
    testTimeout: 30000,
  },
});
