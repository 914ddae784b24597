// Arrows in math units: a shaft and a head, drawn in pixels by the plane's one transform so the head
// keeps its size at any zoom. Zero-length arrows draw as a dot rather than a NaN path.
import type { Plane, Pt } from "./plane";
import { attrs, svg } from "./svg";

export interface Arrow {
  el: SVGGElement;
  update(
    from: Pt,
    to: Pt,
    color: string,
    width: number,
    opts?: { dash?: string; opacity?: number },
  ): void;
  hide(): void;
  remove(): void;
}

export function createArrow(plane: Plane, layer: SVGGElement = plane.main): Arrow {
  const g = svg("g", { class: "lg-arrow" }, layer);
  const shaft = svg("path", { fill: "none", "stroke-linecap": "round" }, g);
  const head = svg("path", {}, g);
  return {
    el: g,
    update(from, to, color, width, opts = {}) {
      const [x0, y0] = plane.px(from);
      const [x1, y1] = plane.px(to);
      const dx = x1 - x0;
      const dy = y1 - y0;
      const len = Math.hypot(dx, dy);
      g.style.display = Number.isFinite(len) ? "" : "none";
      if (!Number.isFinite(len)) return;
      const hl = Math.min(len, 7 + width * 2.5);
      const ux = len > 1e-9 ? dx / len : 0;
      const uy = len > 1e-9 ? dy / len : 0;
      const bx = x1 - ux * hl;
      const by = y1 - uy * hl;
      const hw = hl * 0.45;
      attrs(shaft, {
        d: `M${x0.toFixed(2)},${y0.toFixed(2)}L${bx.toFixed(2)},${by.toFixed(2)}`,
        stroke: color,
        "stroke-width": width,
        "stroke-dasharray": opts.dash ?? null,
        opacity: opts.opacity ?? 1,
      });
      attrs(head, {
        d:
          len > 1e-9
            ? `M${x1.toFixed(2)},${y1.toFixed(2)}L${(bx - uy * hw).toFixed(2)},${(by + ux * hw).toFixed(2)}L${(bx + uy * hw).toFixed(2)},${(by - ux * hw).toFixed(2)}Z`
            : `M${x1},${y1}m-2,0a2,2 0 1,0 4,0a2,2 0 1,0 -4,0`,
        fill: color,
        opacity: opts.opacity ?? 1,
      });
    },
    hide() {
      g.style.display = "none";
    },
    remove() {
      g.remove();
    },
  };
}
