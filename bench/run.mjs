// npm run bench: bytes, load time, interaction latency and animation frame times of every page in
// headless Chromium, plus core throughput in Node. Prints a table, marks anything over budget, and
// writes bench/results.json. A benchmark, not a test: timings on a shared machine can double.
import { execSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { createServer } from "vite";
import { launch, startPreview } from "../tests/e2e/browser.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = new Set(process.argv.slice(2));
const only = process.argv.find((a) => a.startsWith("--scene="))?.slice(8);
const dist = join(root, "dist");

const BUDGET = {
  galleryGzip: 50 * 1024,
  scene2dGzip: 60 * 1024,
  scene3dGzip: 190 * 1024,
  whole2d: 140 * 1024,
  whole3d: 270 * 1024,
  readyMs: 1500,
  interactionP95: 10,
  longTaskMs: 50,
};

if (!args.has("--no-build")) execSync("npx vite build", { cwd: root, stdio: "ignore" });

const sceneIds = readdirSync(join(dist, "scenes"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(dist, "scenes", d.name, "index.html")))
  .map((d) => d.name)
  .filter((id) => !only || id === only);

const pct = (xs, p) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const median = (xs) => pct(xs, 50);
const kb = (b) => (b / 1024).toFixed(1);

/** Raw and gzip size of a built file addressed by URL. */
function fileSizes(url) {
  const path = join(dist, decodeURIComponent(new URL(url).pathname));
  if (!existsSync(path)) return { raw: 0, gzip: 0 };
  const buf = readFileSync(path);
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

async function measurePage(browser, base, path, isScene) {
  const loads = [];
  let bytes = null;
  for (let run = 0; run < 5; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // A page that asks for a WebGL context is a 3-D page (its budget is three.js-sized).
    await page.addInitScript(() => {
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        if (/webgl/.test(type)) window.__webgl = true;
        return getContext.call(this, type, ...rest);
      };
    });
    const requests = [];
    page.on("request", (r) =>
      requests.push({ url: r.url(), t: Date.now(), type: r.resourceType() }),
    );
    const t0 = Date.now();
    await page.goto(base + path);
    await page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, {
      timeout: 30000,
    });
    // The moment `ready` resolved, not when this script got to ask: lazy chunks (KaTeX) requested
    // after it are not part of the initial load.
    const readyMs = await page.evaluate(async () => {
      if (!window.legible) return performance.now();
      await window.legible.ready;
      return window.legible.debug.readyAt();
    });
    const tReady = t0 + readyMs;
    loads.push(readyMs);
    if (run === 0) {
      await page.waitForLoadState("networkidle").catch(() => {});
      await page.waitForTimeout(500);
      const jsCss = (r) =>
        r.type === "script" || r.type === "stylesheet" || /\.(js|css)(\?|$)/.test(r.url);
      const sum = (rs) =>
        rs.reduce(
          (acc, r) => {
            const s = fileSizes(r.url);
            return { raw: acc.raw + s.raw, gzip: acc.gzip + s.gzip };
          },
          { raw: 0, gzip: 0 },
        );
      const initial = sum(requests.filter((r) => jsCss(r) && r.t <= tReady));
      const whole = sum(requests.filter(jsCss));
      const threeLoaded = await page.evaluate(() => !!window.__webgl);
      bytes = { initial, whole, three: threeLoaded };
    }
    await context.close();
  }
  const out = { path, bytes, readyMs: median(loads) };
  if (isScene) Object.assign(out, await measureInteraction(browser, base, path));
  return out;
}

async function measureInteraction(browser, base, path) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longTasks = [];
    window.__frames = [];
    try {
      new PerformanceObserver((l) => {
        for (const e of l.getEntries())
          window.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: "longtask", buffered: false });
    } catch {
      /* longtask not supported */
    }
    // Long animation frames say what a long task spent its time on: script, or style and layout.
    try {
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) {
          const end = e.startTime + e.duration;
          window.__frames.push({
            start: e.startTime,
            end,
            script: e.scripts.reduce((s, x) => s + x.duration, 0),
            layout: e.styleAndLayoutStart ? end - e.styleAndLayoutStart : 0,
          });
        }
      }).observe({ type: "long-animation-frame", buffered: false });
    } catch {
      /* long-animation-frame not supported */
    }
  });
  await page.goto(base + path);
  // Deferred parts (KaTeX, a 3-D view) are in before the sweep: it measures interaction, not loading.
  await page.evaluate(() => window.legible.debug.settled());
  await page.waitForTimeout(300);
  const result = await page.evaluate(async () => {
    const api = window.legible;
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    window.__longTasks.length = 0;
    window.__frames.length = 0;
    const times = [];
    // [time, key, value] before each set, to say where each long task happened.
    const marks = [];
    const start = api.params();
    for (const r of api.debug.ranges()) {
      for (let i = 0; i <= 60; i++) {
        const f = i / 60;
        let v = r.log ? r.min * (r.max / r.min) ** f : r.min + (r.max - r.min) * f;
        if (r.int) v = Math.round(v);
        const before = api.debug.flushes().length;
        const t0 = performance.now();
        marks.push([t0, r.key, v]);
        api.set({ [r.key]: v });
        const sync = performance.now() - t0;
        await frame();
        const fl = api.debug.flushes();
        const flush = fl.length !== before || fl.length >= 200 ? fl[fl.length - 1] : 0;
        times.push(sync + flush);
      }
      api.set({ [r.key]: start[r.key] });
      await frame();
    }
    const longTasks = window.__longTasks.map((t) => {
      const at = marks.findLast((m) => m[0] <= t.start);
      const f = window.__frames.find((x) => x.start <= t.start + 1 && x.end >= t.start);
      return {
        ...t,
        key: at?.[1] ?? null,
        value: at?.[2] ?? null,
        script: f ? Math.round(f.script) : null,
        layout: f ? Math.round(f.layout) : null,
      };
    });
    let anim = null;
    if (api.debug.animated) {
      const deltas = [];
      api.play();
      let last = performance.now();
      const t0 = last;
      await new Promise((res) => {
        const tick = (t) => {
          deltas.push(t - last);
          last = t;
          if (t - t0 < 3000) requestAnimationFrame(tick);
          else res();
        };
        requestAnimationFrame(tick);
      });
      api.pause();
      anim = deltas.slice(2);
    }
    return { times, longTasks, anim };
  });
  await context.close();
  const sorted = (xs) => [...xs].sort((a, b) => a - b);
  return {
    interaction: {
      count: result.times.length,
      p50: pct(result.times, 50),
      p95: pct(result.times, 95),
      max: sorted(result.times).at(-1) ?? null,
      longTasksOver50: result.longTasks.filter((t) => t.duration > BUDGET.longTaskMs).length,
      longestTask: sorted(result.longTasks.map((t) => t.duration)).at(-1) ?? 0,
      // Where each one happened: the param being swept and its value, and (where the browser
      // reports long animation frames) how much of that frame was script, and how much style, layout,
      // paint and the compositor commit (which waits for a WebGL frame read back on a software GPU).
      longTaskSites: result.longTasks
        .filter((t) => t.duration > BUDGET.longTaskMs)
        .map((t) => ({
          ms: Math.round(t.duration),
          key: t.key,
          value: t.value === null ? null : +t.value.toPrecision(4),
          script: t.script,
          layout: t.layout,
        })),
    },
    animation: result.anim
      ? { p50: pct(result.anim, 50), p95: pct(result.anim, 95), frames: result.anim.length }
      : null,
  };
}

async function coreThroughput() {
  const server = await createServer({
    root,
    server: { middlewareMode: true, hmr: false },
    logLevel: "silent",
    appType: "custom",
  });
  const load = (p) => server.ssrLoadModule(p);
  const out = {};
  const timeIt = (fn, minMs = 300) => {
    let n = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < minMs) {
      fn();
      n++;
      t = performance.now();
    }
    return (t - t0) / n;
  };
  try {
    const c = await load("/src/core/concentration.ts");
    const ms = timeIt(
      () => c.coverageSimulation({ n: 100000, p: 0.5, t: 0.005, trials: 100000, seed: 7 }),
      1,
    );
    out.hoeffdingTrialsPerSec = Math.round(100000 / (ms / 1000));
    out.hoeffding1e5TrialsMs = ms;
  } catch (e) {
    out.hoeffdingError = String(e.message ?? e);
  }
  try {
    const fns = await load("/src/core/functions.ts");
    const opt = await load("/src/core/optimize.ts");
    const f = fns.testFunction("round");
    out.optimizerStepsPerSec = {};
    for (const o of ["gd", "momentum", "adam", "newton"]) {
      const ms = timeIt(() =>
        opt.runOptimizer(f, { optimizer: o, x0: [2, -1.5], eta: 0.1, steps: 1000, tol: 1e-300 }),
      );
      out.optimizerStepsPerSec[o] = Math.round(1000 / (ms / 1000));
    }
  } catch (e) {
    out.optimizerError = String(e.message ?? e);
  }
  try {
    const la = await load("/src/core/linalg.ts");
    const { randomLcg } = await import("d3-random");
    const rnd = randomLcg(3);
    const m256 = Array.from({ length: 256 }, () => Array.from({ length: 256 }, () => rnd() - 0.5));
    out.svd256Ms = timeIt(() => la.svd(m256), 1);
    const mats = Array.from({ length: 1000 }, () => [
      rnd() * 4 - 2,
      rnd() * 4 - 2,
      rnd() * 4 - 2,
      rnd() * 4 - 2,
    ]);
    const msEig = timeIt(() => {
      for (const m of mats) la.eigen2(m);
    });
    out.eigen2PerSec = Math.round(1000 / (msEig / 1000));
    const pts = Array.from({ length: 10000 }, () => [rnd(), rnd() * 0.5 + rnd()]);
    out.pca1e4Ms = timeIt(() => la.pcaByCovariance(pts), 50);
    // Peers, measured in the same run: ml-matrix's general EVD on the same 2×2 matrices against
    // the closed form, and ml-matrix's SVD against the eigen decomposition of AᵀA (a plain reference).
    const { EigenvalueDecomposition, Matrix, SingularValueDecomposition } =
      await import("ml-matrix");
    const msMl = timeIt(() => {
      for (const m of mats)
        new EigenvalueDecomposition(
          new Matrix([
            [m[0], m[1]],
            [m[2], m[3]],
          ]),
        );
    });
    out.peers = {
      eigen2ClosedFormPerSec: out.eigen2PerSec,
      mlMatrixEvd2x2PerSec: Math.round(1000 / (msMl / 1000)),
      mlMatrixSvd256Ms: timeIt(() => new SingularValueDecomposition(new Matrix(m256)), 1),
      evdOfAtA256Ms: timeIt(() => {
        const A = new Matrix(m256);
        new EigenvalueDecomposition(A.transpose().mmul(A), { assumeSymmetric: true });
      }, 1),
    };
  } catch (e) {
    out.linalgError = String(e.message ?? e);
  }
  try {
    // Section figures: the low-rank worker's SVD (the same function, here on the main thread of
    // Node), a 2 000-point PCA (one drag), and 10⁴ repetitions of the variance-estimator panel.
    const sp = await load("/src/core/spectrum.ts");
    const la = await load("/src/core/linalg.ts");
    const pr = await load("/src/core/probability.ts");
    const { randomLcg } = await import("d3-random");
    const rnd = randomLcg(11);
    const img = Array.from({ length: 256 }, (_, i) =>
      Array.from({ length: 256 }, (_, j) => Math.sin(i / 9) * Math.cos(j / 13) + 0.2 * rnd()),
    );
    out.lowRankSvd256Ms = timeIt(() => sp.flatSvd(img), 1);
    const pts2000 = Array.from({ length: 2000 }, () => [rnd() * 4, rnd() * 2 + rnd()]);
    out.pca2000PointsMs = timeIt(() => la.pcaByCovariance(pts2000), 100);
    out.varianceBias1e4RepsMs = timeIt(
      () => pr.varianceEstimatorBias({ n: 10, sigma: 1, reps: 10000, source: randomLcg(3) }),
      100,
    );
  } catch (e) {
    out.sectionError = String(e.message ?? e);
  }
  await server.close();
  return out;
}

const preview = await startPreview(dist);
const browser = await launch();
const pages = [];
try {
  if (!only) pages.push({ id: "gallery", ...(await measurePage(browser, preview.url, "", false)) });
  for (const id of sceneIds) {
    process.stderr.write(`bench: ${id}\n`);
    pages.push({ id, ...(await measurePage(browser, preview.url, `scenes/${id}/`, true)) });
  }
} finally {
  await browser.close();
  await preview.close();
}
const core = await coreThroughput();

// Budgets: a scene that loaded three.js is a 3D scene.
const rows = pages.map((p) => {
  const is3d = p.bytes?.three;
  const initialBudget =
    p.id === "gallery" ? BUDGET.galleryGzip : is3d ? BUDGET.scene3dGzip : BUDGET.scene2dGzip;
  const wholeBudget =
    p.id === "gallery" ? BUDGET.galleryGzip : is3d ? BUDGET.whole3d : BUDGET.whole2d;
  const over = [];
  if (p.bytes.initial.gzip > initialBudget) over.push("initial bytes");
  if (p.bytes.whole.gzip > wholeBudget) over.push("whole-page bytes");
  if (p.readyMs > BUDGET.readyMs) over.push("ready");
  if (p.interaction && p.interaction.p95 > BUDGET.interactionP95) over.push("interaction p95");
  if (p.interaction && p.interaction.longTasksOver50 > 0) over.push("long tasks");
  return { ...p, kind: p.id === "gallery" ? "gallery" : is3d ? "3d" : "2d", over };
});

const f1 = (x) => (x === null || x === undefined ? "—" : x.toFixed(1));
console.log(
  "\npage              kind  init gz KB  whole gz KB  ready ms  set→frame p50/p95 ms  long>50  anim p50/p95 ms  over budget",
);
for (const r of rows) {
  console.log(
    [
      r.id.padEnd(17),
      r.kind.padEnd(5),
      kb(r.bytes.initial.gzip).padStart(10),
      kb(r.bytes.whole.gzip).padStart(12),
      f1(r.readyMs).padStart(9),
      (r.interaction ? `${f1(r.interaction.p50)}/${f1(r.interaction.p95)}` : "—").padStart(21),
      String(r.interaction?.longTasksOver50 ?? "—").padStart(8),
      (r.animation ? `${f1(r.animation.p50)}/${f1(r.animation.p95)}` : "—").padStart(16),
      "  " + (r.over.length ? `✗ ${r.over.join(", ")}` : "✓"),
    ].join(" "),
  );
}
for (const r of rows)
  for (const t of r.interaction?.longTaskSites ?? [])
    console.log(
      `long task in ${r.id}: ${t.ms} ms while setting ${t.key} = ${t.value}` +
        (t.script === null
          ? ""
          : ` (script ${t.script} ms, style, layout, paint and commit ${t.layout} ms)`),
    );
console.log("\ncore:", JSON.stringify(core, null, 2));
// A run of one page (--scene=<id>) replaces that page's entry and keeps the others.
const resultsFile = join(root, "bench", "results.json");
let written = rows;
if (only && existsSync(resultsFile)) {
  const previous = JSON.parse(readFileSync(resultsFile, "utf8")).pages ?? [];
  const fresh = new Map(rows.map((r) => [r.path, r]));
  written = previous.map((r) => fresh.get(r.path) ?? r);
  for (const r of rows) if (!previous.some((q) => q.path === r.path)) written.push(r);
}
writeFileSync(
  resultsFile,
  JSON.stringify(
    { date: new Date().toISOString(), budgets: BUDGET, pages: written, core },
    null,
    2,
  ) + "\n",
);
console.log("\nwrote bench/results.json");
