// Multi-page build: the gallery, one page per scenes/<id>/index.html (found by listing the folder,
// so adding a scene is adding a folder), and the embed loader at a fixed name, embed.js.
// `base: "./"` makes every link relative, so the built site works from any sub-path.
import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";

/**
 * The Content-Security-Policy of every page, in one place (README, "Headers for hosts"): scripts
 * only from this origin and no eval; inline styles because lil-gui and KaTeX position elements
 * with style attributes; data: fonts for lil-gui's icon font; blob: workers for low-rank's SVD.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

/** The head every page shares (charset, viewport, CSP, no favicon request), so pages stay tiny. */
function sharedHead(): Plugin {
  return {
    name: "legible-shared-head",
    transformIndexHtml: () => [
      { tag: "meta", attrs: { charset: "utf-8" }, injectTo: "head-prepend" },
      {
        tag: "meta",
        attrs: { name: "viewport", content: "width=device-width, initial-scale=1" },
        injectTo: "head-prepend",
      },
      {
        tag: "meta",
        attrs: { "http-equiv": "Content-Security-Policy", content: CSP },
        injectTo: "head-prepend",
      },
      { tag: "link", attrs: { rel: "icon", href: "data:," }, injectTo: "head" },
    ],
  };
}

/**
 * d3-scale's own import of d3-interpolate resolves to number-only interpolation
 * (src/draw/number-interpolate.ts), so a chart does not bring d3-color along. Only d3-scale is
 * redirected; any other importer of d3-interpolate gets the real package.
 */
function numberInterpolation(): Plugin {
  const shim = resolve(import.meta.dirname, "src/draw/number-interpolate.ts");
  return {
    name: "legible-number-interpolation",
    enforce: "pre",
    resolveId(source, importer) {
      if (source === "d3-interpolate" && importer && /[\\/]d3-scale[\\/]/.test(importer))
        return shim;
      return null;
    },
  };
}

/**
 * KaTeX's stylesheet lists each of its 20 fonts three times (woff2, woff, ttf). Every browser that
 * runs these pages' ES2022 modules reads woff2, so the older formats are dropped: a lighter
 * stylesheet on every page, and 40 font files fewer in the build.
 */
function woff2Only(): Plugin {
  return {
    name: "legible-woff2-only",
    enforce: "pre",
    transform(code, id) {
      if (!/katex(\.min)?\.css$/.test(id.split("?")[0])) return null;
      return code.replace(/,\s*url\([^)]*\.(woff|ttf)\)\s*format\("(woff|truetype)"\)/g, "");
    },
  };
}

const root = import.meta.dirname;
const scenes = readdirSync(resolve(root, "scenes"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(resolve(root, "scenes", d.name, "index.html")))
  .map((d) => d.name)
  // LEGIBLE_SCENES=a,b builds only those scenes (quick looks while other scenes are mid-edit).
  .filter(
    (id) => !process.env.LEGIBLE_SCENES || process.env.LEGIBLE_SCENES.split(",").includes(id),
  );

export default defineConfig({
  base: "./",
  plugins: [sharedHead(), numberInterpolation(), woff2Only()],
  resolve: {
    // lil-gui's package exports hide its stylesheet; the kit loads it directly (injectStyles: false).
    alias: {
      "lil-gui/dist/lil-gui.css": resolve(root, "node_modules/lil-gui/dist/lil-gui.css"),
      // ml-matrix's package entry is a CommonJS bundle, which no bundler can tree-shake: every page
      // that touched src/core/linalg carried all of it (17 KB gzip). Its ES-module sources (marked
      // side-effect free) let a page keep only the decompositions it calls, or none.
      "ml-matrix": resolve(root, "node_modules/ml-matrix/src/index.js"),
    },
  },
  build: {
    target: "es2022",
    // Fonts stay files: a font inlined into the CSS as base64 (vite inlines anything under 4 KB)
    // cannot be compressed and is paid for by every page, used or not.
    assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
    chunkSizeWarningLimit: 800,
    // Browsers without native modulepreload (Safari before 17) load chunks a little later;
    // without the polyfill every page is about 0.7 KB lighter.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        index: resolve(root, "index.html"),
        embed: resolve(root, "src/embed/embed.ts"),
        ...Object.fromEntries(
          scenes.map((id) => [`scene-${id}`, resolve(root, "scenes", id, "index.html")]),
        ),
      },
      output: {
        entryFileNames: (chunk) =>
          chunk.name === "embed" ? "embed.js" : "assets/[name]-[hash].js",
      },
    },
  },
  preview: { host: "127.0.0.1" },
  server: { host: "127.0.0.1" },
});
