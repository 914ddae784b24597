// Charts in data units: x/y scales (linear or log), axes with ticks and labels, and keyed series
// (lines, areas, dots, vertical markers) drawn through the same two scales. Used for convergence
// plots, funnels, spectra and histograms, so every chart in Legible reads the same way.
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from "d3-scale";
import type { Palette } from "../kit/scene";
import { setText } from "../kit/dom";
import { renderAxis } from "./axis";
import { attrs, polyline, svg } from "./svg";

export type Scale = ScaleContinuousNumeric<number, number>;

export interface ChartOptions {
  label: string;
  xLabel?: string;
  yLabel?: string;
  xLog?: boolean;
  yLog?: boolean;
  margin?: { top: number; right: number; bottom: number; left: number };
  /** Explicit ticks (e.g. decades only on a log axis), from the current domain and pixel length. */
  xTicks?: (domain: [number, number], pixels: number) => number[];
  yTicks?: (domain: [number, number], pixels: number) => number[];
  /** Tick label text (e.g. 10⁻⁴ rather than 0.0001). */
  xFormat?: (v: number) => string;
  yFormat?: (v: number) => string;
}

export interface Chart {
  svg: SVGSVGElement;
  plot: SVGGElement;
  x: Scale;
  y: Scale;
  setDomain(x: [number, number], y: [number, number]): void;
  resize(width: number, height: number): void;
  /** Redraws axes and labels in the palette's colours. */
  drawAxes(p: Palette): void;
  /** A keyed polyline through data points (non-finite points break the line; log axes skip ≤ 0). */
  line(
    key: string,
    pts: readonly (readonly [number, number])[],
    style: { color: string; width: number; dash?: string; opacity?: number },
  ): SVGPathElement;
  /** A keyed band between two curves. */
  band(
    key: string,
    xs: readonly number[],
    lo: readonly number[],
    hi: readonly number[],
    style: { color: string; opacity: number },
  ): SVGPathElement;
  /** A keyed vertical rule with a label. */
  vrule(key: string, x: number, text: string, color: string, p: Palette): void;
  /** Removes a keyed series. */
  drop(key: string): void;
  width(): number;
  height(): number;
}

let chartCount = 0;

export function createChart(host: HTMLElement, opts: ChartOptions): Chart {
  const root = svg("svg", { role: "img", "aria-label": opts.label, class: "lg-chart" });
  root.style.display = "block";
  root.style.width = "100%";
  root.style.height = "100%";
  host.appendChild(root);
  const gx = svg("g", {}, root);
  const gy = svg("g", {}, root);
  const plot = svg("g", {}, root);
  const xl = svg("text", { "text-anchor": "middle" }, root);
  const yl = svg("text", { "text-anchor": "middle" }, root);
  const clipId = `lg-clip-${++chartCount}`;
  const clip = svg("clipPath", { id: clipId }, root);
  const clipRect = svg("rect", {}, clip);
  plot.setAttribute("clip-path", `url(#${clipId})`);
  const m = opts.margin ?? { top: 10, right: 12, bottom: 40, left: 56 };
  let w = 300;
  let h = 200;
  const x: Scale = opts.xLog ? scaleLog() : scaleLinear();
  const y: Scale = opts.yLog ? scaleLog() : scaleLinear();
  const series = new Map<string, SVGElement>();
  /** What the axes were last drawn from. */
  let axesKey = "";
  const ok = (s: Scale, log: boolean | undefined, v: number) =>
    Number.isFinite(v) && (!log || v > 0) && Number.isFinite(s(v));

  function layout(): void {
    x.range([m.left, Math.max(m.left + 10, w - m.right)]);
    y.range([Math.max(m.top + 10, h - m.bottom), m.top]);
    attrs(root, { viewBox: `0 0 ${w} ${h}`, width: w, height: h });
    attrs(clipRect, {
      x: m.left,
      y: m.top - 2,
      width: Math.max(0, w - m.left - m.right),
      height: Math.max(0, h - m.top - m.bottom + 4),
    });
  }
  layout();

  function keyed<K extends "path" | "g">(key: string, tag: K): SVGElementTagNameMap[K] {
    let node = series.get(key) as SVGElementTagNameMap[K] | undefined;
    if (!node) {
      node = svg(tag, { "data-series": key }, plot);
      series.set(key, node);
    }
    return node;
  }

  const chart: Chart = {
    svg: root,
    plot,
    x,
    y,
    setDomain(dx, dy) {
      x.domain(dx);
      y.domain(dy);
    },
    resize(width, height) {
      w = Math.max(80, width);
      h = Math.max(60, height);
      layout();
    },
    drawAxes(p) {
      const font = p.fontSize * 0.72;
      const nx = Math.max(2, Math.floor((w - m.left - m.right) / 70));
      const ny = Math.max(2, Math.floor((h - m.top - m.bottom) / 40));
      const span = (r: number[]) => Math.abs(r[1] - r[0]);
      const xt = opts.xTicks?.(x.domain() as [number, number], span(x.range()));
      const yt = opts.yTicks?.(y.domain() as [number, number], span(y.range()));
      // Both axes are written in place, attribute by attribute (renderAxis); the key (tick values
      // and their labels, so ticks that follow a scene's state still update) skips even that walk
      // when nothing they draw has changed. As d3-axis, a log axis labels only the ticks its
      // default format ("~g") labels.
      const xs = xt ?? x.ticks(nx);
      const ys = yt ?? y.ticks(ny);
      const fx = opts.xFormat ?? x.tickFormat(nx, opts.xLog ? "~g" : undefined);
      const fy = opts.yFormat ?? y.tickFormat(ny, opts.yLog ? "~g" : undefined);
      const xLabels = xs.map((v) => fx(+v));
      const yLabels = ys.map((v) => fy(+v));
      const key = JSON.stringify([
        w,
        h,
        x.domain(),
        y.domain(),
        xs,
        ys,
        xLabels,
        yLabels,
        p.muted,
        font,
      ]);
      if (key === axesKey) return;
      axesKey = key;
      attrs(gx, { transform: `translate(0,${y.range()[0]})` });
      attrs(gy, { transform: `translate(${m.left},0)` });
      renderAxis(gx, {
        orient: "bottom",
        scale: x,
        values: xs,
        labels: xLabels,
        color: p.muted,
        fontSize: font,
      });
      renderAxis(gy, {
        orient: "left",
        scale: y,
        values: ys,
        labels: yLabels,
        color: p.muted,
        fontSize: font,
      });
      attrs(xl, { x: (m.left + w - m.right) / 2, y: h - 6, fill: p.muted, "font-size": font });
      setText(xl, opts.xLabel ?? "");
      attrs(yl, {
        transform: `translate(14,${(m.top + h - m.bottom) / 2}) rotate(-90)`,
        fill: p.muted,
        "font-size": font,
      });
      setText(yl, opts.yLabel ?? "");
    },
    line(key, pts, style) {
      const path = keyed(key, "path");
      const px = pts.map(
        ([a, b]) =>
          (ok(x, opts.xLog, a) && ok(y, opts.yLog, b) ? [x(a), y(b)] : [NaN, NaN]) as [
            number,
            number,
          ],
      );
      attrs(path, {
        d: polyline(px),
        fill: "none",
        stroke: style.color,
        "stroke-width": style.width,
        "stroke-dasharray": style.dash ?? null,
        opacity: style.opacity ?? 1,
        "stroke-linejoin": "round",
      });
      return path;
    },
    band(key, xs, lo, hi, style) {
      const path = keyed(key, "path");
      const top: [number, number][] = [];
      const bottom: [number, number][] = [];
      xs.forEach((a, i) => {
        if (!ok(x, opts.xLog, a) || !ok(y, opts.yLog, lo[i]) || !ok(y, opts.yLog, hi[i])) return;
        top.push([x(a), y(hi[i])]);
        bottom.push([x(a), y(lo[i])]);
      });
      const d = top.length > 1 ? polyline([...top, ...bottom.reverse()]) + "Z" : "";
      attrs(path, { d, fill: style.color, "fill-opacity": style.opacity, stroke: "none" });
      return path;
    },
    vrule(key, at, text, color, p) {
      const g = keyed(key, "g");
      g.replaceChildren();
      if (!ok(x, opts.xLog, at)) return;
      const px = x(at);
      svg(
        "line",
        {
          x1: px,
          x2: px,
          y1: y.range()[1],
          y2: y.range()[0],
          stroke: color,
          "stroke-width": Math.max(1, p.lineWidth * 0.75),
          "stroke-dasharray": "5 4",
        },
        g,
      );
      const t = svg(
        "text",
        {
          x: px + 4,
          y: y.range()[1] + p.fontSize * 0.8,
          fill: color,
          "font-size": p.fontSize * 0.72,
        },
        g,
      );
      t.textContent = text;
    },
    drop(key) {
      series.get(key)?.remove();
      series.delete(key);
    },
    width: () => w,
    height: () => h,
  };
  return chart;
}
