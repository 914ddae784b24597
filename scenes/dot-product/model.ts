// The pure model of dot-product: the two vectors, their dot product, norms, angle and the
// projection of y onto x (all from src/core/alignment), and the perpendicular snap that lets a
// person land exactly on xᵀy = 0 while dragging.
import { alignment, type Alignment } from "../../src/core/alignment";
import type { Vec2 } from "../../src/core/vec";
import { num, type ParamsOf } from "../../src/kit/schema";

/**
 * The params' grid. Drags land on the 0.01 grid; the finer 0.0001 grid is there so that a vector
 * exactly perpendicular to a 0.01-grid vector always exists within 0.07 of any point (see
 * snapPerpendicular).
 */
export const GRID = 0.0001;
/** The grid a drag rounds to. */
export const DRAG_GRID = 0.01;

const coord = (label: string, d: number, point: "x" | "y", axis: "x" | "y") =>
  num({
    label,
    min: -5,
    max: 5,
    step: GRID,
    default: d,
    group: `vector ${point}`,
    point: { id: point, axis },
  });

export const params = {
  x1: coord("x₁", 3, "x", "x"),
  x2: coord("x₂", 1, "x", "y"),
  y1: coord("y₁", 1, "y", "x"),
  y2: coord("y₂", 2, "y", "y"),
};

export const presets = {
  default: {},
  perpendicular: { x1: 3, x2: 1, y1: -1, y2: 3 },
  obtuse: { x1: 3, x2: 1, y1: -2.5, y2: 1 },
  parallel: { x1: 2, x2: 1, y1: 4, y2: 2 },
  opposite: { x1: 2, x2: 1, y1: -3, y2: -1.5 },
  "unit-vectors": { x1: 1, x2: 0, y1: 0.6, y2: 0.8 },
  "long-projection": { x1: 1.5, x2: 0.5, y1: 4, y2: 3 },
  "zero-vector": { x1: 0, x2: 0, y1: 1, y2: 2 },
};

export type DotParams = ParamsOf<typeof params>;

export interface DotModel {
  x: Vec2;
  y: Vec2;
  a: Alignment;
  /** θ in degrees, or null when undefined. */
  angleDeg: number | null;
  /** The residual y − proj, orthogonal to x. */
  residual: Vec2;
}

export function dotModel(p: DotParams): DotModel {
  const x: Vec2 = [p.x1, p.x2];
  const y: Vec2 = [p.y1, p.y2];
  const a = alignment(x, y);
  const proj = a.projection;
  return {
    x,
    y,
    a,
    angleDeg: a.angle === null ? null : (a.angle * 180) / Math.PI,
    residual: [y[0] - proj[0], y[1] - proj[1]],
  };
}

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * The grid point exactly perpendicular to `fixed` (xᵀy = 0 in decimal arithmetic) that is nearest
 * to `target`, or null when `fixed` is zero or none lies within `within` (math units) or ±5.
 *
 * In grid units, fixed = (A, B) are integers, and the grid points on the perpendicular line are the
 * multiples of (−B, A)/gcd(A, B); a 0.01-grid `fixed` makes gcd ≥ 100, so they are at most
 * 0.01·‖fixed‖ apart.
 */
export function snapPerpendicular(fixed: Vec2, target: Vec2, within: number): Vec2 | null {
  const A = Math.round(fixed[0] / GRID);
  const B = Math.round(fixed[1] / GRID);
  if (A === 0 && B === 0) return null;
  const g = gcd(A, B);
  const d: Vec2 = [-B / g, A / g];
  const T: Vec2 = [target[0] / GRID, target[1] / GRID];
  const k = Math.round((T[0] * d[0] + T[1] * d[1]) / (d[0] * d[0] + d[1] * d[1]));
  if (k === 0) return null;
  const c: Vec2 = [
    parseFloat((k * d[0] * GRID).toPrecision(12)),
    parseFloat((k * d[1] * GRID).toPrecision(12)),
  ];
  if (Math.abs(c[0]) > 5 || Math.abs(c[1]) > 5) return null;
  if (Math.hypot(c[0] - target[0], c[1] - target[1]) > within) return null;
  return c;
}

/** Rounds a dragged point to the drag grid and the param range. */
export function dragPoint(px: number, py: number): Vec2 {
  const r = (v: number) =>
    Math.max(-5, Math.min(5, parseFloat((Math.round(v / DRAG_GRID) * DRAG_GRID).toPrecision(12))));
  return [r(px), r(py)];
}
