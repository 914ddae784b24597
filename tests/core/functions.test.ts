import { describe, expect, it } from "vitest";
import { randomLcg, randomUniform } from "d3-random";
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import {
  KAPPA_RANGE,
  LOGISTIC_DATA,
  LOGISTIC_LAMBDA,
  TEST_FUNCTION_IDS,
  logcosh1d,
  quadratic1d,
  quadraticForm,
  quartic1d,
  testFunction,
  type Function1D,
  type Function2D,
  type Hessian2,
  type Point2,
  type TestFunctionId,
} from "../../src/core/functions";

/** Seeded points spread over a function's view box (and a margin beyond it). */
function samplePoints(fn: Function2D, count: number, seed: number): Point2[] {
  const uniform = randomUniform.source(randomLcg(seed));
  const [x0, x1] = fn.domain.x;
  const [y0, y1] = fn.domain.y;
  const ux = uniform(x0 - 1, x1 + 1);
  const uy = uniform(y0 - 1, y1 + 1);
  return Array.from({ length: count }, () => [ux(), uy()] as const);
}

/** Eigenvalues of a Hessian by ml-matrix's EVD, descending: the second method. */
function eigenvalues(h: Hessian2): number[] {
  const m = new Matrix([
    [h[0], h[1]],
    [h[2], h[3]],
  ]);
  return new EigenvalueDecomposition(m, { assumeSymmetric: true }).realEigenvalues.sort(
    (a, b) => b - a,
  );
}

/** Central difference of a scalar function of two variables along one coordinate. */
function partial(f: (p: Point2) => number, p: Point2, axis: 0 | 1): number {
  const h = 1e-5 * Math.max(1, Math.abs(p[axis]));
  const plus: Point2 = axis === 0 ? [p[0] + h, p[1]] : [p[0], p[1] + h];
  const minus: Point2 = axis === 0 ? [p[0] - h, p[1]] : [p[0], p[1] - h];
  return (f(plus) - f(minus)) / (2 * h);
}

function expectClose(actual: number, expected: number, relTol: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relTol * (1 + Math.abs(expected)));
}

const entry = randomUniform.source(randomLcg(7))(-2, 2);
const randomSpd = Array.from({ length: 4 }, () => {
  // H = AᵀA + 0.1·I is positive definite for any A.
  const a = entry();
  const b = entry();
  const c = entry();
  const d = entry();
  return quadraticForm(a * a + c * c + 0.1, a * b + c * d, b * b + d * d + 0.1);
});

const allFunctions: Function2D[] = [
  ...TEST_FUNCTION_IDS.map((id) => testFunction(id)),
  testFunction("ill", { kappa: KAPPA_RANGE[0] }),
  testFunction("ill", { kappa: 37.5 }),
  testFunction("ill", { kappa: KAPPA_RANGE[1] }),
  quadraticForm(2, 0, -2),
  quadraticForm(1, 3, -0.5),
  ...randomSpd,
];

const quadratics: Function2D[] = [
  testFunction("bowl"),
  testFunction("round"),
  testFunction("ill", { kappa: 1 }),
  testFunction("ill", { kappa: 12.5 }),
  testFunction("ill", { kappa: 1000 }),
  ...randomSpd,
];

describe("2-D test functions", () => {
  it.each(allFunctions.map((fn) => [fn.label, fn] as const))(
    "the gradient of %s matches central finite differences of f",
    (_label, fn) => {
      for (const p of samplePoints(fn, 40, 1)) {
        const [gx, gy] = fn.grad(p);
        expectClose(gx, partial(fn.f, p, 0), 1e-6);
        expectClose(gy, partial(fn.f, p, 1), 1e-6);
      }
    },
  );

  it.each(allFunctions.map((fn) => [fn.label, fn] as const))(
    "the Hessian of %s is symmetric and matches finite differences of the gradient",
    (_label, fn) => {
      for (const p of samplePoints(fn, 40, 2)) {
        const [hxx, hxy, hyx, hyy] = fn.hess(p);
        expect(hxy).toBe(hyx);
        expectClose(
          hxx,
          partial((q) => fn.grad(q)[0], p, 0),
          1e-6,
        );
        expectClose(
          hxy,
          partial((q) => fn.grad(q)[0], p, 1),
          1e-6,
        );
        expectClose(
          hyx,
          partial((q) => fn.grad(q)[1], p, 0),
          1e-6,
        );
        expectClose(
          hyy,
          partial((q) => fn.grad(q)[1], p, 1),
          1e-6,
        );
      }
    },
  );

  it("valueAndGrad agrees with f, grad and hess wherever a function offers it", () => {
    const offering = allFunctions.filter((fn) => fn.valueAndGrad !== undefined);
    expect(offering.map((fn) => fn.id)).toContain("logistic");
    for (const fn of offering) {
      for (const p of [...samplePoints(fn, 40, 3), [300, -400] as const, [-1e6, 2e5] as const]) {
        const g: [number, number] = [0, 0];
        const h: [number, number, number, number] = [0, 0, 0, 0];
        const value = fn.valueAndGrad!(p, g, h);
        expectClose(value, fn.f(p), 1e-14);
        fn.grad(p).forEach((gi, i) => expectClose(g[i], gi, 1e-14));
        fn.hess(p).forEach((hi, i) => expectClose(h[i], hi, 1e-14));
      }
    }
  });

  it.each(quadratics.map((fn) => [fn.label, fn] as const))(
    "L and μ of %s are the largest and smallest eigenvalues of its Hessian",
    (_label, fn) => {
      const [l1, l2] = eigenvalues(fn.hess([0, 0]));
      expectClose(fn.L!, l1, 1e-12);
      expectClose(fn.mu!, l2, 1e-12);
    },
  );

  it("the ill-conditioned quadratic has L/μ = κ across the whole κ range", () => {
    for (const kappa of [KAPPA_RANGE[0], 2, 10, 99.9, 500, KAPPA_RANGE[1]]) {
      const fn = testFunction("ill", { kappa });
      expect(fn.L! / fn.mu!).toBe(kappa);
    }
  });

  it("every function with a minimiser has zero gradient there and fmin = f(minimiser)", () => {
    for (const fn of allFunctions.filter((g) => g.minimiser !== undefined)) {
      const [gx, gy] = fn.grad(fn.minimiser!);
      expect(Math.hypot(gx, gy)).toBeLessThan(1e-8);
      expect(fn.fmin).toBe(fn.f(fn.minimiser!));
      for (const p of samplePoints(fn, 40, 4)) expect(fn.f(p)).toBeGreaterThanOrEqual(fn.fmin!);
    }
  });

  it("every test function has a plain-text label, a formula and a view box around its minimum", () => {
    for (const fn of allFunctions) {
      expect(fn.label.length).toBeGreaterThan(0);
      expect(fn.label).not.toMatch(/[\\{}]|NaN|undefined/);
      expect(fn.tex).not.toMatch(/NaN|undefined/);
      expect(fn.domain.x[0]).toBeLessThan(fn.domain.x[1]);
      expect(fn.domain.y[0]).toBeLessThan(fn.domain.y[1]);
      if (fn.minimiser !== undefined) {
        expect(fn.minimiser[0]).toBeGreaterThan(fn.domain.x[0]);
        expect(fn.minimiser[0]).toBeLessThan(fn.domain.x[1]);
        expect(fn.minimiser[1]).toBeGreaterThan(fn.domain.y[0]);
        expect(fn.minimiser[1]).toBeLessThan(fn.domain.y[1]);
      }
    }
  });

  it("Rosenbrock is non-convex, with an indefinite Hessian at (0, 1), and has no global L or μ", () => {
    const fn = testFunction("rosenbrock");
    const [l1, l2] = eigenvalues(fn.hess([0, 1]));
    expect(l1).toBeGreaterThan(0);
    expect(l2).toBeLessThan(0);
    expect(fn.convex).toBe(false);
    expect(fn.L).toBeUndefined();
    expect(fn.mu).toBeUndefined();
    expect(fn.minimiser).toEqual([1, 1]);
    expect(fn.fmin).toBe(0);
  });

  it("quadraticForm reports μ and a minimiser only for a positive-definite H", () => {
    const saddle = quadraticForm(2, 0, -2);
    expect(saddle.convex).toBe(false);
    expect(saddle.L).toBe(2);
    expect(saddle.mu).toBeUndefined();
    expect(saddle.minimiser).toBeUndefined();
    const trough = quadraticForm(2, 0, 0);
    expect(trough.convex).toBe(true);
    expect(trough.mu).toBeUndefined();
    expect(trough.minimiser).toBeUndefined();
    expect(quadraticForm(2, 1, 2).mu).toBeCloseTo(1, 14);
  });

  it("testFunction rejects an unknown id or a κ outside [1, 1000] with a RangeError", () => {
    for (const kappa of [0.999, 1000.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => testFunction("ill", { kappa })).toThrow(RangeError);
    }
    expect(() => testFunction("saddle" as TestFunctionId)).toThrow(/Unknown test function/);
    expect(() => quadraticForm(1, Number.NaN, 1)).toThrow(RangeError);
  });
});

describe("the logistic loss", () => {
  const fn = testFunction("logistic");
  const n = LOGISTIC_DATA.length;

  it("L is λmax(XᵀX)/(4n) + λ, attained by the Hessian at the origin", () => {
    const X = new Matrix(LOGISTIC_DATA.map((d) => [d.x[0], d.x[1]]));
    const xtx = X.transpose().mmul(X);
    const lmax = Math.max(...new EigenvalueDecomposition(xtx).realEigenvalues);
    expectClose(fn.L!, lmax / (4 * n) + LOGISTIC_LAMBDA, 1e-14);
    expectClose(fn.L!, eigenvalues(fn.hess([0, 0]))[0], 1e-14);
  });

  it("its Hessian lies between μ = λ and L everywhere, approaching μ far from the origin", () => {
    expect(fn.mu).toBe(LOGISTIC_LAMBDA);
    const uniform = randomUniform.source(randomLcg(5))(-60, 60);
    for (let i = 0; i < 200; i++) {
      const [l1, l2] = eigenvalues(fn.hess([uniform(), uniform()]));
      expect(l1).toBeLessThanOrEqual(fn.L! * (1 + 1e-12));
      expect(l2).toBeGreaterThanOrEqual(fn.mu! * (1 - 1e-12));
    }
    expectClose(eigenvalues(fn.hess([800, 600]))[1], fn.mu!, 1e-12);
  });

  it("its minimiser, found by Newton's method, has zero gradient and a positive-definite Hessian", () => {
    const [gx, gy] = fn.grad(fn.minimiser!);
    expect(Math.hypot(gx, gy)).toBeLessThan(1e-8);
    expect(eigenvalues(fn.hess(fn.minimiser!))[1]).toBeGreaterThan(0);
  });

  it("the dataset is not linearly separable: the vectors yᵢxᵢ fit in no open half-plane", () => {
    // They fit in an open half-plane iff some gap between consecutive angles exceeds π.
    const angles = LOGISTIC_DATA.map((d) => Math.atan2(d.y * d.x[1], d.y * d.x[0])).sort(
      (a, b) => a - b,
    );
    const gaps = angles.map((a, i) => (i + 1 < n ? angles[i + 1] : angles[0] + 2 * Math.PI) - a);
    expect(Math.max(...gaps)).toBeLessThan(Math.PI);
    expect(n).toBeGreaterThanOrEqual(8);
    expect(n).toBeLessThanOrEqual(12);
  });

  it("f and ∇f stay finite and exact far from the origin, where exp(−margin) overflows", () => {
    for (const w of [
      [800, -600],
      [-1e6, 5e5],
      [3e7, 1e7],
    ] as const) {
      const margins = LOGISTIC_DATA.map((d) => d.y * (w[0] * d.x[0] + w[1] * d.x[1]));
      // Far out log(1 + e^−m) equals max(−m, 0) to within e^−|m|, far below rounding.
      const asymptote =
        margins.reduce((s, m) => s + Math.max(-m, 0), 0) / n +
        (LOGISTIC_LAMBDA / 2) * (w[0] ** 2 + w[1] ** 2);
      expectClose(fn.f(w), asymptote, 1e-12);
      expect(fn.grad(w).every(Number.isFinite)).toBe(true);
      expect(fn.hess(w).every(Number.isFinite)).toBe(true);
    }
  });
});

describe("1-D functions", () => {
  const uniform = randomUniform.source(randomLcg(11));
  const parabolas = Array.from({ length: 5 }, () =>
    quadratic1d(uniform(0.1, 5)(), uniform(-4, 4)()),
  );
  const all: Function1D[] = [...parabolas, quadratic1d(1, 3), quartic1d, logcosh1d];

  it.each(all.map((fn) => [fn.label, fn] as const))(
    "f′ and f″ of %s match central finite differences",
    (_label, fn) => {
      const x = uniform(-5, 5);
      for (let i = 0; i < 40; i++) {
        const t = x();
        const h = 1e-5 * Math.max(1, Math.abs(t));
        expectClose(fn.df(t), (fn.f(t + h) - fn.f(t - h)) / (2 * h), 1e-6);
        expectClose(fn.d2f(t), (fn.df(t + h) - fn.df(t - h)) / (2 * h), 1e-6);
      }
      expect(fn.df(fn.minimiser)).toBe(0);
      expect(fn.f(fn.minimiser)).toBe(fn.fmin);
    },
  );

  it("quadratic1d(a, c) has L = 2a = f″ and its minimum 0 at c", () => {
    for (const fn of parabolas) {
      expect(fn.L).toBe(fn.d2f(fn.minimiser + 1));
      expect(fn.f(fn.minimiser)).toBe(0);
    }
    expect(quadratic1d(1, 3).L).toBe(2);
  });

  it("x⁴ has no global L, and log cosh has f″ ≤ L = 1 everywhere", () => {
    expect(quartic1d.L).toBeUndefined();
    expect(logcosh1d.L).toBe(1);
    const x = uniform(-30, 30);
    for (let i = 0; i < 200; i++) expect(logcosh1d.d2f(x())).toBeLessThanOrEqual(1);
  });

  it("log cosh keeps full relative precision far out (|x| − log 2) and near zero (x²/2 − …)", () => {
    expectClose(logcosh1d.f(1000), 1000 - Math.LN2, 1e-15);
    expectClose(logcosh1d.f(-1e300), 1e300, 1e-15);
    for (const x of [1e-8, -1e-4, 0.01]) {
      // Taylor series to x⁸; the next term is below 1e-16 relative for |x| ≤ 0.01.
      const series = (x * x) / 2 - x ** 4 / 12 + x ** 6 / 45 - (17 * x ** 8) / 2520;
      expect(Math.abs(logcosh1d.f(x) - series)).toBeLessThanOrEqual(1e-14 * series);
    }
    for (const x of [-0.3, 0.999, 1, 1.001, 4]) {
      // No cancellation in log(cosh x) at these x, so it serves as the reference.
      expectClose(logcosh1d.f(x), Math.log(Math.cosh(x)), 1e-14);
    }
    expect(logcosh1d.df(1000)).toBe(1);
  });

  it("quadratic1d rejects a non-positive or non-finite a, or a non-finite c", () => {
    expect(() => quadratic1d(0, 1)).toThrow(RangeError);
    expect(() => quadratic1d(-1, 1)).toThrow(/a > 0/);
    expect(() => quadratic1d(Number.NaN, 1)).toThrow(RangeError);
    expect(() => quadratic1d(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
