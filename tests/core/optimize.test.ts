import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { randomLcg, randomUniform } from "d3-random";
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import {
  TEST_FUNCTION_IDS,
  logcosh1d,
  quadratic1d,
  quadraticForm,
  quartic1d,
  testFunction,
  type Function2D,
  type Point2,
} from "../../src/core/functions";
import {
  DIVERGENCE_RADIUS,
  DIVERGENCE_VALUE,
  OPTIMIZER_IDS,
  contractionFactor,
  gd1d,
  gdStatus1d,
  quadraticRate,
  race,
  runOptimizer,
  type OptimizerConfig,
  type Run,
} from "../../src/core/optimize";

/** Eigenpairs of a function's (constant) Hessian by ml-matrix's EVD: the second method. */
function eigenpairs(fn: Function2D): { value: number; vector: Point2 }[] {
  const h = fn.hess([0, 0]);
  const m = new Matrix([
    [h[0], h[1]],
    [h[2], h[3]],
  ]);
  const evd = new EigenvalueDecomposition(m, { assumeSymmetric: true });
  const v = evd.eigenvectorMatrix;
  return evd.realEigenvalues.map((value, i) => ({ value, vector: [v.get(0, i), v.get(1, i)] }));
}

/** Every number a run reports, so a test can insist that all of them are finite. */
function numbersOf<P>(run: Run<P>): number[] {
  const coords = run.path.flatMap((p) => (typeof p === "number" ? [p] : [...(p as Point2)]));
  const last = typeof run.last === "number" ? [run.last] : [...(run.last as Point2)];
  return [...coords, ...run.values, ...run.gradNorms, ...last];
}

/** The invariants every run promises, whatever the function or optimizer. */
function expectWellFormed<P>(run: Run<P>, steps: number): void {
  expect(numbersOf(run).every(Number.isFinite)).toBe(true);
  expect(run.values).toHaveLength(run.path.length);
  expect(run.gradNorms).toHaveLength(run.path.length);
  expect(run.last).toEqual(run.path[run.path.length - 1]);
  if (run.status === "diverged") {
    expect(run.divergedAt).toBe(run.path.length);
    expect(run.divergedAt).toBeGreaterThanOrEqual(1);
    expect(run.divergedAt).toBeLessThanOrEqual(steps);
  } else {
    expect(run.divergedAt).toBeUndefined();
    expect(run.path).toHaveLength(steps + 1);
  }
}

const norm = (p: Point2): number => Math.hypot(p[0], p[1]);

const entry = randomUniform.source(randomLcg(3))(-2, 2);
const quadratics: Function2D[] = [
  testFunction("bowl"),
  testFunction("round"),
  testFunction("ill", { kappa: 20 }),
  ...Array.from({ length: 4 }, () => {
    // H = AᵀA + 0.1·I is positive definite for any A.
    const [a, b, c, d] = [entry(), entry(), entry(), entry()];
    return quadraticForm(a * a + c * c + 0.1, a * b + c * d, b * b + d * d + 0.1);
  }),
];

describe("gradient descent on quadratics", () => {
  it.each(quadratics.map((fn) => [fn.label, fn] as const))(
    "on %s each GD step scales the distance to the minimiser by exactly max|1 − ηλᵢ| along the eigendirection attaining it",
    (_label, fn) => {
      const pairs = eigenpairs(fn);
      const lambdas = pairs.map((p) => p.value);
      for (const fraction of [0.1, 0.5, 0.99, 1.3, 2.1]) {
        const eta = fraction / fn.L!;
        const rate = quadraticRate(lambdas, eta);
        const worst = pairs.reduce((a, b) =>
          Math.abs(1 - eta * a.value) >= Math.abs(1 - eta * b.value) ? a : b,
        );
        const x0: Point2 = [2 * worst.vector[0], 2 * worst.vector[1]];
        const run = runOptimizer(fn, { optimizer: "gd", x0, eta, steps: 25 });
        for (let k = 0; k < 25; k++) {
          const ratio = norm(run.path[k + 1]) / norm(run.path[k]);
          expect(Math.abs(ratio - rate)).toBeLessThanOrEqual(1e-9 * rate);
        }
      }
    },
  );

  it("from any start, no GD step on a quadratic shrinks the distance by less than max|1 − ηλᵢ|", () => {
    const start = randomUniform.source(randomLcg(9))(-3, 3);
    for (const fn of quadratics) {
      const lambdas = eigenpairs(fn).map((p) => p.value);
      for (const fraction of [0.3, 1, 1.8]) {
        const eta = fraction / fn.L!;
        const rate = quadraticRate(lambdas, eta);
        const run = runOptimizer(fn, { optimizer: "gd", x0: [start(), start()], eta, steps: 30 });
        for (let k = 0; k < 30; k++) {
          expect(norm(run.path[k + 1])).toBeLessThanOrEqual(rate * norm(run.path[k]) * (1 + 1e-12));
        }
      }
    }
  });

  it.each(quadratics.map((fn) => [fn.label, fn] as const))(
    "on %s GD converges for η < 2/L and diverges for η > 2/L, reporting where, with only finite numbers",
    (_label, fn) => {
      const x0: Point2 = [2.5, -1.5];
      for (const fraction of [0.5, 1, 1.9]) {
        const run = runOptimizer(fn, { optimizer: "gd", x0, eta: fraction / fn.L!, steps: 1000 });
        expectWellFormed(run, 1000);
        expect(run.status).toBe("converged");
        expect(run.stepsToTol).not.toBeNull();
      }
      for (const fraction of [2.05, 2.5, 10]) {
        const run = runOptimizer(fn, { optimizer: "gd", x0, eta: fraction / fn.L!, steps: 1000 });
        expectWellFormed(run, 1000);
        expect(run.status).toBe("diverged");
        expect(run.divergedAt).toBeGreaterThan(0);
        expect(Math.max(...run.values)).toBeLessThanOrEqual(DIVERGENCE_VALUE);
        expect(Math.max(...run.path.flat().map(Math.abs))).toBeLessThanOrEqual(DIVERGENCE_RADIUS);
      }
    },
  );

  it("quadraticRate is below 1 exactly when 0 < η < 2/λmax, for positive eigenvalues", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 1e-6, max: 3, noNaN: true }),
        (l1, l2, fraction) => {
          const lmax = Math.max(l1, l2);
          const eta = fraction / lmax;
          fc.pre(Math.abs(fraction - 2) > 1e-9);
          expect(quadraticRate([l1, l2], eta) < 1).toBe(fraction < 2);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe("gradient descent in 1-D", () => {
  const draw = randomUniform.source(randomLcg(21));
  const cases = Array.from({ length: 8 }, () => ({
    a: draw(0.1, 5)(),
    c: draw(-4, 4)(),
    x0: draw(-6, 6)(),
  }));

  it("drill D2: on (x − 3)² from 0 with η = 0.5 one step lands on 3 and stays (1 − 2aη = 0)", () => {
    const run = gd1d(quadratic1d(1, 3), { x0: 0, eta: 0.5, steps: 3 });
    expect(run.path).toEqual([0, 3, 3, 3]);
    expect(run.status).toBe("converged");
    expect(run.stepsToTol).toBe(1);
    expect(contractionFactor(1, 0.5)).toBe(0);
  });

  it("on a(x − c)² with η = 1/(2a) the first step lands on c, since 1 − 2aη = 0", () => {
    for (const { a, c, x0 } of cases) {
      const run = gd1d(quadratic1d(a, c), { x0, eta: 1 / (2 * a), steps: 1 });
      expect(Math.abs(run.path[1] - c)).toBeLessThanOrEqual(1e-14 * (Math.abs(x0) + Math.abs(c)));
    }
  });

  it("drill D3: on (x − 3)² from 0 with η = 1 the iterates alternate 0, 6, 0, 6 with factor 1", () => {
    const run = gd1d(quadratic1d(1, 3), { x0: 0, eta: 1, steps: 6 });
    expect(run.path).toEqual([0, 6, 0, 6, 0, 6, 0]);
    expect(run.status).toBe("max-steps");
    expect(contractionFactor(1, 1)).toBe(1);
    expect(gdStatus1d(1, 1)).toBe("oscillating");
  });

  it("on a(x − c)² with η = 1/a the iterates alternate between x0 and 2c − x0 forever", () => {
    for (const { a, c, x0 } of cases) {
      const run = gd1d(quadratic1d(a, c), { x0, eta: 1 / a, steps: 50 });
      const scale = 1e-12 * (Math.abs(x0) + Math.abs(c));
      run.path.forEach((x, k) => {
        expect(Math.abs(x - (k % 2 === 0 ? x0 : 2 * c - x0))).toBeLessThanOrEqual(50 * scale);
      });
      expect(gdStatus1d(a, 1 / a)).toBe("oscillating");
    }
  });

  it("each 1-D GD step multiplies the distance to c by contractionFactor(a, η) = |1 − 2aη|", () => {
    for (const { a, c, x0 } of cases) {
      for (const fraction of [0.2, 0.7, 1.4]) {
        const eta = fraction / a;
        const factor = contractionFactor(a, eta);
        expect(factor).toBe(quadraticRate([2 * a], eta));
        const run = gd1d(quadratic1d(a, c), { x0, eta, steps: 5 });
        for (let k = 0; k < 5; k++) {
          const ratio = Math.abs(run.path[k + 1] - c) / Math.abs(run.path[k] - c);
          expect(Math.abs(ratio - factor)).toBeLessThanOrEqual(1e-9 * Math.max(factor, 1));
        }
      }
    }
  });

  it("gdStatus1d is stalled at η = 0, converging below 1/a, oscillating at 1/a, diverging above, and gd1d agrees", () => {
    for (const { a, c, x0 } of cases) {
      const fn = quadratic1d(a, c);
      expect(gdStatus1d(a, 0)).toBe("stalled");
      expect(gd1d(fn, { x0, eta: 0, steps: 10 }).path.every((x) => x === x0)).toBe(true);
      expect(gdStatus1d(a, 0.9 / a)).toBe("converging");
      expect(gd1d(fn, { x0, eta: 0.9 / a, steps: 1000 }).status).toBe("converged");
      expect(gdStatus1d(a, 1.1 / a)).toBe("diverging");
      const run = gd1d(fn, { x0, eta: 1.1 / a, steps: 1000 });
      expectWellFormed(run, 1000);
      expect(run.status).toBe("diverged");
    }
  });

  it("the diverging preset (a = 1, c = 3, η = 1.1) reports the step where it diverged", () => {
    const run = gd1d(quadratic1d(1, 3), { x0: 0, eta: 1.1, steps: 1000 });
    expectWellFormed(run, 1000);
    expect(run.status).toBe("diverged");
    // |xₖ − 3| = 3·1.2ᵏ, so the value limit a(x − c)² ≤ 1e15 is crossed first.
    const expected = Math.ceil(Math.log(Math.sqrt(DIVERGENCE_VALUE) / 3) / Math.log(1.2));
    expect(run.divergedAt).toBe(expected);
  });
});

describe("momentum, Adam and Newton", () => {
  it("momentum follows v ← βv + ∇f, x ← x − ηv from v = 0", () => {
    const fn = testFunction("rosenbrock");
    const [eta, beta] = [1e-3, 0.8];
    const run = runOptimizer(fn, { optimizer: "momentum", x0: [-1, 1.5], eta, beta, steps: 2 });
    const g0 = fn.grad(run.path[0]);
    const g1 = fn.grad(run.path[1]);
    expect(run.path[1]).toEqual([-1 - eta * g0[0], 1.5 - eta * g0[1]]);
    const v: Point2 = [beta * g0[0] + g1[0], beta * g0[1] + g1[1]];
    expect(run.path[2]).toEqual([run.path[1][0] - eta * v[0], run.path[1][1] - eta * v[1]]);
  });

  it("Adam's bias correction makes its first step η·g/(|g| + ε) in each coordinate", () => {
    const fn = testFunction("bowl");
    const [eta, eps] = [0.3, 1e-8];
    const run = runOptimizer(fn, { optimizer: "adam", x0: [1, -0.5], eta, eps, steps: 1 });
    const g = fn.grad([1, -0.5]);
    expect(run.path[1][0]).toBeCloseTo(1 - (eta * g[0]) / (Math.abs(g[0]) + eps), 15);
    expect(run.path[1][1]).toBeCloseTo(-0.5 - (eta * g[1]) / (Math.abs(g[1]) + eps), 15);
  });

  it("momentum and Adam converge on x² + xy + y² from several starts", () => {
    const fn = testFunction("round");
    for (const x0 of [
      [-1, 1.5],
      [3, -2.5],
      [2.5, 2.5],
    ] as const) {
      for (const cfg of [
        { optimizer: "momentum", eta: 0.1, beta: 0.9 },
        { optimizer: "adam", eta: 0.05 },
      ] as const) {
        const run = runOptimizer(fn, { ...cfg, x0, steps: 1000 });
        expect(run.status).toBe("converged");
        expect(run.values[run.values.length - 1] - fn.fmin!).toBeLessThan(1e-6);
      }
    }
  });

  it.each(
    [...quadratics, testFunction("ill", { kappa: 1000 })].map((fn) => [fn.label, fn] as const),
  )("Newton's method lands on the minimiser of %s in one step", (_label, fn) => {
    const x0: Point2 = [2.5, -1.5];
    const run = runOptimizer(fn, { optimizer: "newton", x0, eta: 1, steps: 3 });
    expect(norm(run.path[1])).toBeLessThanOrEqual(1e-12 * norm(x0));
    expect(run.stepsToTol).toBe(1);
    expect(run.status).toBe("converged");
  });

  it("Newton's method reaches the logistic minimiser and Rosenbrock's (1, 1) within a few steps", () => {
    const logistic = testFunction("logistic");
    const a = runOptimizer(logistic, { optimizer: "newton", x0: [0, 0], eta: 1, steps: 10 });
    expect(a.stepsToTol).not.toBeNull();
    expect(a.stepsToTol!).toBeLessThanOrEqual(5);
    expect(
      norm([a.last[0] - logistic.minimiser![0], a.last[1] - logistic.minimiser![1]]),
    ).toBeLessThan(1e-12);
    const rosenbrock = testFunction("rosenbrock");
    const b = runOptimizer(rosenbrock, { optimizer: "newton", x0: [-1.2, 1], eta: 1, steps: 20 });
    expect(b.status).toBe("converged");
    expect(b.last[0]).toBeCloseTo(1, 12);
    expect(b.last[1]).toBeCloseTo(1, 12);
  });

  it("Newton's safeguard steps downhill where the Hessian is indefinite instead of toward the saddle", () => {
    const saddle = quadraticForm(2, 0, -2);
    const run = runOptimizer(saddle, { optimizer: "newton", x0: [0.5, 0.5], eta: 0.1, steps: 20 });
    for (let k = 0; k < 20; k++) expect(run.values[k + 1]).toBeLessThan(run.values[k]);
    // Pure Newton would jump to the saddle (0, 0); the safeguarded step moves y away from it.
    expect(Math.abs(run.path[1][1])).toBeGreaterThan(0.5);
    // Rosenbrock's Hessian at (0, 1) is indefinite (see the functions tests).
    const rosenbrock = testFunction("rosenbrock");
    const r = runOptimizer(rosenbrock, { optimizer: "newton", x0: [0, 1], eta: 0.1, steps: 1 });
    expect(r.values[1]).toBeLessThan(r.values[0]);
  });
});

describe("runs as data", () => {
  it("path, values and gradNorms describe the same iterates, starting at x0", () => {
    for (const id of TEST_FUNCTION_IDS) {
      const fn = testFunction(id);
      for (const optimizer of OPTIMIZER_IDS) {
        const x0: Point2 = [-0.75, 1.25];
        const eta = optimizer === "newton" ? 1 : 0.5 / (fn.L ?? 1000);
        const run = runOptimizer(fn, { optimizer, x0, eta, steps: 40 });
        expectWellFormed(run, 40);
        expect(run.path[0]).toBe(x0);
        run.path.forEach((p, k) => {
          expect(run.values[k]).toBeCloseTo(fn.f(p), 12);
          expect(run.gradNorms[k]).toBeCloseTo(norm(fn.grad(p)), 12);
        });
      }
    }
  });

  it("stepsToTol is the first k with f(xₖ) − fmin < tol, or ‖∇f(xₖ)‖ < tol without fmin", () => {
    const tol = 1e-4;
    const bowl = testFunction("bowl");
    const a = runOptimizer(bowl, { optimizer: "gd", x0: [2, 1], eta: 0.05, steps: 200, tol });
    expect(a.stepsToTol).toBe(a.values.findIndex((v) => v - bowl.fmin! < tol));
    // A trough has a line of minimisers and no fmin, so the gradient norm decides.
    const trough = quadraticForm(2, 0, 0);
    const b = runOptimizer(trough, { optimizer: "gd", x0: [2, 1], eta: 0.05, steps: 200, tol });
    expect(b.stepsToTol).toBe(b.gradNorms.findIndex((g) => g < tol));
    expect(b.status).toBe("converged");
  });

  it("race runs each optimizer from the same start exactly as runOptimizer would", () => {
    const fn = testFunction("ill", { kappa: 30 });
    const start = { x0: [-2, 1] as const, steps: 300 };
    const settings = [
      { optimizer: "gd", eta: 1 / 30 },
      { optimizer: "momentum", eta: 1 / 30, beta: 0.8 },
      { optimizer: "adam", eta: 0.1 },
      { optimizer: "newton", eta: 1 },
    ] as const;
    const runs = race(fn, start, settings);
    expect(runs).toHaveLength(4);
    runs.forEach((run, i) => {
      expect(run.path[0]).toEqual(start.x0);
      expect(run).toEqual(runOptimizer(fn, { ...settings[i], ...start }));
    });
    expect(race(fn, start, [])).toEqual([]);
  });

  it("any finite start and any step size in range give a run made only of finite numbers", () => {
    const functions = [
      ...TEST_FUNCTION_IDS.map((id) => testFunction(id, { kappa: 1000 })),
      quadraticForm(2, 0, -2),
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...functions),
        fc.constantFrom(...OPTIMIZER_IDS),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.integer({ min: 1, max: 300 }),
        (fn, optimizer, x, y, eta, steps) => {
          expectWellFormed(runOptimizer(fn, { optimizer, x0: [x, y], eta, steps }), steps);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it("any finite start and any step size in range give a 1-D run made only of finite numbers", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(quadratic1d(1, 3), quadratic1d(40, -2), quartic1d, logcosh1d),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.integer({ min: 1, max: 300 }),
        (fn, x0, eta, steps) => {
          expectWellFormed(gd1d(fn, { x0, eta, steps }), steps);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it("invalid inputs throw a RangeError that names the problem", () => {
    const fn = testFunction("bowl");
    const ok: OptimizerConfig = { optimizer: "gd", x0: [1, 1], eta: 0.1, steps: 10 };
    const bad: [Partial<OptimizerConfig>, RegExp][] = [
      [{ x0: [Number.NaN, 1] }, /x0\[0\]/],
      [{ x0: [1, Number.POSITIVE_INFINITY] }, /x0\[1\]/],
      [{ eta: Number.NaN }, /eta/],
      [{ eta: -0.1 }, /eta/],
      [{ steps: 0 }, /steps/],
      [{ steps: 2.5 }, /steps/],
      [{ steps: 1e6 }, /steps/],
      [{ beta: 1 }, /beta/],
      [{ beta1: -0.1 }, /beta1/],
      [{ beta2: Number.NaN }, /beta2/],
      [{ eps: 0 }, /eps/],
      [{ tol: -1 }, /tol/],
      [{ optimizer: "sgd" as OptimizerConfig["optimizer"] }, /Unknown optimizer/],
    ];
    for (const [patch, message] of bad) {
      expect(() => runOptimizer(fn, { ...ok, ...patch })).toThrow(RangeError);
      expect(() => runOptimizer(fn, { ...ok, ...patch })).toThrow(message);
    }
    expect(() => runOptimizer(fn, { ...ok, x0: [1e200, 0] })).toThrow(/not finite at the start/);
    expect(() => gd1d(quartic1d, { x0: 0, eta: 0.1, steps: 0 })).toThrow(RangeError);
    expect(() => gd1d(quartic1d, { x0: Number.NaN, eta: 0.1, steps: 5 })).toThrow(/x0/);
    expect(() => contractionFactor(0, 0.1)).toThrow(/a must be/);
    expect(() => gdStatus1d(1, -1)).toThrow(/eta/);
    expect(() => quadraticRate([], 0.1)).toThrow(/at least one/);
    expect(() => quadraticRate([1, Number.NaN], 0.1)).toThrow(/eigenvalue/);
  });
});
