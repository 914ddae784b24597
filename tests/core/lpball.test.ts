// Lp circles and the smallest Lp ball touching a line: every sampled point has norm r, the
// minimiser lies on the line with norm |c|/‖w‖_q (Hölder), no point of the line does better, and
// the L1 minimiser is sparse.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { lpCircle, minNormOnLine } from "../../src/core/lpball";
import { norm1, normInf, normP, projectOnto, type Vec2 } from "../../src/core/vec";

const RUNS = { seed: 11, numRuns: 200 };
const pGen = fc.oneof(
  fc.double({ min: 0.3, max: 12, noNaN: true }),
  fc.constantFrom(0.5, 1, 2, Infinity),
);
const coord = fc.double({ min: -10, max: 10, noNaN: true });

function near(a: number, b: number, tol: number): void {
  expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(tol);
}

/** The dual exponent q with 1/p + 1/q = 1 (p ≥ 1). */
const dual = (p: number) => (p === 1 ? Infinity : p === Infinity ? 1 : p / (p - 1));

describe("lpCircle", () => {
  test("every point has ‖z‖ₚ = r and the curve is closed", () => {
    fc.assert(
      fc.property(pGen, fc.double({ min: 0, max: 50, noNaN: true }), (p, r) => {
        const pts = lpCircle(p, r, 64);
        for (const z of pts) near(normP(z, p), r, 1e-12 * (r + 1));
        expect(pts[0]).toEqual(pts[pts.length - 1]);
      }),
      RUNS,
    );
  });

  test("p = 1 and p = ∞ are the exact diamond and square; the axis points are always on the curve", () => {
    expect(lpCircle(1, 2)).toHaveLength(5);
    expect(lpCircle(Infinity, 2)).toContainEqual([2, 2]);
    const pts = lpCircle(0.5, 3, 64);
    for (const axis of [
      [3, 0],
      [0, 3],
      [-3, 0],
      [0, -3],
    ])
      expect(pts).toContainEqual(axis);
  });

  test("bad input throws a RangeError", () => {
    expect(() => lpCircle(0, 1)).toThrow(/p is 0/);
    expect(() => lpCircle(2, -1)).toThrow(RangeError);
    expect(() => lpCircle(2, 1, 10)).toThrow(/multiple of 4/);
  });
});

describe("minNormOnLine", () => {
  const line = fc
    .tuple(coord, coord, coord)
    .filter(([a, b]) => Math.max(Math.abs(a), Math.abs(b)) > 1e-3);

  test("the minimiser lies on the line and, for p ≥ 1, has norm |c|/‖w‖_q (equality in Hölder)", () => {
    fc.assert(
      fc.property(line, pGen, ([a, b, c], p) => {
        const w: Vec2 = [a, b];
        const { point, norm } = minNormOnLine(w, c, p);
        near(a * point[0] + b * point[1], c, 1e-9 * (Math.abs(c) + 1));
        near(norm, normP(point, p), 1e-12 * (norm + 1));
        if (p >= 1) near(norm, Math.abs(c) / normP(w, dual(p)), 1e-8 * (norm + 1));
      }),
      RUNS,
    );
  });

  test("no other point of the line has a smaller Lp norm", () => {
    fc.assert(
      fc.property(line, pGen, fc.double({ min: -20, max: 20, noNaN: true }), ([a, b, c], p, t) => {
        const { point, norm } = minNormOnLine([a, b], c, p);
        // Walk along the line's direction (−b, a) from the minimiser.
        const other: Vec2 = [point[0] - t * b, point[1] + t * a];
        expect(normP(other, p)).toBeGreaterThanOrEqual(norm * (1 - 1e-9) - 1e-12);
      }),
      RUNS,
    );
  });

  test("the L1 minimiser is sparse (an axis point) and the L2 minimiser is the projection of 0", () => {
    fc.assert(
      fc.property(line, ([a, b, c]) => {
        const l1 = minNormOnLine([a, b], c, 1);
        expect(l1.sparse).toBe(true);
        near(l1.norm, Math.abs(c) / normInf([a, b]), 1e-9 * (l1.norm + 1));
        const l2 = minNormOnLine([a, b], c, 2);
        // Any point of the line projected onto the normal w is the foot of the perpendicular.
        const onLine: Vec2 = Math.abs(a) >= Math.abs(b) ? [c / a, 0] : [0, c / b];
        const foot = projectOnto(onLine, [a, b] as Vec2);
        near(l2.point[0], foot[0], 1e-9 * (Math.abs(foot[0]) + 1));
        near(l2.point[1], foot[1], 1e-9 * (Math.abs(foot[1]) + 1));
        const linf = minNormOnLine([a, b], c, Infinity);
        near(linf.norm, Math.abs(c) / norm1([a, b]), 1e-9 * (linf.norm + 1));
      }),
      RUNS,
    );
  });

  test("ties are reported: a 45° line touches a whole diamond edge, an axis-parallel line a square edge", () => {
    expect(minNormOnLine([1, 1], 2, 1).unique).toBe(false);
    expect(minNormOnLine([1, 0], 2, Infinity).unique).toBe(false);
    expect(minNormOnLine([2, 1], 2, 1).unique).toBe(true);
    expect(minNormOnLine([2, 1], 0, 1).point).toEqual([0, 0]);
  });

  test("a zero normal is not a line: RangeError", () => {
    expect(() => minNormOnLine([0, 0], 1, 2)).toThrow(/not a line/);
  });
});
