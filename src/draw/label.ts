// Text in figures: labels placed at a pixel point (with a halo so they read over lines), and a
// banner across the top of a stage for the one sentence that matters now.
import type { Palette } from "../kit/scene";
import { setText } from "../kit/dom";
import { attrs, svg } from "./svg";

export interface Label {
  el: SVGTextElement;
  update(
    at: readonly [number, number],
    s: string,
    color: string,
    p: Palette,
    offset?: [number, number],
    anchor?: "start" | "middle" | "end",
  ): void;
  hide(): void;
}

let measurer: CanvasRenderingContext2D | null | undefined;

/**
 * The width of `s` as `t` draws it, measured on a 2-D canvas in `t`'s font: SVG's own
 * getComputedTextLength forces a synchronous layout of everything a step has changed (2–10 ms in
 * norm-balls' side panel), the canvas reads the font's metrics without one. Falls back to SVG's
 * measurement where there is no canvas (jsdom).
 */
function textWidth(t: SVGTextElement, s: string, font: () => string): number {
  if (measurer === undefined) {
    try {
      measurer = document.createElement("canvas").getContext("2d");
    } catch {
      measurer = null;
    }
  }
  if (!measurer) return t.getComputedTextLength();
  measurer.font = font();
  return measurer.measureText(s).width;
}

/**
 * A label with a halo. By default a start-anchored label that would overflow the figure's right
 * edge is moved to the left of its point; `contain: false` skips that (and the text measurement
 * it needs) for views that choose each label's side themselves.
 */
export function createLabel(layer: SVGGElement, opts: { contain?: boolean } = {}): Label {
  const t = svg("text", { "paint-order": "stroke", "stroke-linejoin": "round" }, layer);
  const contain = opts.contain ?? true;
  // The label's font family is the page's (it is inherited, never set here): read once.
  let family = "";
  return {
    el: t,
    update(at, s, color, p, offset = [6, -6], anchor = "start") {
      const [x, y] = at;
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        t.style.display = "none";
        return;
      }
      t.style.display = "";
      attrs(t, {
        x: x + offset[0],
        y: y + offset[1],
        fill: color,
        stroke: p.bg,
        "stroke-width": 4,
        "font-size": p.fontSize * 0.85,
        "font-weight": 600,
        "text-anchor": anchor === "start" ? null : anchor,
      });
      setText(t, s);
      if (!contain || anchor !== "start") return;
      // Keep the label inside the figure: shift it left of its anchor when it would overflow.
      const w = t.ownerSVGElement?.viewBox.baseVal?.width ?? 0;
      // Only labels that might reach the edge are measured: no glyph is wider than the font size.
      if (w > 0 && x + offset[0] + s.length * p.fontSize * 0.85 > w - 2) {
        const len = textWidth(t, s, () => {
          family ||= getComputedStyle(t).fontFamily || "sans-serif";
          return `600 ${p.fontSize * 0.85}px ${family}`;
        });
        const left = x + offset[0];
        if (left + len > w - 2) attrs(t, { x: Math.max(2, x - offset[0] - len) });
      }
    },
    hide() {
      t.style.display = "none";
    },
  };
}

export interface Banner {
  el: HTMLElement;
  show(s: string, color: string): void;
  remove(): void;
}

/** A one-line statement over the top-left of the stage; polite to screen readers via the kit. */
export function createBanner(host: HTMLElement): Banner {
  const b = document.createElement("div");
  b.className = "lg-banner";
  host.appendChild(b);
  let shown = "";
  return {
    el: b,
    show(s, color) {
      setText(b, s);
      if (color !== shown) b.style.borderLeftColor = shown = color;
    },
    remove() {
      b.remove();
    },
  };
}
