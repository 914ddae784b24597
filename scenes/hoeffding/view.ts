// The picture of hoeffding: the funnel with the running mean (revealed progressively by play) and
// a zoom near n where t(n) and t(4n) are measured, the coverage panel (tail probability against
// n; the simulation and the exact tail run in a module Worker and arrive with progress), the
// Hoeffding-vs-CLT width panel and the two calculators.
import { createLabel, type Label } from "../../src/draw/label";
import { cltHalfWidth, type CoverageResult } from "../../src/core/concentration";
import { createJobClient } from "../../src/kit/jobs";
import { createChart, type Chart } from "../../src/draw/chart";
import { attrs, svg } from "../../src/draw/svg";
import { formatNumber as f } from "../../src/kit/format";
import type { Palette, SceneCtx } from "../../src/kit/scene";
import {
  EXACT_STOP,
  TAIL_FLOOR,
  countText,
  exactGrid,
  lookupCoverage,
  rememberCoverage,
  type HoeffdingModel,
  type HoeffdingParams,
  type params as schema,
} from "./model";
import { hoeffdingJobs, type ExactArgs } from "./jobs";

/** Seconds for play to reveal all n samples (log-time, so every decade takes as long). */
const REVEAL_SECONDS = 6;
/** Discrete steps (→) to reveal all n samples. */
const REVEAL_STEPS = 12;
/** The zoom shows [n/8, 5n] × p ± ZOOM·t(n); below ZOOM_MIN_T the funnel needs it. */
const ZOOM = 2.1;
const ZOOM_MIN_T = 0.07;
/** Height of the zoom strip under the funnel on a phone. */
const STRIP = 150;

type Mode = "wide" | "medium" | "narrow";

const CSS = `
.hf-root { position: absolute; inset: 0; display: grid; gap: 8px; padding: 4px 8px 8px; }
.hf-host.lg-stage-flow .hf-root { position: relative; inset: auto; }
.hf-root[data-mode="wide"] {
  grid-template-columns: repeat(6, minmax(0, 1fr));
  grid-template-rows: minmax(0, 1.1fr) minmax(0, 1fr);
  grid-template-areas: "funnel funnel funnel funnel calc calc" "cov cov cov width width width";
}
.hf-root[data-mode="medium"] {
  grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
  grid-template-rows: 24rem auto 25rem;
  grid-template-areas: "funnel funnel" "calc calc" "cov width";
}
.hf-root[data-mode="narrow"] {
  grid-template-columns: minmax(0, 1fr);
  grid-template-rows: 30rem auto 23rem 21rem;
  grid-template-areas: "funnel" "calc" "cov" "width";
  padding: 4px;
}
.hf-panel { position: relative; display: flex; flex-direction: column; min-width: 0; min-height: 0;
  border: 1px solid var(--border); border-radius: 8px; background: var(--bg); }
.hf-funnel { grid-area: funnel; } .hf-cov { grid-area: cov; } .hf-width { grid-area: width; }
.hf-calc { grid-area: calc; display: block; overflow: auto; padding: 6px 12px 8px; font-size: 0.86em; line-height: 1.35; }
.hf-head { padding: 5px 10px 0; font-size: 0.84em; line-height: 1.35; }
.hf-title { font-weight: 650; }
.hf-status { color: var(--muted); min-height: 2.7em; }
.hf-status b { color: var(--fg); font-weight: 650; }
.hf-root .bad { color: var(--bad); font-weight: 650; }
.hf-root .good { color: var(--good); font-weight: 650; }
.hf-chart { position: relative; flex: 1 1 auto; min-height: 0; }
.hf-chart > svg { position: absolute; inset: 0; }
.hf-zoom { position: absolute; border: 1px solid var(--border); border-radius: 6px; background: var(--bg);
  box-shadow: 0 1px 6px rgba(0, 0, 0, 0.12); }
.hf-zoom > svg { position: absolute; inset: 0; }
.hf-legend { display: flex; flex-wrap: wrap; gap: 0 12px; color: var(--muted); font-variant-numeric: tabular-nums; }
.hf-key { display: inline-flex; align-items: center; gap: 5px; white-space: nowrap; }
.hf-key b { color: var(--fg); font-weight: 650; }
.hf-swatch { display: inline-block; width: 16px; height: 0; border-top: 3px solid currentColor; }
.hf-swatch.dash { border-top-style: dashed; }
.hf-swatch.dot { width: 9px; height: 9px; border: 0; border-radius: 50%; background: currentColor; }
.hf-progress { height: 4px; margin-top: 2px; background: var(--grid); border-radius: 2px; overflow: hidden; visibility: hidden; }
.hf-progress > div { height: 100%; width: 0; background: var(--c2); }
.hf-calc h3 { font-size: 0.78em; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 0.55em 0 0.1em; }
.hf-calc h3:first-child { margin-top: 0.1em; }
.hf-calc p { margin: 0.1em 0; }
.hf-calc b { font-weight: 650; }
.hf-big { font-size: 1.35em; font-weight: 700; font-variant-numeric: tabular-nums; }
.hf-calc.roomy { font-size: 1em; }
.hf-calc.roomy .hf-big { font-size: 1.6em; }
.hf-muted { color: var(--muted); }
.hf-numline { display: block; width: 100%; height: 34px; }
.hf-root[data-mode="medium"] .hf-calc, .hf-root[data-mode="narrow"] .hf-calc { columns: 2 16rem; column-gap: 1.5rem; }
.hf-calc .hf-block { break-inside: avoid; }
`;

/** A tiny element builder for the panels (text only, never markup). */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls = "",
  parent?: HTMLElement,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  parent?.appendChild(node);
  return node;
}

/** Rich text from parts: plain strings, or [text, "b" | class] for an emphasised span. */
type Part = string | readonly [string, string];
function setParts(node: HTMLElement, parts: readonly Part[]): void {
  const key = JSON.stringify(parts);
  if (node.dataset.key === key) return;
  node.dataset.key = key;
  node.replaceChildren(
    ...parts.map((p) => {
      if (typeof p === "string") return document.createTextNode(p);
      const s = document.createElement(p[1] === "b" ? "b" : "span");
      if (p[1] !== "b") s.className = p[1];
      s.textContent = p[0];
      return s;
    }),
  );
}

function legendKey(parent: HTMLElement, kind: "line" | "dash" | "dot") {
  const root = h("span", "hf-key", parent);
  const swatch = h("span", `hf-swatch${kind === "line" ? "" : ` ${kind}`}`, root);
  const text = h("span", "", root);
  return { root, swatch, text };
}

/** A panel: a head (title, then a status line or a legend) over a chart box. */
function panel(root: HTMLElement, cls: string) {
  const box = h("section", `hf-panel ${cls}`, root);
  const head = h("div", "hf-head", box);
  const title = h("div", "hf-title", head);
  const chartBox = h("div", "hf-chart", box);
  return { box, head, title, chartBox };
}

/** Labels here never measure their text (a layout per slider step): callers pick the side. */
const tag = (layer: SVGGElement) => createLabel(layer, { contain: false });
type Tag = Label;

/** An SVG group on top of a chart, not clipped, for labels, markers and dots. */
function overlay(chart: Chart): SVGGElement {
  return svg("g", { class: "hf-overlay" }, chart.svg);
}

/** The index of the last element of an ascending array that is ≤ x (−1 when none). */
function lastAtMost(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** A generous estimate of a bold label's width (measuring would force a layout per draw). */
function textWidth(s: string, fontSize: number): number {
  return s.length * fontSize * 0.56;
}

/** Powers of ten inside a domain, thinned so that labels stay about `gap` pixels apart. */
function decades(domain: [number, number], pixels: number, gap = 40): number[] {
  const lo = Math.ceil(Math.log10(Math.min(...domain)) - 1e-9);
  const hi = Math.floor(Math.log10(Math.max(...domain)) + 1e-9);
  const every = Math.max(1, Math.ceil(((hi - lo + 1) * gap) / Math.max(1, pixels)));
  const out: number[] = [];
  for (let e = lo; e <= hi; e++) if ((e - hi) % every === 0) out.push(10 ** e);
  return out;
}

/** 1, 10, 100, 1k, 10k, 100k, 1M … for sample counts. */
function countTick(v: number): string {
  const e = Math.round(Math.log10(v));
  if (e < 3) return String(10 ** e);
  if (e < 6) return `${10 ** (e - 3)}k`;
  return `${10 ** (e - 6)}M`;
}

/** 1, 10⁻², 10⁻⁴ … for probabilities. */
function powerTick(v: number): string {
  const e = Math.round(Math.log10(v));
  if (e === 0) return "1";
  const digits = [...String(Math.abs(e))].map((d) => SUPERSCRIPT[+d]).join("");
  return `10${e < 0 ? "⁻" : ""}${digits}`;
}

export function mountHoeffding(host: HTMLElement, ctx: SceneCtx<typeof schema>) {
  const style = h("style", "", undefined, CSS);
  document.head.appendChild(style);
  host.classList.add("hf-host");
  const root = h("div", "hf-root", host);

  // ---- Panels ----
  const funnel = panel(root, "hf-funnel");
  const funnelStatus = h("div", "hf-status", funnel.head);
  funnelStatus.setAttribute("aria-live", "off");
  const calc = h("section", "hf-panel hf-calc", root);
  calc.setAttribute("aria-label", "Calculators");
  const cov = panel(root, "hf-cov");
  const covLegend = h("div", "hf-legend", cov.head);
  const covKeys = {
    bound: legendKey(covLegend, "line"),
    exact: legendKey(covLegend, "line"),
    clt: legendKey(covLegend, "dash"),
    sim: legendKey(covLegend, "dot"),
  };
  const progress = h("div", "hf-progress", cov.head);
  progress.setAttribute("role", "progressbar");
  progress.setAttribute("aria-label", "Coverage simulation progress");
  const progressBar = h("div", "", progress);
  const width = panel(root, "hf-width");
  const widthLegend = h("div", "hf-legend", width.head);
  const widthKeys = {
    hoeff: legendKey(widthLegend, "line"),
    clt: legendKey(widthLegend, "dash"),
    ratio: h("span", "hf-key", widthLegend),
  };

  // ---- Calculator card ----
  const block = () => h("div", "hf-block", calc);
  const b1 = block();
  h("h3", "", b1, "Interval for an observed accuracy");
  const calcGiven = h("p", "hf-muted", b1);
  const calcInterval = h("p", "hf-big", b1);
  const numline = svg("svg", {
    class: "hf-numline",
    role: "img",
    "aria-label": "The interval on [0, 1]",
  });
  b1.appendChild(numline);
  const nl = {
    axis: svg("path", { fill: "none" }, numline),
    ticks: [0, 0.5, 1].map(() => svg("text", { "text-anchor": "middle" }, numline)),
    clt: svg("rect", {}, numline),
    bar: svg("rect", {}, numline),
    acc: svg("circle", {}, numline),
    truth: svg("path", {}, numline),
    truthText: svg("text", { "text-anchor": "middle" }, numline),
  };
  const calcClt = h("p", "hf-muted", b1);
  const calcVerdict = h("p", "", b1);
  const b2 = block();
  h("h3", "", b2, "Samples needed for ±t");
  const calcNeed = h("p", "", b2);
  const calcNeedClt = h("p", "hf-muted", b2);
  const b3 = block();
  h("h3", "", b3, "Quadruple n");
  const calcQuad = h("p", "", b3);

  // ---- Funnel and its zoom ----
  // The charts keep these objects as their margins, so fitMargins can grow them with the type
  // size of the theme (the projector's ticks and labels are larger) before a resize.
  const margins = {
    funnel: { top: 10, right: 14, bottom: 38, left: 52 },
    zoom: { top: 18, right: 8, bottom: 18, left: 44 },
    cov: { top: 8, right: 14, bottom: 38, left: 52 },
    width: { top: 8, right: 14, bottom: 38, left: 52 },
  };
  function fitMargins(p: Palette): void {
    const tf = p.fontSize * 0.72;
    for (const m of [margins.funnel, margins.cov, margins.width]) {
      m.bottom = Math.round(10 + 2.6 * tf);
      m.left = Math.round(16 + 3.4 * tf);
    }
    margins.zoom.top = Math.round(8 + tf);
    margins.zoom.bottom = Math.round(6 + tf);
    margins.zoom.left = Math.round(10 + 3.1 * tf);
  }
  fitMargins(ctx.palette());
  const tickStyle = { xTicks: decades, xFormat: countTick };
  const fc = createChart(funnel.chartBox, {
    label: "Running mean of the samples inside the Hoeffding funnel",
    xLabel: "samples k (log scale)",
    yLabel: "running mean X̄ₖ",
    xLog: true,
    margin: margins.funnel,
    ...tickStyle,
  });
  const fo = overlay(fc);
  const zoomFrame = svg("rect", { fill: "none", "stroke-dasharray": "3 3" }, fo);
  const mainBeams = {
    atN: svg("path", { fill: "none" }, fo),
    at4n: svg("path", { fill: "none" }, fo),
  };
  const mainBeamLabels = { atN: tag(fo), at4n: tag(fo) };
  const pLabel = tag(fo);
  const dot = svg("circle", {}, fo);
  const dotLabel = tag(fo);

  const zoomBox = h("div", "hf-zoom", funnel.chartBox);
  // What the zoom's ticks mark: n and 4n, and p ± t(n).
  const zoomAt = { n: 1, p: 0.5, t: 0.1 };
  const zc = createChart(zoomBox, {
    label: "Zoom near n: the half-widths at n and 4n",
    xLog: true,
    margin: margins.zoom,
    xTicks: () => [zoomAt.n, 4 * zoomAt.n],
    xFormat: (v) => (v < 2 * zoomAt.n ? "n" : "4n"),
    yTicks: ([lo, hi]) =>
      [zoomAt.p - zoomAt.t, zoomAt.p, zoomAt.p + zoomAt.t].filter(
        (v) => v >= lo - 1e-12 && v <= hi + 1e-12,
      ),
    yFormat: (v) => f(v, 3),
  });
  const zo = overlay(zc);
  const zoomTitle = svg("text", {}, zo);
  const beams = { atN: svg("path", { fill: "none" }, zo), at4n: svg("path", { fill: "none" }, zo) };
  const beamLabels = { atN: tag(zo), at4n: tag(zo) };
  const zoomDot = svg("circle", {}, zo);

  // ---- Coverage and width charts ----
  const cc = createChart(cov.chartBox, {
    label:
      "Probability of a deviation of at least t against n: Hoeffding bound, exact tail, CLT, simulation",
    xLabel: "n (log scale)",
    yLabel: "P(|X̄ − p| ≥ t)",
    xLog: true,
    yLog: true,
    margin: margins.cov,
    ...tickStyle,
    yTicks: (d, px) => decades(d, px, 26),
    yFormat: powerTick,
  });
  const co = overlay(cc);
  const covRules = { n: svg("g", {}, co), need: svg("g", {}, co) };
  const deltaLabel = tag(co);
  const simBar = svg("path", { fill: "none" }, co);
  const simDot = svg("path", {}, co);
  const simLabel = tag(co);

  const wc = createChart(width.chartBox, {
    label: "Interval half-width against n: Hoeffding and CLT",
    xLabel: "n (log scale)",
    yLabel: "half-width",
    xLog: true,
    yLog: true,
    margin: margins.width,
    ...tickStyle,
    yTicks: (d, px) => decades(d, px, 26),
    yFormat: (v) => f(v),
  });
  const wo = overlay(wc);
  const widthRule = svg("g", {}, wo);
  const widthDots = {
    h: svg("circle", {}, wo),
    c: svg("circle", {}, wo),
    needH: svg("circle", {}, wo),
    needC: svg("circle", {}, wo),
  };
  const tLabel = tag(wo);
  const needLabels = { h: tag(wo), c: tag(wo) };

  // ---- State ----
  let model: HoeffdingModel | null = null;
  let params: HoeffdingParams = ctx.params();
  let pal: Palette = ctx.palette();
  let mode: Mode | null = null;
  const keys = { funnel: "", cov: "", width: "", reveal: "" };
  let sizeVersion = 0;
  const box = { funnel: [300, 200] as [number, number], numline: 240 };

  // Reveal: progress in [0, 1) while playing or stepping; null shows all n samples.
  let progressT: number | null = null;
  let lastT: number | null = null;
  let fresh = true;

  // The coverage simulation and the exact tail run in a worker (or, without one, across frames).
  const jobs = createJobClient(
    () => new Worker(new URL("./sim.worker.ts", import.meta.url), { type: "module" }),
    hoeffdingJobs,
  );
  // The exact-tail curve, a point per ~√n terms; the last complete one is shown until it arrives.
  type ExactJob = { key: string; ns: number[]; vals: number[] };
  let exact: ExactJob | null = null;
  let exactShown: ExactJob | null = null;
  // The coverage run for the current params, until it finishes (then the model's memo has it).
  let run: { key: string; partial: CoverageResult | null } | null = null;

  function layout(): void {
    const w = host.clientWidth;
    const next: Mode =
      w >= 860 && window.innerHeight >= 600 ? "wide" : w >= 600 ? "medium" : "narrow";
    if (next !== mode) {
      mode = next;
      root.dataset.mode = next;
      host.classList.toggle("lg-stage-flow", next !== "wide");
    }
    calc.classList.toggle(
      "roomy",
      next === "wide" && calc.clientHeight > 420 && calc.clientWidth > 340,
    );
    // Sizes are read here, on resize only: reading them while drawing would force a layout.
    box.funnel = [funnel.chartBox.clientWidth, funnel.chartBox.clientHeight];
    box.numline = numline.clientWidth || 240;
    fc.resize(box.funnel[0], box.funnel[1]);
    cc.resize(cov.chartBox.clientWidth, cov.chartBox.clientHeight);
    wc.resize(width.chartBox.clientWidth, width.chartBox.clientHeight);
    sizeVersion++;
  }
  layout();

  /** Redraws a chart's axes only when its domain, size, theme or ticks changed (saves the ticks walk). */
  const axesKeys = new Map<Chart, string>();
  function axes(chart: Chart, extra = ""): void {
    const key = [
      ...chart.x.domain(),
      ...chart.y.domain(),
      chart.width(),
      chart.height(),
      pal.theme,
      extra,
    ].join("|");
    if (axesKeys.get(chart) === key) return;
    axesKeys.set(chart, key);
    chart.drawAxes(pal);
  }

  /** An I-beam from p to p + dir·t at x, in a chart's pixels. */
  function beam(chart: Chart, x: number, p: number, t: number, dir: number): string {
    const px = chart.x(x);
    const y0 = chart.y(p);
    const y1 = chart.y(p + dir * t);
    return `M${px - 5},${y0}H${px + 5}M${px},${y0}V${y1}M${px - 5},${y1}H${px + 5}`;
  }

  // ---- Funnel ----
  function drawFunnel(m: HoeffdingModel, p: HoeffdingParams): void {
    const key = [m.n, m.p, m.delta, p.seed, p.biased, p.oversample, pal.theme, sizeVersion].join(
      "|",
    );
    if (key === keys.funnel) return;
    keys.funnel = key;
    const lw = pal.lineWidth;
    setParts(funnel.title, [
      `Running mean of ${f(m.n)} ${m.biased ? "entries of a rigged test set" : `Bernoulli(${f(m.p)}) samples`} inside p ± t(k), δ = ${f(m.delta)}`,
    ]);
    const xMax = 5 * m.n;
    const zoomed = m.halfWidth < ZOOM_MIN_T;
    const stacked = zoomed && mode === "narrow";
    fc.resize(box.funnel[0], box.funnel[1] - (stacked ? STRIP : 0));
    fc.svg.style.height = `${fc.height()}px`;
    let zw = 0;
    let zh = 0;
    fc.setDomain([1, xMax], [0, 1]);
    axes(fc);
    const { k, lo, hi } = m.funnel;
    const cut = lastAtMost(k, m.n);
    const edge = (xs: readonly number[], ys: readonly number[]) =>
      xs.map((x, i) => [x, ys[i]] as const);
    const bandInto = (chart: Chart, prefix: string) => {
      const inK = k.slice(0, cut + 1);
      const outK = k.slice(cut);
      chart.band(`${prefix}band-in`, inK, lo.slice(0, cut + 1), hi.slice(0, cut + 1), {
        color: pal.c[0],
        opacity: 0.16,
      });
      chart.band(`${prefix}band-out`, outK, lo.slice(cut), hi.slice(cut), {
        color: pal.c[0],
        opacity: 0.07,
      });
      chart.line(`${prefix}hi-in`, edge(inK, hi.slice(0, cut + 1)), {
        color: pal.c[0],
        width: lw * 0.75,
      });
      chart.line(`${prefix}lo-in`, edge(inK, lo.slice(0, cut + 1)), {
        color: pal.c[0],
        width: lw * 0.75,
      });
      const outStyle = { color: pal.c[0], width: lw * 0.6, dash: "4 4", opacity: 0.7 };
      chart.line(`${prefix}hi-out`, edge(outK, hi.slice(cut)), outStyle);
      chart.line(`${prefix}lo-out`, edge(outK, lo.slice(cut)), outStyle);
      const pStyle = { color: pal.fg, width: Math.max(1, lw * 0.6), dash: "6 4", opacity: 0.8 };
      chart.line(
        `${prefix}p`,
        [
          [1, m.p],
          [xMax, m.p],
        ],
        pStyle,
      );
      if (m.biased) {
        chart.line(
          `${prefix}limit`,
          [
            [1, m.biased.limit],
            [xMax, m.biased.limit],
          ],
          {
            color: pal.bad,
            width: Math.max(1, lw * 0.6),
            dash: "2 4",
          },
        );
      } else chart.drop(`${prefix}limit`);
    };
    bandInto(fc, "");
    const x0 = fc.x(1);
    pLabel.update([x0, fc.y(m.p)], `p = ${f(m.p)}`, pal.fg, pal, [6, m.p > 0.9 ? 16 : -6]);

    // D1: the half-widths at n and 4n, on the side of p with more room; in a zoom once they are small.
    const dir = m.p >= 0.5 ? -1 : 1;
    const c4 = pal.c[4];
    zoomBox.style.display = zoomed ? "" : "none";
    // Labels sit beside the beam's far end, left of it unless that leaves the plot.
    const beamLabel = (label: Tag, chart: Chart, x: number, t: number, text: string) => {
      const at: [number, number] = [chart.x(x), chart.y(m.p + dir * t)];
      const dy = dir < 0 ? 14 : -4;
      const [xl, xr] = chart.x.range();
      const w = textWidth(text, pal.fontSize * 0.85);
      const left = at[0] - 8 - w >= xl || at[0] - xl >= xr - at[0];
      label.update(at, text, c4, pal, [left ? -8 : 8, dy], left ? "end" : "start");
    };
    if (!zoomed) {
      attrs(zoomFrame, { width: 0, height: 0 });
      attrs(mainBeams.atN, {
        d: beam(fc, m.n, m.p, m.halfWidth, dir),
        stroke: c4,
        "stroke-width": lw * 1.2,
      });
      attrs(mainBeams.at4n, {
        d: beam(fc, 4 * m.n, m.p, m.halfWidth4n, dir),
        stroke: c4,
        "stroke-width": lw * 1.2,
      });
      beamLabel(mainBeamLabels.atN, fc, m.n, m.halfWidth, `t(n) = ${f(m.halfWidth, 3)}`);
      beamLabel(mainBeamLabels.at4n, fc, 4 * m.n, m.halfWidth4n, `×${f(m.shrink, 3)}`);
      return;
    }
    attrs(mainBeams.atN, { d: "" });
    attrs(mainBeams.at4n, { d: "" });
    mainBeamLabels.atN.hide();
    mainBeamLabels.at4n.hide();

    const [pl, pr] = fc.x.range();
    const [pb, pt] = fc.y.range();
    if (stacked) {
      // On a phone the zoom is a strip under the funnel: an overlay would hide the path.
      Object.assign(zoomBox.style, {
        left: "4px",
        top: `${fc.height() + 4}px`,
        width: `${box.funnel[0] - 8}px`,
        height: `${STRIP - 8}px`,
      });
      zw = box.funnel[0] - 8;
      zh = STRIP - 8;
    } else {
      // The zoom sits in the corner away from p, as tall as the room between the funnel's edge
      // (where the zoom begins) and the chart's edge allows.
      zw = Math.min(pr - pl - 20, Math.max(180, (pr - pl) * 0.46));
      const kLeft = fc.x.invert(pr - zw - 6);
      const rim = m.p + dir * m.halfWidth * Math.sqrt(m.n / Math.max(1, kLeft));
      const free = dir < 0 ? rim : 1 - rim;
      zh = Math.max(110, Math.min((pb - pt) * 0.55, free * (pb - pt) - 12));
      const top = dir < 0 ? pb - zh - 6 : pt + 6;
      Object.assign(zoomBox.style, {
        left: `${pr - zw - 6}px`,
        top: `${top}px`,
        width: `${zw}px`,
        height: `${zh}px`,
      });
    }
    zc.resize(zw, zh);
    Object.assign(zoomAt, { n: m.n, p: m.p, t: m.halfWidth });
    // p ± ZOOM·t(n), slid inside [0, 1] where p is near an end (a mean cannot leave it).
    const span = Math.min(1, 2 * ZOOM * m.halfWidth);
    const yLo = Math.min(1 - span, Math.max(0, m.p - span / 2));
    const yHi = yLo + span;
    zc.setDomain([m.n / 8, 5 * m.n], [yLo, yHi]);
    axes(zc, `${m.p}|${m.halfWidth}`);
    bandInto(zc, "z-");
    attrs(zoomTitle, {
      x: 6,
      y: margins.zoom.top - 5,
      fill: pal.fg,
      "font-size": pal.fontSize * 0.72,
      "font-weight": 600,
    });
    zoomTitle.textContent = `zoom near n: t(4n) = ${f(m.halfWidth4n, 3)} = ${f(m.shrink, 3)}·t(n)`;
    if (textWidth(zoomTitle.textContent, pal.fontSize * 0.72) > zw - 12)
      zoomTitle.textContent = "zoom near n";
    attrs(beams.atN, {
      d: beam(zc, m.n, m.p, m.halfWidth, dir),
      stroke: c4,
      "stroke-width": lw * 1.2,
    });
    attrs(beams.at4n, {
      d: beam(zc, 4 * m.n, m.p, m.halfWidth4n, dir),
      stroke: c4,
      "stroke-width": lw * 1.2,
    });
    beamLabel(beamLabels.atN, zc, m.n, m.halfWidth, `t(n) = ${f(m.halfWidth, 3)}`);
    beamLabel(beamLabels.at4n, zc, 4 * m.n, m.halfWidth4n, `×${f(m.shrink, 3)}`);
    // The zoomed region, outlined on the main chart.
    const fx0 = fc.x(m.n / 8);
    const fy0 = fc.y(Math.min(1, yHi));
    attrs(zoomFrame, {
      x: fx0,
      y: fy0,
      width: fc.x(5 * m.n) - fx0,
      height: fc.y(Math.max(0, yLo)) - fy0,
      stroke: pal.muted,
      "stroke-width": 1,
    });
  }

  /** The revealed part of the path (main and zoom), its end dot and the status line. */
  function drawReveal(): void {
    const m = model;
    if (!m) return;
    const lw = pal.lineWidth;
    const kShown =
      progressT === null ? m.n : Math.max(1, Math.min(m.n, Math.round(m.n ** progressT)));
    const key = `${keys.funnel}|${kShown}|${progressT === null}`;
    if (key === keys.reveal) return;
    keys.reveal = key;
    const last = lastAtMost(m.path.k, kShown);
    const pts: [number, number][] = [];
    for (let i = 0; i <= last; i++) pts.push([m.path.k[i], m.path.mean[i]]);
    const pathColor = m.biased ? pal.bad : pal.c[1];
    fc.line("path", pts, { color: pathColor, width: lw * 0.9 });
    const zoomed = m.halfWidth < ZOOM_MIN_T;
    if (zoomed)
      zc.line("path", pts.slice(Math.max(0, lastAtMost(m.path.k, m.n / 8))), {
        color: pathColor,
        width: lw,
      });
    if (last < 0) return;
    const k = m.path.k[last];
    const mean = m.path.mean[last];
    const tk = m.halfWidth * Math.sqrt(m.n / k);
    const inside = Math.abs(mean - m.p) < tk;
    const col = inside ? pal.good : pal.bad;
    const r = pal.handleRadius * 0.5;
    attrs(dot, { cx: fc.x(k), cy: fc.y(mean), r, fill: col, stroke: pal.bg, "stroke-width": 2 });
    const dir = m.p >= 0.5 ? -1 : 1;
    if (zoomed) {
      const show = k >= m.n / 8;
      attrs(
        zoomDot,
        show
          ? { cx: zc.x(k), cy: zc.y(mean), r, fill: col, stroke: pal.bg, "stroke-width": 2 }
          : { r: 0 },
      );
      dotLabel.hide();
    } else {
      const text = `X̄ = ${f(mean, 3)}`;
      const fits = fc.x(k) + 8 + textWidth(text, pal.fontSize * 0.85) <= fc.x.range()[1];
      dotLabel.update(
        [fc.x(k), fc.y(mean)],
        text,
        col,
        pal,
        [fits ? 8 : -8, dir < 0 ? -10 : 20],
        fits ? "start" : "end",
      );
    }
    if (progressT !== null) {
      setParts(funnelStatus, [
        `k = ${f(k)} of ${f(m.n)}: X̄ₖ = `,
        [f(mean, 4), "b"],
        `, t(k) = ${f(tk, 3)} — `,
        inside ? ["inside the funnel", "good"] : ["outside the funnel", "bad"],
      ]);
      return;
    }
    const parts: Part[] = [
      `X̄ₙ = `,
      [f(m.path.meanAtN, 4), "b"],
      `, |X̄ₙ − p| = ${f(Math.abs(m.path.meanAtN - m.p), 3)} `,
    ];
    if (m.biased) {
      parts.push(
        m.path.insideAtN ? ["< t(n): still inside", "good"] : ["≥ t(n): outside the funnel", "bad"],
        `. It concentrates at `,
        [f(m.biased.limit, 3), "bad"],
        ` (red dots), not at p: copies of correct predictions are neither independent nor drawn from the real data.`,
      );
    } else if (m.path.insideAtN) {
      parts.push([`< t(n) = ${f(m.halfWidth, 3)}`, "good"], `: the interval X̄ₙ ± t(n) covers p.`);
      if (m.path.lastOutsideK !== null)
        parts.push(
          ` The path was outside at k = ${f(m.path.lastOutsideK)}: the guarantee is for each n, not the whole path.`,
        );
    } else {
      parts.push(
        [`≥ t(n) = ${f(m.halfWidth, 3)}`, "bad"],
        `: this interval misses p, which happens with probability ≤ δ. Try another seed.`,
      );
    }
    setParts(funnelStatus, parts);
  }

  // ---- Coverage ----
  /** A labelled vertical rule across a chart's plot area; the label on the side with room. */
  function rule(
    g: SVGGElement,
    chart: Chart,
    x: number,
    text: string,
    color: string,
    side: 1 | -1,
    row = 0,
  ): void {
    g.replaceChildren();
    const px = chart.x(x);
    const [yb, yt] = chart.y.range();
    const [xl, xr] = chart.x.range();
    if (!(px >= xl - 1 && px <= xr + 1)) return;
    svg(
      "line",
      {
        x1: px,
        x2: px,
        y1: yt,
        y2: yb,
        stroke: color,
        "stroke-width": Math.max(1, pal.lineWidth * 0.6),
        "stroke-dasharray": "4 4",
      },
      g,
    );
    // Flip to the other side when the label would leave the plot.
    const room = side > 0 ? xr - px : px - xl;
    const s = room < text.length * pal.fontSize * 0.42 ? -side : side;
    const t = svg(
      "text",
      {
        x: px + 4 * s,
        // Row −1 is the top of the plot; rows 0, 1, … count up from the bottom.
        y: row < 0 ? yt + pal.fontSize * 0.8 : yb - 6 - pal.fontSize * 0.95 * row,
        fill: color,
        "font-size": pal.fontSize * 0.72,
        "font-weight": 600,
        "text-anchor": s > 0 ? "start" : "end",
        "paint-order": "stroke",
        stroke: pal.bg,
        "stroke-width": 3,
      },
      g,
    );
    t.textContent = text;
  }

  function drawCoverage(m: HoeffdingModel): void {
    const done = lookupCoverage(m);
    const partial = done ?? (run && run.key === m.coverage.key ? run.partial : null);
    const key = [
      m.coverage.key,
      m.delta,
      m.curves.xMax,
      m.nRequired,
      pal.theme,
      sizeVersion,
      partial?.done ?? -1,
    ].join("|");
    if (key === keys.cov) return;
    keys.cov = key;
    const c = m.coverage;
    const lw = pal.lineWidth;
    setParts(cov.title, [`Coverage: P(|X̄ − p| ≥ ${f(c.t)}) at n = ${f(c.n)}`]);
    const cv = m.curves;
    cc.setDomain([1, cv.xMax], [TAIL_FLOOR, 1]);
    axes(cc);
    const pts = (xs: readonly number[], ys: readonly number[]) =>
      xs.map((x, i) => [x, ys[i]] as const);
    cc.line(
      "delta",
      [
        [1, m.delta],
        [cv.xMax, m.delta],
      ],
      { color: pal.muted, width: 1, dash: "2 3" },
    );
    cc.line("clt", pts(cv.n, cv.clt), { color: pal.c[3], width: lw, dash: "6 4" });
    drawExact();
    cc.line("bound", pts(cv.n, cv.bound), { color: pal.c[0], width: lw * 1.2 });
    deltaLabel.update(
      [cc.x.range()[0], cc.y(m.delta)],
      `δ = ${f(m.delta)}`,
      pal.muted,
      pal,
      [4, 14],
    );
    const needRight = m.nRequired >= c.n;
    rule(covRules.n, cc, c.n, `n`, pal.fg, needRight ? -1 : 1);
    rule(
      covRules.need,
      cc,
      m.nRequired,
      `bound ≤ δ: n ≥ ${countText(m.nRequired)}`,
      pal.c[0],
      needRight ? 1 : -1,
      -1,
    );

    covKeys.bound.swatch.style.color = pal.c[0];
    covKeys.exact.swatch.style.color = pal.c[2];
    covKeys.clt.swatch.style.color = pal.c[3];
    covKeys.sim.swatch.style.color = pal.c[1];
    setParts(covKeys.bound.text, [
      "bound 2e^(−2nt²) ",
      [c.boundRaw > 1 ? `${f(c.boundRaw, 3)} > 1` : f(c.bound, 3), "b"],
    ]);
    setParts(covKeys.exact.text, ["exact binomial ", [f(c.exact, 3), "b"]]);
    setParts(covKeys.clt.text, ["CLT ", [f(c.clt, 3), "b"]]);

    const x = cc.x(c.n);
    if (partial) {
      // The bar is the simulation's own sampling error, ±z·√(q(1 − q)/trials) at 95%.
      const hw = cltHalfWidth(partial.empirical, Math.max(1, partial.done), 0.05);
      const lo = Math.max(TAIL_FLOOR, partial.empirical - hw);
      const hi = Math.min(1, partial.empirical + hw);
      const running = !partial.finished;
      const zero = partial.violations === 0;
      const y = zero ? cc.y(TAIL_FLOOR) : cc.y(partial.empirical);
      const r = pal.handleRadius * 0.5;
      const bar = `M${x},${cc.y(lo)}V${cc.y(hi)}M${x - 4},${cc.y(lo)}H${x + 4}M${x - 4},${cc.y(hi)}H${x + 4}`;
      attrs(simBar, { d: zero ? "" : bar, stroke: pal.c[1], "stroke-width": lw * 0.8 });
      // Zero violations cannot sit on a log axis: a triangle on the floor points down instead.
      attrs(simDot, {
        d: zero
          ? `M${x - r * 1.2},${y - r * 2}H${x + r * 1.2}L${x},${y}Z`
          : `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`,
        fill: running ? pal.bg : pal.c[1],
        stroke: pal.c[1],
        "stroke-width": 2,
      });
      const left = x > (cc.x.range()[0] + cc.x.range()[1]) / 2;
      simLabel.update(
        [x, y],
        `${f(partial.violations)} of ${f(partial.done)}`,
        pal.c[1],
        pal,
        [left ? -10 : 10, zero ? -14 : partial.empirical > 0.1 ? 18 : 4],
        left ? "end" : "start",
      );
      setParts(
        covKeys.sim.text,
        running
          ? [
              `simulating ${f(partial.done)} of ${f(partial.trials)}: `,
              [f(partial.empirical, 3), "b"],
            ]
          : [`simulated (${f(partial.trials)} runs) `, [f(partial.empirical, 3), "b"]],
      );
      progress.style.visibility = running ? "visible" : "hidden";
      progressBar.style.width = `${(100 * partial.done) / partial.trials}%`;
      progress.setAttribute(
        "aria-valuenow",
        String(Math.round((100 * partial.done) / partial.trials)),
      );
    } else {
      attrs(simBar, { d: "" });
      attrs(simDot, { d: "" });
      simLabel.hide();
      setParts(covKeys.sim.text, [`simulating ${f(c.trials)} runs…`]);
      progress.style.visibility = "visible";
      progressBar.style.width = "0%";
    }
  }

  /** Starts (or keeps) computing the exact-tail curve for the model's p, t and range. */
  function ensureExact(m: HoeffdingModel): void {
    const key = `${m.p}|${m.coverage.t}|${m.curves.xMax}`;
    if (exact?.key === key) return;
    const job: ExactJob = { key, ns: exactGrid(m.curves.xMax), vals: [] };
    exact = job;
    const args: ExactArgs = { p: m.p, t: m.coverage.t, ns: job.ns, stop: EXACT_STOP };
    ctx.track(
      jobs.run<ExactArgs, number>("exact", args, (vals) => {
        job.vals.push(...vals);
        exactShown = job;
        drawExact();
      }),
    );
  }
  function drawExact(): void {
    const job = exactShown;
    if (!job) return;
    const pts = job.vals.map((v, i) => [job.ns[i], v] as const);
    cc.line("exact", pts, { color: pal.c[2], width: pal.lineWidth });
  }

  function ensureCoverage(m: HoeffdingModel): void {
    if (lookupCoverage(m)) {
      cancelRun();
      return;
    }
    if (run && run.key === m.coverage.key) return;
    const c = m.coverage;
    const job: { key: string; partial: CoverageResult | null } = { key: c.key, partial: null };
    run = job;
    const opts = { n: c.n, p: c.p, t: c.t, trials: c.trials, seed: c.seed };
    ctx.track(
      jobs.run<typeof opts, CoverageResult>("coverage", opts, (results) => {
        const res = results[results.length - 1];
        if (!res) return;
        if (res.finished) {
          rememberCoverage(job.key, res);
          if (run === job) run = null;
          ctx.invalidate();
          return;
        }
        job.partial = res;
        if (model) drawCoverage(model);
      }),
    );
  }
  function cancelRun(): void {
    if (run) jobs.stop("coverage");
    run = null;
  }

  // ---- Widths ----
  function drawWidth(m: HoeffdingModel, p: HoeffdingParams): void {
    const key = [m.n, m.delta, m.accUsed, p.t, m.curves.xMax, pal.theme, sizeVersion].join("|");
    if (key === keys.width) return;
    keys.width = key;
    const lw = pal.lineWidth;
    const cv = m.curves;
    setParts(width.title, [`Half-width vs n, δ = ${f(m.delta)} (log–log: slope −½)`]);
    const positive = [...cv.hoeffding, ...cv.cltWidth, p.t].filter((v) => v > 0);
    const yLo = Math.min(...positive) * 0.6;
    wc.setDomain([1, cv.xMax], [yLo, 1]);
    axes(wc);
    const pts = (ys: readonly number[]) => cv.n.map((x, i) => [x, ys[i]] as const);
    wc.line(
      "t",
      [
        [1, p.t],
        [cv.xMax, p.t],
      ],
      { color: pal.muted, width: 1, dash: "2 3" },
    );
    wc.line("clt", pts(cv.cltWidth), { color: pal.c[3], width: lw, dash: "6 4" });
    wc.line("hoeff", pts(cv.hoeffding), { color: pal.c[0], width: lw * 1.2 });
    tLabel.update([wc.x.range()[0], wc.y(p.t)], `t = ${f(p.t)}`, pal.muted, pal, [4, 14]);
    rule(widthRule, wc, m.n, `n = ${f(m.n)}`, pal.fg, 1);
    const r = pal.handleRadius * 0.42;
    const place = (el: SVGCircleElement, x: number, y: number, color: string, filled: boolean) => {
      const ok = x >= 1 && x <= cv.xMax && y > 0;
      attrs(
        el,
        ok
          ? {
              cx: wc.x(x),
              cy: wc.y(y),
              r,
              fill: filled ? color : pal.bg,
              stroke: color,
              "stroke-width": 2,
            }
          : { r: 0 },
      );
    };
    place(widthDots.h, m.n, m.halfWidth, pal.c[0], true);
    place(widthDots.c, m.n, m.cltHalfWidth, pal.c[3], true);
    place(widthDots.needH, m.nRequired, p.t, pal.c[0], false);
    if (m.cltHalfWidth > 0) place(widthDots.needC, m.nRequiredClt, p.t, pal.c[3], false);
    else attrs(widthDots.needC, { r: 0 });
    if (m.nRequired <= cv.xMax) {
      const text = countText(m.nRequired);
      const x = wc.x(m.nRequired);
      const right = x + 6 + textWidth(text, pal.fontSize * 0.85) <= wc.x.range()[1] + 10;
      needLabels.h.update(
        [x, wc.y(p.t)],
        text,
        pal.c[0],
        pal,
        [right ? 6 : -6, -8],
        right ? "start" : "end",
      );
    } else needLabels.h.hide();
    if (m.nRequiredClt <= cv.xMax && m.cltHalfWidth > 0) {
      needLabels.c.update(
        [wc.x(m.nRequiredClt), wc.y(p.t)],
        countText(m.nRequiredClt),
        pal.c[3],
        pal,
        [-6, 18],
        "end",
      );
    } else needLabels.c.hide();
    widthKeys.hoeff.swatch.style.color = pal.c[0];
    widthKeys.clt.swatch.style.color = pal.c[3];
    setParts(widthKeys.hoeff.text, ["Hoeffding ", [`±${f(m.halfWidth, 3)}`, "b"]]);
    setParts(widthKeys.clt.text, [
      `CLT at ${m.biased ? "rigged " : ""}acc ${f(m.accUsed, 3)} `,
      [`±${f(m.cltHalfWidth, 3)}`, "b"],
    ]);
    setParts(
      widthKeys.ratio,
      m.cltHalfWidth > 0
        ? [`ratio `, [`${f(m.halfWidth / m.cltHalfWidth, 3)}×`, "b"], " at every n"]
        : ["CLT width 0: acc is 0 or 1"],
    );
  }

  // ---- Calculators ----
  function drawCalc(m: HoeffdingModel, p: HoeffdingParams): void {
    const iv = m.interval;
    setParts(
      calcGiven,
      m.biased
        ? [`rigged set: ${f(m.accUsed, 4)} correct, n = ${f(m.n)}, δ = ${f(m.delta)}`]
        : [`acc = ${f(p.acc)} on n = ${f(m.n)} test examples, δ = ${f(m.delta)}`],
    );
    setParts(calcInterval, [`[${f(iv.low, 3)}, ${f(iv.high, 3)}]`]);
    setParts(calcClt, [
      `${f(m.accUsed, 4)} ± ${f(m.halfWidth, 3)}${iv.lowClipped || iv.highClipped ? ", clipped to [0, 1]" : ""}; CLT (Wald): [${f(m.cltLow, 3)}, ${f(m.cltHigh, 3)}]`,
    ]);
    if (m.biased) {
      const b = m.biased;
      setParts(calcVerdict, [
        b.covers ? ["Covers", "good"] : ["Misses", "bad"],
        ` the true accuracy ${f(b.trueAccuracy)}: each correct prediction copied ${f(p.oversample)}× extra.`,
      ]);
    } else setParts(calcVerdict, []);

    // Number line [0, 1] with the interval, the CLT interval and, when rigged, the true accuracy.
    const W = box.numline;
    const pad = 10;
    const sx = (v: number) => pad + v * (W - 2 * pad);
    attrs(numline, { viewBox: `0 0 ${W} 34` });
    attrs(nl.axis, {
      d: `M${sx(0)},14H${sx(1)}M${sx(0)},10V18M${sx(0.5)},11V17M${sx(1)},10V18`,
      stroke: pal.muted,
      "stroke-width": 1,
    });
    [0, 0.5, 1].forEach((v, i) => {
      attrs(nl.ticks[i], { x: sx(v), y: 31, fill: pal.muted, "font-size": pal.fontSize * 0.62 });
      nl.ticks[i].textContent = String(v);
    });
    attrs(nl.clt, {
      x: sx(m.cltLow),
      y: 11.5,
      width: Math.max(1, sx(m.cltHigh) - sx(m.cltLow)),
      height: 5,
      fill: pal.c[3],
      opacity: 0.85,
    });
    const barColor = m.biased && !m.biased.covers ? pal.bad : pal.c[0];
    attrs(nl.bar, {
      x: sx(iv.low),
      y: 8,
      width: Math.max(1, sx(iv.high) - sx(iv.low)),
      height: 12,
      fill: barColor,
      "fill-opacity": 0.3,
      stroke: barColor,
      "stroke-width": 1.5,
    });
    attrs(nl.acc, { cx: sx(m.accUsed), cy: 14, r: 3, fill: pal.fg });
    if (m.biased) {
      const tx = sx(m.biased.trueAccuracy);
      attrs(nl.truth, { d: `M${tx},2V24`, stroke: pal.good, "stroke-width": 2.5 });
      attrs(nl.truthText, {
        x: tx,
        y: 33,
        fill: pal.good,
        "font-size": pal.fontSize * 0.62,
        "font-weight": 700,
      });
      nl.truthText.textContent = "p";
    } else {
      attrs(nl.truth, { d: "" });
      nl.truthText.textContent = "";
    }

    setParts(calcNeed, [
      `±${f(p.t)} with probability ≥ ${f(1 - m.delta)}: `,
      [`n ≥ ${countText(m.nRequired)}`, "b"],
    ]);
    setParts(
      calcNeedClt,
      m.cltHalfWidth > 0
        ? [
            `The CLT guesses ${countText(m.nRequiredClt)} at acc ${f(m.accUsed, 3)}: it uses the variance, Hoeffding assumes the worst case.`,
          ]
        : [`At acc ${f(m.accUsed)} the CLT's width is 0: it would claim certainty from any n.`],
    );
    setParts(calcQuad, [
      `t(${f(m.n)}) = ${f(m.halfWidth, 3)} → t(${f(4 * m.n)}) = ${f(m.halfWidth4n, 3)}: `,
      [`×\u00a0${f(m.shrink, 3)}`, "b"],
    ]);
  }

  function redrawAll(): void {
    const m = model;
    if (!m) return;
    pal = ctx.palette();
    drawFunnel(m, params);
    drawCalc(m, params);
    drawCoverage(m);
    drawWidth(m, params);
    drawReveal();
  }

  return {
    update(p: HoeffdingParams, m: HoeffdingModel) {
      if (ctx.palette().theme !== pal.theme) {
        fitMargins(ctx.palette());
        layout();
      }
      params = p;
      model = m;
      redrawAll();
      ensureExact(m);
      ensureCoverage(m);
    },
    frame(t: number) {
      if (fresh) {
        progressT = Math.max(0, t) / REVEAL_SECONDS;
        fresh = false;
      } else if (progressT === null) progressT = 0;
      else progressT += Math.max(0, t - (lastT ?? t)) / REVEAL_SECONDS;
      lastT = t;
      if (progressT >= 1) {
        progressT = null;
        lastT = null;
        drawReveal();
        return true;
      }
      drawReveal();
      return false;
    },
    step() {
      fresh = false;
      progressT = progressT === null ? 1 / REVEAL_STEPS : progressT + 1 / REVEAL_STEPS;
      if (progressT >= 1 - 1e-9) progressT = null;
      drawReveal();
    },
    reset() {
      progressT = null;
      lastT = null;
      fresh = true;
      drawReveal();
    },
    resize() {
      layout();
      redrawAll();
    },
    dispose() {
      jobs.dispose();
      root.remove();
      style.remove();
      host.classList.remove("hf-host", "lg-stage-flow");
    },
  };
}
