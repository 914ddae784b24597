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

/**
 * three.core.js sets statics and prototype fields after its classes (`KeyframeTrack.prototype.
 * ValueTypeName = ''`, `PropertyBinding.Composite = …`). A bundler must keep such a statement as a
 * side effect, and with it the class, although no scene animates a clip: about 4.6 KB gzip of
 * the animation system rode along in every 3-D page. Each such class and the statements after it
 * are wrapped in a pure-annotated IIFE, which runs exactly as before where the class is used and
 * can be dropped where it is not. A class is left alone if a declaration between it and its
 * statements is used elsewhere in the file.
 */
export function pureThreeStatics(): Plugin {
  return {
    name: "legible-pure-three-statics",
    enforce: "pre",
    transform(code, id) {
      if (!/[\\/]three[\\/]build[\\/]three\.core\.js$/.test(id.split("?")[0])) return null;
      return wrapClassStatics(code);
    },
  };
}

export function wrapClassStatics(code: string): string {
  let lines = code.split("\n");
  const names = new Set<string>();
  for (const l of lines) {
    const m = /^([A-Z]\w*)\.(?:prototype\.)?\w+ = /.exec(l);
    if (m) names.add(m[1]!);
  }
  for (const name of names) {
    const start = lines.findIndex((l) => new RegExp(`^class ${name}( extends \\w+)? \\{$`).test(l));
    let end = lines.map((l) => l.startsWith(`${name}.`)).lastIndexOf(true);
    if (start < 0 || end < start) continue;
    while (end < lines.length - 1 && !/;\s*$/.test(lines[end]!)) end++;
    const outside = [...lines.slice(0, start), ...lines.slice(end + 1)].join("\n");
    const shared = lines
      .slice(start + 1, end + 1)
      .map((l) => /^(?:class|function|const|let|var) (\w+)/.exec(l)?.[1])
      .some((n) => n !== undefined && new RegExp(`\\b${n}\\b`).test(outside));
    if (shared) continue;
    lines[start] = `const ${name} = /*@__PURE__*/ (() => { ${lines[start]}`;
    lines[end] = `${lines[end]}\nreturn ${name}; })();`;
    lines = lines.join("\n").split("\n");
  }
  return lines.join("\n");
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
  plugins: [sharedHead(), numberInterpolation(), woff2Only(), pureThreeStatics()],
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
