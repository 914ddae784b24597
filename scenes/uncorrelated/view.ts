// The picture of uncorrelated: a scatter of the n points on a canvas with the least-squares line
// over it, and below, on the same x axis, the mean ± sd of Y within each X-bin against the band
// that independence predicts (the overall mean ± sd of Y, the same in every bin).
import { createChart, type Chart } from "../../src/draw/chart";
import { createColumn } from "../../src/draw/column";
import { chartMargin, createLegend } from "../../src/draw/histogram";
import { attrs, svg } from "../../src/draw/svg";
import { formatNumber as f } from "../../src/kit/format";
import type { Palette, SceneCtx } from "../../src/kit/scene";
import type { UncorrelatedModel, UncorrelatedParams, params as schema } from "./model";

/** From this many points on, the cloud is shaded per pixel instead of drawn point by point. */
const DENSE_FROM = 3000;

/** A CSS colour (#rgb, #rrggbb or rgb(…)) as three bytes; the theme's colours are hex. */
function rgb(color: string): [number, number, number] {
  const hex = color.trim().match(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i);
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join("") : hex[1];
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
  }
  const m = color.match(/(\d+)\D+(\d+)\D+(\d+)/);
  return m ? [+m[1], +m[2], +m[3]] : [0, 114, 178];
}

/** Narrower charts (a phone) go without the legend. */
const LEGEND_MIN_WIDTH = 460;

/** Point size and opacity by count: dense clouds get small, faint points so their shape shows. */
function pointStyle(n: number): { size: number; alpha: number } {
  if (n > 10_000) return { size: 1.5, alpha: 0.35 };
  if (n > DENSE_FROM) return { size: 2, alpha: 0.45 };
  if (n > 300) return { size: 3.5, alpha: 0.6 };
  return { size: 6, alpha: 0.85 };
}

export function mountUncorrelated(host: HTMLElement, ctx: SceneCtx<typeof schema>) {
  let last: { p: UncorrelatedParams; m: UncorrelatedModel } | null = null;
  const column = createColumn(
    host,
    [
      { weight: 3, minHeight: 170 },
      { weight: 2, minHeight: 120 },
    ],
    () => {
      if (last) draw(last.m);
    },
  );
  const [scatterBox, spreadBox] = column.boxes;

  // The scatter's points go on a canvas under the chart's SVG (axes and the line stay crisp).
  const canvas = document.createElement("canvas");
  canvas.setAttribute("aria-hidden", "true");
  Object.assign(canvas.style, { position: "absolute", left: "0", top: "0", pointerEvents: "none" });
  scatterBox.el.append(canvas);

  const scatterOpts = {
    margin: chartMargin(ctx.palette()),
    label: "Scatter of the points (X, Y) with the least-squares line",
    xLabel: "",
    yLabel: "Y",
  };
  const spreadOpts = {
    margin: chartMargin(ctx.palette()),
    label: "Mean ± standard deviation of Y within each X-bin, against the overall band",
    xLabel: "X",
    yLabel: "Y in each X-bin",
  };
  let scatter: Chart;
  let spread: Chart;
  let builtFont = -1;
  let lastAxes = "";
  let boxes: SVGPathElement;
  let means: SVGPathElement;
  function ensureCharts(pal: Palette): void {
    if (pal.fontSize === builtFont) return;
    scatter?.svg.remove();
    spread?.svg.remove();
    scatterOpts.margin = chartMargin(pal);
    spreadOpts.margin = chartMargin(pal);
    scatter = createChart(scatterBox.el, scatterOpts);
    scatter.svg.style.position = "relative";
    spread = createChart(spreadBox.el, spreadOpts);
    boxes = svg("path", {}, spread.plot);
    means = svg("path", { fill: "none" }, spread.plot);
    builtFont = pal.fontSize;
  }
  const legend = createLegend(scatterBox.el, { top: 12, right: 16 });

  // Pixel buffer for large clouds, reused while the canvas keeps its size.
  let image: ImageData | null = null;
  let counts: Uint16Array | null = null;

  function drawPoints(m: UncorrelatedModel, pal: Palette): void {
    const w = scatterBox.width();
    const h = scatterBox.height();
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    const cw = Math.max(1, Math.round(w * dpr));
    const ch = Math.max(1, Math.round(h * dpr));
    if (canvas.width !== cw || canvas.height !== ch) {
      canvas.width = cw;
      canvas.height = ch;
      canvas.style.width = `${w}px`;
      canvas.style.height = `${h}px`;
      image = null;
    }
    const g = canvas.getContext("2d");
    if (!g) return;
    // The scales are linear: one multiply-add per coordinate instead of a d3 call per point.
    const ax = scatter.x(1) - scatter.x(0);
    const bx = scatter.x(0);
    const ay = scatter.y(1) - scatter.y(0);
    const by = scatter.y(0);
    const [x0, x1] = scatter.x.range();
    const [y0, y1] = scatter.y.range();
    const { size, alpha } = pointStyle(m.n);
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, cw, ch);
    if (m.n <= DENSE_FROM) {
      g.setTransform(dpr, 0, 0, dpr, 0, 0);
      g.save();
      g.beginPath();
      g.rect(x0, y1, x1 - x0, y0 - y1);
      g.clip();
      g.globalAlpha = alpha;
      g.fillStyle = pal.c[0];
      g.beginPath();
      const r = size / 2;
      for (let i = 0; i < m.n; i++) {
        const px = ax * m.xs[i] + bx;
        const py = ay * m.ys[i] + by;
        g.moveTo(px + r, py);
        g.arc(px, py, r, 0, 2 * Math.PI);
      }
      g.fill();
      g.restore();
      return;
    }
    // Many points: count them per device pixel (a square of `size` CSS pixels each), then shade
    // each pixel as `count` overlapping points of opacity `alpha` would: 1 − (1 − alpha)^count.
    // Only the plot rectangle is touched; the rest of the buffer stays transparent.
    if (!image || !counts) {
      image = g.createImageData(cw, ch);
      counts = new Uint16Array(cw * ch);
    }
    const side = Math.max(1, Math.round(size * dpr));
    const rx0 = Math.max(0, Math.ceil(x0 * dpr));
    const ry0 = Math.max(0, Math.ceil(y1 * dpr));
    const rx1 = Math.min(cw, Math.floor(x1 * dpr));
    const ry1 = Math.min(ch, Math.floor(y0 * dpr));
    for (let y = ry0; y < ry1; y++) counts.fill(0, y * cw + rx0, y * cw + rx1);
    for (let i = 0; i < m.n; i++) {
      const px = Math.round((ax * m.xs[i] + bx) * dpr - side / 2);
      const py = Math.round((ay * m.ys[i] + by) * dpr - side / 2);
      if (px < rx0 || py < ry0 || px > rx1 - side || py > ry1 - side) continue;
      for (let dy = 0; dy < side; dy++) {
        const row = (py + dy) * cw + px;
        for (let dx = 0; dx < side; dx++) if (counts[row + dx] < 65535) counts[row + dx]++;
      }
    }
    // Pixels as packed RGBA words (little-endian: alpha in the high byte), one per count level.
    const [r, gr, b] = rgb(pal.c[0]);
    const packed = new Uint32Array(64);
    for (let k = 1; k < 64; k++) {
      const a = Math.round(255 * (1 - (1 - alpha) ** k));
      packed[k] = ((a << 24) | (b << 16) | (gr << 8) | r) >>> 0;
    }
    const words = new Uint32Array(image.data.buffer);
    for (let y = ry0; y < ry1; y++) {
      for (let j = y * cw + rx0, end = y * cw + rx1; j < end; j++) {
        const c = counts[j];
        words[j] = c === 0 ? 0 : packed[c < 63 ? c : 63];
      }
    }
    g.putImageData(image, 0, 0);
  }

  function drawSpread(m: UncorrelatedModel, pal: Palette): void {
    const lw = pal.lineWidth;
    // The band independence predicts: the overall mean ± sd of Y, the same in every bin.
    if (m.yMean !== null && m.ySd !== null) {
      const [a, b] = m.xDomain;
      spread.band(
        "overall",
        [a, b],
        [m.yMean - m.ySd, m.yMean - m.ySd],
        [m.yMean + m.ySd, m.yMean + m.ySd],
        {
          color: pal.muted,
          opacity: 0.16,
        },
      );
      spread.line(
        "overall-mean",
        [
          [a, m.yMean],
          [b, m.yMean],
        ],
        { color: pal.muted, width: lw * 0.75, dash: "6 4" },
      );
    } else {
      spread.drop("overall");
      spread.drop("overall-mean");
    }
    let d = "";
    let dm = "";
    for (const bin of m.spread) {
      if (bin.mean === null) continue;
      const xa = spread.x(bin.lo + 0.2 * (bin.hi - bin.lo));
      const xb = spread.x(bin.hi - 0.2 * (bin.hi - bin.lo));
      const ym = spread.y(bin.mean);
      dm += `M${xa.toFixed(2)},${ym.toFixed(2)}H${xb.toFixed(2)}`;
      if (bin.sd !== null) {
        // A box a little taller than a pixel even when the spread is 0, so it can be seen.
        let yt = spread.y(bin.mean + bin.sd);
        let yb = spread.y(bin.mean - bin.sd);
        if (yb - yt < 2) {
          yt = ym - 1;
          yb = ym + 1;
        }
        d += `M${xa.toFixed(2)},${yt.toFixed(2)}H${xb.toFixed(2)}V${yb.toFixed(2)}H${xa.toFixed(2)}Z`;
      }
    }
    attrs(boxes, {
      d,
      fill: pal.c[2],
      "fill-opacity": 0.35,
      stroke: pal.c[2],
      "stroke-width": 1.5,
    });
    attrs(means, { d: dm, stroke: pal.c[2], "stroke-width": lw * 1.5 });
  }

  function draw(m: UncorrelatedModel): void {
    const pal = ctx.palette();
    ensureCharts(pal);
    // The axes are redrawn only when they change (d3's axis rewrites every tick).
    const axesKey = `${scatterBox.width()}x${scatterBox.height()}|${spreadBox.width()}x${spreadBox.height()}|${m.xDomain}|${m.yDomain}|${pal.theme}|${builtFont}`;
    if (axesKey !== lastAxes) {
      scatter.resize(scatterBox.width(), scatterBox.height());
      scatter.setDomain(m.xDomain, m.yDomain);
      scatter.drawAxes(pal);
      spread.resize(spreadBox.width(), spreadBox.height());
      spread.setDomain(m.xDomain, m.yDomain);
      spread.drawAxes(pal);
      lastAxes = axesKey;
    }
    drawPoints(m, pal);
    if (m.line) {
      const [a, b] = m.xDomain;
      scatter.line(
        "ls",
        [
          [a, m.line.a + m.line.b * a],
          [b, m.line.a + m.line.b * b],
        ],
        { color: pal.c[1], width: pal.lineWidth * 1.25 },
      );
    } else scatter.drop("ls");
    drawSpread(m, pal);
    legend.el.style.display = scatterBox.width() < LEGEND_MIN_WIDTH ? "none" : "";
    // The parabola leaves the top middle empty; a Gaussian cloud leaves the corners empty.
    const centred = m.core.mode === "square";
    Object.assign(
      legend.el.style,
      centred
        ? { left: "50%", right: "auto", transform: "translateX(-50%)" }
        : { left: "auto", right: "16px", transform: "" },
    );
    legend.update(
      [
        { label: `${f(m.n)} point${m.n === 1 ? "" : "s"} (X, Y)`, color: pal.c[0], kind: "dot" },
        { label: "least-squares line", color: pal.c[1], kind: "line" },
        { label: "Y within each X-bin: mean ± sd", color: pal.c[2], kind: "bar" },
        { label: "all Y: mean ± sd (if independent)", color: pal.muted, kind: "dash" },
      ],
      pal,
    );
    column.banner.show(
      bannerText(m),
      m.core.mode === "square" && m.core.mix === 0 ? pal.c[2] : pal.c[1],
    );
  }

  function bannerText(m: UncorrelatedModel): string {
    const r = m.sampleCorr.value;
    const rs = r === null ? `undefined (${m.sampleCorr.reason})` : f(r, 3);
    if (m.core.mode === "square") {
      if (m.core.mix === 0)
        return `Cov(X, Y) = ${f(m.cov)} and the sample correlation is ${rs}, yet Y = X² is a function of X: the bins below climb a parabola. Uncorrelated, but dependent.`;
      return `α = ${f(m.core.mix)}: Cov(X, Y) = α·Var(X) = ${f(m.cov)} and the correlation is ${f(m.corr, 3)} (sample ${rs}). Correlation sees only the linear part αX; the X² part is dependence it cannot see.`;
    }
    if (m.cov === 0)
      return `Jointly Gaussian with ρ = 0 (sample correlation ${rs}): every X-bin shows the same spread of Y. Here zero covariance does mean independence.`;
    return `Jointly Gaussian with ρ = ${f(m.cov)} (sample ${rs}): the bin means climb a line of slope ρ, and each bin is narrower than the overall band.`;
  }

  return {
    update(p: UncorrelatedParams, m: UncorrelatedModel) {
      last = { p, m };
      draw(m);
    },
    resize() {
      if (last) draw(last.m);
    },
    dispose() {
      column.remove();
    },
  };
}
