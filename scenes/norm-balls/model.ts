// The pure model of norm-balls: the norms of the point x, the L1, L2, L∞ and Lp circles through
// it, and, for the sparsity picture, the smallest L1 and L2 balls that touch a line through x
// (src/core/vec and src/core/lpball).
import { lpCircle, minNormOnLine, type MinNormPoint } from "../../src/core/lpball";
import { dotRoundingBound } from "../../src/core/alignment";
import { dot, norm1, norm2, normInf, normP, type Vec2 } from "../../src/core/vec";
import { bool, num, type ParamsOf } from "../../src/kit/schema";

export const params = {
  px: num({
    label: "x₁",
    min: -5,
    max: 5,
    step: 0.01,
    default: 3,
    group: "point x",
    point: { id: "x", axis: "x" },
  }),
  py: num({
    label: "x₂",
    min: -5,
    max: 5,
    step: 0.01,
    default: 2,
    group: "point x",
    point: { id: "x", axis: "y" },
  }),
  p: num({
    label: "p (Lp ball; ∞: tick below)",
    min: 0.5,
    max: 10,
    step: 0.01,
    default: 3,
    log: true,
    marks: () => [
      { value: 1, label: "1" },
      { value: 2, label: "2" },
    ],
  }),
  pInf: bool({ label: "p = ∞ (max norm, overrides p)", default: false }),
  sparse: bool({ label: "why L1 is sparse (a line)", default: false }),
  lineAngle: num({
    label: "line direction (°)",
    min: 0,
    max: 180,
    step: 1,
    default: 150,
    visibleWhen: (p) => p.sparse === true,
  }),
};

export const presets = {
  default: {},
  "on-axis": { px: 4, py: 0 },
  diagonal: { px: 3, py: 3 },
  "p-half": { p: 0.5 },
  "p-one": { p: 1 },
  "p-infinity": { pInf: true },
  sparse: { px: 2, py: 2, sparse: true, lineAngle: 150 },
  "three-four": { px: 3, py: -4 },
};

export type NormParams = ParamsOf<typeof params>;

/**
 * sin of an angle in degrees, exact at multiples of 90° and equal to cosDeg at 45° (both come from
 * the same first-octant value), so a line at 45° is exactly parallel to a diamond edge.
 */
export function sinDeg(d: number): number {
  const a = ((d % 360) + 360) % 360;
  if (a > 180) return -sinDeg(a - 180);
  const b = a > 90 ? 180 - a : a;
  return b <= 45 ? Math.sin((b * Math.PI) / 180) : Math.cos(((90 - b) * Math.PI) / 180);
}

export function cosDeg(d: number): number {
  return sinDeg(d + 90);
}

export interface SparsePicture {
  /** The line through x: its normal w and offset c (wᵀz = c), and its unit direction. */
  w: Vec2;
  c: number;
  dir: Vec2;
  l1: MinNormPoint;
  l2: MinNormPoint;
  /** The two smallest balls that touch the line. */
  l1Ball: Vec2[];
  l2Ball: Vec2[];
}

export interface NormModel {
  x: Vec2;
  /** The p in effect (Infinity when pInf). */
  p: number;
  l1: number;
  l2: number;
  linf: number;
  lp: number;
  /** The circles {‖z‖ = ‖x‖} of each norm: all pass through x. */
  balls: { l1: Vec2[]; l2: Vec2[]; linf: Vec2[]; lp: Vec2[] };
  /** x has a zero coordinate: every norm is the same number. */
  onAxis: boolean;
  /** |x₁| = |x₂| ≠ 0: the norms are as far apart as they get. */
  onDiagonal: boolean;
  sparse: SparsePicture | null;
}

export function normModel(q: NormParams): NormModel {
  const x: Vec2 = [q.px, q.py];
  const p = q.pInf ? Infinity : q.p;
  const l1 = norm1(x);
  const l2 = norm2(x);
  const linf = normInf(x);
  const lp = normP(x, p);
  let sparse: SparsePicture | null = null;
  if (q.sparse) {
    const dir: Vec2 = [cosDeg(q.lineAngle), sinDeg(q.lineAngle)];
    const w: Vec2 = [-dir[1], dir[0]];
    // A line through 0 up to rounding is a line through 0 (c = 0), not one a hair away from it.
    const cRaw = dot(w, x);
    const c = Math.abs(cRaw) <= dotRoundingBound(w, x) ? 0 : cRaw;
    const a = minNormOnLine(w, c, 1);
    const b = minNormOnLine(w, c, 2);
    sparse = {
      w,
      c,
      dir,
      l1: a,
      l2: b,
      l1Ball: lpCircle(1, a.norm),
      l2Ball: lpCircle(2, b.norm, 128),
    };
  }
  return {
    x,
    p,
    l1,
    l2,
    linf,
    lp,
    balls: {
      l1: lpCircle(1, l1),
      l2: lpCircle(2, l2, 128),
      linf: lpCircle(Infinity, linf),
      lp: lpCircle(p, lp, 256),
    },
    onAxis: linf > 0 && (x[0] === 0 || x[1] === 0),
    onDiagonal: linf > 0 && Math.abs(x[0]) === Math.abs(x[1]),
    sparse,
  };
}
