import { defineConfig, mergeConfig } from "vitest/config";
import viteConfig from "./vite.config.js";

// The site's vite config is merged in, so tests resolve modules exactly as the build does (for
// example the lil-gui stylesheet alias the runtime imports).
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      include: [
        "tests/core/**/*.test.ts",
        "tests/draw/**/*.test.ts",
        "tests/kit/**/*.test.ts",
        "tests/scenes/**/*.test.ts",
      ],
      environment: "node",
      // d3-scale goes through vite's plugins, as in the build, so its number-only interpolation
      // (vite.config.ts) is what the tests exercise.
      server: { deps: { inline: ["d3-scale"] } },
      // Property tests use fixed seeds, so a failure reproduces on every machine.
      testTimeout: 30000,
    },
  }),
);
