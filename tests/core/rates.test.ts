import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { testFunction, type Point2 } from "../../src/core/functions";
import { quadraticRate, runOptimizer } from "../../src/core/optimize";
import {
  firstExit,
  gdSublinearBound,
  hessianEigenvalues,
  linearRate,
  momentumRate,
  newtonRate,
} from "../../src/core/rates";

const FC = { seed: 20240611, numRuns: 200 };

/** The observed per-step contraction of a run's distance to x* over its last `window` steps. */
function observedRate(path: readonly Point2[], xs: Point2, window: number): number {
  const d = (p: Point2) => Math.hypot(p[0] - xs[0], p[1] - xs[1]);
  const n = path.length - 1;
  return (d(path[n]) / d(path[n - window])) ** (1 / window);
}

describe("hessianEigenvalues", () => {
  it("gives the eigenvalues of the constant Hessians, descending", () => {
    expect(hessianEigenvalues(testFunction("bowl"), [0.3, -2])).toEqual([8, 2]);
    const round = hessianEigenvalues(testFunction("round"), [0, 0]);
    expect(round[0]).toBeCloseTo(3, 12);
    expect(round[1]).toBeCloseTo(1, 12);
  });

  it("satisfies λ₁ + λ₂ = tr H and λ₁λ₂ = det H for Rosenbrock's Hessian anywhere", () => {
    const ros = testFunction("rosenbrock");
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: -1, max: 3, noNaN: true }),
        (x, y) => {
          const h = ros.hess([x, y]);
          const [l1, l2] = hessianEigenvalues(ros, [x, y]);
          const scale = Math.max(1, Math.abs(h[0]), Math.abs(h[3]), Math.abs(h[1]));
          expect(l1).toBeGreaterThanOrEqual(l2);
          expect(Math.abs(l1 + l2 - (h[0] + h[3]))).toBeLessThan(1e-9 * scale);
          expect(Math.abs(l1 * l2 - (h[0] * h[3] - h[1] * h[2]))).toBeLessThan(
            1e-9 * scale * scale,
          );
        },
      ),
      FC,
    );
  });
});

describe("momentumRate", () => {
  it("reduces to GD's max|1 − ηλᵢ| when β = 0", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b, eta) => {
          expect(momentumRate([a, b], eta, 0)).toBeCloseTo(quadraticRate([a, b], eta), 12);
        },
      ),
      FC,
    );
  });

  it("is √β when every eigen-direction is underdamped", () => {
    // κ = 100, η = 1/L, β = 0.9: (1 + β − ηλ)² < 4β for λ = 1 and λ = 100.
    expect(momentumRate([100, 1], 0.01, 0.9)).toBeCloseTo(Math.sqrt(0.9), 14);
  });

  it("matches the contraction of the core's momentum runs on a quadratic", () => {
    const ill = testFunction("ill", { kappa: 20 });
    for (const [eta, beta] of [
      [0.05, 0.5],
      [0.05, 0.9],
      [0.02, 0.3],
    ]) {
      const run = runOptimizer(ill, {
        optimizer: "momentum",
        x0: [-2.5, 1.5],
        eta,
        beta,
        steps: 400,
      });
      const rho = momentumRate(hessianEigenvalues(ill, [0, 0]), eta, beta);
      // Underdamped runs oscillate inside the envelope ρᵏ, so compare over a long window.
      expect(observedRate(run.path, [0, 0], 200)).toBeLessThanOrEqual(rho * 1.01);
      expect(observedRate(run.path, [0, 0], 200)).toBeGreaterThan(rho * 0.9);
    }
  });

  it("rejects β outside [0, 1) and an empty spectrum", () => {
    expect(() => momentumRate([1], 0.1, 1)).toThrow(RangeError);
    expect(() => momentumRate([], 0.1, 0.5)).toThrow(RangeError);
  });
});

describe("newtonRate", () => {
  it("is the exact per-step factor of damped Newton on a quadratic", () => {
    const bowl = testFunction("bowl");
    for (const eta of [0.25, 0.5, 1, 1.5]) {
      const run = runOptimizer(bowl, { optimizer: "newton", x0: [2, -1], eta, steps: 3 });
      const f = newtonRate(eta);
      expect(run.path[3][0]).toBeCloseTo(2 * (1 - eta) ** 3, 12);
      expect(Math.abs(run.path[3][1])).toBeCloseTo(f ** 3, 12);
    }
  });
});

describe("linearRate", () => {
  it("is global on a quadratic, local elsewhere, and absent for Adam", () => {
    expect(linearRate(testFunction("bowl"), "gd", 0.2, 0.9, true)).toEqual({
      rho: quadraticRate([8, 2], 0.2),
      scope: "global",
    });
    expect(linearRate(testFunction("rosenbrock"), "gd", 0.001, 0.9, false)?.scope).toBe("local");
    expect(linearRate(testFunction("bowl"), "adam", 0.2, 0.9, true)).toBeNull();
  });

  it("predicts the end of a GD run on the logistic loss", () => {
    const lg = testFunction("logistic");
    const eta = 2;
    const run = runOptimizer(lg, { optimizer: "gd", x0: [-0.5, 1.5], eta, steps: 60 });
    const rate = linearRate(lg, "gd", eta, 0.9, false);
    expect(rate).not.toBeNull();
    expect(observedRate(run.path, lg.minimiser!, 20)).toBeCloseTo(rate!.rho, 3);
  });
});

describe("gdSublinearBound", () => {
  it("bounds every GD iterate with η = 1/L on the convex test functions", () => {
    for (const id of ["bowl", "round", "logistic"] as const) {
      const fn = testFunction(id);
      const x0: Point2 = [-0.8, 1.9];
      const eta = 1 / fn.L!;
      const run = runOptimizer(fn, { optimizer: "gd", x0, eta, steps: 200 });
      const xs = fn.minimiser!;
      const d2 = (x0[0] - xs[0]) ** 2 + (x0[1] - xs[1]) ** 2;
      for (let k = 1; k < run.values.length; k++)
        expect(run.values[k] - fn.fmin!).toBeLessThanOrEqual(
          gdSublinearBound(d2, eta, k) * (1 + 1e-12) + 1e-15,
        );
    }
  });

  it("rejects k < 1 and η ≤ 0", () => {
    expect(() => gdSublinearBound(1, 0.1, 0)).toThrow(RangeError);
    expect(() => gdSublinearBound(1, 0, 1)).toThrow(RangeError);
  });
});

describe("firstExit", () => {
  it("finds the first point outside the box, edges inside", () => {
    const box = { x: [-1, 1], y: [-1, 1] } as const;
    expect(
      firstExit(
        [
          [0, 0],
          [1, 1],
          [1.01, 0],
          [0, 0],
        ],
        box,
      ),
    ).toBe(2);
    expect(
      firstExit(
        [
          [0, 0],
          [-1, 1],
        ],
        box,
      ),
    ).toBeNull();
  });
});
