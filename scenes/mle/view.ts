// The picture of mle: the data (coins, or points with their deviations from μ), the
// log-likelihood curve with the maximiser and a draggable candidate that slides along the curve
// with its tangent, and in Gaussian mode the running means of the two variance estimators over
// repeated samples. Every number drawn comes from the model.
import { observeSizes } from "../../src/draw/sizes";
import "./mle.css";
import { createChart } from "../../src/draw/chart";
import { chartPlane } from "../../src/draw/chartplane";
import { createHandle } from "../../src/draw/handle";
import { attrs, svg } from "../../src/draw/svg";
import { el } from "../../src/kit/dom";
import { formatNumber as f } from "../../src/kit/format";
import { coerce } from "../../src/kit/params";
import type { Palette, SceneCtx } from "../../src/kit/scene";
import { varianceTraceChunk, type VarianceTraceState } from "../../src/core/estimators";
import {
  lookupStudy,
  rememberStudy,
  startStudy,
  type BernoulliModel,
  type GaussianModel,
  type MleModel,
  type MleParams,
  type params as schema,
} from "./model";

/** Below this stage width the panels stack and the page scrolls instead of squeezing them. */
const NARROW_PX = 720;
/** The candidate snaps onto the maximiser when dragged this close to it (pixels). */
const SNAP_PX = 7;
/** A chunked study draws about this many normals per slice, and slices for this long per frame. */
const CHUNK_DRAWS = 20_000;
const CHUNK_MS = 8;
/** Half-length of the drawn tangent, in pixels. */
const TANGENT_PX = 70;

type Part = string | readonly [string, "b" | "muted"];

function setParts(node: HTMLElement, parts: readonly Part[]): void {
  const key = JSON.stringify(parts);
  if (node.dataset.key === key) return;
  node.dataset.key = key;
  node.replaceChildren(
    ...parts.map((part) => {
      if (typeof part === "string") return document.createTextNode(part);
      return part[1] === "b"
        ? el("b", { text: part[0] })
        : el("span", { className: "ml-muted", text: part[0] });
    }),
  );
}

/** True when the candidate sits on the maximiser (to the slider's resolution). */
function atMaximum(m: MleModel): boolean {
  if (m.kind === "bernoulli") return Math.abs(m.at - m.mle) <= 0.0005 + 1e-12;
  const mle = m.mle.value;
  return mle !== null && Math.abs(m.at - mle) <= Math.max(1e-6, 0.002 * mle);
}

export function mountMle(host: HTMLElement, ctx: SceneCtx<typeof schema>) {
  host.classList.add("ml-host");
  const root = el("div", { className: "ml-root" });
  const lesson = el("p", { className: "ml-lesson" });
  lesson.setAttribute("aria-hidden", "true");
  // Data strip.
  const dataBox = el("section", { className: "ml-panel ml-data" });
  const dataHead = el("p", { className: "ml-sub" });
  const strip = svg("svg", { class: "ml-strip", role: "img" });
  dataBox.append(dataHead, strip);
  // The log-likelihood.
  const curveBox = el("section", { className: "ml-panel ml-curve" });
  const curveHead = el("h2", { className: "ml-head" });
  const curveChartBox = el("div", { className: "ml-chart" });
  curveBox.append(curveHead, curveChartBox);
  // The bias panel.
  const biasBox = el("section", { className: "ml-panel ml-bias" });
  const biasHead = el("h2", { className: "ml-head", text: "Repeated sampling, μ estimated by x̄" });
  const biasSub = el("p", { className: "ml-sub" });
  const biasLegend = el("div", { className: "ml-legend" });
  const biasChartBox = el("div", { className: "ml-chart" });
  const biasNote = el("div", { className: "ml-note" });
  const progress = el("div", { className: "ml-progress" });
  progress.setAttribute("role", "progressbar");
  progress.setAttribute("aria-label", "Repeated-sampling progress");
  progress.setAttribute("aria-valuemin", "0");
  progress.setAttribute("aria-valuemax", "100");
  const progressBar = el("div");
  progress.append(progressBar);
  biasChartBox.append(biasNote);
  biasBox.append(biasHead, biasSub, biasLegend, progress, biasChartBox);
  const link = el("p", { className: "ml-link" });
  root.append(lesson, dataBox, curveBox, biasBox, link);
  host.appendChild(root);

  // The charts keep these margin objects: they are resized to the theme's type before each layout.
  const curveMargin = { top: 26, right: 16, bottom: 40, left: 62 };
  const biasMargin = { top: 12, right: 14, bottom: 40, left: 56 };
  const fitMargins = (pal: Palette) => {
    const fs = pal.fontSize;
    Object.assign(curveMargin, {
      top: Math.round(fs * 1.75),
      bottom: Math.round(fs * 2.7),
      left: Math.round(fs * 4.1),
    });
    Object.assign(biasMargin, {
      bottom: Math.round(fs * 2.7),
      left: Math.round(fs * 3.7),
      right: Math.round(fs * 1.2),
    });
  };
  const chart = createChart(curveChartBox, {
    label: "The log-likelihood over the parameter",
    yLabel: "ℓ (log-likelihood)",
    margin: curveMargin,
  });
  const plane = chartPlane(chart);
  const rules = svg("g", {}, plane.back);
  const tangent = svg("path", { fill: "none", "stroke-linecap": "round" }, plane.main);
  const peak = svg("circle", { r: 5 }, plane.main);
  const handleLabel = svg(
    "text",
    { "paint-order": "stroke", "stroke-linejoin": "round", "font-weight": 600 },
    plane.front,
  );
  // The x-axis title changes with the mode, so it is drawn here rather than by the chart.
  const xTitle = svg("text", { "text-anchor": "middle" }, plane.front);

  const bias = createChart(biasChartBox, {
    label: "Running means of the two variance estimators over repeated samples",
    xLabel: "samples drawn (log scale)",
    yLabel: "mean of the estimates",
    xLog: true,
    // Label only the decades on the log axis (1, 10, 100, …); the other ticks stay as marks.
    xFormat: (v) => (Math.abs(Math.log10(v) - Math.round(Math.log10(v))) > 1e-9 ? "" : String(v)),
    margin: biasMargin,
  });
  const biasLabels = svg("g", {}, bias.svg);

  let model: MleModel | null = null;
  let narrow = false;

  // The candidate: a handle that slides along the curve (only x matters; y follows the curve).
  const handleOpts = {
    name: "candidate parameter on the log-likelihood curve",
    // The keyboard step follows the x-window (createHandle reads it at each key press).
    step: 0.01,
    onMove: (x: number) => {
      const m = model;
      if (!m) return;
      const [lo, hi] = m.window.x;
      let v = Math.min(hi, Math.max(m.kind === "gaussian" ? hi / 1000 : lo, x));
      // Near the maximiser the candidate snaps onto it, so a person can land exactly there.
      const mle = m.kind === "bernoulli" ? m.mle : m.mle.value;
      if (mle !== null && Math.abs(chart.x(v) - chart.x(mle)) < SNAP_PX) v = mle;
      // Snap to the param's step here, as a slider does, so a drag never raises a
      // "rounded to the step" notice.
      if (m.kind === "bernoulli")
        ctx.set({ phat: coerce("phat", ctx.schema.phat, v).value as number });
      else ctx.set({ s2: coerce("s2", ctx.schema.s2, v).value as number });
    },
  };
  const handle = createHandle(plane, handleOpts);

  // The boxes change size with the stage and with the wrapping of text around them.
  const boxSizes = observeSizes([curveChartBox, biasChartBox, dataBox], () => ctx.invalidate());
  const size = boxSizes.size;

  /** A vertical rule across the plot, labelled above it (row 0) or at its foot (row 1). */
  function rule(
    x: number,
    text: string,
    color: string,
    pal: Palette,
    dash: string | null,
    row: 0 | 1,
  ) {
    const [y0, y1] = chart.y.range();
    const px = chart.x(x);
    if (!Number.isFinite(px)) return;
    svg(
      "line",
      {
        x1: px,
        x2: px,
        y1: y0,
        y2: y1,
        stroke: color,
        "stroke-width": Math.max(1, pal.lineWidth * 0.75),
        "stroke-dasharray": dash,
      },
      rules,
    );
    const fs = pal.fontSize * 0.78;
    // Roughly the label's width, to keep it inside the chart: flip it to the left near the edge.
    const room = chart.width() - px - 8;
    const right = room > text.length * fs * 0.62;
    const t = svg(
      "text",
      {
        x: px + (right ? 5 : -5),
        y: row === 0 ? y1 - 8 : y0 - 6,
        "text-anchor": right ? "start" : "end",
        fill: color,
        "font-size": fs,
        "font-weight": 600,
        stroke: pal.bg,
        "stroke-width": 3,
        "paint-order": "stroke",
      },
      rules,
    );
    t.textContent = text;
  }

  function drawStripBernoulli(m: BernoulliModel, pal: Palette): void {
    const W = Math.max(100, size(dataBox).w);
    const n = m.n;
    const d = Math.max(7, Math.min(22, Math.floor((W + 2) / Math.min(n, 40)) - 3));
    const gap = Math.max(2, Math.round(d * 0.25));
    const perRow = Math.max(1, Math.floor((W + gap) / (d + gap)));
    const rows = Math.ceil(n / perRow);
    const H = rows * (d + gap) + 2;
    attrs(strip, { width: W, height: H, viewBox: `0 0 ${W} ${H}` });
    strip.replaceChildren();
    const r = d / 2;
    for (let i = 0; i < n; i++) {
      const cx = (i % perRow) * (d + gap) + r + 1;
      const cy = Math.floor(i / perRow) * (d + gap) + r + 1;
      const head = m.flips[i] === 1;
      svg(
        "circle",
        {
          cx,
          cy,
          r: r - 0.5,
          fill: head ? pal.c[0] : "none",
          stroke: head ? pal.c[0] : pal.muted,
          "stroke-width": Math.max(1, pal.lineWidth * 0.6),
        },
        strip,
      );
    }
    strip.setAttribute("aria-label", `${m.k} heads and ${m.n - m.k} tails`);
    setParts(dataHead, [
      `${m.n} ${m.n === 1 ? "flip" : "flips"}: `,
      [`${m.k} ${m.k === 1 ? "head" : "heads"}`, "b"],
      ` (●, xᵢ = 1) and ${m.n - m.k} ${m.n - m.k === 1 ? "tail" : "tails"} (○, xᵢ = 0), so x̄ = k/n = `,
      [f(m.mle), "b"],
    ]);
  }

  function drawStripGaussian(m: GaussianModel, p: MleParams, pal: Palette): void {
    const W = Math.max(100, size(dataBox).w);
    const n = m.n;
    const lanes = Math.min(n, n <= 12 ? n : 10);
    const lane = Math.max(5, Math.min(12, 90 / lanes));
    const H = lanes * lane + 26;
    attrs(strip, { width: W, height: H, viewBox: `0 0 ${W} ${H}` });
    strip.replaceChildren();
    let spread = 0;
    for (const x of m.xs) spread = Math.max(spread, Math.abs(x - m.mu));
    const R = Math.max(3 * p.sigma, spread) * 1.08 || 1;
    const sx = (x: number) => 8 + ((x - (m.mu - R)) / (2 * R)) * (W - 16);
    const axisY = H - 16;
    svg("path", { d: `M8,${axisY}H${W - 8}`, stroke: pal.muted, "stroke-width": 1 }, strip);
    for (const k of [-1, 0, 1]) {
      const x = m.mu + k * R * 0.9;
      const t = svg(
        "text",
        {
          x: sx(x),
          y: H - 3,
          "text-anchor": "middle",
          fill: pal.muted,
          "font-size": pal.fontSize * 0.68,
        },
        strip,
      );
      t.textContent = k === 0 ? `μ = ${f(m.mu)}` : f(x, 3);
    }
    svg(
      "path",
      {
        d: `M${sx(m.mu)},2V${axisY}`,
        stroke: pal.fg,
        "stroke-width": Math.max(1, pal.lineWidth * 0.75),
      },
      strip,
    );
    const dot = Math.max(2.5, Math.min(4.5, lane * 0.4));
    m.xs.forEach((x, i) => {
      const y = 4 + (i % lanes) * lane + lane / 2;
      svg(
        "path",
        {
          d: `M${sx(m.mu)},${y}H${sx(x)}`,
          stroke: pal.c[1],
          // Many overlapping deviations read better thin and faint.
          "stroke-width": n > 30 ? 1 : Math.max(1.5, pal.lineWidth * 0.8),
          opacity: n > 30 ? 0.35 : 0.75,
        },
        strip,
      );
      svg("circle", { cx: sx(x), cy: y, r: dot, fill: pal.c[0] }, strip);
    });
    strip.setAttribute("aria-label", `${n} observations around μ = ${f(m.mu)}`);
    setParts(dataHead, [
      `${n} ${n === 1 ? "draw" : "draws"} of 𝒩(μ, σ²) with μ = ${f(m.mu)} known; the deviations xᵢ − μ (lines) give Σ(xᵢ − μ)² = `,
      [f(m.sumSquares), "b"],
    ]);
  }

  // What each part was last drawn from: a part is redrawn only when one of these changes, so
  // dragging the candidate redraws the candidate alone.
  const drawnFrom = new Map<string, readonly unknown[]>();
  function changed(part: string, deps: readonly unknown[]): boolean {
    const last = drawnFrom.get(part);
    if (last && last.length === deps.length && last.every((d, i) => d === deps[i])) return false;
    drawnFrom.set(part, deps);
    return true;
  }

  function drawCurve(m: MleModel, p: MleParams, pal: Palette): void {
    const lw = pal.lineWidth;
    const bern = m.kind === "bernoulli";
    const box = size(curveChartBox);
    if (changed("curve", [m.curve, m.window, box.w, box.h, pal, bern ? p.p : m.trueVariance]))
      drawCurveBackground(m, p, pal);
    const mle = bern ? m.mle : m.mle.value;
    // The candidate: on the curve when ℓ is finite and inside the window, else pinned to an edge.
    const [xlo, xhi] = m.window.x;
    const [ylo, yhi] = m.window.y;
    const shownX = Math.min(xhi, Math.max(xlo, m.at));
    const ll = m.logLik.value;
    const shownY = ll === null ? ylo : Math.min(yhi, Math.max(ylo, ll));
    const onMax = atMaximum(m);
    const color = onMax ? pal.good : pal.c[1];
    handle.update(shownX, shownY, pal, color);
    handle.el.setAttribute(
      "aria-label",
      `candidate ${bern ? "p" : "σ²"} = ${f(m.at)}, ℓ = ${ll === null ? "−∞" : f(ll)}; drag along the curve or use the left and right arrow keys`,
    );
    const s = m.slope.value;
    if (ll !== null && s !== null && ll >= ylo && m.at <= xhi) {
      const kx = chart.x(1) - chart.x(0);
      const ky = chart.y(1) - chart.y(0);
      const h = TANGENT_PX / Math.hypot(kx, ky * s);
      const a: [number, number] = [chart.x(m.at - h), chart.y(ll - s * h)];
      const b: [number, number] = [chart.x(m.at + h), chart.y(ll + s * h)];
      attrs(tangent, {
        d: `M${a[0].toFixed(1)},${a[1].toFixed(1)}L${b[0].toFixed(1)},${b[1].toFixed(1)}`,
        stroke: color,
        "stroke-width": lw * 1.1,
        "stroke-dasharray": onMax ? null : "7 5",
      });
      tangent.style.display = "";
    } else tangent.style.display = "none";
    // Three short lines beside the candidate, below it and towards the maximum: under a concave
    // curve that space is empty.
    const name = bern ? "p" : "σ²";
    const slopeName = bern ? "dℓ/dp" : "dℓ/dσ²";
    const lines = [
      // Arrows say where the candidate really is when it is pinned to the chart's edge.
      `${name} = ${f(m.at)}${m.at > xhi ? " →" : ""}${ll === null || ll < ylo ? " ↓" : ""}`,
      `ℓ = ${ll === null ? "−∞" : f(ll)}`,
      `${slopeName} = ${s === null ? "undefined" : f(s)}`,
    ];
    const towardsRight = mle === null ? m.at < (xlo + xhi) / 2 : m.at < mle;
    const hx = chart.x(shownX);
    const hy = chart.y(shownY);
    const [py0, py1] = chart.y.range();
    const fs = pal.fontSize * 0.8;
    const blockH = fs * 1.2 * lines.length;
    const y0 =
      hy + pal.handleRadius + 6 + blockH < py0
        ? hy + pal.handleRadius + 6 + fs
        : Math.max(py1 + fs, hy - pal.handleRadius - 6 - blockH + fs);
    attrs(handleLabel, {
      "text-anchor": towardsRight ? "start" : "end",
      fill: color,
      stroke: pal.bg,
      "stroke-width": 4,
      "font-size": fs,
    });
    const x = hx + (towardsRight ? 6 : -6);
    handleLabel.replaceChildren(
      ...lines.map((line, i) => {
        const t = svg("tspan", { x, y: y0 + i * fs * 1.2 });
        t.textContent = line;
        return t;
      }),
    );
  }

  function drawCurveBackground(m: MleModel, p: MleParams, pal: Palette): void {
    const lw = pal.lineWidth;
    const bern = m.kind === "bernoulli";
    const box = size(curveChartBox);
    chart.resize(box.w, box.h);
    chart.setDomain(m.window.x, m.window.y);
    chart.drawAxes(pal);
    attrs(xTitle, {
      x: chart.width() / 2 + 24,
      y: chart.height() - 6,
      fill: pal.muted,
      "font-size": pal.fontSize * 0.72,
    });
    xTitle.textContent = bern ? "p (probability of heads)" : "σ² (variance)";
    handleOpts.step = (m.window.x[1] - m.window.x[0]) / 100;
    rules.replaceChildren();
    const mle = bern ? m.mle : m.mle.value;
    const truth = bern ? p.p : m.trueVariance;
    const truthLabel = bern ? `true p = ${f(truth)}` : `true σ² = ${f(truth)}`;
    const mleLabel = bern
      ? `p̂ = x̄ = ${f(m.mle)}`
      : m.mle.value === null
        ? ""
        : `σ̂² = ${f(m.mle.value)}`;
    // The maximiser's label above the plot, the truth's at its foot (under the hump, where a
    // concave curve leaves room): they never collide.
    rule(truth, truthLabel, pal.muted, pal, "5 4", 1);
    if (mle !== null) rule(mle, mleLabel, pal.good, pal, null, 0);
    chart.line("curve", m.curve, { color: pal.c[0], width: lw * 1.25 });
    const top = m.mleLogLik;
    if (mle !== null && top !== null) {
      attrs(peak, { cx: chart.x(mle), cy: chart.y(top), r: Math.max(4, lw * 2), fill: pal.good });
      peak.style.display = "";
    } else peak.style.display = "none";
    curveHead.textContent = bern
      ? "Log-likelihood ℓ(p) of these flips: drag the candidate along it"
      : "Log-likelihood ℓ(σ²) of these draws (μ known): drag the candidate along it";
    chart.svg.setAttribute(
      "aria-label",
      `Log-likelihood curve over ${bern ? "p" : "σ²"}; the maximum ${mle === null ? "does not exist" : `is at ${f(mle)}`}`,
    );
  }

  function legendKey(color: string, dash: boolean, text: string): HTMLElement {
    const sw = el("span", { className: dash ? "ml-swatch dash" : "ml-swatch" });
    sw.style.color = color;
    return el("span", { className: "ml-key" }, [sw, el("span", { text })]);
  }

  /** The bias panel's content: a finished study, or one being drawn in chunks. */
  interface BiasView {
    n: number;
    reps: number;
    done: number;
    at: readonly number[];
    runningBiased: readonly number[];
    runningUnbiased: readonly number[];
    trueVariance: number;
    expectedBiased: number;
  }

  function showBiasNote(text: string): void {
    bias.svg.style.visibility = "hidden";
    biasNote.textContent = text;
    biasNote.style.display = "";
    biasLegend.replaceChildren();
    biasSub.textContent = "";
    progress.style.visibility = "hidden";
  }

  function drawBias(s: BiasView, pal: Palette): void {
    bias.resize(size(biasChartBox).w, size(biasChartBox).h);
    biasLabels.replaceChildren();
    bias.svg.style.visibility = "";
    biasNote.style.display = "none";
    const running = s.done < s.reps;
    progress.style.visibility = running ? "visible" : "hidden";
    progressBar.style.width = `${(100 * s.done) / s.reps}%`;
    progress.setAttribute("aria-valuenow", String(Math.round((100 * s.done) / s.reps)));
    const s2 = s.trueVariance;
    const tail = s.runningUnbiased.slice(Math.min(3, Math.max(0, s.runningUnbiased.length - 1)));
    const maxRun = tail.length ? Math.max(...tail) : s2;
    const yHi =
      s2 > 0 ? Math.max(1.45 * s2, Math.min(maxRun * 1.05, 2.2 * s2)) : Math.max(1, maxRun);
    bias.setDomain([1, Math.max(2, s.reps)], [0, yHi]);
    bias.drawAxes(pal);
    const x1 = 1;
    const x2 = Math.max(2, s.reps);
    bias.line(
      "truth",
      [
        [x1, s2],
        [x2, s2],
      ],
      { color: pal.fg, width: pal.lineWidth * 0.8, dash: "6 4" },
    );
    bias.line(
      "expected",
      [
        [x1, s.expectedBiased],
        [x2, s.expectedBiased],
      ],
      { color: pal.c[1], width: pal.lineWidth * 0.8, dash: "3 4" },
    );
    const pts = (ys: readonly number[]) => s.at.map((a, i) => [a, ys[i]] as [number, number]);
    bias.line("unbiased", pts(s.runningUnbiased), { color: pal.c[0], width: pal.lineWidth * 1.1 });
    bias.line("biased", pts(s.runningBiased), { color: pal.c[1], width: pal.lineWidth * 1.1 });
    const last = (ys: readonly number[]) => (ys.length ? f(ys[ys.length - 1]) : "—");
    const so = running ? "so far" : "mean";
    biasSub.textContent = running
      ? `Drawing ${f(s.reps)} fresh samples of n = ${s.n}: ${f(s.done)} so far. Each time x̄ is computed and Σ(xᵢ − x̄)² divided by n or by n − 1.`
      : `${f(s.reps)} fresh samples of n = ${s.n}; each time x̄ is computed and Σ(xᵢ − x̄)² divided by n or by n − 1.`;
    biasLegend.replaceChildren(
      legendKey(pal.c[0], false, `÷(n − 1): ${so} ${last(s.runningUnbiased)}`),
      legendKey(pal.c[1], false, `÷n (the MLE): ${so} ${last(s.runningBiased)}`),
      legendKey(pal.fg, true, `σ² = ${f(s2)}`),
      legendKey(pal.c[1], true, `(n − 1)/n · σ² = ${f(s.expectedBiased)}`),
    );
  }

  // A study too large for one frame runs here in slices of about CHUNK_MS, drawn as it grows.
  let job: { key: string; state: VarianceTraceState; raf: number } | null = null;
  function cancelJob(): void {
    if (job) cancelAnimationFrame(job.raf);
    job = null;
  }
  function startJob(key: string): void {
    cancelJob();
    const state = startStudy(key);
    job = { key, state, raf: requestAnimationFrame(runJob) };
  }
  function runJob(): void {
    if (!job) return;
    const current = job;
    const t0 = performance.now();
    const slice = Math.max(1, Math.floor(CHUNK_DRAWS / current.state.n));
    let prog = varianceTraceChunk(current.state, slice);
    while (prog.result === null && performance.now() - t0 < CHUNK_MS)
      prog = varianceTraceChunk(current.state, slice);
    drawBias(prog, ctx.palette());
    if (prog.result) {
      rememberStudy(current.key, prog.result);
      job = null;
      // The readouts and formulas read the remembered study on the next flush.
      ctx.invalidate();
    } else current.raf = requestAnimationFrame(runJob);
  }

  function updateBias(m: GaussianModel, pal: Palette): void {
    const study = m.study ?? lookupStudy(m.studyKey);
    const box = size(biasChartBox);
    if (study) {
      if (job) cancelJob();
      if (changed("bias", [study, box.w, box.h, pal]))
        drawBias({ ...study, done: study.reps }, pal);
      return;
    }
    drawnFrom.delete("bias");
    if (m.studyKey === null) {
      cancelJob();
      showBiasNote(m.studyReason ?? "");
    } else if (job?.key !== m.studyKey) startJob(m.studyKey);
  }

  function setLesson(m: MleModel): void {
    const onMax = atMaximum(m);
    if (m.kind === "bernoulli") {
      const ll = m.logLik.value;
      const s = m.slope.value;
      const edge = m.k === 0 || m.k === m.n;
      if (ll === null) {
        setParts(lesson, [
          `ℓ(${f(m.at)}) = −∞: ${m.at === 0 ? "a head was seen, which is impossible at p = 0" : "a tail was seen, which is impossible at p = 1"}. Drag the candidate ${m.at === 0 ? "right" : "left"}.`,
        ]);
      } else if (edge && onMax) {
        setParts(lesson, [
          `All ${m.k === 0 ? "tails" : "heads"}: ℓ(p) keeps rising all the way to p = ${f(m.mle)}, so `,
          [`p̂ = x̄ = ${f(m.mle)}`, "b"],
          ` sits at the edge, where the slope is ${s === null ? "undefined" : f(s)}, not 0: the maximum of an interval can be at its end.`,
        ]);
      } else if (onMax) {
        setParts(lesson, [
          `At p = x̄ = ${f(m.mle)} the tangent is flat: `,
          [`dℓ/dp = ${s === null ? "undefined" : f(s, 2)}`, "b"],
          `. This is the maximum-likelihood estimate `,
          [`p̂ = k/n = ${m.k}/${m.n}`, "b"],
          `, the sample mean.`,
        ]);
      } else if (edge) {
        setParts(lesson, [
          `All ${m.k === 0 ? "tails" : "heads"}: ℓ(p) rises all the way to p = ${f(m.mle)}, so the maximum is at the edge, `,
          [`p̂ = x̄ = ${f(m.mle)}`, "b"],
          `, where the slope is still ${f(m.k === 0 ? -m.n : m.n)}: no zero of dℓ/dp exists. Here, at p = ${f(m.at)}, dℓ/dp = ${s === null ? "undefined" : f(s)}.`,
        ]);
      } else {
        const dir = (s ?? 0) > 0 ? "right" : "left";
        setParts(lesson, [
          `At p = ${f(m.at)} the slope is `,
          [`dℓ/dp = ${s === null ? "undefined" : f(s)}`, "b"],
          `: ℓ rises to the ${dir}. Drag the candidate towards x̄ = ${f(m.mle)}, where the slope is 0.`,
        ]);
      }
      return;
    }
    const ll = m.logLik.value;
    const s = m.slope.value;
    if (m.mle.value === null) {
      setParts(lesson, [
        `Every xᵢ equals μ (σ = 0): Σ(xᵢ − μ)² = 0 and ℓ(σ²) = −(n/2)ln(2πσ²) grows without bound as σ² → 0. `,
        ["There is no maximum", "b"],
        `: σ̂² = 0 is not a variance.`,
      ]);
    } else if (ll === null) {
      setParts(lesson, [
        `At σ² = ${f(m.at)}, ℓ is below the floating-point range: σ² is tiny against the deviations.`,
      ]);
    } else if (onMax) {
      setParts(lesson, [
        `At σ² = ${f(m.at)} the tangent is flat (dℓ/dσ² ≈ 0): `,
        [`σ̂² = (1/n)Σ(xᵢ − μ)² = ${f(m.mle.value)}`, "b"],
        `, the mean squared deviation from the known μ.`,
      ]);
    } else {
      const dir = (s ?? 0) > 0 ? "right" : "left";
      setParts(lesson, [
        `At σ² = ${f(m.at)} the slope is `,
        [`dℓ/dσ² = ${s === null ? "undefined" : f(s)}`, "b"],
        `: ℓ rises to the ${dir}. The top is at σ̂² = (1/n)Σ(xᵢ − μ)² = ${f(m.mle.value)}.`,
      ]);
    }
  }

  function setLink(m: MleModel): void {
    if (m.kind === "bernoulli") {
      const ce = m.crossEntropy.value;
      setParts(link, [
        ["Bernoulli MLE is cross-entropy: ", "b"],
        `−ℓ(p)/n = −[x̄·ln p + (1 − x̄)·ln(1 − p)], the loss of logistic regression. Here it is `,
        [ce === null ? "+∞" : f(ce), "b"],
        ` at p = ${f(m.at)} and `,
        [f(m.minCrossEntropy), "b"],
        ` at p̂, its minimum: maximising ℓ is minimising cross-entropy.`,
      ]);
      return;
    }
    setParts(link, [
      ["Gaussian MLE is least squares: ", "b"],
      `with σ² fixed, −ℓ(μ) = (n/2)·ln(2πσ²) + Σ(xᵢ − μ)²/(2σ²), so in μ (or in a regression's weights) only the sum of squares moves; here Σ(xᵢ − μ)² = `,
      [f(m.sumSquares), "b"],
      `. Maximising the likelihood is minimising squared error.`,
    ]);
  }

  function draw(p: MleParams, m: MleModel): void {
    const pal = ctx.palette();
    fitMargins(pal);
    root.dataset.mode = m.kind;
    setLesson(m);
    setLink(m);
    const data = m.kind === "bernoulli" ? m.flips : m.xs;
    if (changed("strip", [data, size(dataBox).w, pal, p.sigma]))
      if (m.kind === "bernoulli") drawStripBernoulli(m, pal);
      else drawStripGaussian(m, p, pal);
    drawCurve(m, p, pal);
    if (m.kind === "gaussian") updateBias(m, pal);
    else cancelJob();
  }

  return {
    update(p: MleParams, m: MleModel) {
      model = m;
      draw(p, m);
    },
    resize({ width }: { width: number; height: number }) {
      const isNarrow = width < NARROW_PX;
      if (isNarrow !== narrow) {
        narrow = isNarrow;
        host.classList.toggle("lg-stage-flow", narrow);
      }
    },
    dispose() {
      cancelJob();
      boxSizes.disconnect();
      handle.dispose();
      root.remove();
      host.classList.remove("ml-host", "lg-stage-flow");
    },
  };
}
