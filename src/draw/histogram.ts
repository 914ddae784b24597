// Histograms against their theory, on a chart's scales: filled bars (one path, however many bins)
// with a cap on bars taller than the axis, stems for a pmf at the integers (a curve goes through
// chart.line), chart margins that fit the theme's type, an HTML legend, and an interval strip:
// rows of "centre ± spread" brackets on the chart's x scale (μ ± σ of the theory, x̄ ± s, …).
import { setText } from "../kit/dom";
import type { Palette } from "../kit/scene";
import type { Chart, Scale } from "./chart";
import { attrs, svg } from "./svg";

/** A series drawn on a histogram layer. */
export interface BarStyle {
  color: string;
  opacity: number;
  /** Outline colour of each bar (none when absent). */
  stroke?: string;
}

export interface LineStyle {
  color: string;
  width: number;
  dash?: string;
  opacity?: number;
}

export interface LegendItem {
  label: string;
  color: string;
  kind: "bar" | "line" | "dash" | "dot";
}

export interface HistogramLayer {
  /** Bars over bins [edges[i], edges[i + 1]] with heights[i]; null or ≤ 0 draws nothing. */
  bars(
    key: string,
    edges: readonly number[],
    heights: readonly (number | null)[],
    style: BarStyle,
  ): void;
  /** Stems with a dot at each (x, y), e.g. a pmf at the integers. */
  stems(
    key: string,
    xs: readonly number[],
    ys: readonly number[],
    style: LineStyle & { r: number },
  ): void;
  /** Removes a keyed series. */
  drop(key: string): void;
}

const px = (v: number) => v.toFixed(2);

/**
 * Chart margins that fit the theme's type: room for tick labels like 0.0025 and the rotated y
 * label on the left, and for tick labels and the x label below. The projector theme's larger
 * font gets larger margins, so a chart is rebuilt when the font size changes.
 */
export function chartMargin(p: Palette): {
  top: number;
  right: number;
  bottom: number;
  left: number;
} {
  const font = p.fontSize;
  return { top: 10, right: 14, bottom: Math.round(2.75 * font), left: Math.round(3.6 * font + 12) };
}

/**
 * The path of bars in pixels: one rectangle per bin from y = 0 up to its height, skipping empty
 * bins. Bars taller than the y domain stop at the top of the plot; their bin indices are returned
 * so the caller can mark them.
 */
export function barsPath(
  x: Scale,
  y: Scale,
  edges: readonly number[],
  heights: readonly (number | null)[],
): { d: string; over: number[] } {
  const [yBottom, yTop] = y.range();
  const top = y.domain()[1];
  let d = "";
  const over: number[] = [];
  for (let i = 0; i < heights.length; i++) {
    const h = heights[i];
    if (h === null || !(h > 0) || !Number.isFinite(h)) continue;
    const x0 = x(edges[i]);
    const x1 = x(edges[i + 1]);
    if (!Number.isFinite(x0) || !Number.isFinite(x1)) continue;
    let yh = y(h);
    if (h > top) {
      over.push(i);
      yh = yTop;
    }
    // A bar at least half a pixel wide, so a narrow bin is still seen.
    const w = Math.max(0.5, x1 - x0);
    d += `M${px(x0)},${px(yBottom)}h${px(w)}V${px(yh)}h${px(-w)}Z`;
  }
  return { d, over };
}

export function createHistogramLayer(chart: Chart): HistogramLayer {
  const nodes = new Map<string, SVGGElement>();
  const group = (key: string): SVGGElement => {
    let g = nodes.get(key);
    if (!g) {
      g = svg("g", { "data-series": key }, chart.plot);
      nodes.set(key, g);
    }
    return g;
  };

  return {
    bars(key, edges, heights, style) {
      const g = group(key);
      const { d, over } = barsPath(chart.x, chart.y, edges, heights);
      let path = g.firstElementChild as SVGPathElement | null;
      if (!path) path = svg("path", {}, g);
      attrs(path, {
        d,
        fill: style.color,
        "fill-opacity": style.opacity,
        stroke: style.stroke ?? "none",
        "stroke-width": style.stroke ? 1 : null,
        "stroke-opacity": style.stroke ? 0.8 : null,
      });
      // Bars cut off by the top of the axis get a small upward chevron.
      let caps = path.nextElementSibling as SVGPathElement | null;
      if (!caps) caps = svg("path", { fill: "none" }, g);
      const yTop = chart.y.range()[1];
      let c = "";
      for (const i of over) {
        const mid = (chart.x(edges[i]) + chart.x(edges[i + 1])) / 2;
        c += `M${px(mid - 5)},${px(yTop + 9)}L${px(mid)},${px(yTop + 3)}L${px(mid + 5)},${px(yTop + 9)}`;
      }
      attrs(caps, { d: c, stroke: style.stroke ?? style.color, "stroke-width": 2 });
    },
    stems(key, xs, ys, style) {
      const g = group(key);
      let path = g.firstElementChild as SVGPathElement | null;
      if (!path) path = svg("path", { fill: "none" }, g);
      let dots = path.nextElementSibling as SVGPathElement | null;
      if (!dots) dots = svg("path", {}, g);
      const y0 = chart.y(0);
      let d = "";
      let dd = "";
      const r = style.r;
      for (let i = 0; i < xs.length; i++) {
        const a = chart.x(xs[i]);
        const b = chart.y(ys[i]);
        if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
        d += `M${px(a)},${px(y0)}V${px(b)}`;
        if (r > 0)
          dd += `M${px(a - r)},${px(b)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
      }
      attrs(path, {
        d,
        stroke: style.color,
        "stroke-width": style.width,
        opacity: style.opacity ?? 1,
      });
      attrs(dots, { d: dd, fill: style.color, opacity: style.opacity ?? 1 });
    },
    drop(key) {
      nodes.get(key)?.remove();
      nodes.delete(key);
    },
  };
}

export interface Legend {
  el: HTMLElement;
  /** Replaces the items (only when they differ from the last call). */
  update(items: readonly LegendItem[], p: Palette): void;
  remove(): void;
}

/**
 * A legend in HTML over the top-right corner of a chart's plot area (`host` is the chart's
 * positioned box). HTML sizes itself, so no text is measured and no layout is forced.
 */
export function createLegend(host: HTMLElement, inset: { top: number; right: number }): Legend {
  const box = document.createElement("div");
  box.setAttribute("aria-hidden", "true");
  const st = box.style;
  st.position = "absolute";
  st.top = `${inset.top}px`;
  st.right = `${inset.right}px`;
  st.pointerEvents = "none";
  st.padding = "0.2em 0.45em";
  st.borderRadius = "4px";
  st.lineHeight = "1.45";
  st.background = "color-mix(in srgb, var(--bg) 85%, transparent)";
  host.appendChild(box);
  let key = "";
  return {
    el: box,
    update(items, p) {
      const next = `${p.theme}|${items.map((i) => `${i.kind}:${i.color}:${i.label}`).join("|")}`;
      if (next === key) return;
      key = next;
      st.fontSize = `${p.fontSize * 0.72}px`;
      st.color = p.fg;
      box.replaceChildren(
        ...items.map((item) => {
          const row = document.createElement("div");
          row.style.whiteSpace = "nowrap";
          const sw = document.createElement("span");
          const s = sw.style;
          s.display = "inline-block";
          s.width = "1.4em";
          s.marginRight = "0.45em";
          s.verticalAlign = "middle";
          if (item.kind === "bar") {
            s.height = "0.85em";
            s.background = item.color;
            s.opacity = "0.6";
          } else if (item.kind === "dot") {
            s.height = "0.6em";
            s.width = "0.6em";
            s.margin = "0 0.85em 0 0.4em";
            s.borderRadius = "50%";
            s.background = item.color;
          } else {
            s.height = "0";
            s.borderTop = `${Math.max(2, p.lineWidth)}px ${item.kind === "dash" ? "dashed" : "solid"} ${item.color}`;
          }
          row.append(sw, document.createTextNode(item.label));
          return row;
        }),
      );
    },
    remove() {
      box.remove();
    },
  };
}

/** One bracket of an interval strip: [lo, hi] with a mark at the centre. */
export interface IntervalRow {
  center: number;
  lo: number;
  hi: number;
  label: string;
  color: string;
  dash?: boolean;
}

export interface IntervalStrip {
  el: SVGSVGElement;
  /** Draws the rows on the x scale (pixels as in a chart of the same width); returns the height. */
  update(rows: readonly IntervalRow[], x: Scale, width: number, p: Palette): number;
  remove(): void;
}

/**
 * A strip of brackets drawn above a chart and sharing its x scale: each row is a horizontal bar
 * from lo to hi with end ticks, a diamond at the centre and a label beside it.
 */
export function createIntervalStrip(host: HTMLElement, label: string): IntervalStrip {
  const root = svg("svg", { role: "img", "aria-label": label });
  root.style.display = "block";
  root.style.width = "100%";
  host.appendChild(root);
  // One group per row, reused between updates: play redraws the strip on every frame.
  const groups: { bar: SVGPathElement; mark: SVGPathElement; text: SVGTextElement }[] = [];
  let size = "";
  return {
    el: root,
    update(rows, x, width, p) {
      const font = p.fontSize * 0.74;
      const line = font * 1.7;
      const r = 5;
      const [xl, xr] = x.range();
      const clamp = (v: number) => Math.min(xr + 6, Math.max(xl - 6, v));
      const shown = rows.filter((row) =>
        [row.lo, row.hi, row.center].every((v) => Number.isFinite(x(v))),
      );
      // Where each label goes, from an estimate of its width (no text is measured, so no layout
      // is forced): beside its bracket on the roomier side, or, if some label fits on neither
      // side (a phone), every label on a line of its own above its bracket.
      const estimate = (s: string) => s.length * font * 0.6;
      const places = shown.map((row) => {
        const a = clamp(x(row.lo));
        const b = clamp(x(row.hi));
        const c = clamp(x(row.center));
        const rightRoom = width - Math.max(b, c + r) - 10;
        const leftRoom = Math.min(a, c - r) - 10;
        return {
          a,
          b,
          c,
          onRight: rightRoom >= leftRoom,
          fits: Math.max(rightRoom, leftRoom) >= estimate(row.label),
        };
      });
      const stacked = places.some((q) => !q.fits);
      const rowH = stacked ? line * 1.75 : line;
      const height = Math.ceil(shown.length * rowH + 4);
      const nextSize = `${width}x${height}`;
      if (nextSize !== size) {
        attrs(root, { viewBox: `0 0 ${width} ${height}`, width, height });
        root.style.height = `${height}px`;
        size = nextSize;
      }
      while (groups.length < shown.length) {
        const g = svg("g", {}, root);
        groups.push({
          bar: svg("path", { fill: "none" }, g),
          mark: svg("path", {}, g),
          text: svg("text", { "font-weight": 600, "paint-order": "stroke" }, g),
        });
      }
      groups.forEach((g, i) => {
        const row = shown[i];
        (g.bar.parentNode as SVGGElement).style.display = row ? "" : "none";
        if (!row) return;
        const { a, b, c, onRight } = places[i];
        const cy = i * rowH + rowH - line / 2 + 2;
        attrs(g.bar, {
          d: `M${px(a)},${px(cy - 5)}V${px(cy + 5)}M${px(a)},${px(cy)}H${px(b)}M${px(b)},${px(cy - 5)}V${px(cy + 5)}`,
          stroke: row.color,
          "stroke-width": Math.max(1.5, p.lineWidth),
          "stroke-dasharray": row.dash ? "5 3" : null,
        });
        attrs(g.mark, {
          d: `M${px(c)},${px(cy - r)}l${r},${r}l${-r},${r}l${-r},${-r}Z`,
          fill: row.color,
        });
        const half = estimate(row.label) / 2;
        const tx = stacked
          ? Math.min(width - 2 - half, Math.max(2 + half, c))
          : onRight
            ? Math.max(b, c + r) + 8
            : Math.min(a, c - r) - 8;
        attrs(g.text, {
          x: px(tx),
          y: px(stacked ? cy - line * 0.55 : cy + font * 0.35),
          "text-anchor": stacked ? "middle" : onRight ? "start" : "end",
          fill: row.color,
          stroke: p.bg,
          "stroke-width": 3,
          "font-size": font,
        });
        setText(g.text, row.label);
      });
      return height;
    },
    remove() {
      root.remove();
    },
  };
}

/**
 * Vertical rules at the theoretical mean (solid) and the sample mean (dashed; dropped while there
 * is none), from 0 to `top`, so every histogram marks its means the same way.
 */
export function meanRules(
  chart: Chart,
  mean: number,
  sampleMean: number | null,
  top: number,
  style: { theory: string; sample: string; width: number },
): void {
  chart.line(
    "mean",
    [
      [mean, 0],
      [mean, top],
    ],
    { color: style.theory, width: style.width },
  );
  if (sampleMean !== null)
    chart.line(
      "sample-mean",
      [
        [sampleMean, 0],
        [sampleMean, top],
      ],
      { color: style.sample, width: style.width, dash: "6 4" },
    );
  else chart.drop("sample-mean");
}
