// The real-browser tests: the built site (dist/, built by tests/run.mjs or `npm run build`) served
// by vite preview and driven in Debian's Chromium through playwright-core. The gallery and every
// scene page found in dist/scenes are checked: a clean load, readouts, set(), embed, keys, hostile
// URLs, a picture on the stage, no request to another origin; then the quality harness
// (quality.mjs: axe, handles, fuzz, leaks, idle, WebGL faults, screenshot baselines, CSP).
// Every check reports pass or fail through record(); the counts are printed per check.
//
//   node tests/e2e/run.mjs [--update-thumbs] [--update-baselines] [--quick] [--scene id]
//                          [--results file.json]
//
// --update-thumbs writes public/thumbs/<id>.png (640×400); --update-baselines also rewrites the
// screenshot baselines; --quick skips the quality harness; --results writes the counts as JSON.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PNG } from "pngjs";
import { launch, startPreview } from "./browser.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const distDir = resolve(root, process.env.LEGIBLE_DIST ?? "dist");
const outDir = join(here, "out");
const thumbsDir = join(root, "public", "thumbs");

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const updateBaselines = flag("--update-baselines");
const updateThumbs = updateBaselines || flag("--update-thumbs");
const quick = flag("--quick");
const onlyScene = option("--scene");
const resultsFile = option("--results");

const READY_TIMEOUT = 20000;
const HOSTILE_HTML = "<img src=x onerror=window.__pwned=1>";
const HOSTILE_THEME = '"><script>window.__pwned=1</script>';

// ---- Results ----

/** Every check's outcome; `check` is the claim without the page it was made about. */
const results = [];
function record(name, ok, detail = "") {
  const m = name.match(/^([^:]+): (.*)$/);
  const check = m ? m[2] : name;
  results.push({ name, check, ok: !!ok, detail: ok ? "" : String(detail) });
  if (!ok) console.log(`  ✗ ${name}${detail ? ` — ${String(detail).slice(0, 400)}` : ""}`);
}

// ---- Pages ----

/** Scene ids of the built site: every dist/scenes/<id>/index.html. */
function builtSceneIds() {
  const dir = join(distDir, "scenes");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "index.html")))
    .map((d) => d.name)
    .sort();
}

/** Scene ids of the source: every scenes/<id>/meta.ts (what the gallery lists). */
function sourceSceneIds() {
  const dir = join(root, "scenes");
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "meta.ts")))
    .map((d) => d.name)
    .sort();
}

/**
 * Opens a page and watches it: console errors, page errors, dialogs, failed requests and any
 * request to another origin.
 */
async function openPage(browser, base, path, contextOptions = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    ...contextOptions,
  });
  context.setDefaultTimeout(READY_TIMEOUT);
  const page = await context.newPage();
  const origin = new URL(base).origin;
  const watch = { errors: [], dialogs: [], foreign: [], failed: [], scripts: [] };
  page.on("console", (m) => {
    if (m.type() === "error") watch.errors.push({ text: m.text(), url: m.location()?.url ?? "" });
  });
  page.on("pageerror", (e) => watch.errors.push({ text: `pageerror: ${e.message}`, url: "" }));
  page.on("dialog", (d) => {
    watch.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => {});
  });
  page.on("request", (r) => {
    const u = r.url();
    if (
      !u.startsWith("data:") &&
      !u.startsWith("blob:") &&
      !u.startsWith("about:") &&
      new URL(u).origin !== origin
    )
      watch.foreign.push(u);
  });
  page.on("requestfailed", (r) =>
    watch.failed.push(`${r.url()} (${r.failure()?.errorText ?? "failed"})`),
  );
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") watch.scripts.push(r);
    if (r.status() >= 400) watch.failed.push(`${r.url()} (HTTP ${r.status()})`);
  });
  await page.goto(base + path);
  return { page, context, watch };
}

/** Resolves when window.legible.ready does; false after the timeout. */
async function legibleReady(page) {
  try {
    await page.waitForFunction(() => !!window.legible, null, { timeout: READY_TIMEOUT });
    return await page.evaluate(
      (ms) =>
        Promise.race([
          window.legible.ready.then(() => true),
          new Promise((r) => setTimeout(() => r(false), ms)),
        ]),
      READY_TIMEOUT,
    );
  } catch {
    return false;
  }
}

const frames = (page, n = 2) =>
  page.evaluate(
    (k) =>
      new Promise((resolve) => {
        const tick = (i) =>
          i === 0 ? setTimeout(resolve, 0) : requestAnimationFrame(() => tick(i - 1));
        tick(k);
      }),
    n,
  );

const readOutputs = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("output[data-readout]")].map((o) => ({
      name: o.dataset.readout,
      value: o.dataset.value ?? "",
      text: o.textContent ?? "",
    })),
  );

/** Grey-level variance of an element's screenshot: 0 for a blank stage. */
async function pictureVariance(locator) {
  const png = PNG.sync.read(await locator.screenshot());
  let s = 0;
  let s2 = 0;
  const n = png.width * png.height;
  for (let i = 0; i < png.data.length; i += 4) {
    const v = (png.data[i] + png.data[i + 1] + png.data[i + 2]) / 3;
    s += v;
    s2 += v * v;
  }
  return n ? s2 / n - (s / n) ** 2 : 0;
}

/** What the stage holds: SVG elements, canvases with a size, and a picture that is not blank. */
async function stageState(page) {
  const counts = await page.evaluate(() => {
    const stage = document.querySelector(".lg-stage");
    if (!stage) return { svg: 0, canvas: 0 };
    return {
      svg: stage.querySelectorAll("svg *").length,
      canvas: [...stage.querySelectorAll("canvas")].filter((c) => c.width > 0 && c.height > 0)
        .length,
    };
  });
  const variance = await pictureVariance(page.locator(".lg-stage").first()).catch(() => 0);
  return { ...counts, variance: Math.round(variance) };
}

const errorText = (watch, ignore = () => false) =>
  watch.errors.filter((e) => !ignore(e)).map((e) => e.text);

// ---- The gallery ----

async function checkGallery(browser, base, ids, sources) {
  const { page, context, watch } = await openPage(browser, base, "");
  await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, {
    timeout: READY_TIMEOUT,
  });
  // Let lazy thumbnails load before looking at them.
  await page.evaluate(() =>
    document.querySelectorAll("img").forEach((img) => (img.loading = "eager")),
  );
  await page.waitForLoadState("networkidle").catch(() => {});
  const cards = await page.evaluate(() =>
    [...document.querySelectorAll("a.g-card[data-scene]")].map((a) => {
      const img = a.querySelector("img");
      return {
        id: a.dataset.scene,
        href: a.getAttribute("href"),
        thumb: !!img && img.complete && img.naturalWidth > 0,
      };
    }),
  );
  const listed = cards.map((c) => c.id).sort();
  record(
    "gallery: lists every scene, and every listed scene has a built page",
    JSON.stringify(listed) === JSON.stringify(sources) &&
      JSON.stringify(sources) === JSON.stringify(ids),
    `gallery ${listed.join(",")} | scenes/*/meta.ts ${sources.join(",")} | dist/scenes ${ids.join(",")}`,
  );
  record(
    "gallery: each card links to its scene page",
    cards.every((c) => c.href === `./scenes/${c.id}/`),
    cards.map((c) => c.href).join(", "),
  );
  const isThumb = (e) => /\/thumbs\//.test(e.url) || /\/thumbs\//.test(e.text);
  record(
    "gallery: loads with no console or page errors",
    errorText(watch, isThumb).length === 0,
    errorText(watch, isThumb).join(" | "),
  );
  for (const c of cards)
    record(
      `${c.id}: has a gallery thumbnail`,
      c.thumb,
      `public/thumbs/${c.id}.png is missing: run npm run screenshots:update`,
    );
  const three = [];
  for (const r of watch.scripts) {
    const body = await r.text().catch(() => "");
    if (/WebGLRenderer|THREE\.REVISION|three\.module/.test(body)) three.push(r.url());
  }
  record(
    "gallery: loads no three.js",
    watch.scripts.length > 0 && three.length === 0,
    three.join(", ") || "no scripts seen",
  );
  record(
    "gallery: requests nothing from another origin",
    watch.foreign.length === 0,
    watch.foreign.join(", "),
  );
  await page.screenshot({ path: join(outDir, "gallery.png") });
  await context.close();
}

// ---- One scene ----

/** Finds a numeric param whose change moves at least one readout, and reports what happened. */
async function checkSet(page, id) {
  const candidates = await page.evaluate(() => {
    const p = window.legible.params();
    const ranges = window.legible.debug?.ranges?.() ?? [];
    const byKey = new Map(ranges.map((r) => [r.key, r]));
    return Object.entries(p)
      .filter(([, v]) => typeof v === "number")
      .map(([key, v]) => {
        const r = byKey.get(key);
        // Without a range, try a few nearby values; the kit clamps whatever is out of range.
        const tries = r ? [r.max, r.min, (r.min + r.max) / 2] : [v + 1, v - 1, v * 2 + 1];
        return { key, from: v, tries: tries.filter((t) => t !== v) };
      });
  });
  for (const c of candidates) {
    for (const to of c.tries) {
      const before = await readOutputs(page);
      await page.evaluate(([k, v]) => window.legible.set({ [k]: v }), [c.key, to]);
      await frames(page);
      const after = await readOutputs(page);
      const changed = after.filter((o) => before.find((b) => b.name === o.name)?.value !== o.value);
      if (changed.length) {
        // API and page read in one task: chunked work (a coverage simulation) may finish between
        // two separate reads, and the comparison must not race it.
        const { api, shown } = await page.evaluate(() => ({
          api: window.legible.readouts(),
          shown: [...document.querySelectorAll("output[data-readout]")].map((o) => ({
            name: o.dataset.readout,
            value: o.dataset.value ?? "",
          })),
        }));
        const inSync = shown.every((o) => api[o.name] === o.value);
        record(
          `${id}: legible.set() of a numeric param changes a readout, and the page shows the API's values`,
          inSync,
          `set ${c.key}=${to}; out of sync: ${shown
            .filter((o) => api[o.name] !== o.value)
            .map((o) => `${o.name} (page ${o.value}, API ${api[o.name]})`)
            .join(", ")}`,
        );
        await page.evaluate(([k, v]) => window.legible.set({ [k]: v }), [c.key, c.from]);
        await frames(page);
        return;
      }
    }
    await page.evaluate(([k, v]) => window.legible.set({ [k]: v }), [c.key, c.from]);
    await frames(page);
  }
  record(
    `${id}: legible.set() of a numeric param changes a readout, and the page shows the API's values`,
    false,
    `no numeric param changed any readout (tried ${candidates.map((c) => c.key).join(", ") || "none"})`,
  );
}

async function checkKeys(page, id) {
  await page.evaluate(
    () => document.activeElement instanceof HTMLElement && document.activeElement.blur(),
  );
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
  const order = ["light", "dark", "projector"];
  const seen = [await theme()];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press("t");
    seen.push(await theme());
  }
  const start = order.indexOf(seen[0]);
  const expected = [0, 1, 2, 3].map((i) => order[(start + i) % 3]);
  record(
    `${id}: T cycles the theme on <html data-theme>`,
    start >= 0 && seen.join() === expected.join(),
    seen.join(" → "),
  );

  const side = page.locator(".lg-side").first();
  const shownBefore = await side.isVisible();
  await page.keyboard.press("g");
  const shownAfter = await side.isVisible();
  await page.keyboard.press("g");
  const shownAgain = await side.isVisible();
  record(
    `${id}: G hides and shows the panel`,
    shownBefore && !shownAfter && shownAgain,
    `visible ${shownBefore} → ${shownAfter} → ${shownAgain}`,
  );

  await page.keyboard.press("?");
  const open = await page.evaluate(() => !!document.querySelector("dialog.lg-help")?.open);
  await page.keyboard.press("Escape");
  const closed = await page.evaluate(() => !document.querySelector("dialog.lg-help")?.open);
  record(
    `${id}: ? opens the keyboard help, Escape closes it`,
    open && closed,
    `open ${open}, closed after Escape ${closed}`,
  );
}

async function checkScene(browser, base, id) {
  // The page as a person opens it.
  const { page, context, watch } = await openPage(browser, base, `scenes/${id}/`);
  const foreign = watch.foreign;
  const ready = await legibleReady(page);
  record(`${id}: loads, and window.legible.ready resolves`, ready, "ready did not resolve");
  if (!ready) {
    record(`${id}: loads with no console or page errors`, false, errorText(watch).join(" | "));
    await context.close();
    return null;
  }
  await page.waitForTimeout(300);
  const outs = await readOutputs(page);
  const apiNames = Object.keys(await page.evaluate(() => window.legible.readouts())).sort();
  record(
    `${id}: shows every readout as output[data-readout]`,
    outs.length > 0 && JSON.stringify(outs.map((o) => o.name).sort()) === JSON.stringify(apiNames),
    `page: ${outs.map((o) => o.name).join(",")}; API: ${apiNames.join(",")}`,
  );
  const nonFinite = outs.filter((o) => /NaN|Infinity/.test(o.text) || /NaN|Infinity/.test(o.value));
  record(
    `${id}: no readout shows NaN or Infinity`,
    nonFinite.length === 0,
    nonFinite.map((o) => `${o.name}: "${o.text}" (${o.value})`).join(", "),
  );
  const stage = await stageState(page);
  record(
    `${id}: draws a picture on the stage`,
    (stage.svg > 5 || stage.canvas > 0) && stage.variance > 20,
    JSON.stringify(stage),
  );
  await page.screenshot({ path: join(outDir, `${id}.png`) });
  await checkSet(page, id);
  await checkKeys(page, id);
  const info = await page.evaluate(() => ({
    params: Object.keys(window.legible.params()),
    numeric: Object.entries(window.legible.params())
      .filter(([, v]) => typeof v === "number")
      .map(([k]) => k),
    animated: !!window.legible.debug?.animated,
  }));
  record(
    `${id}: loads and runs with no console or page errors`,
    errorText(watch).length === 0,
    errorText(watch).join(" | "),
  );
  record(`${id}: no request fails`, watch.failed.length === 0, watch.failed.join(", "));
  await context.close();

  // Embedded: only the scene and its panel.
  {
    const { page, context, watch } = await openPage(browser, base, `scenes/${id}/?embed=1`);
    const ok = await legibleReady(page);
    const chrome = await page.evaluate(() =>
      ["header", "footer", ".lg-header", ".lg-footer"].some((sel) => {
        const el = document.querySelector(sel);
        return (
          !!el && el.getBoundingClientRect().height > 0 && getComputedStyle(el).display !== "none"
        );
      }),
    );
    const box = await page.locator(".lg-stage").first().boundingBox();
    record(
      `${id}: embed=1 hides the header and footer and keeps the stage`,
      ok && !chrome && !!box && box.width > 100 && box.height > 100,
      JSON.stringify({ ready: ok, chromeVisible: chrome, stage: box }),
    );
    record(
      `${id}: embed=1 loads with no console or page errors`,
      errorText(watch).length === 0,
      errorText(watch).join(" | "),
    );
    foreign.push(...watch.foreign);
    await context.close();
  }

  // A hostile link: markup in a param and in the theme.
  {
    const key = info.numeric[0] ?? info.params[0] ?? "x";
    const q = `?${key}=${encodeURIComponent(HOSTILE_HTML)}&theme=${encodeURIComponent(HOSTILE_THEME)}`;
    const { page, context, watch } = await openPage(browser, base, `scenes/${id}/${q}`);
    const ok = await legibleReady(page);
    await page.waitForTimeout(500);
    const state = await page.evaluate(() => ({
      pwned: window.__pwned !== undefined,
      injected: document.querySelectorAll("img[src='x'], body script:not([src])").length,
      notice: [...document.querySelectorAll("[data-notice]")]
        .map((n) => n.textContent ?? "")
        .join(" "),
      readouts: document.querySelectorAll("output[data-readout]").length,
    }));
    const drawn = await stageState(page);
    record(
      `${id}: a hostile URL runs nothing, opens no dialog, is named in a notice, and the scene still draws`,
      ok &&
        !state.pwned &&
        state.injected === 0 &&
        watch.dialogs.length === 0 &&
        state.notice.includes("<img") &&
        state.readouts > 0 &&
        (drawn.svg > 5 || drawn.canvas > 0),
      JSON.stringify({
        ready: ok,
        ...state,
        notice: state.notice.slice(0, 160),
        dialogs: watch.dialogs,
        drawn,
      }),
    );
    record(
      `${id}: a hostile URL raises no console or page errors`,
      errorText(watch).length === 0,
      errorText(watch).join(" | "),
    );
    foreign.push(...watch.foreign);
    await context.close();
  }

  record(`${id}: requests nothing from another origin`, foreign.length === 0, foreign.join(", "));
  return info;
}

/** A page that embeds the scene in an iframe and talks to it over postMessage. */
async function checkPostMessage(browser, base, id, key, value) {
  const { page, context, watch } = await openPage(browser, base, "");
  const result = await page.evaluate(
    ([src, k, v]) =>
      new Promise((resolve) => {
        const seen = [];
        const frame = document.createElement("iframe");
        frame.style.width = "800px";
        frame.style.height = "600px";
        const done = (r) => resolve({ ...r, seen });
        setTimeout(() => done({ ok: false, why: "timeout" }), 20000);
        window.addEventListener("message", (e) => {
          if (e.source !== frame.contentWindow || typeof e.data?.type !== "string") return;
          seen.push(e.data.type);
          if (e.data.type === "legible:ready")
            frame.contentWindow.postMessage({ type: "legible:set", params: { [k]: v } }, "*");
          if (e.data.type === "legible:change" && e.data.params?.[k] === v && e.data.readouts)
            done({ ok: true, readouts: Object.keys(e.data.readouts).length });
        });
        frame.src = src;
        document.body.append(frame);
      }),
    [`./scenes/${id}/?embed=1`, key, value],
  );
  record(
    `${id}: an embedding page gets legible:ready, sends legible:set and gets legible:change with readouts`,
    result.ok && result.readouts > 0,
    JSON.stringify(result),
  );
  record(
    `${id}: embedding in an iframe raises no console or page errors`,
    errorText(watch).length === 0,
    errorText(watch).join(" | "),
  );
  await context.close();
}

/** public/thumbs/<id>.png: the scene at 1280×800 in the light theme, saved at 640×400. */
async function saveThumb(browser, base, id) {
  const { page, context } = await openPage(
    browser,
    base,
    `scenes/${id}/?theme=light&embed=1&clock=1`,
    {
      deviceScaleFactor: 0.5,
      reducedMotion: "reduce",
    },
  );
  await legibleReady(page);
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(1000);
  mkdirSync(thumbsDir, { recursive: true });
  const file = join(thumbsDir, `${id}.png`);
  await page.screenshot({ path: file, animations: "disabled", caret: "hide" });
  await context.close();
  // The gallery checked in this run serves dist/, so the new picture goes there too.
  if (existsSync(distDir)) {
    mkdirSync(join(distDir, "thumbs"), { recursive: true });
    copyFileSync(file, join(distDir, "thumbs", `${id}.png`));
  }
  const png = PNG.sync.read(readFileSync(file));
  record(
    `${id}: thumbnail written at 640×400`,
    png.width === 640 && png.height === 400,
    `${png.width}×${png.height}`,
  );
}

// ---- Main ----

function summarise() {
  const byCheck = new Map();
  for (const r of results) {
    const c = byCheck.get(r.check) ?? { passed: 0, failed: 0 };
    c[r.ok ? "passed" : "failed"]++;
    byCheck.set(r.check, c);
  }
  console.log("\ne2e checks (passed/total):");
  for (const [check, c] of byCheck)
    console.log(
      `  ${c.failed ? "✗" : "✓"} ${String(c.passed).padStart(3)}/${String(c.passed + c.failed).padEnd(3)} ${check}`,
    );
  const failed = results.filter((r) => !r.ok);
  if (failed.length) {
    console.log("\nfailed:");
    for (const r of failed)
      console.log(`  ✗ ${r.name}${r.detail ? `\n      ${r.detail.slice(0, 600)}` : ""}`);
  }
  return { passed: results.length - failed.length, failed: failed.length };
}

async function main() {
  const started = Date.now();
  mkdirSync(outDir, { recursive: true });
  if (!existsSync(join(distDir, "index.html"))) {
    record(
      "site: dist/ holds a build",
      false,
      `no ${join(distDir, "index.html")}: run npm run build first`,
    );
    return;
  }
  let ids = builtSceneIds();
  const sources = sourceSceneIds();
  if (onlyScene) ids = ids.filter((id) => id === onlyScene);
  record("site: at least one scene page is built", ids.length > 0, "dist/scenes is empty");

  const quality =
    quick || !existsSync(join(here, "quality.mjs"))
      ? null
      : await import(pathToFileURL(join(here, "quality.mjs")).href);
  const server = await startPreview(distDir);
  const browser = await launch();
  const noGl = quality ? await launch(["--disable-3d-apis"]) : null;
  try {
    console.log(
      `e2e: ${server.url} · ${ids.length} scene(s) · Chromium ${browser.version()}${quality ? "" : " · quick"}`,
    );
    if (updateThumbs) for (const id of ids) await saveThumb(browser, server.url, id);
    if (!onlyScene) await checkGallery(browser, server.url, builtSceneIds(), sources);
    let first = null;
    for (const id of ids) {
      const t0 = Date.now();
      try {
        const info = await checkScene(browser, server.url, id);
        if (info && !first && info.numeric.length) first = { id, info };
        if (quality && info) {
          await quality.checkAxe(browser, server.url, id, record);
          await quality.checkHandles(browser, server.url, id, record);
          await quality.checkFuzz(browser, server.url, id, info.params, record);
          await quality.checkFuzzEach(browser, server.url, id, record);
          await quality.checkLeaks(browser, server.url, id, record);
          await quality.checkIdle(browser, server.url, id, info.animated, record);
          if (info.animated) await quality.checkOffscreen(browser, server.url, id, record);
          if (info.animated) await quality.checkReducedMotion(browser, server.url, id, record);
          if (await quality.checkWebglLoss(browser, server.url, id, record))
            await quality.checkNoWebgl(noGl, server.url, id, record);
          await quality.checkScreenshots(browser, server.url, id, updateBaselines, record);
        }
      } catch (e) {
        record(`${id}: every check ran to the end`, false, e?.stack ?? String(e));
      }
      console.log(`  ${id}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    if (first) {
      const { id, info } = first;
      const ranges = await (async () => {
        const { page, context } = await openPage(browser, server.url, `scenes/${id}/`);
        await legibleReady(page);
        const r = await page.evaluate(() => ({
          p: window.legible.params(),
          ranges: window.legible.debug?.ranges?.() ?? [],
        }));
        await context.close();
        return r;
      })();
      const key = info.numeric[0];
      const range = ranges.ranges.find((r) => r.key === key);
      const value = range
        ? ranges.p[key] === range.max
          ? range.min
          : range.max
        : ranges.p[key] + 1;
      await checkPostMessage(browser, server.url, id, key, value);
    }
    if (quality && !onlyScene)
      quality.checkCsp(distDir, ["", ...ids.map((id) => `scenes/${id}`)], record);
  } finally {
    await noGl?.close();
    await browser.close();
    await server.close();
  }
  console.log(`e2e took ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

try {
  await main();
} catch (e) {
  record("e2e: the runner finished", false, e?.stack ?? String(e));
}
const { passed, failed } = summarise();
if (resultsFile) writeFileSync(resultsFile, JSON.stringify({ passed, failed, results }, null, 2));
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
