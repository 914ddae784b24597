// Multi-page build: the gallery, one page per scenes/<id>/index.html (found by listing the folder,
// so adding a scene is adding a folder), and the embed loader at a fixed name, embed.js.
// `base: "./"` makes every link relative, so the built site works from any sub-path.
import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig } from "vite";

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
