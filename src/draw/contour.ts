// Contours of a 2-D function over a box, by d3-contour: sample the function once on a grid (the
// expensive part, cached by the caller per function), pick levels, then draw the level sets as
// SVG paths or into any canvas-like context through a projection math → pixels. The geometry is
// kept in math units, so a resize only re-projects it. Used by gd-surface; reusable by any scene
// with level sets (lagrange, hessian, optimizers).
import { contours } from "d3-contour";
import type { Palette } from "../kit/scene";
import { attrs, svg } from "./svg";

export type Box = { readonly x: readonly [number, number]; readonly y: readonly [number, number] };

/** A function sampled on an nx × ny grid over a box (value (i, j) at the centre of cell i, j). */
export interface Field {
  box: Box;
  nx: number;
  ny: number;
  /** Row-major from the bottom row (y = box.y[0]) up; non-finite samples are stored as +∞. */
  values: Float64Array;
  min: number;
  max: number;
}

/** One level set {f ≥ value} as rings of math points (outer rings and holes alike). */
export interface ContourLevel {
  value: number;
  rings: [number, number][][];
}

/** The subset of CanvasRenderingContext2D (and of a path recorder) the drawing uses. */
export interface PathContext {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
}

/**
 * Samples f on a grid over `box`, `cells` cells along the longer side (square cells). Cost:
 * nx·ny evaluations; do it once per function and keep the result.
 */
export function sampleField(
  f: (p: readonly [number, number]) => number,
  box: Box,
  cells = 120,
): Field {
  const w = box.x[1] - box.x[0];
  const h = box.y[1] - box.y[0];
  if (!(w > 0 && h > 0))
    throw new RangeError("sampleField needs a box with positive width and height.");
  const nx = Math.max(4, Math.round(w >= h ? cells : (cells * w) / h));
  const ny = Math.max(4, Math.round(h >= w ? cells : (cells * h) / w));
  const values = new Float64Array(nx * ny);
  let min = Infinity;
  let max = -Infinity;
  const p: [number, number] = [0, 0];
  for (let j = 0; j < ny; j++) {
    p[1] = box.y[0] + ((j + 0.5) * h) / ny;
    for (let i = 0; i < nx; i++) {
      p[0] = box.x[0] + ((i + 0.5) * w) / nx;
      let v = f(p);
      if (!Number.isFinite(v)) v = Infinity;
      else {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      values[j * nx + i] = v;
    }
  }
  return { box, nx, ny, values, min, max };
}

/**
 * Levels that read well for bowls and valleys alike: `inner` levels spaced as fmin + d·(i/inner)²
 * up to d = `reach` − fmin (for a quadratic that spaces the ellipses evenly), then levels growing
 * geometrically by `ratio` (default 1.8) until they pass `max` (the steep walls get fewer lines). `reach` is
 * typically the lowest value of f on the domain's edge, so the inner levels are closed curves.
 */
export function contourLevels(opts: {
  fmin: number;
  reach: number;
  max: number;
  inner?: number;
  ratio?: number;
  limit?: number;
}): number[] {
  const inner = opts.inner ?? 12;
  const limit = opts.limit ?? 48;
  const d = opts.reach - opts.fmin;
  if (!(d > 0) || !Number.isFinite(d)) return [];
  const out: number[] = [];
  for (let i = 1; i <= inner; i++) out.push(opts.fmin + d * (i / inner) ** 2);
  const ratio = opts.ratio ?? 1.8;
  let t = d;
  while (out.length < limit && opts.fmin + t < opts.max) {
    t *= ratio;
    out.push(opts.fmin + t);
  }
  return out;
}

/** The lowest value of f on the edge of a box (sampled), e.g. for {@link contourLevels}' reach. */
export function edgeMin(f: (p: readonly [number, number]) => number, box: Box, n = 200): number {
  let min = Infinity;
  for (let i = 0; i <= n; i++) {
    const tx = box.x[0] + ((box.x[1] - box.x[0]) * i) / n;
    const ty = box.y[0] + ((box.y[1] - box.y[0]) * i) / n;
    for (const v of [f([tx, box.y[0]]), f([tx, box.y[1]]), f([box.x[0], ty]), f([box.x[1], ty])])
      if (v < min) min = v;
  }
  return min;
}

/** The level sets {f ≥ t} of a sampled field, in math units (d3-contour, linear smoothing). */
export function contourField(field: Field, thresholds: readonly number[]): ContourLevel[] {
  const { nx, ny, box } = field;
  const sx = (box.x[1] - box.x[0]) / nx;
  const sy = (box.y[1] - box.y[0]) / ny;
  const gen = contours().size([nx, ny]).thresholds(thresholds.slice());
  // d3-contour places value i at grid coordinate i + 0.5, the cell centre used by sampleField.
  return gen(Array.from(field.values)).map((mp) => ({
    value: mp.value,
    rings: mp.coordinates.flatMap((poly) =>
      poly.map((ring) =>
        ring.map(([u, v]) => [box.x[0] + u * sx, box.y[0] + v * sy] as [number, number]),
      ),
    ),
  }));
}

/** Draws a level's rings into a context (canvas or recorder) through a math → pixel projection. */
export function drawLevel(
  level: ContourLevel,
  project: (p: readonly [number, number]) => readonly [number, number],
  ctx: PathContext,
): void {
  for (const ring of level.rings) {
    ring.forEach((pt, i) => {
      const [x, y] = project(pt);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    ctx.closePath();
  }
}

/**
 * A path recorder: the same calls as a canvas context, collected into an SVG path string. A
 * vertex within `minStep` pixels of the last one written is dropped (contour rings carry one
 * vertex per grid cell, far more than a screen shows).
 */
export function pathRecorder(minStep = 0): PathContext & { toString(): string } {
  let d = "";
  let lx = NaN;
  let ly = NaN;
  return {
    moveTo: (x, y) => {
      d += `M${x.toFixed(1)},${y.toFixed(1)}`;
      lx = x;
      ly = y;
    },
    lineTo: (x, y) => {
      if (Math.abs(x - lx) < minStep && Math.abs(y - ly) < minStep) return;
      d += `L${x.toFixed(1)},${y.toFixed(1)}`;
      lx = x;
      ly = y;
    },
    closePath: () => void (d += "Z"),
    toString: () => d,
  };
}

/**
 * The part of segment a→b inside a box, as parameters [t0, t1] along it (Liang–Barsky), or null
 * when the segment misses the box. For drawing paths that leave the view without huge coordinates.
 */
export function clipSegment(
  a: readonly [number, number],
  b: readonly [number, number],
  box: Box,
): [number, number] | null {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  // One slab test per edge: p is the direction's component towards the outside, q the room left.
  const edge = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
    return true;
  };
  if (
    edge(-dx, a[0] - box.x[0]) &&
    edge(dx, box.x[1] - a[0]) &&
    edge(-dy, a[1] - box.y[0]) &&
    edge(dy, box.y[1] - a[1]) &&
    t0 <= t1
  )
    return [t0, t1];
  return null;
}

/** "#rrggbb" (or "#rgb") mixed with another such colour: t = 0 gives a, t = 1 gives b. */
export function mixColor(a: string, b: string, t: number): string {
  const pa = parseHex(a);
  const pb = parseHex(b);
  if (!pa || !pb) return t < 0.5 ? a : b;
  const c = pa.map((v, i) => Math.round(v + (pb[i] - v) * t));
  return `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

function parseHex(s: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(s.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** Fill colour of the band above the i-th of n levels (the valley darkest), from the palette. */
export function bandColor(p: Palette, i: number, n: number): string {
  const t = n <= 1 ? 0 : i / (n - 1);
  const strong = p.theme === "dark" ? 0.42 : 0.3;
  return mixColor(p.bg, p.accent, strong * (1 - t) ** 1.3 + 0.02);
}

export interface ContourLayer {
  el: SVGGElement;
  /** Draws filled bands and level lines; `levels` ascending, as from {@link contourField}. */
  draw(
    levels: readonly ContourLevel[],
    project: (p: readonly [number, number]) => readonly [number, number],
    box: Box,
    p: Palette,
  ): void;
  clear(): void;
}

/**
 * An SVG layer of filled contour bands with thin level lines. The base (everything below the
 * first level) is filled with the darkest colour, then each {f ≥ t} over it, lighter and lighter.
 */
export function createContourLayer(parent: SVGGElement): ContourLayer {
  const g = svg("g", { class: "lg-contours" }, parent);
  const base = svg("path", {}, g);
  const fills = svg("g", {}, g);
  const lines = svg("path", { fill: "none" }, g);
  return {
    el: g,
    draw(levels, project, box, p) {
      const corners: [number, number][] = [
        [box.x[0], box.y[0]],
        [box.x[1], box.y[0]],
        [box.x[1], box.y[1]],
        [box.x[0], box.y[1]],
      ];
      const rec = pathRecorder();
      drawLevel({ value: -Infinity, rings: [corners] }, project, rec);
      attrs(base, { d: rec.toString(), fill: bandColor(p, 0, levels.length + 1) });
      while (fills.children.length > levels.length) fills.lastElementChild?.remove();
      while (fills.children.length < levels.length) svg("path", { "fill-rule": "evenodd" }, fills);
      // One string per level serves both its filled band and its line.
      const ds = levels.map((level, i) => {
        const r = pathRecorder(0.75);
        drawLevel(level, project, r);
        const d = r.toString();
        attrs(fills.children[i], { d, fill: bandColor(p, i + 1, levels.length + 1) });
        return d;
      });
      attrs(lines, {
        d: ds.join(""),
        stroke: mixColor(p.bg, p.fg, p.theme === "projector" ? 0.45 : 0.22),
        "stroke-width": p.theme === "projector" ? 1.4 : 0.8,
        "stroke-linejoin": "round",
      });
    },
    clear() {
      base.removeAttribute("d");
      fills.replaceChildren();
      lines.removeAttribute("d");
    },
  };
}
