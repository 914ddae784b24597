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
  plugins: [sharedHead()],
  resolve: {
    // lil-gui's package exports hide its stylesheet; the kit loads it directly (injectStyles: false).
    alias: { "lil-gui/dist/lil-gui.css": resolve(root, "node_modules/lil-gui/dist/lil-gui.css") },
  },
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 800,
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
