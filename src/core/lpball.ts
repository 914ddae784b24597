// Lp balls in the plane: points on the circle {z : ‖z‖ₚ = r} for any p in (0, ∞], and the point of
// smallest Lp norm on a line, which shows why L1 favours sparse solutions (the smallest diamond
// touching a line touches it at a corner, on an axis).
import { normP, requireFinite, type Vec2 } from "./vec";

function checkP(fn: string, p: number): void {
  if (!(p > 0)) {
    throw new RangeError(
      `${fn}: p is ${p}; it must be in (0, ∞] (use p = Infinity for the max norm).`,
    );
  }
}

/**
 * Points on the Lp circle {z ∈ ℝ² : ‖z‖ₚ = r}, counter-clockwise from (r, 0), closed (the last
 * point repeats the first).
 *
 * p = 1 gives the diamond's 4 corners and p = ∞ the square's, exactly; any other p is sampled
 * at `count` points (a multiple of 4, so the 4 axis points are exact) by the superellipse
 * parametrisation z(t) = r·(sgn cos t·|cos t|^(2/p), sgn sin t·|sin t|^(2/p)), which satisfies
 * |z₁|ᵖ + |z₂|ᵖ = rᵖ and crowds points into the sharp corners of p < 1 and p > 2. For p < 1 the
 * "circle" is not convex (‖·‖ₚ is a quasi-norm); it is star-shaped with cusps on the axes.
 *
 * @throws RangeError if p is not in (0, ∞], r is negative or not finite, or count is not a
 *   multiple of 4 from 8 to 100 000.
 */
export function lpCircle(p: number, r: number, count = 256): Vec2[] {
  checkP("lpCircle", p);
  if (!(r >= 0) || !Number.isFinite(r)) {
    throw new RangeError(`lpCircle: r is ${r}; it must be a finite number ≥ 0.`);
  }
  if (!Number.isInteger(count) || count < 8 || count > 100000 || count % 4 !== 0) {
    throw new RangeError(
      `lpCircle: count is ${count}; it must be a multiple of 4 from 8 to 100000.`,
    );
  }
  if (p === Infinity) {
    return [
      [r, 0],
      [r, r],
      [-r, r],
      [-r, -r],
      [r, -r],
      [r, 0],
    ];
  }
  if (p === 1) {
    return [
      [r, 0],
      [0, r],
      [-r, 0],
      [0, -r],
      [r, 0],
    ];
  }
  const e = 2 / p;
  const pts: Vec2[] = [];
  for (let i = 0; i <= count; i++) {
    // Exact axis points at quarter turns, so the cusps of p < 1 are never cut off by sampling.
    const q = i % (count / 4) === 0 ? (i / (count / 4)) % 4 : -1;
    if (q >= 0) {
      pts.push(
        (
          [
            [r, 0],
            [0, r],
            [-r, 0],
            [0, -r],
          ] as const
        )[q],
      );
      continue;
    }
    const t = (2 * Math.PI * i) / count;
    const c = Math.cos(t);
    const s = Math.sin(t);
    pts.push([r * Math.sign(c) * Math.abs(c) ** e, r * Math.sign(s) * Math.abs(s) ** e]);
  }
  return pts;
}

/** The point of smallest Lp norm on a line, with that norm. */
export interface MinNormPoint {
  /** The minimiser z* on the line wᵀz = c. */
  readonly point: Vec2;
  /** ‖z*‖ₚ, the radius of the smallest Lp ball that touches the line. */
  readonly norm: number;
  /**
   * False when more than one point attains the minimum: |w₁| = |w₂| for p ≤ 1 (both axis points,
   * and for p = 1 the whole diamond edge between them), or w₁w₂ = 0 for p = ∞ (a square edge);
   * point is then one of them.
   */
  readonly unique: boolean;
  /** True when z* has a zero coordinate. */
  readonly sparse: boolean;
}

/**
 * The point z* of smallest Lp norm on the line {z ∈ ℝ² : wᵀz = c}, and ‖z*‖ₚ.
 *
 * - p ≤ 1: an axis point, z* = (c/w_k)·e_k with |w_k| = max|wᵢ|, so z* is sparse. For p = 1,
 *   ‖z*‖₁ = |c|/‖w‖∞ (the dual norm); for p < 1 the Lp ball is inside the L1 ball of the same
 *   radius and shares its corners, so the same corner is the minimiser.
 * - 1 < p < ∞: zᵢ* = c·sgn(wᵢ)|wᵢ|^(q−1)/‖w‖_q^q with 1/p + 1/q = 1 (equality in Hölder), and
 *   ‖z*‖ₚ = |c|/‖w‖_q; p = 2 gives the orthogonal projection c·w/‖w‖² of 0 onto the line.
 * - p = ∞: z* = c·sgn(w)/‖w‖₁, with |z₁*| = |z₂*| (a corner of the square) when both wᵢ ≠ 0.
 * Computed on w/max|wᵢ| so no power overflows. c = 0 gives z* = 0.
 *
 * @throws RangeError if p is not in (0, ∞], w is the zero vector (no line), or an entry is not
 *   finite.
 */
export function minNormOnLine(w: Vec2, c: number, p: number): MinNormPoint {
  checkP("minNormOnLine", p);
  requireFinite("minNormOnLine", "w", w);
  requireFinite("minNormOnLine", "c", [c]);
  const m = Math.max(Math.abs(w[0]), Math.abs(w[1]));
  if (m === 0) {
    throw new RangeError(
      "minNormOnLine: w is the zero vector, so wᵀz = c is not a line; pass a non-zero normal w.",
    );
  }
  const [a, b] = [w[0] / m, w[1] / m];
  const finish = (z: Vec2, unique: boolean): MinNormPoint => {
    const point: Vec2 = [z[0] === 0 ? 0 : z[0], z[1] === 0 ? 0 : z[1]];
    return { point, norm: normP(point, p), unique, sparse: point[0] === 0 || point[1] === 0 };
  };
  if (p <= 1) {
    const k = Math.abs(a) >= Math.abs(b) ? 0 : 1;
    const z: Vec2 = k === 0 ? [c / w[0], 0] : [0, c / w[1]];
    return finish(z, c === 0 || Math.abs(a) !== Math.abs(b));
  }
  if (p === Infinity) {
    const l1 = Math.abs(a) + Math.abs(b);
    const v = c / (m * l1);
    return finish([Math.sign(a) * v, Math.sign(b) * v], c === 0 || (a !== 0 && b !== 0));
  }
  const q = p / (p - 1);
  const sq = Math.abs(a) ** q + Math.abs(b) ** q;
  const k = c / (m * sq);
  return finish(
    [k * Math.sign(a) * Math.abs(a) ** (q - 1), k * Math.sign(b) * Math.abs(b) ** (q - 1)],
    true,
  );
}
