// The picture of expectation: brackets of E[S] ± σ (with the dependence, and if independent) and
// of the simulated sums, over a histogram of the sums against the pmf they would have if the
// summands were independent, and a ledger of bars: the means agree, the variances do not.
import { ticks } from "d3-array";
import { createChart } from "../../src/draw/chart";
import { createColumn } from "../../src/draw/column";
import {
  chartMargin,
  createHistogramLayer,
  createIntervalStrip,
  createLegend,
  type IntervalRow,
  meanRules,
} from "../../src/draw/histogram";
import { formatNumber as f } from "../../src/kit/format";
import type { Palette, SceneCtx } from "../../src/kit/scene";
import type { ExpectationModel, ExpectationParams, params as schema } from "./model";

interface LedgerRow {
  label: string;
  value: number | null;
  color: string;
}

/** A titled group of horizontal bars on one scale, in HTML (it sizes and wraps by itself). */
function createLedgerGroup(parent: HTMLElement) {
  const box = document.createElement("section");
  box.style.flex = "1 1 15rem";
  box.style.minWidth = "0";
  const title = document.createElement("div");
  title.style.fontWeight = "600";
  title.style.marginBottom = "0.15em";
  box.append(title);
  parent.append(box);
  const rows: { label: HTMLElement; bar: HTMLElement; value: HTMLElement }[] = [];
  return {
    update(heading: string, items: readonly LedgerRow[], p: Palette) {
      title.textContent = heading;
      title.style.color = p.fg;
      while (rows.length < items.length) {
        const row = document.createElement("div");
        row.style.display = "grid";
        row.style.gridTemplateColumns = "minmax(0, 9.5em) minmax(2em, 1fr) 4.2em";
        row.style.alignItems = "center";
        row.style.gap = "0.5em";
        const label = document.createElement("span");
        label.style.whiteSpace = "nowrap";
        label.style.overflow = "hidden";
        label.style.textOverflow = "ellipsis";
        const track = document.createElement("span");
        track.style.display = "block";
        track.style.height = "0.8em";
        track.style.borderRadius = "2px";
        track.style.background = "var(--grid)";
        const bar = document.createElement("span");
        bar.style.display = "block";
        bar.style.height = "100%";
        bar.style.borderRadius = "2px";
        track.append(bar);
        const value = document.createElement("span");
        value.style.textAlign = "right";
        value.style.fontVariantNumeric = "tabular-nums";
        row.append(label, track, value);
        box.append(row);
        rows.push({ label, bar, value });
      }
      const top = Math.max(1e-12, ...items.map((i) => i.value ?? 0)) * 1.05;
      items.forEach((item, i) => {
        const r = rows[i];
        r.label.textContent = item.label;
        r.label.title = item.label;
        r.label.style.color = p.muted;
        r.bar.style.background = item.color;
        r.bar.style.width = `${item.value === null ? 0 : Math.max(0, (100 * item.value) / top)}%`;
        r.value.textContent = item.value === null ? "—" : f(item.value);
        // The number in the theme's text colour (a palette colour can be too light to read).
        r.value.style.color = p.fg;
      });
    },
  };
}

/** The ledger is shown when the stage is at least this many font sizes tall. */
const LEDGER_MIN_FONTS = 30;
/** Narrower charts (a phone) go without the legend. */
const LEGEND_MIN_WIDTH = 480;

export function mountExpectation(host: HTMLElement, ctx: SceneCtx<typeof schema>) {
  let last: { p: ExpectationParams; m: ExpectationModel } | null = null;
  const column = createColumn(
    host,
    [
      { weight: 0, auto: true },
      { weight: 1, minHeight: 150 },
      { weight: 0, auto: true },
    ],
    () => {
      if (last) draw(last.p, last.m);
    },
  );
  const [stripBox, chartBox, ledgerBox] = column.boxes;
  const strip = createIntervalStrip(
    stripBox.el,
    "Mean ± standard deviation of the sum: with the dependence, if independent, and simulated",
  );
  // One options object, kept: the chart reads its y label from it on every drawAxes.
  const chartOpts = {
    margin: chartMargin(ctx.palette()),
    label: "Histogram of the simulated sums against the pmf if the summands were independent",
    xLabel: "S = X₁ + … + Xₙ",
    yLabel: "fraction of sums",
    // Sums of coins and dice are integers: no ticks between them.
    xTicks: (d: [number, number], pixels: number) =>
      ticks(d[0], d[1], Math.max(2, Math.floor(pixels / 70))).filter(Number.isInteger),
  };
  // The chart is rebuilt when the theme's font size changes, so its margins fit the tick labels.
  let chart = createChart(chartBox.el, chartOpts);
  let layer = createHistogramLayer(chart);
  let builtFont = ctx.palette().fontSize;
  let lastAxes = "";
  const ensureChart = (pal: Palette) => {
    if (pal.fontSize === builtFont) return;
    chart.svg.remove();
    chartOpts.margin = chartMargin(pal);
    chart = createChart(chartBox.el, chartOpts);
    layer = createHistogramLayer(chart);
    builtFont = pal.fontSize;
  };
  const legend = createLegend(chartBox.el, { top: 12, right: 16 });
  const ledger = document.createElement("div");
  ledger.style.color = "var(--fg)";
  const ls = ledger.style;
  ls.display = "flex";
  ls.flexWrap = "wrap";
  ls.gap = "0.4rem 1.4rem";
  ls.padding = "0.35rem 0.8rem 0.6rem";
  ls.fontSize = "0.82em";
  ledger.setAttribute("aria-label", "The mean and the variance of the sum, three ways");
  ledger.setAttribute("role", "group");
  ledgerBox.el.append(ledger);
  let ledgerShown = true;
  const meanGroup = createLedgerGroup(ledger);
  const varGroup = createLedgerGroup(ledger);

  function draw(p: ExpectationParams, m: ExpectationModel): void {
    const pal = ctx.palette();
    const lw = pal.lineWidth;
    const [cSim, cDep, cInd] = [pal.c[0], pal.c[1], pal.c[2]];
    const th = m.theory;
    ensureChart(pal);
    // A short stage (a phone in the projector theme) keeps the histogram and drops the ledger:
    // its numbers are in the readouts and the strip too.
    const roomy = column.height() >= LEDGER_MIN_FONTS * pal.fontSize;
    if (roomy !== ledgerShown) {
      column.show(2, roomy);
      ledgerShown = roomy;
    }
    // The axes are redrawn only when they change (d3's axis rewrites every tick).
    const yLabel = m.perBin === 1 ? "fraction of sums" : "fraction of sums per unit";
    const axesKey = `${chartBox.width()}x${chartBox.height()}|${m.xDomain}|${m.yMax}|${yLabel}|${pal.theme}|${builtFont}`;
    if (axesKey !== lastAxes) {
      chart.resize(chartBox.width(), chartBox.height());
      chart.setDomain(m.xDomain, [0, m.yMax]);
      chartOpts.yLabel = yLabel;
      chart.drawAxes(pal);
      lastAxes = axesKey;
    }
    const top = m.yMax;
    chart.band("sigma", [th.mean - m.sd, th.mean + m.sd], [0, 0], [top, top], {
      color: cDep,
      opacity: 0.09,
    });
    layer.bars("hist", m.hist.edges, m.heights, { color: cSim, opacity: 0.5, stroke: cSim });
    const ref = m.reference;
    if (ref.kind === "stems") {
      layer.stems("reference", ref.xs, ref.ys, { color: cInd, width: lw * 0.9, r: lw + 1.5 });
      chart.drop("reference-curve");
    } else {
      chart.line(
        "reference-curve",
        ref.xs.map((x, i) => [x, ref.ys[i]] as [number, number]),
        { color: cInd, width: lw * 1.1, dash: "6 4" },
      );
      layer.drop("reference");
    }
    const xbar = m.moments.mean;
    meanRules(chart, th.mean, xbar, top, { theory: cDep, sample: cSim, width: lw });
    // On a small chart the legend would cover the bars; the strip's labels name the colours.
    const small = chartBox.width() < LEGEND_MIN_WIDTH || chartBox.height() < 20 * pal.fontSize;
    legend.el.style.display = small ? "none" : "";
    legend.update(
      [
        { label: `${f(m.trialsUsed)} simulated sums`, color: cSim, kind: "bar" },
        { label: "pmf if independent", color: cInd, kind: ref.kind === "stems" ? "dot" : "dash" },
        { label: "E[S] and ±σ with ρ", color: cDep, kind: "line" },
        { label: "mean of the sums", color: cSim, kind: "dash" },
      ],
      pal,
    );

    const s2 = m.moments.variance;
    const s = s2 === null ? 0 : Math.sqrt(s2);
    const rows: IntervalRow[] = [
      {
        center: th.mean,
        lo: th.mean - m.sd,
        hi: th.mean + m.sd,
        label: `E[S] ± σ = ${f(th.mean)} ± ${f(m.sd)}`,
        color: cDep,
      },
      {
        center: th.mean,
        lo: th.mean - m.sdIndependent,
        hi: th.mean + m.sdIndependent,
        label: `if independent: ${f(th.mean)} ± ${f(m.sdIndependent)}`,
        color: cInd,
        dash: true,
      },
    ];
    if (xbar !== null)
      rows.push({
        center: xbar,
        lo: xbar - s,
        hi: xbar + s,
        label: `simulated: ${f(xbar)} ± ${f(s)}`,
        color: cSim,
      });
    strip.update(rows, chart.x, chartBox.width(), pal);

    meanGroup.update(
      "E[S]: the means add, whatever ρ",
      [
        { label: "n · E[X₁]", value: th.mean, color: cInd },
        { label: `E[S], ρ = ${f(m.sum.dependence)}`, value: th.mean, color: cDep },
        { label: "simulated S̄", value: xbar, color: cSim },
      ],
      pal,
    );
    varGroup.update(
      "Var(S): adds only when every Cov = 0",
      [
        { label: "n · Var(X₁)", value: th.varianceIfIndependent, color: cInd },
        { label: `Var(S), ρ = ${f(m.sum.dependence)}`, value: th.variance, color: cDep },
        { label: "simulated s²", value: s2, color: cSim },
      ],
      pal,
    );
    column.banner.show(bannerText(p, m), m.sum.dependence === 0 ? cInd : cDep);
  }

  function bannerText(p: ExpectationParams, m: ExpectationModel): string {
    const th = m.theory;
    const cap = m.capped
      ? ` (${f(m.trialsUsed)} of ${f(p.trials)} trials simulated: n·trials is capped to stay interactive.)`
      : "";
    if (m.sum.dependence === 0)
      return `Independent: E[S] = n·E[X₁] = ${f(th.mean)} and Var(S) = n·Var(X₁) = ${f(th.variance)}. Drag ρ to make the summands dependent.${cap}`;
    const extra = th.variance - th.varianceIfIndependent;
    const how =
      extra >= 0 ? `the covariances add ${f(extra)}` : `the covariances take away ${f(-extra)}`;
    return `ρ = ${f(m.sum.dependence)}: E[S] is still ${f(th.mean)}, but Var(S) = ${f(th.variance)}, not ${f(th.varianceIfIndependent)}: ${how}.${cap}`;
  }

  return {
    update(p: ExpectationParams, m: ExpectationModel) {
      last = { p, m };
      draw(p, m);
    },
    resize() {
      if (last) draw(last.p, last.m);
    },
    dispose() {
      column.remove();
    },
  };
}
