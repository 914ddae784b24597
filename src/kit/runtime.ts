// The scene runtime: turns a scene definition into a page. It owns the params, the URL, the GUI,
// the readouts, the player (play/pause/step), the keys, the JS and postMessage APIs, the theme and
// the notices, so that a scene file holds only its picture and its math calls.
import "lil-gui/dist/lil-gui.css";
import "./theme.css";
import "./page.css";
import { hasNonFinite, humanValue, machineValue, numberRuns, type Readout } from "./format";
import { buildGui, type GuiHandle } from "./gui";
import {
  THEMES,
  describeCorrections,
  parseUrl,
  presetBase,
  sanitizePartial,
  serializeUrl,
  type Correction,
  type SharedState,
  type Theme,
} from "./params";
import { readPalette } from "./palette";
import type { ParamSpec, ParamValue } from "./schema";
import type { AnyScene, Palette, SceneCtx, SceneView } from "./scene";
import { renderDrills } from "./drills";
import { el, setText } from "./dom";

/** The API on `window.legible` (DESIGN.md, "Contracts"). */
export interface LegibleApi {
  params(): Record<string, ParamValue>;
  set(partial: Record<string, unknown>): void;
  readouts(): Record<string, string>;
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  ready: Promise<void>;
  /** Not part of the public contract: what the tests and benchmarks read. */
  debug: {
    frames(): number;
    playing(): boolean;
    dispose(): void;
    scene: string;
    /** Durations (ms) of the last flushes that recomputed and redrew after a change. */
    flushes(): number[];
    /** The numeric params with their ranges, for sweeps in tests and benchmarks. */
    ranges(): { key: string; min: number; max: number; log: boolean; int: boolean }[];
    animated: boolean;
    /** performance.now() when `ready` resolved (bytes fetched before it are the initial load). */
    readyAt(): number;
    /** Resolves once `ready` has and every part loaded after it (KaTeX, a 3-D view) is in. */
    settled(): Promise<void>;
    /** How many animation ticks reached the view (reduced motion: one per half second). */
    ticks(): number;
    /** Disposes this scene and boots it again in the same page (leak tests). */
    remount(): LegibleApi;
  };
}

declare global {
  interface Window {
    legible?: LegibleApi;
  }
}

export interface BootOptions {
  /** Where the page goes (default: document.body). */
  root?: HTMLElement;
  search?: string;
  /** Install window.legible and the message listener (default true). */
  global?: boolean;
  /** Injectable clock for the player, in milliseconds. */
  now?: () => number;
}

// The URL is written once a change has settled: replaceState costs 3–30 ms in a busy Chromium
// page (it is a navigation), too much to pay on every slider step.
const URL_SETTLE_MS = 300;
const FORMULA_THROTTLE_MS = 120;
// Typesetting (and styling what KaTeX builds) is the costliest part of a change: a pass takes at
// most this long, and the formulas it did not reach follow FORMULA_CONTINUE_MS later.
const FORMULA_BUDGET_MS = 4;
const FORMULA_CONTINUE_MS = 32;
const MAX_DT = 0.1;

export function boot(scene: AnyScene, opts: BootOptions = {}): LegibleApi {
  const root = opts.root ?? document.body;
  const now = opts.now ?? (() => performance.now());
  const search = opts.search ?? location.search;
  const parsed = parseUrl(scene.params, scene.presets, new URLSearchParams(search));
  let params = parsed.params as Record<string, ParamValue>;
  let preset = parsed.preset;
  const shared: SharedState = parsed.shared;
  const reducedMotion = matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
  const presetNames = Object.keys(scene.presets);
  let disposed = false;

  // Theme: the URL's, else the person's colour-scheme preference.
  const initialTheme: Theme =
    shared.theme ?? (matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light");
  document.documentElement.dataset.theme = initialTheme;
  let palette: Palette | null = null;

  // ---- Page skeleton (text only: nothing from the URL is ever parsed as HTML) ----
  const skip = el("a", { className: "lg-skip", href: "#lg-stage", text: "Skip to the scene" });
  const header = el("header", { className: "lg-header" }, [
    el("a", { className: "lg-crumb", href: "../../", text: "← Legible" }),
    el("h1", { text: scene.meta.title }),
    el("p", { className: "lg-summary", text: scene.meta.summary }),
  ]);
  const stage = el("div", { className: "lg-stage", id: "lg-stage" });
  stage.setAttribute("role", "region");
  stage.setAttribute("aria-label", `${scene.meta.title}: interactive figure`);
  const toolbar = el("div", { className: "lg-toolbar" });
  const status = el("span", { className: "lg-status" });
  const stageWrap = el("div", { className: "lg-stagewrap" }, [toolbar, stage]);
  const guiBox = el("div", { className: "lg-gui" });
  const readoutList = el("dl");
  const readoutBox = el("section", { className: "lg-readouts" }, [
    el("h2", { text: "Readouts" }),
    readoutList,
  ]);
  readoutBox.setAttribute("aria-label", "Readouts");
  const formulaBox = el("section", { className: "lg-formulas" });
  formulaBox.setAttribute("aria-label", "Formulas");
  const drillBox = el("section", { className: "lg-drills" });
  const side = el("aside", { className: "lg-side" }, [guiBox, readoutBox, formulaBox, drillBox]);
  side.setAttribute("aria-label", "Controls and readouts");
  const main = el("main", { className: "lg-main" }, [stageWrap, side]);
  const live = el("div", { className: "sr-only" });
  live.setAttribute("aria-live", "polite");
  live.setAttribute("data-live", "");
  const notices = el("div", { className: "lg-notices" });
  notices.setAttribute("role", "status");
  const footer = el("footer", { className: "lg-footer" }, [
    el("span", {
      text: "Keys: Space play/pause · → step · R reset · F fullscreen · G panel · T theme · ? help",
    }),
  ]);
  const help = buildHelp();
  // Header and main share one viewport-high column, so the stage fills what the header leaves.
  const app = el("div", { className: "lg-app" }, [header, main]);
  root.append(skip, app, footer, notices, live, help);
  if (shared.embed) document.body.classList.add("lg-embed");
  if (shared.gui === "hidden") document.body.classList.add("lg-gui-hidden");
  document.title = `${scene.meta.title} — Legible`;

  // ---- Notices ----
  const noticeTimers = new Set<ReturnType<typeof setTimeout>>();
  function notice(lines: string | string[]): void {
    const list = Array.isArray(lines) ? lines : [lines];
    if (!list.length) return;
    const ul = el(
      "ul",
      {},
      list.map((t) => el("li", { text: t })),
    );
    const close = el("button", { text: "✕" });
    close.setAttribute("aria-label", "Dismiss");
    const box = el("div", { className: "lg-notice" }, [ul, close]);
    box.dataset.notice = "";
    close.addEventListener("click", () => box.remove());
    notices.append(box);
    while (notices.children.length > 3) notices.firstElementChild?.remove();
    noticeTimers.add(
      setTimeout(() => {
        box.remove();
      }, 15000),
    );
  }
  function noticeCorrections(cs: Correction[], unknown: string[] = []): void {
    const lines = describeCorrections(cs);
    if (unknown.length)
      lines.push(
        `Ignored unknown parameter${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}.`,
      );
    notice(lines);
  }

  // ---- Model (pure) ----
  let model: unknown;
  let modelFor: Record<string, ParamValue> | null = null;
  function computeModel(): unknown {
    if (modelFor === params) return model;
    try {
      model = scene.model(params, { seed: typeof params.seed === "number" ? params.seed : 1 });
    } catch (err) {
      // A model that throws on valid params is a bug; fall back to the preset rather than a blank page.
      const msg = err instanceof Error ? err.message : String(err);
      notice(`This setting could not be computed (${msg}); restored the preset.`);
      params = presetBase(scene.params, scene.presets, preset);
      model = scene.model(params, { seed: typeof params.seed === "number" ? params.seed : 1 });
    }
    modelFor = params;
    return model;
  }
  let readouts: Readout[] = [];
  function computeReadouts(): Readout[] {
    computeModel();
    readouts = scene.readouts(model, params);
    return readouts;
  }

  // ---- Readout panel: elements keyed by name, updated in place ----
  /** Writes a readout's text with each number in an unbreakable run (text nodes only). */
  function setNumberText(out: HTMLElement, text: string): void {
    if (out.textContent === text) return;
    out.replaceChildren(
      ...numberRuns(text).map((r) =>
        r.number
          ? el("span", { className: "lg-num", text: r.text })
          : document.createTextNode(r.text),
      ),
    );
  }
  const outputs = new Map<string, { out: HTMLOutputElement; why: HTMLElement; dt: HTMLElement }>();
  function renderReadouts(): void {
    for (const r of readouts) {
      let slot = outputs.get(r.name);
      if (!slot) {
        const out = document.createElement("output");
        out.dataset.readout = r.name;
        const why = el("span", { className: "lg-why" });
        const dt = el("dt", { text: r.label });
        readoutList.append(dt, el("dd", {}, [out, why]));
        slot = { out, why, dt };
        outputs.set(r.name, slot);
      }
      setText(slot.dt, r.label);
      if (hasNonFinite(r)) console.warn(`readout ${r.name} is not finite`);
      const machine = machineValue(r.value);
      if (slot.out.dataset.value !== machine) slot.out.dataset.value = machine;
      setNumberText(slot.out, humanValue(r));
      setText(slot.why, r.value === null ? (r.why ?? "") : "");
    }
  }

  // ---- Formulas (KaTeX loads after first paint, so it never delays `ready`) ----
  let katexModule: typeof import("./math") | null = null;
  let katexLoading = false;
  // Typesetting is the costliest part of a change, so while a slider moves it runs at most every
  // FORMULA_THROTTLE_MS (and once more at the end), outside the frame that redraws the picture,
  // FORMULA_BUDGET_MS at a time.
  let formulaTimer: ReturnType<typeof setTimeout> | null = null;
  let formulaLast = 0;
  function scheduleFormulas(delay?: number): void {
    if (!scene.formulas || formulaTimer) return;
    const wait = delay ?? Math.max(0, formulaLast + FORMULA_THROTTLE_MS - performance.now());
    formulaTimer = setTimeout(() => {
      formulaTimer = null;
      formulaLast = performance.now();
      if (!disposed) renderFormulas();
    }, wait);
  }
  function renderFormulas(): void {
    if (!scene.formulas) return;
    const texs = scene.formulas(model, params);
    if (!katexModule) {
      if (!katexLoading) {
        katexLoading = true;
        // After `ready` and a paint: KaTeX (~78 KB gzip) must not delay the first picture.
        void later(async () => {
          katexModule = await import("./math");
          renderFormulas();
        });
      }
      return;
    }
    if (!katexModule.renderInto(formulaBox, texs, FORMULA_BUDGET_MS))
      scheduleFormulas(FORMULA_CONTINUE_MS);
  }

  // ---- URL (replaceState once a change settles: the address bar is a link to what is on screen) ----
  let urlTimer: ReturnType<typeof setTimeout> | null = null;
  function writeUrlNow(): void {
    if (urlTimer) clearTimeout(urlTimer);
    urlTimer = null;
    if (opts.global === false || disposed) return;
    const q = serializeUrl(scene.params, scene.presets, preset, params, shared);
    history.replaceState(history.state, "", `${location.pathname}${q}${location.hash}`);
  }
  function writeUrl(): void {
    if (urlTimer) clearTimeout(urlTimer);
    urlTimer = setTimeout(writeUrlNow, URL_SETTLE_MS);
  }

  // ---- Frame scheduling: everything is drawn on demand, coalesced to one frame ----
  let frameRequested = false;
  let dirty = true;
  let frames = 0;
  let view: SceneView<never, unknown> | null = null;
  let gui: GuiHandle | null = null;
  let readyResolve!: () => void;
  const ready = new Promise<void>((r) => (readyResolve = r));
  let isReady = false;
  let readyAt = 0;
  let rafId = 0;
  let liveTimer: ReturnType<typeof setTimeout> | null = null;

  // ---- Deferred parts: fetched after `ready` and a paint (KaTeX, a 3-D view beside a 2-D one) ----
  const pending = new Set<Promise<unknown>>();
  function later<T>(load: () => Promise<T>): Promise<T | null> {
    const p = ready
      .then(() => new Promise((r) => setTimeout(r, 50)))
      .then(() => (disposed ? null : load()));
    pending.add(p);
    const done = () => pending.delete(p);
    p.then(done, (err: unknown) => {
      done();
      // A part that fails to load (a network hiccup) leaves the rest of the scene working.
      console.error(err);
      if (!disposed) notice("Part of this page could not be loaded; reload to try again.");
    });
    return p;
  }
  function track(work: Promise<unknown>): void {
    const p = work.then(
      () => undefined,
      () => undefined,
    );
    pending.add(p);
    void p.then(() => pending.delete(p));
  }
  /** Resolves when the scene is ready, every deferred part has arrived and tracked work ended (for tests and shots). */
  async function settled(): Promise<void> {
    await ready;
    for (;;) {
      while (pending.size) await Promise.allSettled([...pending]);
      // Formulas are typeset a pass at a time: settled means all of them are on the page.
      if (!formulaTimer || disposed) return;
      await new Promise((r) => setTimeout(r, FORMULA_CONTINUE_MS));
    }
  }

  function requestFrame(): void {
    if (frameRequested || disposed) return;
    frameRequested = true;
    rafId = requestAnimationFrame(flush);
  }
  const flushTimes: number[] = [];
  /** Recomputes and redraws everything that depends on the params (one change, one render). */
  function render(): void {
    const t0 = performance.now();
    dirty = false;
    computeReadouts();
    try {
      view?.update(params as never, model);
    } catch (err) {
      // A drawing bug must not take the page down: the readouts and controls keep working.
      console.error(err);
      notice(
        `The figure could not be drawn for this setting (${err instanceof Error ? err.message : String(err)}).`,
      );
    }
    gui?.sync(params, preset);
    renderReadouts();
    scheduleFormulas();
    writeUrl();
    postToParent("legible:change");
    if (liveTimer) clearTimeout(liveTimer);
    liveTimer = setTimeout(() => (live.textContent = scene.describe(model, params)), 400);
    flushTimes.push(performance.now() - t0);
    if (flushTimes.length > 200) flushTimes.shift();
  }

  function flush(): void {
    frameRequested = false;
    if (disposed) return;
    frames++;
    if (dirty) render();
    if (player.playing) tickPlayer();
    if (!isReady) {
      isReady = true;
      if (shared.clock !== null) view?.frame?.(shared.clock);
      readyAt = performance.now();
      readyResolve();
      document.documentElement.dataset.ready = "1";
      postToParent("legible:ready");
      if (shared.autoplay) play();
    }
  }

  function set(partial: Record<string, unknown>, quietCorrections = false): void {
    const { values, corrections, unknown } = sanitizePartial(scene.params, partial);
    if (!quietCorrections && (corrections.length || unknown.length))
      noticeCorrections(corrections, unknown);
    const next = { ...params, ...values } as Record<string, ParamValue>;
    if (Object.keys(values).every((k) => next[k] === params[k])) return;
    params = next;
    dirty = true;
    requestFrame();
  }

  function applyPreset(name: string): void {
    if (!Object.prototype.hasOwnProperty.call(scene.presets, name)) {
      notice(`No preset “${name.slice(0, 24)}”.`);
      return;
    }
    preset = name;
    params = presetBase(scene.params, scene.presets, name);
    player.t = 0;
    view?.reset?.();
    dirty = true;
    requestFrame();
  }

  // ---- Player: an animation clock that runs only while playing and visible ----
  const player = { playing: false, t: shared.clock ?? 0, last: 0, visible: true };
  function tickPlayer(): void {
    if (!player.playing || !player.visible || document.hidden) return;
    const tNow = now();
    // Clamp the step so a scene does not jump after the tab was hidden or the stage scrolled away.
    const dt = Math.min(MAX_DT, Math.max(0, (tNow - player.last) / 1000));
    player.last = tNow;
    if (reducedMotion) {
      stepAccumulator += dt;
      if (stepAccumulator < 0.5) return void requestFrame();
      stepAccumulator = 0;
      player.t += 0.5;
    } else player.t += dt;
    ticks++;
    const done = view?.frame?.(player.t);
    if (done) pause();
    else requestFrame();
  }
  let stepAccumulator = 0;
  let ticks = 0;
  function play(): void {
    if (!scene.animated || shared.clock !== null || player.playing) return;
    player.playing = true;
    player.last = now();
    updateStatus();
    requestFrame();
  }
  function pause(): void {
    if (!player.playing) return;
    player.playing = false;
    updateStatus();
  }
  function step(): void {
    if (view?.step) view.step();
    else if (view?.frame) {
      player.t += 0.25;
      view.frame(player.t);
    }
    requestFrame();
  }
  function reset(): void {
    pause();
    applyPreset(preset);
  }
  function updateStatus(): void {
    setToolButton(playBtn, player.playing ? "❚❚" : "▶", player.playing ? "Pause" : "Play");
    playBtn.setAttribute("aria-pressed", String(player.playing));
  }

  // ---- Toolbar ----
  const playBtn = toolButton("▶", "Play");
  playBtn.title = "Play / pause (Space)";
  playBtn.addEventListener("click", () => (player.playing ? pause() : play()));
  const stepBtn = toolButton("→", "Step");
  stepBtn.title = "One step (→)";
  stepBtn.addEventListener("click", step);
  const resetBtn = toolButton("↺", "Reset");
  resetBtn.title = "Reset to the preset (R)";
  resetBtn.addEventListener("click", reset);
  const themeBtn = toolButton("◐", "Theme");
  themeBtn.title = "Cycle theme (T)";
  themeBtn.addEventListener("click", cycleTheme);
  const panelBtn = toolButton("☰", "Panel");
  panelBtn.title = "Show or hide the panel (G)";
  panelBtn.addEventListener("click", togglePanel);
  const fullBtn = toolButton("⤢", "Full screen");
  fullBtn.title = "Fullscreen (F)";
  fullBtn.addEventListener("click", toggleFullscreen);
  const helpBtn = toolButton("?", "Help");
  helpBtn.title = "Keyboard help (?)";
  helpBtn.addEventListener("click", () => help.showModal());
  if (scene.animated) toolbar.append(playBtn, stepBtn);
  toolbar.append(resetBtn, themeBtn, panelBtn, fullBtn, helpBtn, status);

  function cycleTheme(): void {
    const cur = (document.documentElement.dataset.theme as Theme) ?? "light";
    const next = THEMES[(THEMES.indexOf(cur) + 1) % THEMES.length];
    setTheme(next);
  }
  function setTheme(t: Theme): void {
    document.documentElement.dataset.theme = t;
    shared.theme = t;
    palette = null;
    dirty = true;
    requestFrame();
  }
  function togglePanel(): void {
    document.body.classList.toggle("lg-side-hidden");
    view?.resize?.(stageSize());
    dirty = true;
    requestFrame();
  }
  function toggleFullscreen(): void {
    if (document.fullscreenElement) void document.exitFullscreen?.();
    else void main.requestFullscreen?.().catch(() => notice("Fullscreen is not available here."));
  }

  // ---- Keys ----
  function onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const t = e.target as HTMLElement | null;
    if (
      t &&
      (t.closest("input, select, textarea, [contenteditable], .lil-gui") || t.isContentEditable)
    )
      return;
    if (help.open && e.key !== "?") return;
    switch (e.key) {
      case " ":
        if (t?.closest("button, a, [role=button]")) return;
        e.preventDefault();
        if (player.playing) pause();
        else play();
        break;
      case "ArrowRight":
        if (t?.closest("[data-handle]")) return;
        e.preventDefault();
        step();
        break;
      case "r":
      case "R":
        reset();
        break;
      case "f":
      case "F":
        toggleFullscreen();
        break;
      case "g":
      case "G":
        togglePanel();
        break;
      case "t":
      case "T":
        cycleTheme();
        break;
      case "?":
        if (help.open) help.close();
        else help.showModal();
        break;
    }
  }
  document.addEventListener("keydown", onKey);

  // ---- Visibility: no frames while hidden or scrolled away ----
  const io =
    typeof IntersectionObserver !== "undefined"
      ? new IntersectionObserver((es) => {
          player.visible = es.some((e) => e.isIntersecting);
          if (player.visible && player.playing) {
            player.last = now();
            requestFrame();
          }
        })
      : null;
  io?.observe(stage);
  function onVisibility(): void {
    // A pending address is written before the tab goes away (it may be bookmarked or shared).
    if (document.hidden && urlTimer) writeUrlNow();
    if (!document.hidden && player.playing) {
      player.last = now();
      requestFrame();
    }
  }
  document.addEventListener("visibilitychange", onVisibility);

  // ---- Resize ----
  function stageSize(): { width: number; height: number } {
    return { width: stage.clientWidth, height: stage.clientHeight };
  }
  const ro =
    typeof ResizeObserver !== "undefined"
      ? new ResizeObserver(() => {
          view?.resize?.(stageSize());
          dirty = true;
          requestFrame();
        })
      : null;
  ro?.observe(stage);

  // ---- postMessage API for embedding pages ----
  function postToParent(type: string): void {
    if (opts.global === false || window.parent === window) return;
    const message =
      type === "legible:change"
        ? { type, scene: scene.meta.id, params: { ...params }, readouts: readoutValues() }
        : { type, scene: scene.meta.id };
    window.parent.postMessage(message, "*");
  }
  function onMessage(e: MessageEvent): void {
    if (e.source !== window.parent || window.parent === window) return;
    const d = e.data as { type?: unknown; params?: unknown } | null;
    if (typeof d !== "object" || d === null || typeof d.type !== "string") return;
    switch (d.type) {
      case "legible:set":
        if (typeof d.params === "object" && d.params !== null)
          set(d.params as Record<string, unknown>);
        break;
      case "legible:play":
        play();
        break;
      case "legible:pause":
        pause();
        break;
      case "legible:step":
        step();
        break;
      case "legible:reset":
        reset();
        break;
    }
  }
  if (opts.global !== false) window.addEventListener("message", onMessage);

  /** The readouts on screen: a pending change is rendered first, so the API and the page agree. */
  function readoutValues(): Record<string, string> {
    if (dirty || !readouts.length) render();
    const out: Record<string, string> = {};
    for (const r of readouts) out[r.name] = machineValue(r.value);
    return out;
  }

  // ---- Mount ----
  const ctx: SceneCtx<never> = {
    params: () => ({ ...params }) as never,
    // Drags snap and clamp silently: a hand cannot land on the step grid, and saying so on every
    // move would be noise. (URL and API values still get a notice.)
    set: (partial) => set(partial as Record<string, unknown>, true),
    palette: () => (palette ??= readPalette()),
    notice: (text) => notice(text),
    invalidate: () => {
      dirty = true;
      requestFrame();
    },
    playing: () => player.playing,
    play,
    pause,
    reducedMotion,
    schema: scene.params as never,
    later,
    track,
  };
  computeModel();
  try {
    view = scene.mount(stage, ctx) as SceneView<never, unknown>;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    stage.append(
      el("div", { className: "lg-webgl-message", text: `This figure could not start: ${msg}` }),
    );
  }
  gui = buildGui({
    container: guiBox,
    schema: scene.params,
    presets: presetNames,
    hidden: shared.hide,
    onChange: (partial) => set(partial, true),
    onPreset: applyPreset,
    onNewSeed: () => {
      const s = typeof params.seed === "number" ? params.seed : 1;
      set({ seed: (Math.imul(s ^ 0x9e3779b9, 2654435761) >>> 0) % 1000000 });
    },
  });
  if (shared.gui === "closed") guiBox.querySelector<HTMLElement>(".lil-gui .lil-title")?.click();
  if (scene.drills?.length) renderDrills(drillBox, scene.drills, applyPreset);
  if (parsed.corrections.length) noticeCorrections(parsed.corrections);
  updateStatus();
  requestFrame();

  function dispose(): void {
    if (disposed) return;
    disposed = true;
    cancelAnimationFrame(rafId);
    if (urlTimer) clearTimeout(urlTimer);
    if (liveTimer) clearTimeout(liveTimer);
    if (formulaTimer) clearTimeout(formulaTimer);
    for (const t of noticeTimers) clearTimeout(t);
    delete document.documentElement.dataset.ready;
    document.removeEventListener("keydown", onKey);
    document.removeEventListener("visibilitychange", onVisibility);
    window.removeEventListener("message", onMessage);
    io?.disconnect();
    ro?.disconnect();
    view?.dispose();
    gui?.destroy();
    for (const n of [skip, app, footer, notices, live, help]) n.remove();
    document.body.classList.remove("lg-embed", "lg-gui-hidden", "lg-side-hidden");
  }

  const api: LegibleApi = {
    params: () => ({ ...params }),
    set: (partial) => set(partial),
    readouts: readoutValues,
    play,
    pause,
    step,
    reset,
    ready,
    debug: {
      frames: () => frames,
      playing: () => player.playing,
      dispose,
      scene: scene.meta.id,
      flushes: () => [...flushTimes],
      ranges: () =>
        Object.entries(scene.params as Record<string, ParamSpec>).flatMap(([key, spec]) =>
          spec.kind === "number" || spec.kind === "int"
            ? [{ key, min: spec.min, max: spec.max, log: !!spec.log, int: spec.kind === "int" }]
            : [],
        ),
      animated: !!scene.animated,
      ticks: () => ticks,
      readyAt: () => readyAt,
      settled,
      remount: () => {
        dispose();
        return boot(scene, { ...opts, search: location.search });
      },
    },
  };
  if (opts.global !== false) window.legible = api;
  return api;
}

/** A toolbar button: an icon and a word; on a phone only the icon shows, the word stays its name. */
function toolButton(icon: string, word: string): HTMLButtonElement {
  const b = el("button", { className: "lg-tool" });
  setToolButton(b, icon, word);
  return b;
}

function setToolButton(b: HTMLButtonElement, icon: string, word: string): void {
  const i = el("span", { className: "lg-tool-icon", text: icon });
  i.setAttribute("aria-hidden", "true");
  b.replaceChildren(i, el("span", { className: "lg-tool-word", text: word }));
}

function buildHelp(): HTMLDialogElement {
  const rows: [string, string][] = [
    ["Space", "play / pause"],
    ["→", "one step"],
    ["R", "reset to the preset"],
    ["F", "fullscreen"],
    ["G", "show / hide the panel"],
    ["T", "cycle theme (light, dark, projector)"],
    ["?", "this help"],
    ["Tab, arrows", "move between and nudge handles (Shift coarse, Alt fine)"],
  ];
  const table = el(
    "table",
    {},
    rows.map(([k, v]) =>
      el("tr", {}, [el("td", {}, [el("kbd", { text: k })]), el("td", { text: v })]),
    ),
  );
  const close = el("button", { className: "lg-btn", text: "Close" });
  const dialog = el("dialog", { className: "lg-help" }, [
    el("h2", { text: "Keyboard" }),
    table,
    close,
  ]);
  dialog.setAttribute("aria-label", "Keyboard help");
  close.addEventListener("click", () => dialog.close());
  return dialog;
}
