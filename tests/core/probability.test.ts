// Probability and statistics: every closed form is checked against a second method (summing the
// pmf, Simpson integration, convolution, the odds form of Bayes, a numeric maximiser, finite
// differences), and every sampler against theory within a stated multiple of its standard error.
// Sources are d3-random's randomLcg with fixed seeds; fast-check runs with a fixed seed too.
import fc from "fast-check";
import { randomLcg } from "d3-random";
import { describe, expect, test } from "vitest";
import {
  bayesPosterior,
  bernoulli,
  bernoulliLogLikelihood,
  bernoulliMle,
  bernoulliScore,
  binomial,
  conditionalSpread,
  correlation,
  covariance,
  gaussian,
  gaussianLogLikelihoodVar,
  gaussianVarMle,
  gaussianVarScore,
  histogram,
  integerBins,
  logGamma,
  mean,
  pdf,
  pmf,
  poisson,
  retest,
  sampleDistribution,
  sampleMoments,
  sampleUncorrelated,
  screeningCounts,
  simulatePopulation,
  simulateSums,
  squareMixCovariance,
  sumOfBernoulli,
  support,
  uncorrelatedTheory,
  uniformMoment,
  variance,
  varianceEstimatorBias,
  SUPPORT_MASS,
  type DiscreteDistribution,
  type Distribution,
  type Gaussian,
  type MaybeNumber,
  type ScreeningRates,
  type SumParams,
} from "../../src/core/probability";

const RUNS = { seed: 7, numRuns: 200 };

/** How many standard errors a seeded estimate may sit from the theory. */
const Z = 4;

function near(a: number, b: number, tol: number, what = ""): void {
  expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(tol);
}

function relNear(a: number, b: number, rel: number, what = ""): void {
  near(a, b, rel * Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE), what);
}

function value(m: MaybeNumber): number {
  if (m.value === null) throw new Error(`expected a number, got null: ${m.reason}`);
  return m.value;
}

function density(d: Gaussian, x: number): number {
  const p = pdf(d, x);
  if (p.value === null) throw new Error(p.reason);
  return p.value;
}

/** Composite Simpson's rule with `m` (even) intervals. */
function simpson(f: (x: number) => number, a: number, b: number, m = 2000): number {
  const h = (b - a) / m;
  let s = f(a) + f(b);
  for (let i = 1; i < m; i++) s += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

/** Golden-section search for the maximiser of a unimodal f on [a, b]. */
function goldenMax(f: (x: number) => number, a: number, b: number, tol = 1e-12): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > tol * (1 + Math.abs(a) + Math.abs(b))) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

/** Total, mean, variance and fourth central moment by summing the pmf over lo … hi. */
function pmfMoments(d: DiscreteDistribution, lo: number, hi: number) {
  let total = 0;
  let m1 = 0;
  for (let k = lo; k <= hi; k++) {
    total += pmf(d, k);
    m1 += k * pmf(d, k);
  }
  let m2 = 0;
  let m4 = 0;
  for (let k = lo; k <= hi; k++) {
    const c = k - m1;
    m2 += c * c * pmf(d, k);
    m4 += c ** 4 * pmf(d, k);
  }
  return { total, mean: m1, variance: m2, fourth: m4 };
}

/** A range holding every representable bit of a discrete distribution's mass. */
function wholeRange(d: DiscreteDistribution): [number, number] {
  if (d.dist === "bernoulli") return [0, 1];
  if (d.dist === "binomial") return [0, d.n];
  return [0, Math.ceil(d.lambda + 40 * Math.sqrt(d.lambda) + 50)];
}

/** Fourth central moment from summing the pmf or, for a Gaussian, by Simpson. */
function fourthCentralMoment(d: Distribution): number {
  if (d.dist === "gaussian") {
    const { mu, sigma } = d;
    return simpson((x) => (x - mu) ** 4 * density(d, x), mu - 12 * sigma, mu + 12 * sigma);
  }
  const [lo, hi] = wholeRange(d);
  return pmfMoments(d, lo, hi).fourth;
}

/** Sample variance's standard error from the sample's own fourth moment: √((m₄ − s⁴)/N). */
function varianceStandardError(xs: ArrayLike<number>): number {
  const m = sampleMoments(xs);
  const mu = m.mean ?? 0;
  let m4 = 0;
  for (let i = 0; i < xs.length; i++) m4 += (xs[i] - mu) ** 4;
  m4 /= xs.length;
  return Math.sqrt(Math.max(0, m4 - (m.variance ?? 0) ** 2) / xs.length);
}

const discreteCases: DiscreteDistribution[] = [
  bernoulli(0),
  bernoulli(0.3),
  bernoulli(1),
  binomial(1, 0.5),
  binomial(0, 0.4),
  binomial(10, 0.5),
  binomial(10, 0),
  binomial(10, 1),
  binomial(100, 1e-3),
  binomial(250, 0.97),
  binomial(10_000, 0.5),
  binomial(10_000, 0.013),
  poisson(0),
  poisson(1e-3),
  poisson(1),
  poisson(10),
  poisson(137.5),
  poisson(1000),
];

describe("logGamma", () => {
  test("ln Γ(n + 1) equals ln 1 + ln 2 + … + ln n for every n up to 2000", () => {
    let logFactorial = 0;
    for (let n = 1; n <= 2000; n++) {
      logFactorial += Math.log(n);
      near(logGamma(n + 1), logFactorial, 1e-13 * Math.max(1, logFactorial), `n = ${n}`);
    }
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
  });

  test("ln Γ(½) equals ln √π to within a few units of rounding of ln Γ(10)", () => {
    near(logGamma(0.5), 0.5 * Math.log(Math.PI), 5e-15);
  });

  test("ln Γ satisfies the recurrence ln Γ(x + 1) = ln Γ(x) + ln x", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-8, max: 1e8, noNaN: true }), (x) => {
        const lhs = logGamma(x + 1);
        near(
          lhs,
          logGamma(x) + Math.log(x),
          1e-13 * Math.max(1, Math.abs(lhs), Math.abs(Math.log(x))),
        );
      }),
      RUNS,
    );
  });

  test("ln Γ satisfies Legendre's duplication formula Γ(x)Γ(x + ½) = 2^(1−2x) √π Γ(2x)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (x) => {
        const lhs = logGamma(x) + logGamma(x + 0.5);
        const rhs = (1 - 2 * x) * Math.LN2 + 0.5 * Math.log(Math.PI) + logGamma(2 * x);
        near(lhs, rhs, 1e-13 * Math.max(1, Math.abs(lhs), Math.abs(rhs)));
      }),
      RUNS,
    );
  });

  test("ln Γ rejects x ≤ 0 and non-finite x with a RangeError", () => {
    for (const x of [0, -1, -0.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => logGamma(x)).toThrow(RangeError);
    }
  });
});

describe("distributions", () => {
  test("every pmf sums to 1 over its whole range, edge cases included", () => {
    for (const d of discreteCases) {
      const [lo, hi] = wholeRange(d);
      near(pmfMoments(d, lo, hi).total, 1, 1e-12, JSON.stringify(d));
    }
  });

  test("the binomial and Poisson pmfs equal the log-gamma formula (a second method)", () => {
    for (const d of discreteCases) {
      if (d.dist === "bernoulli") continue;
      const [lo, hi] = wholeRange(d);
      for (let k = lo; k <= hi; k++) {
        let logP: number;
        if (d.dist === "binomial") {
          if (d.p === 0 || d.p === 1) continue;
          logP =
            logGamma(d.n + 1) -
            logGamma(k + 1) -
            logGamma(d.n - k + 1) +
            k * Math.log(d.p) +
            (d.n - k) * Math.log1p(-d.p);
        } else {
          if (d.lambda === 0) continue;
          logP = k * Math.log(d.lambda) - d.lambda - logGamma(k + 1);
        }
        // Below ~e^-600 both forms are only underflow noise.
        if (logP < -600) continue;
        relNear(pmf(d, k), Math.exp(logP), 1e-9, `${JSON.stringify(d)} at k = ${k}`);
      }
    }
  });

  test("consecutive binomial probabilities satisfy P(k+1)/P(k) = (n − k)/(k + 1) · p/(1 − p)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (n, p, z) => {
          const d = binomial(n, p);
          const sd = Math.sqrt(n * p * (1 - p));
          const k = Math.min(n - 1, Math.max(0, Math.round(n * p + z * sd)));
          const ratio = ((n - k) / (k + 1)) * (p / (1 - p));
          relNear(pmf(d, k + 1), pmf(d, k) * ratio, 1e-11);
        },
      ),
      RUNS,
    );
  });

  test("consecutive Poisson probabilities satisfy P(k+1)/P(k) = λ/(k + 1)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e5, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (lambda, z) => {
          const d = poisson(lambda);
          const k = Math.max(0, Math.round(lambda + z * Math.sqrt(lambda)));
          relNear(pmf(d, k + 1), (pmf(d, k) * lambda) / (k + 1), 1e-11);
        },
      ),
      RUNS,
    );
  });

  test("Bernoulli(p) has the same pmf, mean and variance as Binomial(1, p)", () => {
    for (const p of [0, 0.2, 0.5, 0.9, 1]) {
      for (const k of [0, 1, 2, -1, 0.5]) near(pmf(bernoulli(p), k), pmf(binomial(1, p), k), 1e-15);
      expect(mean(bernoulli(p))).toBe(mean(binomial(1, p)));
      expect(variance(bernoulli(p))).toBe(variance(binomial(1, p)));
    }
  });

  test("the mean and variance from summing the pmf equal the closed forms", () => {
    for (const d of discreteCases) {
      const [lo, hi] = wholeRange(d);
      const m = pmfMoments(d, lo, hi);
      const scale = Math.max(1, mean(d));
      near(m.mean, mean(d), 1e-11 * scale, `mean of ${JSON.stringify(d)}`);
      near(m.variance, variance(d), 1e-10 * scale, `variance of ${JSON.stringify(d)}`);
    }
  });

  test("the Gaussian pdf integrates to 1 by Simpson, with first moment μ and second σ²", () => {
    for (const [mu, sigma] of [
      [0, 1],
      [3, 0.5],
      [-40, 7],
      [1e3, 1e-3],
      [0, 1e4],
    ]) {
      const d = gaussian(mu, sigma);
      const [a, b] = [mu - 12 * sigma, mu + 12 * sigma];
      near(
        simpson((x) => density(d, x), a, b),
        1,
        1e-10,
        `total of N(${mu}, ${sigma}²)`,
      );
      const m1 = simpson((x) => (x - mu) * density(d, x), a, b);
      near(m1 + mu, mean(d), 1e-9 * Math.max(1, Math.abs(mu), sigma), "mean");
      const m2 = simpson((x) => (x - mu) ** 2 * density(d, x), a, b);
      relNear(m2, variance(d), 1e-9, "variance");
    }
  });

  test("the discrete plotting range covers at least 1 − 1e-9 of the mass and no end is spare", () => {
    for (const d of discreteCases) {
      const s = support(d);
      if (s.kind !== "discrete") throw new Error("expected a discrete support");
      let mass = 0;
      for (let k = s.lo; k <= s.hi; k++) mass += pmf(d, k);
      expect(mass).toBeGreaterThanOrEqual(SUPPORT_MASS);
      near(s.mass, mass, 1e-12, "reported mass");
      if (s.lo < s.hi) {
        expect(mass - Math.min(pmf(d, s.lo), pmf(d, s.hi))).toBeLessThan(SUPPORT_MASS);
      }
    }
  });

  test("the Gaussian plotting range is μ ± 5σ", () => {
    expect(support(gaussian(2, 3))).toEqual({ kind: "continuous", lo: -13, hi: 17 });
  });

  test("point masses (p = 0 or 1, λ = 0, n = 0) put all mass on one value with zero variance", () => {
    const cases: [DiscreteDistribution, number][] = [
      [bernoulli(0), 0],
      [bernoulli(1), 1],
      [binomial(7, 0), 0],
      [binomial(7, 1), 7],
      [binomial(0, 0.5), 0],
      [poisson(0), 0],
    ];
    for (const [d, at] of cases) {
      expect(pmf(d, at)).toBe(1);
      expect(pmf(d, at + 1)).toBe(0);
      expect(support(d)).toEqual({ kind: "discrete", lo: at, hi: at, mass: 1 });
      expect(mean(d)).toBe(at);
      expect(variance(d)).toBe(0);
      expect(Array.from(sampleDistribution(d, randomLcg(3), 500))).toEqual(Array(500).fill(at));
    }
  });

  test("a Gaussian with σ = 0 is flagged as a point mass instead of returning NaN or Infinity", () => {
    const d = gaussian(1.5, 0);
    for (const x of [1.5, 0, 3]) {
      const p = pdf(d, x);
      expect(p.pointMass).toBe(true);
      expect(p.value).toBeNull();
      if (p.pointMass) expect(p.reason).toMatch(/point mass/);
    }
    expect(support(d)).toEqual({ kind: "point", at: 1.5 });
    expect(variance(d)).toBe(0);
    expect(Array.from(sampleDistribution(d, randomLcg(3), 100))).toEqual(Array(100).fill(1.5));
  });

  test("as σ → 0 the pdf stays finite until it would overflow, and is then flagged", () => {
    for (const sigma of [1e-3, 1e-100, 1e-300]) {
      const p = pdf(gaussian(0, sigma), 0);
      expect(p.pointMass).toBe(false);
      expect(Number.isFinite(p.value)).toBe(true);
      expect(pdf(gaussian(0, sigma), 1).value).toBe(0);
    }
    expect(pdf(gaussian(0, 1e-320), 0).pointMass).toBe(true);
  });

  test("pmf is 0 off the support, including non-integer k", () => {
    expect(pmf(binomial(5, 0.5), -1)).toBe(0);
    expect(pmf(binomial(5, 0.5), 6)).toBe(0);
    expect(pmf(binomial(5, 0.5), 2.5)).toBe(0);
    expect(pmf(poisson(3), -2)).toBe(0);
    expect(pmf(poisson(3), 1.25)).toBe(0);
  });

  test("invalid parameters throw RangeErrors that name the parameter", () => {
    expect(() => bernoulli(1.2)).toThrow(/Bernoulli p/);
    expect(() => binomial(2.5, 0.5)).toThrow(/Binomial n/);
    expect(() => binomial(-1, 0.5)).toThrow(RangeError);
    expect(() => gaussian(0, -1)).toThrow(/sigma/);
    expect(() => gaussian(Number.NaN, 1)).toThrow(/mu/);
    expect(() => poisson(-0.1)).toThrow(/lambda/);
    expect(() => pmf(poisson(1), Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => sampleDistribution(poisson(1), randomLcg(1), -1)).toThrow(/count/);
    expect(() => mean({ dist: "cauchy" } as unknown as Distribution)).toThrow(
      /Unknown distribution/,
    );
  });

  test("large seeded samples agree with the mean and variance within 4 standard errors", () => {
    const cases: Distribution[] = [
      bernoulli(0.3),
      binomial(10, 0.5),
      binomial(1, 0.9),
      binomial(10_000, 0.013),
      gaussian(-2, 3),
      poisson(0.7),
      poisson(25),
      poisson(1000),
    ];
    const count = 200_000;
    cases.forEach((d, i) => {
      const xs = sampleDistribution(d, randomLcg(100 + i), count);
      const m = sampleMoments(xs);
      const sigma2 = variance(d);
      near(m.mean ?? NaN, mean(d), Z * Math.sqrt(sigma2 / count), `mean of ${JSON.stringify(d)}`);
      const seVariance = Math.sqrt((fourthCentralMoment(d) - sigma2 ** 2) / count);
      near(m.variance ?? NaN, sigma2, Z * seVariance, `variance of ${JSON.stringify(d)}`);
    });
  });

  test("a histogram of binomial samples on integer bins converges to the pmf within 4 SE per bin", () => {
    const d = binomial(10, 0.5);
    const count = 100_000;
    const xs = sampleDistribution(d, randomLcg(11), count);
    const h = histogram(xs, integerBins(0, 10));
    expect(h.below + h.above).toBe(0);
    h.density?.forEach((f, k) => {
      near(f, pmf(d, k), Z * Math.sqrt((pmf(d, k) * (1 - pmf(d, k))) / count), `k = ${k}`);
    });
  });

  test("the same seed gives the same samples, and another seed different ones", () => {
    const d = poisson(4);
    const a = sampleDistribution(d, randomLcg(5), 50);
    expect(sampleDistribution(d, randomLcg(5), 50)).toEqual(a);
    expect(sampleDistribution(d, randomLcg(6), 50)).not.toEqual(a);
  });
});

describe("histogram and running moments", () => {
  test("a histogram counts every sample once and its density integrates to the inside fraction", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { maxLength: 300 }),
        fc.integer({ min: 1, max: 40 }),
        (xs, count) => {
          const h = histogram(xs, { lo: -5, hi: 5, count });
          const inside = h.counts.reduce((a, b) => a + b, 0);
          expect(inside + h.below + h.above).toBe(xs.length);
          expect(h.edges.length).toBe(count + 1);
          expect(h.edges[count]).toBe(5);
          if (h.density === null) {
            expect(xs.length).toBe(0);
          } else {
            const width = 10 / count;
            near(
              h.density.reduce((a, b) => a + b * width, 0),
              inside / xs.length,
              1e-12,
            );
          }
        },
      ),
      RUNS,
    );
  });

  test("the right edge belongs to the last bin and values beyond are counted outside", () => {
    const h = histogram([0, 0.999, 1, 1.5, 2, -0.1, 2.1], { lo: 0, hi: 2, count: 2 });
    expect(h.counts).toEqual([2, 3]);
    expect([h.below, h.above]).toEqual([1, 1]);
  });

  test("running sample moments equal the two-pass mean and unbiased variance (a second method)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 200 }),
        (xs) => {
          const count = xs.length;
          const m = xs.reduce((a, b) => a + b, 0) / count;
          const v = xs.reduce((a, x) => a + (x - m) ** 2, 0) / (count - 1);
          const got = sampleMoments(xs, count);
          near(got.mean ?? NaN, m, 1e-9 * Math.max(1, Math.abs(m)));
          near(got.variance ?? NaN, v, 1e-9 * Math.max(1, v));
          expect(got.reason).toBeNull();
        },
      ),
      RUNS,
    );
  });

  test("sample moments use only the first count samples and leave the variance null below 2", () => {
    const xs = [4, 8, 100];
    expect(sampleMoments(xs, 0)).toEqual({
      count: 0,
      mean: null,
      variance: null,
      reason: "no samples yet",
    });
    const one = sampleMoments(xs, 1);
    expect([one.mean, one.variance]).toEqual([4, null]);
    expect(one.reason).toMatch(/at least 2/);
    expect(sampleMoments(xs, 2)).toEqual({ count: 2, mean: 6, variance: 8, reason: null });
    expect(() => sampleMoments(xs, 4)).toThrow(RangeError);
  });
});

describe("Bayes' rule for screening", () => {
  const rates = fc.record({
    prevalence: fc.double({ min: 0, max: 1, noNaN: true }),
    sensitivity: fc.double({ min: 0, max: 1, noNaN: true }),
    specificity: fc.double({ min: 0, max: 1, noNaN: true }),
  });

  test("the posterior equals the odds form: posterior odds = prior odds · sens/(1 − spec)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 0.9999, noNaN: true }),
        fc.double({ min: 1e-4, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.9999, noNaN: true }),
        (prevalence, sensitivity, specificity) => {
          const r = bayesPosterior({ prevalence, sensitivity, specificity });
          const odds = (prevalence / (1 - prevalence)) * (sensitivity / (1 - specificity));
          near(r.posterior ?? NaN, odds / (1 + odds), 1e-12);
        },
      ),
      RUNS,
    );
  });

  test("P(+) + P(−) = 1, npv + false omission = 1, and every probability lies in [0, 1]", () => {
    fc.assert(
      fc.property(rates, (r) => {
        const b = bayesPosterior(r);
        near(b.pPositive + b.pNegative, 1, 1e-15);
        if (b.npv !== null && b.falseOmission !== null) near(b.npv + b.falseOmission, 1, 1e-15);
        for (const x of [b.pPositive, b.pNegative, b.posterior, b.npv, b.falseOmission]) {
          if (x !== null) expect(x >= 0 && x <= 1).toBe(true);
        }
        expect(b.posterior === null).toBe(b.posteriorReason !== null);
        expect(b.npv === null).toBe(b.npvReason !== null);
      }),
      RUNS,
    );
  });

  test("the posteriors from the formulas equal counting in a simulated population of 10⁶", () => {
    const cases: ScreeningRates[] = [
      { prevalence: 0.01, sensitivity: 0.95, specificity: 0.9 },
      { prevalence: 0.2, sensitivity: 0.7, specificity: 0.99 },
    ];
    cases.forEach((r, i) => {
      const sim = simulatePopulation(randomLcg(20 + i), 1_000_000, r);
      const b = bayesPosterior(r);
      const positives = sim.truePositives + sim.falsePositives;
      const negatives = sim.falseNegatives + sim.trueNegatives;
      const post = b.posterior ?? NaN;
      near(
        sim.truePositives / positives,
        post,
        Z * Math.sqrt((post * (1 - post)) / positives),
        "P(D|+)",
      );
      const npv = b.npv ?? NaN;
      near(sim.trueNegatives / negatives, npv, Z * Math.sqrt((npv * (1 - npv)) / negatives), "npv");
      const p2 = retest(r).posterior ?? NaN;
      near(
        sim.diseasedPositiveTwice / sim.positiveTwice,
        p2,
        Z * Math.sqrt((p2 * (1 - p2)) / sim.positiveTwice),
        "P(D|+,+)",
      );
    });
  });

  test("the retest posterior equals the odds form with the likelihood ratio squared", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 0.9999, noNaN: true }),
        fc.double({ min: 1e-4, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.9999, noNaN: true }),
        (prevalence, sensitivity, specificity) => {
          const r = retest({ prevalence, sensitivity, specificity });
          const odds = (prevalence / (1 - prevalence)) * (sensitivity / (1 - specificity)) ** 2;
          near(r.posterior ?? NaN, odds / (1 + odds), 1e-12);
          expect(r.firstPosterior).toBe(
            bayesPosterior({ prevalence, sensitivity, specificity }).posterior,
          );
        },
      ),
      RUNS,
    );
  });

  test("with sensitivity 0 and specificity 1 the test is never positive, so the posterior is null", () => {
    const r: ScreeningRates = { prevalence: 0.3, sensitivity: 0, specificity: 1 };
    const b = bayesPosterior(r);
    expect(b.pPositive).toBe(0);
    expect(b.posterior).toBeNull();
    expect(b.posteriorReason).toBe("the test is never positive");
    expect(b.npv).toBe(0.7);
    const again = retest(r);
    expect([again.firstPosterior, again.posterior]).toEqual([null, null]);
    expect(again.reason).toBe("the test is never positive");
  });

  test("with sensitivity 1 and specificity 0 the test is never negative, so npv is null", () => {
    const b = bayesPosterior({ prevalence: 0.3, sensitivity: 1, specificity: 0 });
    expect([b.pNegative, b.npv, b.falseOmission]).toEqual([0, null, null]);
    expect(b.npvReason).toBe("the test is never negative");
    expect(b.posterior).toBe(0.3);
  });

  test("screening counts are integers summing to the population, each within 1 of expected", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), rates, (population, r) => {
        const c = screeningCounts(population, r);
        const counts = [c.truePositives, c.falsePositives, c.falseNegatives, c.trueNegatives];
        const expected = [
          population * r.prevalence * r.sensitivity,
          population * (1 - r.prevalence) * (1 - r.specificity),
          population * r.prevalence * (1 - r.sensitivity),
          population * (1 - r.prevalence) * r.specificity,
        ];
        expect(counts.reduce((a, b) => a + b, 0)).toBe(population);
        counts.forEach((n, i) => {
          expect(Number.isInteger(n) && n >= 0).toBe(true);
          expect(Math.abs(n - expected[i])).toBeLessThan(1);
        });
      }),
      RUNS,
    );
  });

  test("largest-remainder rounding gives the leftover people to the largest fractions", () => {
    // Expected 0.5, 4.95, 0.5, 94.05 of 100: floors sum to 98, so TP and FP (the largest
    // remainders, .95 and the earlier of the two .5s) get one each.
    const c = screeningCounts(100, { prevalence: 0.01, sensitivity: 0.5, specificity: 0.95 });
    expect(c).toEqual({
      truePositives: 1,
      falsePositives: 5,
      falseNegatives: 0,
      trueNegatives: 94,
    });
  });

  test("invalid rates and populations throw RangeErrors", () => {
    const ok: ScreeningRates = { prevalence: 0.1, sensitivity: 0.9, specificity: 0.9 };
    expect(() => bayesPosterior({ ...ok, prevalence: 1.5 })).toThrow(/prevalence/);
    expect(() => bayesPosterior({ ...ok, sensitivity: Number.NaN })).toThrow(/sensitivity/);
    expect(() => screeningCounts(10.5, ok)).toThrow(/population/);
    expect(() => simulatePopulation(randomLcg(1), -3, ok)).toThrow(/population/);
  });
});

describe("expectation of sums", () => {
  const base: SumParams = { mode: "bernoulli", n: 10, p: 0.5, dependence: 0 };

  /** Distribution of the sum of n fair dice by repeated convolution. */
  function diceSumPmf(n: number): number[] {
    let dist = [1];
    for (let i = 0; i < n; i++) {
      const next = new Array<number>(dist.length + 6).fill(0);
      dist.forEach((w, s) => {
        for (let f = 1; f <= 6; f++) next[s + f] += w / 6;
      });
      dist = next;
    }
    return dist;
  }

  function momentsOf(dist: number[]): { mean: number; variance: number } {
    const m = dist.reduce((a, w, s) => a + w * s, 0);
    return { mean: m, variance: dist.reduce((a, w, s) => a + w * (s - m) ** 2, 0) };
  }

  test("a sum of n fair dice has mean 3.5n and variance 35n/12, as its convolved pmf does", () => {
    for (let n = 1; n <= 8; n++) {
      const t = sumOfBernoulli({ ...base, mode: "dice", n });
      const exact = momentsOf(diceSumPmf(n));
      near(t.mean, exact.mean, 1e-12, `mean of ${n} dice`);
      near(t.variance, exact.variance, 1e-11, `variance of ${n} dice`);
      near(t.mean, 3.5 * n, 1e-12);
      near(t.variance, (35 * n) / 12, 1e-12);
    }
  });

  test("independent Bernoulli summands give the binomial's pmf-summed mean and variance", () => {
    for (const [n, p] of [
      [1, 0.3],
      [10, 0.5],
      [37, 0.91],
    ]) {
      const t = sumOfBernoulli({ ...base, n, p });
      const m = pmfMoments(binomial(n, p), 0, n);
      near(t.mean, m.mean, 1e-12);
      near(t.variance, m.variance, 1e-12);
      expect(t.variance).toBe(t.varianceIfIndependent);
    }
  });

  test("full copies (ρ = 1) give Var = n²p(1 − p)", () => {
    const t = sumOfBernoulli({ ...base, n: 12, p: 0.3, dependence: 1 });
    near(t.variance, 12 * 12 * 0.3 * 0.7, 1e-12);
    near(t.mean, 12 * 0.3, 1e-12);
  });

  test("for 0 ≤ ρ ≤ 1 the closed form equals the moments of the mixture pmf (a second method)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, p, rho) => {
          // With probability ρ all n summands are one Bernoulli (S ∈ {0, n}); else Binomial(n, p).
          const dist = Array.from({ length: n + 1 }, (_, k) => (1 - rho) * pmf(binomial(n, p), k));
          dist[0] += rho * (1 - p);
          dist[n] += rho * p;
          const exact = momentsOf(dist);
          const t = sumOfBernoulli({ mode: "bernoulli", n, p, dependence: rho });
          near(t.mean, exact.mean, 1e-10 * n);
          near(t.variance, exact.variance, 1e-10 * n * n);
        },
      ),
      RUNS,
    );
  });

  test("antithetic pairs (ρ = −1) of fair coins sum to n/2 and of dice to 3.5n: zero variance", () => {
    for (const n of [2, 8, 20]) {
      const coins: SumParams = { mode: "bernoulli", n, p: 0.5, dependence: -1 };
      expect(sumOfBernoulli(coins).variance).toBe(0);
      expect(new Set(simulateSums(randomLcg(n), coins, 1000))).toEqual(new Set([n / 2]));
      const dice: SumParams = { ...coins, mode: "dice" };
      expect(sumOfBernoulli(dice).variance).toBe(0);
      expect(new Set(simulateSums(randomLcg(n), dice, 1000))).toEqual(new Set([3.5 * n]));
    }
    // An odd count leaves one independent summand, which carries all the variance.
    near(sumOfBernoulli({ ...base, mode: "dice", n: 7, dependence: -1 }).variance, 35 / 12, 1e-12);
  });

  test("the antithetic pair covariance of Bernoulli(p) is max(0, 2p − 1) − p², from its joint table", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (p) => {
        // X = [U ≥ 1 − p], X' = [U ≤ p]: both are 1 on [1 − p, p], an interval of length 2p − 1.
        const both = Math.max(0, 2 * p - 1);
        const t = sumOfBernoulli({ mode: "bernoulli", n: 2, p, dependence: -1 });
        near(t.pairCovariance, both - p * p, 1e-12);
        expect(t.dependentPairs).toBe(1);
      }),
      RUNS,
    );
  });

  test("linearity of expectation holds for dependent sums while the variance does not add", () => {
    const cases: SumParams[] = [
      { mode: "bernoulli", n: 10, p: 0.3, dependence: 0.5 },
      { mode: "bernoulli", n: 10, p: 0.3, dependence: 1 },
      { mode: "bernoulli", n: 11, p: 0.3, dependence: -0.6 },
      { mode: "bernoulli", n: 9, p: 0.4, dependence: -1 },
      { mode: "dice", n: 5, dependence: 0.25, p: 0 },
      { mode: "dice", n: 7, dependence: -0.5, p: 0 },
    ];
    const trials = 100_000;
    cases.forEach((params, i) => {
      const t = sumOfBernoulli(params);
      const sums = simulateSums(randomLcg(40 + i), params, trials);
      const m = sampleMoments(sums);
      const se = varianceStandardError(sums);
      const what = JSON.stringify(params);
      near(m.mean ?? NaN, t.mean, Z * Math.sqrt(t.variance / trials), `mean of ${what}`);
      near(t.mean, params.n * t.summandMean, 1e-12, `linearity for ${what}`);
      near(m.variance ?? NaN, t.variance, Z * se, `variance of ${what}`);
      // The simulated variance is far (≥ 10 SE) from the sum of the summands' variances.
      expect(Math.abs((m.variance ?? NaN) - t.varianceIfIndependent)).toBeGreaterThan(10 * se);
    });
  });

  test("independent simulated sums match the theory within 4 standard errors", () => {
    for (const params of [
      { ...base, n: 10, p: 0.5 },
      { ...base, mode: "dice" as const, n: 3 },
    ]) {
      const t = sumOfBernoulli(params);
      const sums = simulateSums(randomLcg(9), params, 100_000);
      const m = sampleMoments(sums);
      near(m.mean ?? NaN, t.mean, Z * Math.sqrt(t.variance / sums.length));
      near(m.variance ?? NaN, t.variance, Z * varianceStandardError(sums));
    }
  });

  test("for every n, p and ρ the variance lies between 0 and the full-copies variance n²σ²", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.constantFrom("bernoulli" as const, "dice" as const),
        (n, p, dependence, mode) => {
          const t = sumOfBernoulli({ mode, n, p, dependence });
          expect(t.variance).toBeGreaterThanOrEqual(0);
          expect(t.variance).toBeLessThanOrEqual(n * n * t.summandVariance * (1 + 1e-12));
          near(t.mean, n * t.summandMean, 1e-9 * n);
        },
      ),
      RUNS,
    );
  });

  test("invalid sum parameters throw RangeErrors", () => {
    expect(() => sumOfBernoulli({ ...base, n: 0 })).toThrow(/n must/);
    expect(() => sumOfBernoulli({ ...base, dependence: 1.5 })).toThrow(/dependence/);
    expect(() => sumOfBernoulli({ ...base, p: -0.1 })).toThrow(/p must/);
    expect(() => simulateSums(randomLcg(1), base, 1.5)).toThrow(/trials/);
  });
});

describe("maximum likelihood", () => {
  test("the Bernoulli MLE k/n equals a golden-section maximiser of ℓ, and the score is 0 there", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 2000 })
          .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n - 1 }))),
        ([n, k]) => {
          const ell = (p: number) => value(bernoulliLogLikelihood(k, n, p));
          const numeric = goldenMax(ell, 1e-12, 1 - 1e-12);
          near(numeric, bernoulliMle(k, n), 1e-7);
          near(value(bernoulliScore(k, n, bernoulliMle(k, n))), 0, 1e-9 * n);
        },
      ),
      RUNS,
    );
  });

  test("no p gives a higher Bernoulli log-likelihood than p̂ = k/n", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 500 })
          .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }))),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ([n, k], q) => {
          const best = value(bernoulliLogLikelihood(k, n, bernoulliMle(k, n)));
          const other = bernoulliLogLikelihood(k, n, q).value;
          if (other !== null) expect(other).toBeLessThanOrEqual(best + 1e-9 * n);
        },
      ),
      RUNS,
    );
  });

  test("the Bernoulli score equals a central finite difference of ℓ", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 500 })
          .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }))),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        ([n, k], p) => {
          const h = 1e-6;
          const fd =
            (value(bernoulliLogLikelihood(k, n, p + h)) -
              value(bernoulliLogLikelihood(k, n, p - h))) /
            (2 * h);
          near(value(bernoulliScore(k, n, p)), fd, 1e-5 * n);
        },
      ),
      RUNS,
    );
  });

  test("at k = 0 or k = n the likelihood peaks at the boundary with ℓ = 0, never NaN or −∞", () => {
    expect(bernoulliLogLikelihood(0, 8, 0)).toEqual({ value: 0, reason: null });
    expect(bernoulliLogLikelihood(8, 8, 1)).toEqual({ value: 0, reason: null });
    expect(bernoulliMle(0, 8)).toBe(0);
    expect(bernoulliMle(8, 8)).toBe(1);
    expect(value(bernoulliScore(0, 8, 0))).toBe(-8);
    expect(value(bernoulliScore(8, 8, 1))).toBe(8);
    for (const [k, p] of [
      [1, 0],
      [7, 1],
    ]) {
      const ell = bernoulliLogLikelihood(k, 8, p);
      expect(ell.value).toBeNull();
      expect(ell.reason).toMatch(/impossible/);
      expect(bernoulliScore(k, 8, p).value).toBeNull();
    }
    expect(bernoulliScore(1, 8, Number.MIN_VALUE).value).toBeNull();
  });

  test("invalid counts and probabilities throw RangeErrors", () => {
    expect(() => bernoulliMle(3, 2)).toThrow(/k must/);
    expect(() => bernoulliMle(0, 0)).toThrow(/n must/);
    expect(() => bernoulliLogLikelihood(1, 2, 1.1)).toThrow(/p must/);
    expect(() => gaussianLogLikelihoodVar([1, 2], 0, 0)).toThrow(/σ²/);
    expect(() => gaussianVarMle([], 0)).toThrow(/at least one/);
    expect(() => varianceEstimatorBias({ n: 1, sigma: 1, reps: 10, source: randomLcg(1) })).toThrow(
      /n must/,
    );
  });

  test("the Gaussian variance MLE equals a numeric maximiser of ℓ(σ²), where the slope is 0", () => {
    for (const seed of [1, 2, 3]) {
      const mu = 1.5;
      const xs = sampleDistribution(gaussian(mu, 2), randomLcg(seed), 25);
      const mle = gaussianVarMle(xs, mu);
      // Search over log σ², where ℓ is concave.
      const t = goldenMax(
        (logS2) => value(gaussianLogLikelihoodVar(xs, mu, Math.exp(logS2))),
        -10,
        10,
      );
      relNear(Math.exp(t), mle, 1e-7);
      near(value(gaussianVarScore(xs, mu, mle)), 0, (1e-12 * xs.length) / mle);
    }
  });

  test("the Gaussian variance score equals a central finite difference of ℓ(σ²)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 0.1, max: 1000, noNaN: true }),
        (xs, mu, s2) => {
          const h = 1e-5 * s2;
          const ell = (v: number) => value(gaussianLogLikelihoodVar(xs, mu, v));
          const fd = (ell(s2 + h) - ell(s2 - h)) / (2 * h);
          const scale = xs.length / s2 + (gaussianVarMle(xs, mu) * xs.length) / (s2 * s2);
          near(value(gaussianVarScore(xs, mu, s2)), fd, 1e-5 * scale);
        },
      ),
      RUNS,
    );
  });

  test("the n − 1 estimator is unbiased within 3 SE while the 1/n one sits near (n − 1)/n · σ²", () => {
    const n = 10;
    const sigma = 2;
    const reps = 10_000;
    const r = varianceEstimatorBias({ n, sigma, reps, source: randomLcg(2024) });
    const s2 = sigma * sigma;
    // For Gaussian data Var(s²) = 2σ⁴/(n − 1), so the mean over reps has this standard error.
    const seUnbiased = s2 * Math.sqrt(2 / ((n - 1) * reps));
    const seBiased = ((n - 1) / n) * seUnbiased;
    near(r.meanUnbiased, s2, 3 * seUnbiased, "1/(n−1) estimator");
    near(r.meanBiased, ((n - 1) / n) * s2, 3 * seBiased, "1/n estimator");
    near(r.expectedBiased, ((n - 1) / n) * s2, 1e-12);
    expect(s2 - r.meanBiased).toBeGreaterThan(10 * seBiased);
    // The reported standard errors estimate the theoretical ones.
    relNear(r.standardErrorUnbiased ?? NaN, seUnbiased, 0.1);
    relNear(r.standardErrorBiased ?? NaN, seBiased, 0.1);
  });
});

describe("uncorrelated is not independent", () => {
  test("the uniform moments equal Simpson integrals of xᵏ over the uniform density", () => {
    for (let k = 0; k <= 6; k++) {
      near(
        uniformMoment(k, -1, 1),
        simpson((x) => x ** k / 2, -1, 1),
        1e-12,
        `k = ${k}`,
      );
      near(
        uniformMoment(k, 0.5, 3),
        simpson((x) => x ** k / 2.5, 0.5, 3),
        1e-10,
        `k = ${k}`,
      );
    }
  });

  test("Cov(X, X² + αX) = α/3 and its correlation equal Simpson integration (a second method)", () => {
    for (const alpha of [-2, -0.5, 0, 0.3, 1, 4]) {
      const y = (x: number) => x * x + alpha * x;
      const e = (f: (x: number) => number) => simpson((x) => f(x) / 2, -1, 1);
      const cov = e((x) => x * y(x)) - e((x) => x) * e(y);
      const varY = e((x) => y(x) ** 2) - e(y) ** 2;
      const varX = e((x) => x * x) - e((x) => x) ** 2;
      const t = uncorrelatedTheory({ mode: "square", mix: alpha });
      near(t.cov, cov, 1e-12);
      near(squareMixCovariance(alpha), alpha / 3, 1e-15);
      near(t.corr, cov / Math.sqrt(varX * varY), 1e-12);
    }
    expect(uncorrelatedTheory({ mode: "gaussian", mix: 5, rho: -0.4 })).toEqual({
      cov: -0.4,
      corr: -0.4,
    });
  });

  test("Cov(X, X²) of 10⁵ seeded points is 0 within 4 SE while the conditional spread differs across bins", () => {
    const n = 100_000;
    const pts = sampleUncorrelated({ mode: "square", n, mix: 0, source: randomLcg(31) });
    const xbar = pts.xs.reduce((a, b) => a + b, 0) / n;
    const ybar = pts.ys.reduce((a, b) => a + b, 0) / n;
    const products = Array.from(pts.xs, (x, i) => (x - xbar) * (pts.ys[i] - ybar));
    const se = Math.sqrt((sampleMoments(products).variance ?? NaN) / n);
    near(value(covariance(pts)), 0, Z * se, "sample covariance");
    expect(Math.abs(value(correlation(pts)))).toBeLessThan(0.02);

    const bins = conditionalSpread(pts, { lo: -1, hi: 1, count: 8 });
    const edge = bins[7];
    const centre = bins[4];
    // Y's conditional mean moves by far more than its standard error from bin to bin ...
    const seMean = (b: (typeof bins)[number]) => (b.sd ?? NaN) / Math.sqrt(b.count);
    expect((edge.mean ?? NaN) - (centre.mean ?? NaN)).toBeGreaterThan(
      100 * (seMean(edge) + seMean(centre)),
    );
    // ... and its spread differs too: wide where X² is steep, narrow near 0.
    expect((edge.sd ?? NaN) / (centre.sd ?? NaN)).toBeGreaterThan(3);
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(n);
  });

  test("independent Gaussians (ρ = 0) show the same conditional mean and spread in every bin", () => {
    const n = 100_000;
    const pts = sampleUncorrelated({ mode: "gaussian", n, mix: 0, rho: 0, source: randomLcg(32) });
    for (const b of conditionalSpread(pts, { lo: -2, hi: 2, count: 4 })) {
      // Y | X ~ N(0, 1) in every bin; the sd of a sample sd is about 1/√(2m).
      near(b.mean ?? NaN, 0, Z / Math.sqrt(b.count), `mean in [${b.lo}, ${b.hi}]`);
      near(b.sd ?? NaN, 1, Z / Math.sqrt(2 * b.count), `sd in [${b.lo}, ${b.hi}]`);
    }
  });

  test("the sample covariance and correlation match theory within 4 SE in both modes", () => {
    const n = 50_000;
    const square = sampleUncorrelated({ mode: "square", n, mix: 1, source: randomLcg(33) });
    const t = uncorrelatedTheory({ mode: "square", mix: 1 });
    const xbar = square.xs.reduce((a, b) => a + b, 0) / n;
    const ybar = square.ys.reduce((a, b) => a + b, 0) / n;
    const products = Array.from(square.xs, (x, i) => (x - xbar) * (square.ys[i] - ybar));
    near(
      value(covariance(square)),
      t.cov,
      Z * Math.sqrt((sampleMoments(products).variance ?? NaN) / n),
    );

    for (const rho of [-0.8, 0.6]) {
      const g = sampleUncorrelated({ mode: "gaussian", n, mix: 0, rho, source: randomLcg(34) });
      // The sample correlation of a bivariate Gaussian has standard error ≈ (1 − ρ²)/√n.
      near(value(correlation(g)), rho, (Z * (1 - rho * rho)) / Math.sqrt(n), `ρ = ${rho}`);
      near(value(covariance(g)), rho, Z * Math.sqrt((1 + rho * rho) / n), `cov at ρ = ${rho}`);
    }
  });

  test("correlation is null with a reason when a variance is zero or there are fewer than 2 points", () => {
    expect(correlation({ xs: [1, 2, 3], ys: [5, 5, 5] })).toEqual({
      value: null,
      reason: "Y is constant: its variance is zero",
    });
    expect(correlation({ xs: [0.1, 0.1, 0.1], ys: [1, 2, 3] }).reason).toMatch(/X is constant/);
    expect(covariance({ xs: [1], ys: [2] }).value).toBeNull();
    expect(covariance({ xs: [1, 2, 3], ys: [5, 5, 5] })).toEqual({ value: 0, reason: null });
    expect(() => covariance({ xs: [1, 2], ys: [1] })).toThrow(/equal length/);
    expect(() => correlation({ xs: [1, Number.NaN], ys: [1, 2] })).toThrow(/xs\[1\]/);
  });

  test("correlation is symmetric, lies in [−1, 1] and is unchanged by positive affine maps", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 })),
          {
            minLength: 2,
            maxLength: 60,
          },
        ),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (pairs, a, b) => {
          const xs = pairs.map(([x]) => x);
          const ys = pairs.map(([, y]) => y);
          const r = correlation({ xs, ys });
          if (r.value === null) return;
          expect(Math.abs(r.value)).toBeLessThanOrEqual(1);
          near(value(correlation({ xs: ys, ys: xs })), r.value, 1e-12);
          near(value(correlation({ xs: xs.map((x) => a * x + b), ys })), r.value, 1e-9);
        },
      ),
      RUNS,
    );
  });

  test("the covariance of X with itself is its sample variance", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 100 }),
        (xs) => {
          const v = sampleMoments(xs).variance ?? NaN;
          near(value(covariance({ xs, ys: xs })), v, 1e-9 * Math.max(1, v));
        },
      ),
      RUNS,
    );
  });

  test("bins with fewer than 2 points report a null spread with a reason", () => {
    const bins = conditionalSpread(
      { xs: [0.1, 0.2, 0.9], ys: [1, 3, 7] },
      { lo: 0, hi: 1, count: 2 },
    );
    expect(bins[0]).toMatchObject({ count: 2, mean: 2, reason: null });
    near(bins[0].sd ?? NaN, Math.SQRT2, 1e-15);
    expect(bins[1]).toMatchObject({ count: 1, mean: 7, sd: null });
    expect(bins[1].reason).toMatch(/at least 2 samples in this bin/);
  });

  test("invalid modes and parameters throw RangeErrors", () => {
    const source = randomLcg(1);
    expect(() => sampleUncorrelated({ mode: "square", n: 0, mix: 0, source })).toThrow(/n must/);
    expect(() => sampleUncorrelated({ mode: "gaussian", n: 5, mix: 0, rho: 2, source })).toThrow(
      /rho/,
    );
    expect(() => uncorrelatedTheory({ mode: "cube" as "square", mix: 0 })).toThrow(/mode must/);
  });
});
