// The picture of distributions: a strip of brackets (E[X] ± σ of the theory, x̄ ± s of the
// samples) over a chart of the histogram against the pmf or pdf, with the ±σ band and both means
// marked. Play advances the `samples` param at `speed` per second.
import { ticks } from "d3-array";
import { createChart } from "../../src/draw/chart";
import { createColumn } from "../../src/draw/column";
import {
  chartMargin,
  createHistogramLayer,
  createIntervalStrip,
  createLegend,
  type IntervalRow,
  type LegendItem,
  meanRules,
} from "../../src/draw/histogram";
import { formatNumber as f } from "../../src/kit/format";
import type { Palette, SceneCtx } from "../../src/kit/scene";
import {
  MAX_SAMPLES,
  type DistributionsModel,
  type DistributionsParams,
  type params as schema,
} from "./model";

/** Narrower charts (a phone) go without the legend. */
const LEGEND_MIN_WIDTH = 420;
/** One → step adds a quarter of a second of play. */
const STEP_SECONDS = 0.25;

export function mountDistributions(host: HTMLElement, ctx: SceneCtx<typeof schema>) {
  let last: { p: DistributionsParams; m: DistributionsModel } | null = null;
  const column = createColumn(
    host,
    [
      { weight: 0, auto: true },
      { weight: 1, minHeight: 160 },
    ],
    () => {
      if (last) draw(last.p, last.m);
    },
  );
  const [stripBox, chartBox] = column.boxes;
  const strip = createIntervalStrip(stripBox.el, "Mean ± standard deviation: theory and sample");
  // One options object, kept: the chart reads its y label from it on every drawAxes.
  const chartOpts = {
    margin: chartMargin(ctx.palette()),
    label: "Histogram of the samples against the distribution",
    xLabel: "x",
    yLabel: "probability",
    // Discrete distributions take only integer values: no ticks at 0.2, 0.4, ….
    xTicks: (d: [number, number], pixels: number) => {
      const all = ticks(d[0], d[1], Math.max(2, Math.floor(pixels / 70)));
      return integerTicks ? all.filter(Number.isInteger) : all;
    },
  };
  let integerTicks = true;
  // The chart is rebuilt when the theme's font size changes, so its margins fit the tick labels.
  let chart = createChart(chartBox.el, chartOpts);
  let layer = createHistogramLayer(chart);
  let builtFont = ctx.palette().fontSize;
  const ensureChart = (pal: Palette) => {
    if (pal.fontSize === builtFont) return;
    chart.svg.remove();
    chartOpts.margin = chartMargin(pal);
    chart = createChart(chartBox.el, chartOpts);
    layer = createHistogramLayer(chart);
    builtFont = pal.fontSize;
    lastAxes = "";
  };
  const legend = createLegend(chartBox.el, { top: 12, right: 16 });
  let lastAxes = "";

  // Play: fractional samples accumulate between frames; lastT is the clock at the previous frame.
  let lastT = 0;
  let carry = 0;

  function draw(p: DistributionsParams, m: DistributionsModel): void {
    const pal = ctx.palette();
    const lw = pal.lineWidth;
    ensureChart(pal);
    // The axes are redrawn only when they change: during play only the bars and numbers move.
    const axesKey = `${chartBox.width()}x${chartBox.height()}|${m.xDomain}|${m.yMax}|${m.yLabel}|${pal.theme}`;
    if (axesKey !== lastAxes) {
      chart.resize(chartBox.width(), chartBox.height());
      chart.setDomain(m.xDomain, [0, m.yMax]);
      chartOpts.yLabel = m.yLabel;
      integerTicks = m.discrete;
      chart.drawAxes(pal);
      lastAxes = axesKey;
    }
    const theoryColor = pal.c[1];
    const sampleColor = pal.c[0];
    const top = m.yMax;

    // ±σ around the mean, shaded across the plot.
    chart.band("sigma", [m.mean - m.sd, m.mean + m.sd], [0, 0], [top, top], {
      color: theoryColor,
      opacity: 0.09,
    });
    layer.bars("hist", m.hist.edges, m.heights, {
      color: sampleColor,
      opacity: 0.5,
      stroke: sampleColor,
    });

    const th = m.theory;
    if (th.kind === "stems") {
      const dense = th.xs.length > 40;
      layer.stems("theory", th.xs, th.ys, {
        color: theoryColor,
        width: dense ? lw * 0.75 : lw,
        r: dense ? 0 : lw + 1.5,
      });
      chart.drop("theory-curve");
    } else if (th.kind === "curve") {
      chart.line("theory-curve", th.pts, { color: theoryColor, width: lw * 1.25 });
      layer.drop("theory");
    } else {
      // A point mass: one spike of height 1 at μ (the fraction of samples it gets is 1).
      layer.stems("theory", [th.at], [1], { color: theoryColor, width: lw * 1.5, r: lw + 2.5 });
      chart.drop("theory-curve");
    }
    const xbar = m.moments.mean;
    meanRules(chart, m.mean, xbar, top, {
      theory: theoryColor,
      sample: sampleColor,
      width: lw,
    });

    const theoryName =
      th.kind === "curve" && !m.discrete ? "pdf" : th.kind === "point" ? "point mass" : "pmf";
    const items: LegendItem[] = [
      { label: "histogram of the samples", color: sampleColor, kind: "bar" },
      {
        label: th.kind === "point" ? `${m.name}: all mass at μ` : `${theoryName} of ${m.name}`,
        color: theoryColor,
        kind: th.kind === "curve" ? "line" : "dot",
      },
      { label: "E[X] and ±σ", color: theoryColor, kind: "line" },
      { label: "sample mean x̄", color: sampleColor, kind: "dash" },
    ];
    // On a small chart the legend would cover the bars; the strip's labels name the colours.
    const small = chartBox.width() < LEGEND_MIN_WIDTH || chartBox.height() < 20 * pal.fontSize;
    legend.el.style.display = small ? "none" : "";
    legend.update(items, pal);

    const s2 = m.moments.variance;
    const rows: IntervalRow[] = [
      {
        center: m.mean,
        lo: m.mean - m.sd,
        hi: m.mean + m.sd,
        label: `E[X] ± σ = ${f(m.mean)} ± ${f(m.sd)}`,
        color: theoryColor,
      },
    ];
    if (xbar !== null) {
      const s = s2 === null ? 0 : Math.sqrt(s2);
      rows.push({
        center: xbar,
        lo: xbar - s,
        hi: xbar + s,
        label: s2 === null ? `x̄ = ${f(xbar)} (s needs 2 samples)` : `x̄ ± s = ${f(xbar)} ± ${f(s)}`,
        color: sampleColor,
      });
    }
    strip.update(rows, chart.x, chartBox.width(), pal);

    column.banner.show(bannerText(p, m, theoryName), theoryColor);
  }

  function bannerText(p: DistributionsParams, m: DistributionsModel, theoryName: string): string {
    const mo = m.moments;
    const head = `${m.name}: E[X] = ${f(m.mean)}, Var(X) = ${f(m.variance)}.`;
    const got = `${f(m.samples)} sample${m.samples === 1 ? "" : "s"}: x̄ = ${mo.mean === null ? "—" : f(mo.mean)}, s² = ${mo.variance === null ? "— (needs 2)" : f(mo.variance)}.`;
    if (m.variance === 0)
      return `${head} Var(X) = 0: X always equals ${f(m.mean)}${m.discrete ? "" : " (σ = 0 has no density; the bar is the fraction of samples)"}, so every sample lands there.`;
    if (m.samples >= MAX_SAMPLES)
      return `${head} ${got} The histogram hugs the ${theoryName}; σ/√m = ${f(m.standardError, 3)}.`;
    if (ctx.playing()) return `${head} ${got} σ/√m = ${f(m.standardError, 3)} shrinks as m grows.`;
    return `${head} ${got} Press ▶ Play to draw more (${f(p.speed)} per second).`;
  }

  return {
    update(p: DistributionsParams, m: DistributionsModel) {
      last = { p, m };
      draw(p, m);
    },
    frame(t: number) {
      const p = ctx.params();
      const dt = t > lastT ? t - lastT : 0;
      lastT = t;
      // Play from the end starts over, so the convergence can be watched again.
      if (p.samples >= MAX_SAMPLES) {
        carry = 0;
        ctx.set({ samples: 1 });
        return false;
      }
      carry += p.speed * dt;
      const add = Math.floor(carry);
      carry -= add;
      if (add > 0) ctx.set({ samples: Math.min(MAX_SAMPLES, p.samples + add) });
      return p.samples + add >= MAX_SAMPLES;
    },
    step() {
      const p = ctx.params();
      const next =
        p.samples >= MAX_SAMPLES ? 1 : p.samples + Math.max(1, Math.round(p.speed * STEP_SECONDS));
      ctx.set({ samples: Math.min(MAX_SAMPLES, next) });
    },
    reset() {
      lastT = 0;
      carry = 0;
    },
    resize() {
      if (last) draw(last.p, last.m);
    },
    dispose() {
      column.remove();
    },
  };
}
