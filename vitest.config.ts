import { defineConfig, mergeConfig } from "vitest/config";
import viteConfig from "./vite.config.js";

// The site's vite config is merged in, so tests resolve modules exactly as the build does (for
// example the lil-gui stylesheet alias the runtime imports).
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      include: ["tests/core/**/*.test.ts", "tests/kit/**/*.test.ts", "tests/scenes/**/*.test.ts"],
      environment: "node",
      // Property tests use fixed seeds, so a failure reproduces on every machine.
      testTimeout: 30000,
    },
  }),
);
