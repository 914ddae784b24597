// The dot-product anatomy: xᵀy = ‖x‖‖y‖cos θ by two independent computations, the projection's
// residual is orthogonal to x, exactly perpendicular decimal vectors read as exactly 0 and 90°,
// and a zero vector gives no angle and no NaN.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { alignment, dotRoundingBound } from "../../src/core/alignment";
import { dot, norm2, sub } from "../../src/core/vec";

const RUNS = { seed: 7, numRuns: 300 };
// Magnitudes below 1e-6 become 0: products of subnormal numbers underflow, which is not what
// these identities are about.
const entry = fc
  .double({ min: -100, max: 100, noNaN: true })
  .map((x) => (Math.abs(x) < 1e-6 ? 0 : x));
const vecPair = fc
  .integer({ min: 1, max: 6 })
  .chain((n) =>
    fc.tuple(
      fc.array(entry, { minLength: n, maxLength: n }),
      fc.array(entry, { minLength: n, maxLength: n }),
    ),
  );
/** A coordinate on the 0.01 grid of the dot-product scene, from −5 to 5. */
const decimal = fc
  .integer({ min: -500, max: 500 })
  .map((k) => parseFloat((k / 100).toPrecision(15)));

function near(a: number, b: number, tol: number): void {
  expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(tol);
}

describe("alignment", () => {
  test("xᵀy and ‖x‖‖y‖cos θ (θ from the unit vectors, not from xᵀy) agree for every pair", () => {
    fc.assert(
      fc.property(vecPair, ([x, y]) => {
        const a = alignment(x, y);
        if (a.kind === "undefined") return;
        near(a.dotFromAngle as number, a.dot, 1e-12 * a.normX * a.normY + dotRoundingBound(x, y));
        near(a.normX, norm2(x), 0);
        near(a.normY, norm2(y), 0);
      }),
      RUNS,
    );
  });

  test("the kind follows the sign of xᵀy and the angle is on the matching side of 90°", () => {
    fc.assert(
      fc.property(vecPair, ([x, y]) => {
        const a = alignment(x, y);
        if (a.kind === "undefined") return;
        const theta = a.angle as number;
        if (a.kind === "acute") expect(a.dot > 0 && theta < Math.PI / 2).toBe(true);
        if (a.kind === "obtuse") expect(a.dot < 0 && theta > Math.PI / 2).toBe(true);
        if (a.kind === "right")
          expect(a.dot === 0 && theta === Math.PI / 2 && a.cos === 0).toBe(true);
      }),
      RUNS,
    );
  });

  test("the projection lies on the line of x and leaves a residual orthogonal to x", () => {
    fc.assert(
      fc.property(vecPair, ([x, y]) => {
        const a = alignment(x, y);
        if (a.normX === 0) {
          expect(a.projection.every((v) => v === 0)).toBe(true);
          return;
        }
        const residual = sub(y, a.projection);
        near(dot(residual, x) / a.normX, 0, 1e-11 * (norm2(y) + 1));
        near(norm2(a.projection), Math.abs(a.scalarProjection), 1e-11 * (norm2(y) + 1));
      }),
      RUNS,
    );
  });

  test("perpendicular vectors on a decimal grid give exactly dot 0, θ = 90° and dot-from-angle 0", () => {
    fc.assert(
      fc.property(decimal, decimal, fc.integer({ min: -30, max: 30 }), (a, b, k) => {
        if (a === 0 && b === 0) return;
        // k·(−b, a)/10, rounded to the 1e-4 grid as the scene's snap does: exactly perpendicular
        // in decimal arithmetic, but not in binary.
        const y = [
          parseFloat(((-b * k) / 10).toPrecision(12)),
          parseFloat(((a * k) / 10).toPrecision(12)),
        ];
        if (k === 0) return;
        const r = alignment([a, b], y);
        expect(r.dot).toBe(0);
        expect(r.kind).toBe("right");
        expect(r.angle).toBe(Math.PI / 2);
        expect(r.dotFromAngle).toBe(0);
      }),
      RUNS,
    );
  });

  test("a non-zero decimal dot product is never flushed to 0", () => {
    fc.assert(
      fc.property(decimal, decimal, decimal, decimal, (a, b, c, d) => {
        const exact =
          Math.round(a * 100) * Math.round(c * 100) + Math.round(b * 100) * Math.round(d * 100);
        const r = alignment([a, b], [c, d]);
        expect(r.dot === 0).toBe(exact === 0);
        if (exact !== 0) near(r.dot, exact / 1e4, 1e-12);
      }),
      RUNS,
    );
  });

  test("parallel and opposite vectors give θ = 0 and π with cos θ = ±1", () => {
    const same = alignment([3, 4], [6, 8]);
    near(same.angle as number, 0, 1e-15);
    near(same.cos as number, 1, 1e-15);
    expect(same.kind).toBe("acute");
    const opposite = alignment([3, 4], [-1.5, -2]);
    near(opposite.angle as number, Math.PI, 1e-15);
    near(opposite.cos as number, -1, 1e-15);
    expect(opposite.kind).toBe("obtuse");
  });

  test("a zero vector has no angle: null with a reason, dot 0, and no NaN anywhere", () => {
    for (const [x, y] of [
      [
        [0, 0],
        [1, 2],
      ],
      [
        [1, 2],
        [0, 0],
      ],
      [
        [0, 0],
        [0, 0],
      ],
    ]) {
      const a = alignment(x, y);
      expect(a.kind).toBe("undefined");
      expect(a.angle).toBeNull();
      expect(a.cos).toBeNull();
      expect(a.dotFromAngle).toBeNull();
      expect(a.dot).toBe(0);
      expect(a.why).toMatch(/zero vector/);
      expect(a.projection.every(Number.isFinite)).toBe(true);
    }
  });

  test("bad input throws a RangeError that says what to fix", () => {
    expect(() => alignment([1, 2], [1])).toThrow(/different lengths/);
    expect(() => alignment([1, NaN], [1, 2])).toThrow(RangeError);
  });
});
