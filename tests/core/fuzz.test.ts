// Hostile-input fuzzing of the numeric core: for any numbers at all (NaN, ±Infinity, subnormals,
// huge values, negatives), a core function either returns only finite numbers (or a documented
// null/status), or throws the documented RangeError. Never a TypeError, never a NaN on screen.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as conc from "../../src/core/concentration";
import * as fns from "../../src/core/functions";
import * as la from "../../src/core/linalg";
import * as opt from "../../src/core/optimize";
import * as prob from "../../src/core/probability";
import * as rnd from "../../src/core/random";
import * as vec from "../../src/core/vec";

const RUNS = { seed: 42, numRuns: 300 };

/**
 * Any number a URL, a slider bug or an attacker could produce: NaN, ±Infinity, subnormals, zero,
 * negatives and magnitudes up to 1e100. (Finite inputs near 1e308 may overflow IEEE arithmetic in
 * any formula; the kit clamps every param to its range long before that.)
 */
const hostile = fc.oneof(
  fc.double({ min: -1e100, max: 1e100 }),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    1e-320,
    5e-324,
    1e100,
    -1e100,
    NaN,
    Infinity,
    -Infinity,
    2 ** 53,
  ),
);
const small = fc.double({ min: -10, max: 10, noNaN: true });

/** True when every number inside v (arrays, typed arrays, objects) is finite; null is allowed. */
function allFinite(v: unknown, seen = new Set<unknown>()): boolean {
  if (v === null || v === undefined || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v);
  if (typeof v === "function") return true;
  if (typeof v !== "object" || seen.has(v)) return true;
  seen.add(v);
  if (ArrayBuffer.isView(v))
    return Array.from(v as unknown as ArrayLike<number>).every(Number.isFinite);
  return Object.values(v as Record<string, unknown>).every((x) => allFinite(x, seen));
}

/** Calls fn and checks the contract: finite output, or a RangeError with a message. */
function finiteOrRangeError(fn: () => unknown): void {
  let out: unknown;
  try {
    out = fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RangeError);
    expect((e as Error).message.length).toBeGreaterThan(10);
    return;
  }
  expect(allFinite(out)).toBe(true);
}

const check = (arbs: fc.Arbitrary<unknown>[], call: (...a: never[]) => unknown) =>
  fc.assert(
    fc.property(fc.tuple(...arbs), (args) => finiteOrRangeError(() => call(...(args as never[])))),
    RUNS,
  );

describe("every core function returns finite numbers or throws a RangeError, whatever numbers it is given", () => {
  it("holds for the vector and 2×2 functions", () => {
    check([hostile, hostile, hostile, hostile], (a, b, c, d) => vec.dot([a, b], [c, d]));
    check([hostile, hostile, hostile], (a, b, p) => vec.normP([a, b], p));
    check([hostile, hostile, hostile, hostile], (a, b, c, d) => vec.angle([a, b], [c, d]));
    check([hostile, hostile, hostile, hostile], (a, b, c, d) => vec.projectOnto([a, b], [c, d]));
    check([hostile, hostile, hostile, hostile], (a, b, c, d) => la.eigen2([a, b, c, d]));
  });

  it("holds for the matrix decompositions, including rank-deficient and zero matrices", () => {
    const entry = fc.oneof(small, fc.constantFrom(0, NaN, Infinity, 1e-320));
    const mat = fc.array(fc.array(entry, { minLength: 3, maxLength: 3 }), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(mat, (m) => finiteOrRangeError(() => la.svd(m))),
      RUNS,
    );
    fc.assert(
      fc.property(mat, (m) => finiteOrRangeError(() => la.rank(m))),
      RUNS,
    );
    fc.assert(
      fc.property(mat, (m) => finiteOrRangeError(() => la.pcaByCovariance(m))),
      RUNS,
    );
    fc.assert(
      fc.property(mat, (m) => finiteOrRangeError(() => la.pcaBySvd(m))),
      RUNS,
    );
    check([hostile, hostile, hostile], (m, n, k) => la.compressionRatio(m, n, k));
    check([hostile, hostile], (m, n) => la.thinSvdShapes(m, n));
  });

  it("holds for Hoeffding, the CLT and the exact binomial tail", () => {
    check([hostile, hostile], (n, d) => conc.hoeffdingHalfWidth(n, d));
    check([hostile, hostile], (n, t) => conc.hoeffdingBound(n, t));
    check([hostile, hostile], (t, d) => conc.hoeffdingSampleSize(t, d));
    check([hostile, hostile, hostile], (a, n, d) => conc.hoeffdingInterval(a, n, d));
    check([hostile, hostile, hostile], (p, n, d) => conc.cltHalfWidth(p, n, d));
    check([hostile], (x) => conc.normalCdf(x));
    check([fc.integer({ min: 1, max: 2000 }), hostile, hostile], (n, p, t) =>
      conc.binomialTwoSidedTail(n, p, t),
    );
    check([hostile, hostile, hostile], (h, n, d) => conc.pacBound(h, n, d));
    check(
      [fc.integer({ min: -5, max: 500 }), hostile, hostile, fc.integer({ min: -3, max: 300 })],
      (n, p, t, trials) => conc.coverageSimulation({ n, p, t, trials, seed: 1 }),
    );
  });

  it("holds for the normal quantile away from the ends, where ±∞ is the documented answer", () => {
    check([fc.double({ min: 1e-300, max: 1 - 1e-16, noNaN: true })], (p) => conc.normalQuantile(p));
    for (const p of [NaN, -1, 2]) finiteOrRangeError(() => conc.normalQuantile(p));
  });

  it("holds for the optimizers: divergence is data, not an exception or a NaN", () => {
    const id = fc.constantFrom(...fns.TEST_FUNCTION_IDS);
    const which = fc.constantFrom(...opt.OPTIMIZER_IDS);
    fc.assert(
      fc.property(
        id,
        which,
        hostile,
        hostile,
        hostile,
        fc.integer({ min: -2, max: 300 }),
        (f, o, x, y, eta, steps) =>
          finiteOrRangeError(() =>
            opt.runOptimizer(fns.testFunction(f), { optimizer: o, x0: [x, y], eta, steps }),
          ),
      ),
      RUNS,
    );
    check([hostile, hostile], (k, c) => fns.testFunction("ill", { kappa: k }).L ?? c);
    check([hostile, hostile, hostile, fc.integer({ min: -2, max: 300 })], (a, c, eta, steps) =>
      opt.gd1d(fns.quadratic1d(Math.abs(a) || 1, Number.isFinite(c) ? c : 0), {
        x0: 0,
        eta,
        steps,
      }),
    );
    check([hostile, hostile], (a, eta) => opt.contractionFactor(a, eta));
  });

  it("holds for the distributions, Bayes, sums, MLE and dependence", () => {
    check([hostile], (p) => prob.mean(prob.bernoulli(p)));
    check([hostile, hostile], (n, p) => prob.variance(prob.binomial(n, p)));
    check([hostile, hostile, hostile], (n, p, k) => prob.pmf(prob.binomial(n, p), k));
    check([hostile, hostile, hostile], (mu, s, x) => prob.pdf(prob.gaussian(mu, s), x));
    check([hostile, hostile], (l, k) => prob.pmf(prob.poisson(l), k));
    check([hostile, hostile], (mu, s) => prob.support(prob.gaussian(mu, s)));
    check([hostile, hostile, hostile], (prevalence, sensitivity, specificity) =>
      prob.bayesPosterior({ prevalence, sensitivity, specificity }),
    );
    check([hostile, hostile, hostile, hostile], (pop, prevalence, sensitivity, specificity) =>
      prob.screeningCounts(pop, { prevalence, sensitivity, specificity }),
    );
    check([hostile, hostile, hostile], (k, n, p) => prob.bernoulliLogLikelihood(k, n, p));
    check([hostile, hostile, hostile], (k, n, p) => prob.bernoulliScore(k, n, p));
    check([fc.array(hostile, { maxLength: 6 }), hostile, hostile], (xs, mu, s2) =>
      prob.gaussianLogLikelihoodVar(xs, mu, s2),
    );
    check([fc.integer({ min: -2, max: 60 }), hostile, hostile], (n, p, dependence) =>
      prob.sumOfBernoulli({ mode: "bernoulli", n, p, dependence }),
    );
    check([fc.array(fc.tuple(hostile, hostile), { maxLength: 6 })], (raw) => {
      const pts = raw as unknown as [number, number][];
      return prob.correlation({ xs: pts.map((q) => q[0]), ys: pts.map((q) => q[1]) });
    });
  });

  it("holds for the seeded samplers", () => {
    check([hostile], (s) => rnd.normaliseSeed(s));
    check([hostile, fc.integer({ min: -3, max: 50 }), hostile], (s, n, p) =>
      rnd.bernoulliSamples(rnd.makeSource(Number.isFinite(s) ? s : 1), n, p),
    );
    check([fc.integer({ min: -3, max: 1e6 }), hostile], (n, p) =>
      rnd.binomialSample(rnd.makeSource(3), n, p),
    );
  });
});
