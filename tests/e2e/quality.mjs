// The quality harness (issue: accessibility, hostile input, leaks, WebGL faults, screenshots),
// looping over every scene, so a new scene is held to it without anyone writing a new test.
// Each check reports through `record(name, ok, detail)`; the runner counts them.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const AXE = readFileSync(join(root, "node_modules/axe-core/axe.min.js"), "utf8");
export const BASELINES = join(here, "baselines");
const OUT = join(here, "out");

/** Counts animation frames and WebGL contexts, and flags injected script, before any page script runs. */
function instrument() {
  window.__pending = new Set();
  // Every animation-frame callback that ran, the scene's own loops included.
  window.__rafRuns = 0;
  const raf = window.requestAnimationFrame.bind(window);
  const caf = window.cancelAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => {
    const id = raf((t) => {
      window.__pending.delete(id);
      window.__rafRuns++;
      cb(t);
    });
    window.__pending.add(id);
    return id;
  };
  window.cancelAnimationFrame = (id) => {
    window.__pending.delete(id);
    caf(id);
  };
  // Weak references: holding the contexts would keep their canvases, and with them every detached
  // node of a disposed scene, alive, and the leak check would count the test's own references.
  window.__gl = [];
  window.__glLive = () => window.__gl.map((r) => r.deref()).filter((c) => c && !c.isContextLost());
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
    const ctx = getContext.call(this, type, ...rest);
    if (ctx && /webgl/.test(type) && !window.__gl.some((r) => r.deref() === ctx))
      window.__gl.push(new WeakRef(ctx));
    return ctx;
  };
}

const ready = (page) =>
  page.waitForFunction(() => document.documentElement.dataset.ready === "1", null, {
    timeout: 20000,
  });

async function open(browser, url, options = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    bypassCSP: !!options.bypassCSP,
    ...options.context,
  });
  const page = await context.newPage();
  const errors = [];
  const dialogs = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(instrument);
  for (const script of options.init ?? []) await page.addInitScript(script);
  await page.goto(url);
  await ready(page);
  return { page, context, errors, dialogs };
}

// ---------------------------------------------------------------------------------------------
// Accessibility: axe-core in every theme, no serious or critical violations.

export async function checkAxe(browser, base, id, record) {
  for (const theme of ["light", "dark", "projector"]) {
    const { page, context } = await open(browser, `${base}scenes/${id}/?theme=${theme}`, {
      bypassCSP: true,
    });
    await page.waitForTimeout(700);
    await page.evaluate(AXE);
    const bad = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ["violations"] });
      return r.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(" ")}`);
    });
    record(
      `${id}: axe ${theme}: no serious or critical violations`,
      bad.length === 0,
      bad.join("; "),
    );
    await context.close();
  }
}

/** Every draggable handle is reachable by Tab and moves with the arrow keys. */
export async function checkHandles(browser, base, id, record) {
  const { page, context } = await open(browser, `${base}scenes/${id}/`);
  const handles = await page.locator("[data-handle]").count();
  if (handles === 0) {
    await context.close();
    return;
  }
  const result = await page.evaluate(async () => {
    const hs = [...document.querySelectorAll("[data-handle]")].filter(
      (h) => h.getBoundingClientRect().width > 0,
    );
    const out = [];
    for (const h of hs) {
      const label = h.getAttribute("aria-label") ?? "";
      const before = JSON.stringify(window.legible.params());
      h.focus();
      const focused = document.activeElement === h;
      for (const key of ["ArrowRight", "ArrowUp", "ArrowLeft", "ArrowDown"]) {
        h.dispatchEvent(
          new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, shiftKey: true }),
        );
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        if (JSON.stringify(window.legible.params()) !== before) break;
      }
      const moved = JSON.stringify(window.legible.params()) !== before;
      out.push({
        name: h.getAttribute("data-handle"),
        label,
        focused,
        tab: h.getAttribute("tabindex") === "0",
        moved,
      });
    }
    return out;
  });
  for (const h of result)
    record(
      `${id}: handle "${h.name}" is focusable, labelled and moves with the arrow keys`,
      h.focused && h.tab && h.label.length > 3 && h.moved,
      JSON.stringify(h),
    );
  await context.close();
}

// ---------------------------------------------------------------------------------------------
// Hostile input: every param and shared key through values a person (or an attacker) might type.

// The list lives in hostile.json so the codec's unit test (tests/kit/hostile-url.test.ts) puts every
// scene's params through the same values.
export const HOSTILE = JSON.parse(readFileSync(join(here, "hostile.json"), "utf8"));

export async function checkFuzz(browser, base, id, paramKeys, record) {
  for (const value of HOSTILE) {
    const q = new URLSearchParams();
    for (const k of paramKeys) q.set(k, value);
    for (const k of ["preset", "seed", "theme", "hide", "embed", "gui", "clock"]) q.set(k, value);
    const url = `${base}scenes/${id}/?${q.toString()}`;
    const { page, context, errors, dialogs } = await open(browser, url).catch(async (e) => ({
      failed: String(e),
    }));
    if (!page) {
      record(`${id}: hostile value ${JSON.stringify(value)} loads`, false, "never became ready");
      continue;
    }
    await page.waitForTimeout(150);
    const state = await page.evaluate(() => {
      const stage = document.querySelector(".lg-stage");
      const drawn = stage ? stage.querySelectorAll("svg *, canvas").length : 0;
      const outs = [...document.querySelectorAll("output[data-readout]")];
      const bad = outs.filter(
        (o) =>
          /NaN|Infinity|undefined/.test(o.textContent ?? "") && o.dataset.value !== "undefined",
      );
      const nanValue = outs.filter((o) => /NaN|Infinity/.test(o.dataset.value ?? ""));
      const notice = [...document.querySelectorAll("[data-notice]")]
        .map((n) => n.textContent)
        .join(" ");
      return {
        pwned: window.__pwned === 1,
        injected: document.querySelectorAll("img[src='x'], .lg-stage script, main script").length,
        drawn,
        readouts: outs.length,
        bad: bad
          .map((o) => `${o.dataset.readout}=${o.textContent}`)
          .concat(nanValue.map((o) => `${o.dataset.readout}:${o.dataset.value}`)),
        notice,
      };
    });
    const needsNotice = !/^\s*0\.5\s*$/.test(value);
    const ok =
      errors.length === 0 &&
      dialogs.length === 0 &&
      !state.pwned &&
      state.injected === 0 &&
      state.drawn > 0 &&
      state.readouts > 0 &&
      state.bad.length === 0 &&
      (!needsNotice || state.notice.length > 0);
    record(
      `${id}: hostile value ${JSON.stringify(value)} is corrected with a notice, never run, never breaks the page`,
      ok,
      JSON.stringify({
        errors: errors.slice(0, 3),
        dialogs,
        ...state,
        notice: state.notice.slice(0, 120),
      }),
    );
    await context.close();
  }
}

/** Shared URL keys of every scene, each fuzzed on its own by checkFuzzEach. */
export const SHARED_FUZZ_KEYS = [
  "preset",
  "seed",
  "theme",
  "hide",
  "embed",
  "gui",
  "clock",
  "autoplay",
];

/** A decimal as people write it (what a number key takes; surrounding spaces are trimmed). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** The largest freeze time `clock=` takes (one day, in seconds). */
const CLOCK_MAX = 86400;

/**
 * Keeps, in the page, every error and dialog as it happens, so each can be pinned on the URL value
 * that caused it (Playwright's events arrive later and per page).
 */
function watchInPage() {
  window.__errs = [];
  const note = (s) => window.__errs.push(String(s).slice(0, 200));
  // Capture: resource errors (an injected <img src=x>) do not bubble.
  addEventListener(
    "error",
    (e) =>
      note(
        e instanceof ErrorEvent
          ? `error: ${e.message}`
          : `resource error: <${e.target?.tagName?.toLowerCase?.() ?? "?"}>`,
      ),
    true,
  );
  addEventListener("unhandledrejection", (e) => note(`unhandled rejection: ${e.reason}`));
  const consoleError = console.error;
  console.error = function (...args) {
    note(`console.error: ${args.map(String).join(" ")}`);
    return consoleError.apply(this, args);
  };
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    const f = window[name];
    window[name] = function (...args) {
      note(`dialog ${name}(${args.map(String).join(", ")})`);
      return f.apply(this, args);
    };
  }
}

/** Takes WebGL away from a page, as a browser without it would (see checkFuzzEach). */
function noWebgl() {
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
    return /webgl/i.test(type) ? null : getContext.call(this, type, ...rest);
  };
}

/**
 * In the page: boots the scene again from `?key=value` for each value (legible.debug.remount reads
 * location.search) and reports what the page then shows. One call per key; values run in order.
 */
async function remountEach({ key, values, readyMs }) {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const inspect = () => {
    const stage = document.querySelector(".lg-stage");
    const svg = stage ? stage.querySelectorAll("svg *").length : 0;
    const canvas = stage
      ? [...stage.querySelectorAll("canvas")].filter((c) => c.width > 0 && c.height > 0).length
      : 0;
    const outs = [...document.querySelectorAll("output[data-readout]")];
    const lilRoot = document.querySelector(".lg-gui > .lil-gui");
    return {
      pwned: window.__pwned !== undefined,
      injected: document.querySelectorAll("img[src='x'], script:not([src]), [onerror]").length,
      drawn: svg + canvas,
      glMessage: /WebGL/.test(stage?.textContent ?? ""),
      readouts: outs.length,
      nonFinite: outs
        .filter((o) => /NaN|Infinity/.test(`${o.textContent} ${o.dataset.value ?? ""}`))
        .map((o) => `${o.dataset.readout}="${o.textContent}" (${o.dataset.value})`),
      notice: [...document.querySelectorAll("[data-notice]")]
        .map((n) => n.textContent ?? "")
        .join(" | "),
      params: window.legible.params(),
      theme: document.documentElement.dataset.theme ?? "",
      gui: document.body.classList.contains("lg-gui-hidden")
        ? "hidden"
        : lilRoot?.classList.contains("lil-closed")
          ? "closed"
          : "open",
    };
  };
  const out = [];
  for (const value of values) {
    const e0 = window.__errs.length;
    history.replaceState(null, "", `?${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
    let ready = false;
    let threw = "";
    let api = null;
    try {
      api = window.legible.debug.remount();
      ready = await Promise.race([api.ready.then(() => true), sleep(readyMs).then(() => false)]);
      // `ready` follows the first full render; a playing scene (autoplay) also runs a tick.
      if (api.debug.playing()) await frame();
    } catch (e) {
      threw = String(e?.stack ?? e).slice(0, 300);
    }
    let state = inspect();
    // A part loaded after `ready` (a 3-D view) may hold the whole picture: wait for it only then.
    if (ready && state.drawn === 0 && api?.debug.settled) {
      await Promise.race([api.debug.settled(), sleep(readyMs)]);
      await frame();
      state = inspect();
    }
    out.push({ value, ready, threw, errors: window.__errs.slice(e0), ...state });
  }
  // A frame after the last mount, so an error it throws late is still pinned on this key.
  const e1 = window.__errs.length;
  await frame();
  if (out.length) out[out.length - 1].errors.push(...window.__errs.slice(e1));
  return out;
}

/** Whether `text` names a param: its key as a whole word, or its label. */
function namesKey(text, key, label) {
  const esc = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return (
    new RegExp(`(^|[^\\p{L}\\p{N}_])${esc}($|[^\\p{L}\\p{N}_])`, "u").test(text) ||
    (!!label && label.length > 2 && text.includes(label))
  );
}

/**
 * Whether the page took `raw` for `key` as written (then no notice is owed). Judged from what the
 * text means and what the page then shows, not from the codec's own answer.
 */
function takenAsWritten(key, raw, r, base) {
  const t = raw.trim();
  if (Object.prototype.hasOwnProperty.call(base.params, key)) {
    const v = r.params[key];
    if (typeof base.params[key] === "number") return DECIMAL.test(t) && Number(t) === v;
    if (typeof base.params[key] === "boolean")
      return (v ? ["1", "true"] : ["0", "false"]).includes(t.toLowerCase());
    return typeof v === "string" && v.toLowerCase() === t.toLowerCase();
  }
  switch (key) {
    case "preset":
      return base.presets.includes(raw);
    case "theme":
      return r.theme === raw;
    case "gui":
      return r.gui === raw;
    case "embed":
    case "autoplay":
      // A bare key (`?embed`) switches it on.
      return ["", "1", "true", "0", "false"].includes(t.toLowerCase());
    case "hide":
      return raw
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
        .every((n) => Object.prototype.hasOwnProperty.call(base.params, n));
    case "clock":
      return (
        DECIMAL.test(t) && Number.isFinite(Number(t)) && Number(t) >= 0 && Number(t) <= CLOCK_MAX
      );
    case "seed":
      // A scene without randomness has no seed: the key means nothing to it and is ignored.
      return true;
    default:
      return false;
  }
}

/**
 * Hostile input one key at a time: each param and each shared key of the scene through every
 * HOSTILE value alone, in one page (the scene is booted again from each URL by
 * legible.debug.remount). Per (key, value): no error and no dialog, no injected script runs or
 * element appears, the stage still draws, readouts are shown and finite, the param stays in its
 * range, and, unless the value was taken as written, a notice names the key (or its label).
 * One record per key; the values that failed are in its detail.
 */
export async function checkFuzzEach(browser, base, id, record) {
  const url = `${base}scenes/${id}/`;
  let session = await open(browser, url, { init: [watchInPage] });
  // A scene that starts WebGL on every mount pays about a second a mount in SwiftShader on a 2-core
  // machine, and this check mounts it some 300 times: its keys go through a page without WebGL,
  // where the stage says so and everything else works. Its 3-D view still meets every hostile
  // value in checkFuzz, which loads real pages with WebGL.
  const glEachMount = await session.page.evaluate(async () => {
    // Parts loaded after `ready` (a 3-D view beside a 2-D one) are in before counting.
    await window.legible.debug.settled?.();
    const before = window.__gl.length;
    await window.legible.debug.remount().ready;
    return window.__gl.length > before;
  });
  if (glEachMount) {
    await session.context.close();
    session = await open(browser, url, { init: [watchInPage, noWebgl] });
  }
  const { page, context, errors, dialogs } = session;
  const where = glEachMount ? " (no WebGL)" : "";
  const info = await page.evaluate(() => {
    const presetCtl = [...document.querySelectorAll(".lg-gui .lil-controller")].find(
      (c) => !c.dataset.param && c.querySelector(".lil-name")?.textContent === "preset",
    );
    return {
      params: window.legible.params(),
      ranges: window.legible.debug.ranges(),
      labels: Object.fromEntries(
        [...document.querySelectorAll(".lg-gui [data-param]")].map((c) => [
          c.dataset.param,
          c.querySelector(".lil-name")?.textContent ?? "",
        ]),
      ),
      presets: [...(presetCtl?.querySelectorAll("option") ?? [])].map((o) => o.textContent ?? ""),
    };
  });
  const ranges = new Map(info.ranges.map((r) => [r.key, r]));
  const keys = [
    ...Object.keys(info.params),
    ...SHARED_FUZZ_KEYS.filter((k) => !(k in info.params)),
  ];
  for (const key of keys) {
    const name = `${id} ?${key}=hostile${where}: each of the ${HOSTILE.length} hostile values alone is corrected with a notice naming the key, runs nothing, and leaves the scene drawn with finite readouts`;
    const e0 = errors.length;
    const d0 = dialogs.length;
    let results;
    try {
      results = await page.evaluate(remountEach, { key, values: HOSTILE, readyMs: 8000 });
    } catch (e) {
      record(name, false, `the page gave up: ${String(e).slice(0, 300)}`);
      continue;
    }
    const bad = [];
    for (const r of results) {
      const why = [];
      if (!r.ready) why.push(r.threw ? `remount threw ${r.threw}` : "never ready");
      const errs = r.errors.filter((e) => !(glEachMount && /WebGL/i.test(e)));
      if (errs.length) why.push(`errors: ${errs.slice(0, 2).join(" | ")}`);
      if (r.pwned) why.push("injected script ran");
      if (r.injected) why.push(`${r.injected} injected element(s)`);
      if (r.drawn === 0 && !(glEachMount && r.glMessage)) why.push("nothing drawn on the stage");
      if (r.readouts === 0) why.push("no readouts");
      if (r.nonFinite.length) why.push(`non-finite readouts ${r.nonFinite.join(", ")}`);
      const range = ranges.get(key);
      const v = r.params[key];
      if (range && !(Number.isFinite(v) && v >= range.min && v <= range.max))
        why.push(`${key}=${v} outside ${range.min} … ${range.max}`);
      if (
        key === "seed" &&
        !(key in info.params) &&
        JSON.stringify(r.params) !== JSON.stringify(info.params)
      )
        why.push("changed the params of a scene without a seed");
      if (!takenAsWritten(key, r.value, r, info) && !namesKey(r.notice, key, info.labels[key]))
        why.push(`no notice names ${key} (notice: "${r.notice.slice(0, 100)}")`);
      if (why.length) bad.push(`${JSON.stringify(r.value)}: ${why.join("; ")}`);
    }
    // Playwright's own view, as a backstop (messages the page cannot see, such as a blocked load).
    const late = errors.slice(e0).filter((e) => !(glEachMount && /WebGL/i.test(e)));
    if (late.length && !bad.length)
      bad.push(`errors while fuzzing ${key}: ${late.slice(0, 2).join(" | ")}`);
    if (dialogs.length > d0) bad.push(`dialogs: ${dialogs.slice(d0).join(" | ")}`);
    record(name, bad.length === 0, bad.join(" ‖ "));
  }
  await context.close();
}

// ---------------------------------------------------------------------------------------------
// Leaks: mount and dispose 100 times in one page.

export async function checkLeaks(browser, base, id, record) {
  const { page, context, errors } = await open(browser, `${base}scenes/${id}/`);
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.enable");
  const measure = async () => {
    // The live scene finished (formulas typeset, workers' results in), so only leftovers differ.
    await page.evaluate(() => window.legible.debug.settled());
    await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = await cdp.send("Runtime.getHeapUsage");
    const dom = await cdp.send("Memory.getDOMCounters");
    return { heap: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
  };
  // Warm up: a few remounts so lazy chunks and caches are loaded before the baseline.
  for (let i = 0; i < 3; i++) await page.evaluate(() => window.legible.debug.remount().ready);
  const before = await measure();
  for (let i = 0; i < 100; i++) await page.evaluate(() => window.legible.debug.remount().ready);
  await page.waitForTimeout(400);
  const after = await measure();
  const frames = await page.evaluate(async () => {
    await new Promise((r) => setTimeout(r, 300));
    return window.__pending.size;
  });
  const gl = await page.evaluate(() => ({
    created: window.__gl.length,
    live: window.__glLive().length,
  }));
  const growthMB = (after.heap - before.heap) / 1e6;
  record(
    `${id}: 100 mounts and disposals grow the JS heap by under 5 MB`,
    growthMB < 5,
    `${growthMB.toFixed(2)} MB`,
  );
  record(
    `${id}: 100 mounts and disposals leave no DOM nodes or listeners behind`,
    after.nodes - before.nodes <= 50 && after.listeners - before.listeners <= 5,
    `nodes ${before.nodes}→${after.nodes}, listeners ${before.listeners}→${after.listeners}`,
  );
  record(
    `${id}: no animation frame is left pending while idle after disposals`,
    frames <= 1,
    `${frames} pending`,
  );
  record(
    `${id}: at most one live WebGL context after 100 mounts`,
    gl.live <= 1,
    `created ${gl.created}, live ${gl.live}`,
  );
  record(`${id}: remounting raises no errors`, errors.length === 0, errors.slice(0, 3).join(" | "));
  await context.close();
}

// ---------------------------------------------------------------------------------------------
// Idle and hidden: no frames while idle, hidden or off-screen.

export async function checkIdle(browser, base, id, animated, record) {
  const { page, context } = await open(browser, `${base}scenes/${id}/`);
  // Idle means after the scene's own background work (workers, lazy parts, formulas) is done.
  await page.evaluate(() => window.legible.debug.settled());
  await page.waitForTimeout(300);
  const idle = await page.evaluate(async () => {
    const f0 = window.legible.debug.frames();
    await new Promise((r) => setTimeout(r, 600));
    return window.legible.debug.frames() - f0;
  });
  record(`${id}: nothing is drawn while idle`, idle === 0, `${idle} frames in 600 ms`);
  if (animated) {
    const hidden = await page.evaluate(async () => {
      window.legible.play();
      await new Promise((r) => setTimeout(r, 200));
      Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
      document.dispatchEvent(new Event("visibilitychange"));
      await new Promise((r) => setTimeout(r, 100));
      const f0 = window.legible.debug.frames();
      await new Promise((r) => setTimeout(r, 500));
      const n = window.legible.debug.frames() - f0;
      delete document.hidden;
      window.legible.pause();
      return n;
    });
    record(
      `${id}: no animation frames run while the tab is hidden`,
      hidden <= 1,
      `${hidden} frames in 500 ms`,
    );
  }
  await context.close();
}

/**
 * Off-screen pause: a playing scene scrolled out of view, as a reader scrolls past a figure in a
 * long page, runs no animation frame (the runtime watches .lg-stage with an IntersectionObserver),
 * and plays on when scrolled back. The runtime offers no hook on its clock, so "does not jump" is
 * left to its clamped time step; here only the pause and the resume are measured.
 */
export async function checkOffscreen(browser, base, id, record) {
  const { page, context, errors } = await open(browser, `${base}scenes/${id}/`);
  await page.waitForTimeout(300);
  const r = await page.evaluate(async () => {
    const sleep = (ms) => new Promise((res) => setTimeout(res, ms));
    const api = window.legible;
    const stage = document.querySelector(".lg-stage");
    // The runtime's own question, asked from outside, so the test knows when the answer is in.
    let seen = null;
    const io = new IntersectionObserver((es) => (seen = es.some((e) => e.isIntersecting)));
    io.observe(stage);
    const until = async (want) => {
      for (let t = 0; seen !== want && t < 3000; t += 20) await sleep(20);
      return seen === want;
    };
    const count = async (ms) => {
      const f = api.debug.frames();
      const t = api.debug.ticks();
      const raf = window.__rafRuns;
      await sleep(ms);
      return {
        frames: api.debug.frames() - f,
        ticks: api.debug.ticks() - t,
        raf: window.__rafRuns - raf,
      };
    };
    const box = () => {
      const b = stage.getBoundingClientRect();
      return { top: Math.round(b.top), bottom: Math.round(b.bottom) };
    };
    await until(true);
    api.play();
    await sleep(200);
    const onScreen = await count(500);
    // A long page below the scene, scrolled until the stage is wholly above the viewport.
    document.body.style.paddingBottom = "300vh";
    window.scrollTo(0, window.scrollY + stage.getBoundingClientRect().bottom + 50);
    const left = await until(false);
    const awayBox = box();
    await sleep(100); // a frame already in flight may still land
    const away = await count(500);
    const playingAway = api.debug.playing();
    window.scrollTo(0, 0);
    const back = await until(true);
    const returned = await count(500);
    const playingBack = api.debug.playing();
    api.pause();
    io.disconnect();
    document.body.style.paddingBottom = "";
    return { onScreen, left, awayBox, away, playingAway, back, returned, playingBack };
  });
  record(
    `${id}: no animation frame runs while the playing scene is scrolled off-screen`,
    r.onScreen.ticks > 0 &&
      r.left &&
      r.playingAway &&
      // The runtime's frames, the ticks that reach the view, and any frame the page asks for.
      r.away.frames <= 1 &&
      r.away.ticks <= 1 &&
      r.away.raf <= 1,
    JSON.stringify({
      ...r,
      why: !(r.onScreen.ticks > 0)
        ? "it did not animate on screen"
        : !r.left
          ? "the stage never left the viewport"
          : !r.playingAway
            ? "it stopped playing by itself"
            : `${r.away.frames} runtime frames (${r.away.raf} in all) in 500 ms off-screen`,
    }),
  );
  record(
    `${id}: scrolled back into view, the animation plays on`,
    r.back &&
      r.playingBack &&
      r.returned.ticks > 0 &&
      // More than five frames in 500 ms, or, for a scene whose frames are slow on this machine (a
      // software-rendered 3-D view), at least half the rate it ran at before it left.
      (r.returned.frames > 5 || r.returned.frames * 2 >= r.onScreen.frames) &&
      errors.length === 0,
    JSON.stringify({
      back: r.back,
      playing: r.playingBack,
      before: r.onScreen,
      after: r.returned,
      errors: errors.slice(0, 2),
    }),
  );
  await context.close();
}

/** prefers-reduced-motion turns playback into steps: about two ticks a second instead of sixty. */
export async function checkReducedMotion(browser, base, id, record) {
  const count = async (reducedMotion) => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      reducedMotion,
    });
    const page = await context.newPage();
    await page.goto(`${base}scenes/${id}/`);
    await ready(page);
    const n = await page.evaluate(async () => {
      const t0 = window.legible.debug.ticks();
      window.legible.play();
      await new Promise((r) => setTimeout(r, 1300));
      window.legible.pause();
      return window.legible.debug.ticks() - t0;
    });
    await context.close();
    return n;
  };
  const reduced = await count("reduce");
  const normal = await count("no-preference");
  record(
    `${id}: with prefers-reduced-motion the animation moves in steps`,
    reduced <= 3 && normal > reduced,
    `${reduced} ticks in 1.3 s with reduced motion, ${normal} without`,
  );
}

// ---------------------------------------------------------------------------------------------
// WebGL faults: context loss shows a message and restores the picture; no WebGL at all gets a
// clear message while the 2-D parts keep working.

export async function checkWebglLoss(browser, base, id, record) {
  const { page, context, errors } = await open(browser, `${base}scenes/${id}/`);
  // A 3-D view loaded after `ready` (gd-surface's) counts: wait for the deferred parts.
  await page.evaluate(() => window.legible.debug.settled());
  await page.waitForTimeout(300);
  const hasGl = await page.evaluate(() => window.__gl.length > 0);
  if (!hasGl) {
    await context.close();
    return false;
  }
  const lost = await page.evaluate(async () => {
    const gl = window.__glLive()[0];
    window.__loser = gl.getExtension("WEBGL_lose_context");
    window.__loser.loseContext();
    await new Promise((r) => setTimeout(r, 400));
    return document.querySelector(".lg-stage")?.textContent ?? "";
  });
  record(
    `${id}: WebGL context loss shows a message`,
    /WebGL|graphics|context/i.test(lost),
    lost.slice(0, 120),
  );
  const restored = await page.evaluate(async () => {
    window.__loser.restoreContext();
    await new Promise((r) => setTimeout(r, 800));
    const canvas = [...document.querySelectorAll(".lg-stage canvas")].find(
      (c) => c.width > 0 && c.getBoundingClientRect().width > 0,
    );
    const live = window.__glLive().length;
    return { live, canvas: !!canvas };
  });
  const pic = await stageVariance(page);
  record(
    `${id}: after the context is restored the picture comes back`,
    restored.live >= 1 && restored.canvas && pic > 10 && errors.length === 0,
    JSON.stringify({ ...restored, variance: pic, errors: errors.slice(0, 2) }),
  );
  await context.close();
  return true;
}

export async function checkNoWebgl(noGlBrowser, base, id, record) {
  const { page, context, errors } = await open(noGlBrowser, `${base}scenes/${id}/`);
  await page.evaluate(() => window.legible.debug.settled());
  await page.waitForTimeout(300);
  const state = await page.evaluate(() => ({
    text: document.querySelector(".lg-stage")?.textContent ?? "",
    readouts: document.querySelectorAll("output[data-readout]").length,
    svg: document.querySelectorAll(".lg-stage svg *").length,
  }));
  record(
    `${id}: without WebGL a clear message is shown and the 2-D parts keep working`,
    /WebGL/i.test(state.text) &&
      state.readouts > 0 &&
      errors.filter((e) => !/WebGL/i.test(e)).length === 0,
    JSON.stringify({
      text: state.text.slice(0, 100),
      readouts: state.readouts,
      svg: state.svg,
      errors: errors.slice(0, 2),
    }),
  );
  await context.close();
}

async function stageVariance(page) {
  const png = PNG.sync.read(await page.locator(".lg-stage").screenshot());
  let s = 0;
  let s2 = 0;
  const n = png.width * png.height;
  for (let i = 0; i < png.data.length; i += 4) {
    const v = (png.data[i] + png.data[i + 1] + png.data[i + 2]) / 3;
    s += v;
    s2 += v * v;
  }
  return s2 / n - (s / n) ** 2;
}

// ---------------------------------------------------------------------------------------------
// Screenshots against committed baselines: fixed seed and clock, two sizes, two themes.

export const SHOT_SIZES = [
  { w: 1280, h: 800 },
  { w: 390, h: 844 },
];
export const SHOT_THEMES = ["light", "projector"];
const MAX_MISMATCH = 0.01;

export async function checkScreenshots(browser, base, id, update, record) {
  mkdirSync(BASELINES, { recursive: true });
  mkdirSync(OUT, { recursive: true });
  for (const { w, h } of SHOT_SIZES) {
    for (const theme of SHOT_THEMES) {
      const name = `${id}-${w}-${theme}`;
      const context = await browser.newContext({
        viewport: { width: w, height: h },
        reducedMotion: "reduce",
      });
      const page = await context.newPage();
      await page.goto(`${base}scenes/${id}/?theme=${theme}&clock=1`);
      await ready(page);
      // Fonts, KaTeX and any chunked work settle before the picture is taken.
      await page.evaluate(() => document.fonts.ready);
      await page.evaluate(() => window.legible.debug.settled());
      await page.waitForTimeout(800);
      const buf = await page.screenshot({ animations: "disabled", caret: "hide" });
      await context.close();
      writeFileSync(join(OUT, `${name}.png`), buf);
      const file = join(BASELINES, `${name}.png`);
      if (update || !existsSync(file)) {
        writeFileSync(file, buf);
        record(
          `${id}: screenshot ${w}px ${theme} baseline written`,
          true,
          update ? "updated" : "new baseline",
        );
        continue;
      }
      const a = PNG.sync.read(readFileSync(file));
      const b = PNG.sync.read(buf);
      let ratio = 1;
      if (a.width === b.width && a.height === b.height) {
        const diff = new PNG({ width: a.width, height: a.height });
        const n = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.2 });
        ratio = n / (a.width * a.height);
        if (ratio > MAX_MISMATCH) writeFileSync(join(BASELINES, `${name}-changed.png`), buf);
      } else writeFileSync(join(BASELINES, `${name}-changed.png`), buf);
      record(
        `${id}: screenshot ${w}px ${theme} matches its baseline`,
        ratio <= MAX_MISMATCH,
        `${(ratio * 100).toFixed(2)}% of pixels differ (allowed ${MAX_MISMATCH * 100}%); see ${name}-changed.png`,
      );
    }
  }
}

/** Every built page carries a CSP with script-src 'self' and no unsafe-eval. */
export function checkCsp(distDir, pages, record) {
  for (const p of pages) {
    const file = join(distDir, p, "index.html");
    const html = existsSync(file) ? readFileSync(file, "utf8") : "";
    const m = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/);
    // The build writes attribute values HTML-escaped (&#39; for '); read them as a browser does.
    const csp = (m?.[1] ?? "")
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
    record(
      `${p || "gallery"}: ships a Content-Security-Policy with script-src 'self' and no unsafe-eval`,
      /script-src 'self'(;|$)/.test(csp) && !/unsafe-eval/.test(csp),
      csp || "no CSP meta tag",
    );
  }
}
