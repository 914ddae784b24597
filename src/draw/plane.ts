// A 2-D plane in math units: one view transform (math → pixels) for everything drawn on it, an
// equal-aspect fit of the requested domain into the available box, a grid and axes. Scenes author
// in math units and never touch pixel sizes.
import { attrs, svg } from "./svg";
import type { Palette } from "../kit/scene";

export type Pt = readonly [number, number];

export interface Plane {
  svg: SVGSVGElement;
  /** Layers, bottom to top. */
  grid: SVGGElement;
  back: SVGGElement;
  main: SVGGElement;
  front: SVGGElement;
  handles: SVGGElement;
  sx(x: number): number;
  sy(y: number): number;
  /** Math → pixels. */
  px(p: Pt): [number, number];
  /** Pixels → math. */
  invert(px: number, py: number): [number, number];
  /** Pixels per math unit. */
  unit(): number;
  /** The visible math domain after the aspect fit. */
  visible(): { x: [number, number]; y: [number, number] };
  resize(width: number, height: number): void;
  setDomain(x: [number, number], y: [number, number]): void;
  drawGrid(p: Palette): void;
  width(): number;
  height(): number;
}

export interface PlaneOptions {
  x: [number, number];
  y: [number, number];
  /** Keep one unit the same length on both axes (default true). */
  equal?: boolean;
  /** Aria label for the figure. */
  label: string;
  margin?: number;
}

export function createPlane(host: HTMLElement, opts: PlaneOptions): Plane {
  // A group, not an image: it holds focusable handles, which an img role would hide.
  const root = svg("svg", { class: "lg-plane", role: "group", "aria-label": opts.label });
  root.style.display = "block";
  root.style.width = "100%";
  root.style.height = "100%";
  root.style.touchAction = "none";
  host.appendChild(root);
  const grid = svg("g", {}, root);
  const back = svg("g", {}, root);
  const main = svg("g", {}, root);
  const front = svg("g", {}, root);
  const handles = svg("g", {}, root);
  let dom = { x: opts.x, y: opts.y };
  let w = 300;
  let h = 300;
  let k = 1;
  let ox = 0;
  let oy = 0;
  const margin = opts.margin ?? 8;
  const equal = opts.equal ?? true;
  let kx = 1;
  let ky = 1;
  let vis = { x: [...dom.x] as [number, number], y: [...dom.y] as [number, number] };

  function fit(): void {
    const iw = Math.max(10, w - 2 * margin);
    const ih = Math.max(10, h - 2 * margin);
    const dx = dom.x[1] - dom.x[0];
    const dy = dom.y[1] - dom.y[0];
    if (equal) {
      k = Math.min(iw / dx, ih / dy);
      kx = ky = k;
      const cx = (dom.x[0] + dom.x[1]) / 2;
      const cy = (dom.y[0] + dom.y[1]) / 2;
      ox = w / 2 - cx * k;
      oy = h / 2 + cy * k;
    } else {
      kx = iw / dx;
      ky = ih / dy;
      k = Math.min(kx, ky);
      ox = margin - dom.x[0] * kx;
      oy = margin + dom.y[1] * ky;
    }
    vis = { x: [(0 - ox) / kx, (w - ox) / kx], y: [(oy - h) / ky, oy / ky] };
    attrs(root, { viewBox: `0 0 ${w} ${h}`, width: w, height: h });
  }
  fit();

  const plane: Plane = {
    svg: root,
    grid,
    back,
    main,
    front,
    handles,
    sx: (x) => ox + x * kx,
    sy: (y) => oy - y * ky,
    px: (p) => [ox + p[0] * kx, oy - p[1] * ky],
    invert: (px, py) => [(px - ox) / kx, (oy - py) / ky],
    unit: () => k,
    visible: () => vis,
    width: () => w,
    height: () => h,
    resize(width, height) {
      w = Math.max(50, width);
      h = Math.max(50, height);
      fit();
    },
    setDomain(x, y) {
      dom = { x, y };
      fit();
    },
    drawGrid(p) {
      grid.replaceChildren();
      const span = Math.max(vis.x[1] - vis.x[0], vis.y[1] - vis.y[0]);
      const stepRaw = span / 12;
      const mag = 10 ** Math.floor(Math.log10(stepRaw));
      const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= stepRaw) ?? mag * 10;
      const lines: string[] = [];
      for (let x = Math.ceil(vis.x[0] / step) * step; x <= vis.x[1]; x += step)
        if (Math.abs(x) > step / 2) lines.push(`M${plane.sx(x).toFixed(1)},0V${h}`);
      for (let y = Math.ceil(vis.y[0] / step) * step; y <= vis.y[1]; y += step)
        if (Math.abs(y) > step / 2) lines.push(`M0,${plane.sy(y).toFixed(1)}H${w}`);
      svg("path", { d: lines.join(""), stroke: p.grid, "stroke-width": 1, fill: "none" }, grid);
      svg(
        "path",
        {
          d: `M${plane.sx(0)},0V${h}M0,${plane.sy(0)}H${w}`,
          stroke: "var(--axis)",
          "stroke-width": 1.2,
          fill: "none",
        },
        grid,
      );
      const label = (x: number, y: number, s: string, anchor: string) => {
        const t = svg(
          "text",
          { x, y, "text-anchor": anchor, fill: p.muted, "font-size": p.fontSize * 0.7 },
          grid,
        );
        t.textContent = s;
      };
      const fmt = (v: number) => String(parseFloat(v.toPrecision(6))).replace("-", "\u2212");
      for (let x = Math.ceil(vis.x[0] / step) * step; x <= vis.x[1]; x += step)
        if (Math.abs(x) > step / 2 && plane.sx(x) > 14 && plane.sx(x) < w - 14)
          label(plane.sx(x), Math.min(h - 4, Math.max(12, plane.sy(0) + 14)), fmt(x), "middle");
      for (let y = Math.ceil(vis.y[0] / step) * step; y <= vis.y[1]; y += step)
        if (Math.abs(y) > step / 2 && plane.sy(y) > 12 && plane.sy(y) < h - 8)
          label(Math.min(w - 4, Math.max(24, plane.sx(0) - 5)), plane.sy(y) + 4, fmt(y), "end");
    },
  };
  return plane;
}
