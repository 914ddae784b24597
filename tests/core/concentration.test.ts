// Concentration: identities of the Hoeffding formulas, the normal CDF against a numeric integral,
// the exact binomial tail against a second way of computing the pmf, and seeded experiments
// checked against the exact tail within a stated number of standard errors.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  binomialLogPmf,
  binomialTwoSidedTail,
  biasedSample,
  cltHalfWidth,
  cltTwoSidedTail,
  coverageChunk,
  coverageSimulation,
  coverageStart,
  hoeffdingBound,
  hoeffdingBoundRaw,
  hoeffdingHalfWidth,
  hoeffdingInterval,
  hoeffdingSampleSize,
  logGamma,
  normalCdf,
  normalQuantile,
  pacBound,
  runningMean,
} from "../../src/core/concentration";
import { bernoulliSamples, makeSource } from "../../src/core/random";

const PROPERTY = { seed: 42, numRuns: 200 };

const sampleSize = fc.double({ min: 1, max: 1e9, noNaN: true });
const delta = fc.double({ min: 1e-12, max: 0.999, noNaN: true });
const probability = fc.double({ min: 0, max: 1, noNaN: true });

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

/** Composite Simpson's rule with `panels` (even) intervals. */
function simpson(f: (x: number) => number, a: number, b: number, panels: number): number {
  const h = (b - a) / panels;
  let sum = f(a) + f(b);
  for (let i = 1; i < panels; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

const phi = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);

/** A grid from a to b inclusive with the given step. */
function grid(a: number, b: number, step: number): number[] {
  const out: number[] = [];
  for (let x = a; x <= b + 1e-12; x += step) out.push(x);
  return out;
}

/**
 * Σ P(X = k) over the k where `counts(k)` holds, with the pmf built by the multiplicative
 * recurrence P(k) = P(k − 1)·(n − k + 1)/k·p/(1 − p) in log space: no gamma function involved.
 */
function bruteForceTail(n: number, p: number, counts: (k: number) => boolean): number {
  const logOdds = Math.log(p) - Math.log1p(-p);
  let logPmf = n * Math.log1p(-p);
  let sum = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logPmf += Math.log(n - k + 1) - Math.log(k) + logOdds;
    if (counts(k)) sum += Math.exp(logPmf);
  }
  return sum;
}

describe("Hoeffding half-width, bound and sample size", () => {
  it("halves the half-width when n is quadrupled", () => {
    fc.assert(
      fc.property(sampleSize, delta, (n, d) => {
        const ratio = hoeffdingHalfWidth(n, d) / hoeffdingHalfWidth(4 * n, d);
        expect(Math.abs(ratio - 2)).toBeLessThanOrEqual(8 * Number.EPSILON);
      }),
      PROPERTY,
    );
  });

  it("scales the half-width linearly with the range b − a", () => {
    fc.assert(
      fc.property(sampleSize, delta, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (n, d, r) => {
        const scaled = hoeffdingHalfWidth(n, d, r);
        expect(relativeError(scaled, r * hoeffdingHalfWidth(n, d))).toBeLessThan(1e-15);
      }),
      PROPERTY,
    );
  });

  it("gives back δ when the bound is evaluated at the half-width for δ", () => {
    fc.assert(
      fc.property(sampleSize, delta, fc.double({ min: 1e-2, max: 1e2, noNaN: true }), (n, d, r) => {
        const t = hoeffdingHalfWidth(n, d, r);
        expect(relativeError(hoeffdingBound(n, t, r), d)).toBeLessThan(1e-12);
      }),
      PROPERTY,
    );
  });

  it("caps the bound at 1 while the raw expression can exceed it", () => {
    expect(hoeffdingBoundRaw(1, 0.01)).toBeGreaterThan(1);
    expect(hoeffdingBound(1, 0.01)).toBe(1);
  });

  it("returns as sample size the smallest n whose bound is at most δ", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 0.5, noNaN: true }),
        delta,
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (t, d, r) => {
          const n = hoeffdingSampleSize(t, d, r);
          expect(Number.isInteger(n) && n >= 1).toBe(true);
          expect(hoeffdingBound(n, t, r)).toBeLessThanOrEqual(d);
          if (n > 1) expect(hoeffdingBound(n - 1, t, r)).toBeGreaterThan(d);
        },
      ),
      PROPERTY,
    );
  });

  it("answers the click-through drill (t = 0.01, δ = 0.05) with the smallest sufficient n", () => {
    const n = hoeffdingSampleSize(0.01, 0.05);
    expect(hoeffdingBound(n, 0.01)).toBeLessThanOrEqual(0.05);
    expect(hoeffdingBound(n - 1, 0.01)).toBeGreaterThan(0.05);
  });

  it("rejects n < 1, δ outside (0, 1), t ≤ 0, range ≤ 0 and non-finite input, with a RangeError", () => {
    const bad: Array<() => unknown> = [
      () => hoeffdingHalfWidth(0.5, 0.05),
      () => hoeffdingHalfWidth(NaN, 0.05),
      () => hoeffdingHalfWidth(100, 0),
      () => hoeffdingHalfWidth(100, 1),
      () => hoeffdingHalfWidth(100, 0.05, 0),
      () => hoeffdingBound(100, 0),
      () => hoeffdingBound(100, -0.1),
      () => hoeffdingBound(Infinity, 0.1),
      () => hoeffdingSampleSize(0, 0.05),
      () => hoeffdingSampleSize(0.01, 1.5),
      () => hoeffdingSampleSize(1e-9, 0.05),
      () => hoeffdingInterval(1.2, 100, 0.05),
      () => pacBound(-1, 100, 0.05),
      () => pacBound(2, 0, 0.05),
      () => cltHalfWidth(0.5, 100, NaN),
    ];
    for (const call of bad) expect(call).toThrow(RangeError);
  });
});

describe("hoeffdingInterval", () => {
  it("is acc ± the half-width when it fits in [0, 1]", () => {
    const { low, high, halfWidth, lowClipped, highClipped } = hoeffdingInterval(0.6, 1000, 0.05);
    expect(halfWidth).toBe(hoeffdingHalfWidth(1000, 0.05));
    expect(low).toBe(0.6 - halfWidth);
    expect(high).toBe(0.6 + halfWidth);
    expect(lowClipped || highClipped).toBe(false);
  });

  it("clips to [0, 1] and says which end it clipped", () => {
    const top = hoeffdingInterval(0.98, 50, 0.05);
    expect(top.high).toBe(1);
    expect(top.highClipped).toBe(true);
    expect(top.lowClipped).toBe(false);
    const bottom = hoeffdingInterval(0.01, 50, 0.05);
    expect(bottom.low).toBe(0);
    expect(bottom.lowClipped).toBe(true);
  });
});

describe("normalCdf and normalQuantile", () => {
  it("matches a Simpson integral of the density over [x − 12, x], relatively, for x from −37 to 0", () => {
    for (const x of grid(-37, 0, 0.37)) {
      // φ varies on the scale 1/|x| near x, so the step shrinks with |x|.
      const panels = 2 * Math.ceil(3000 * Math.max(1, Math.abs(x)));
      const integral = simpson(phi, x - 12, x, panels);
      expect(relativeError(normalCdf(x), integral)).toBeLessThan(1e-10);
    }
  });

  it("matches a Simpson integral of the density over [−x, x] for Φ(x) − Φ(−x)", () => {
    for (const x of grid(0.25, 8, 0.25)) {
      const integral = simpson(phi, -x, x, 20_000);
      expect(Math.abs(normalCdf(x) - normalCdf(-x) - integral)).toBeLessThan(1e-13);
    }
  });

  it("is symmetric: Φ(x) + Φ(−x) = 1", () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (x) => {
        expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(4e-16);
      }),
      PROPERTY,
    );
  });

  it("is non-decreasing", () => {
    const xs = grid(-39, 9, 0.01);
    for (let i = 1; i < xs.length; i++) {
      expect(normalCdf(xs[i])).toBeGreaterThanOrEqual(normalCdf(xs[i - 1]));
    }
  });

  it("inverts normalCdf: Φ⁻¹(Φ(x)) = x on a grid from −37 to 3", () => {
    for (const x of grid(-37, 3, 0.05)) {
      expect(Math.abs(normalQuantile(normalCdf(x)) - x)).toBeLessThan(1e-12 * Math.max(1, -x));
    }
  });

  it("is inverted by normalCdf: Φ(Φ⁻¹(p)) = p relatively, for p from 1e-300 to 1/2", () => {
    for (let e = -300; e <= 0; e += 0.25) {
      const p = 0.5 * 10 ** e;
      const x = normalQuantile(p);
      // Rounding x to a double moves Φ(x) relatively by about |x|·ulp(x) ≈ x²·2⁻⁵², so the
      // tolerance follows that conditioning.
      expect(relativeError(normalCdf(x), p)).toBeLessThan(1e-14 * (1 + x * x));
    }
  });

  it("agrees with a bisection solve of Φ(x) = p", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 0.999, noNaN: true }), (p) => {
        let lo = -40;
        let hi = 40;
        for (let i = 0; i < 200 && hi - lo > 0; i++) {
          const mid = (lo + hi) / 2;
          if (mid === lo || mid === hi) break;
          if (normalCdf(mid) < p) lo = mid;
          else hi = mid;
        }
        const x = normalQuantile(p);
        expect(Math.abs(x - (lo + hi) / 2)).toBeLessThan(1e-12 * Math.max(1, Math.abs(x)));
      }),
      PROPERTY,
    );
    expect(normalQuantile(0.5)).toBe(0);
  });

  it("returns ∓∞ at p = 0 and 1 and rejects p outside [0, 1] with a RangeError", () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(-0.1)).toThrow(RangeError);
    expect(() => normalQuantile(NaN)).toThrow(RangeError);
    expect(() => normalCdf(NaN)).toThrow(RangeError);
  });
});

describe("the CLT comparison", () => {
  it("gives a half-width whose two-sided normal tail is δ", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.integer({ min: 1, max: 1e7 }),
        delta,
        (p, n, d) => {
          const w = cltHalfWidth(p, n, d);
          expect(relativeError(cltTwoSidedTail(n, p, w), d)).toBeLessThan(1e-11);
        },
      ),
      PROPERTY,
    );
  });

  it("is never wider than the Hoeffding half-width", () => {
    fc.assert(
      fc.property(probability, sampleSize, delta, (p, n, d) => {
        expect(cltHalfWidth(p, n, d)).toBeLessThanOrEqual(hoeffdingHalfWidth(n, d));
      }),
      PROPERTY,
    );
  });
});

describe("logGamma", () => {
  it("equals ln k! computed as a sum of logs, for k up to 170", () => {
    let logFactorial = 0;
    for (let k = 0; k <= 170; k++) {
      if (k > 0) logFactorial += Math.log(k);
      const tol = 1e-14 * Math.max(1, logFactorial);
      expect(Math.abs(logGamma(k + 1) - logFactorial)).toBeLessThan(tol);
    }
  });

  it("satisfies the recurrence ln Γ(x + 1) − ln Γ(x) = ln x", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (x) => {
        const tol = 1e-14 + 1e-15 * Math.abs(logGamma(x + 1));
        expect(Math.abs(logGamma(x + 1) - logGamma(x) - Math.log(x))).toBeLessThan(tol);
      }),
      PROPERTY,
    );
  });

  it("satisfies Legendre's duplication formula", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (x) => {
        const left = logGamma(x) + logGamma(x + 0.5);
        const right = logGamma(2 * x) + 0.5 * Math.log(Math.PI) + (1 - 2 * x) * Math.LN2;
        expect(Math.abs(left - right)).toBeLessThan(1e-14 + 1e-15 * Math.abs(left));
      }),
      PROPERTY,
    );
  });

  it("rejects x ≤ 0 and non-finite x with a RangeError", () => {
    for (const bad of [0, -1, NaN, Infinity]) expect(() => logGamma(bad)).toThrow(RangeError);
  });
});

describe("binomialLogPmf", () => {
  it("sums to 1 over k = 0 … n", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), probability, (n, p) => {
        let sum = 0;
        for (let k = 0; k <= n; k++) sum += Math.exp(binomialLogPmf(n, k, p));
        expect(Math.abs(sum - 1)).toBeLessThan(1e-11);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it("sums to 1 at n = 10⁵ within the accuracy of its log-gamma terms", () => {
    let sum = 0;
    for (let k = 0; k <= 100_000; k++) sum += Math.exp(binomialLogPmf(100_000, k, 0.86));
    expect(Math.abs(sum - 1)).toBeLessThan(1e-8);
  });

  it("is −∞ outside [0, n] and rejects a non-integer k with a RangeError", () => {
    expect(binomialLogPmf(10, -1, 0.3)).toBe(-Infinity);
    expect(binomialLogPmf(10, 11, 0.3)).toBe(-Infinity);
    expect(() => binomialLogPmf(10, 2.5, 0.3)).toThrow(RangeError);
  });
});

describe("binomialTwoSidedTail", () => {
  // p = a/b and t = c/d are rationals, so "|k/n − p| ≥ t" is decided exactly in integers:
  // |k·b − n·a|·d ≥ n·c·b. Small denominators put many k exactly on the boundary.
  const rationalCase = fc
    .record({
      n: fc.integer({ min: 1, max: 200 }),
      b: fc.integer({ min: 2, max: 100 }),
      d: fc.integer({ min: 1, max: 100 }),
      aFraction: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      cFraction: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    })
    .map(({ n, b, d, aFraction, cFraction }) => ({
      n,
      a: 1 + Math.floor(aFraction * (b - 1)),
      b,
      c: 1 + Math.floor(cFraction * d),
      d,
    }));

  it("equals a brute-force sum of the pmf (by recurrence) over the exact deviation set, n ≤ 200", () => {
    fc.assert(
      fc.property(rationalCase, ({ n, a, b, c, d }) => {
        const p = a / b;
        const t = c / d;
        const expected = bruteForceTail(n, p, (k) => Math.abs(k * b - n * a) * d >= n * c * b);
        const actual = binomialTwoSidedTail(n, p, t);
        expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-11 * expected + 1e-300);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it("counts k exactly on the boundary |k/n − p| = t even when k/n − p rounds below t", () => {
    // n = 6, p = 2/5, t = 1/10: k = 3 is on the boundary, but both ways of computing the
    // deviation round below t.
    expect(3 / 6 - 0.4).toBeLessThan(0.1);
    expect(3 - 6 * 0.4).toBeLessThan(6 * 0.1);
    const expected = bruteForceTail(6, 0.4, (k) => Math.abs(5 * k - 12) >= 3);
    expect(relativeError(binomialTwoSidedTail(6, 0.4, 0.1), expected)).toBeLessThan(1e-13);
  });

  it("lies below the Hoeffding bound for large n", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 100_000 }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.3, noNaN: true }),
        (n, p, t) => {
          expect(binomialTwoSidedTail(n, p, t)).toBeLessThanOrEqual(hoeffdingBound(n, t));
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });

  it("plus the mass inside the band is 1 at n = 10⁵, so truncating the tail sums loses nothing", () => {
    const n = 100_000;
    for (const [p, t] of [
      [0.86, 0.003],
      [0.5, 1e-4],
      [0.02, 0.001],
    ]) {
      let inside = 0;
      for (let k = 0; k <= n; k++) {
        if (Math.abs(k / n - p) < t * (1 - 1e-6)) inside += Math.exp(binomialLogPmf(n, k, p));
      }
      expect(Math.abs(inside + binomialTwoSidedTail(n, p, t) - 1)).toBeLessThan(1e-8);
    }
  });

  it("does not increase as t grows", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
        (n, p, t1, t2) => {
          const [small, large] = t1 < t2 ? [t1, t2] : [t2, t1];
          const tail = (t: number) => binomialTwoSidedTail(n, p, t);
          expect(tail(large)).toBeLessThanOrEqual(tail(small) * (1 + 1e-12));
        },
      ),
      PROPERTY,
    );
  });

  it("is 0 when p is 0 or 1", () => {
    expect(binomialTwoSidedTail(50, 0, 0.1)).toBe(0);
    expect(binomialTwoSidedTail(50, 1, 0.1)).toBe(0);
  });
});

describe("runningMean", () => {
  it("is exactly count/(i + 1) for 0/1 samples", () => {
    const xs = bernoulliSamples(makeSource(5), 10_000, 0.3);
    const means = runningMean(xs);
    let count = 0;
    for (let i = 0; i < xs.length; i++) {
      count += xs[i];
      expect(means[i]).toBe(count / (i + 1));
    }
  });

  it("ends at the mean of the samples and is constant on a constant sequence", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }),
        (xs) => {
          const means = runningMean(xs);
          const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
          expect(Math.abs(means[xs.length - 1] - mean)).toBeLessThan(1e-9 * (1 + Math.abs(mean)));
        },
      ),
      PROPERTY,
    );
    expect(Array.from(runningMean([0.25, 0.25, 0.25]))).toEqual([0.25, 0.25, 0.25]);
  });

  it("rejects a non-finite sample with a RangeError that names its index", () => {
    expect(() => runningMean([1, 2, NaN])).toThrow(/samples\[2\]/);
  });
});

describe("coverage experiment", () => {
  const settings = [
    { n: 6, p: 0.4, t: 0.1, trials: 20_000, seed: 1 },
    { n: 100, p: 0.5, t: 0.1, trials: 20_000, seed: 2 },
    { n: 1000, p: 0.86, t: 0.02, trials: 20_000, seed: 3 },
    { n: 100_000, p: 0.86, t: 0.003, trials: 100_000, seed: 4 },
  ];

  it.each(settings)(
    "violates at most the Hoeffding bound + 3 SE and within 4 SE of the exact tail (n = $n, t = $t)",
    (options) => {
      const { n, p, t, trials } = options;
      const { empirical, violations, done } = coverageSimulation(options);
      expect(done).toBe(trials);
      expect(empirical).toBe(violations / trials);
      const exact = binomialTwoSidedTail(n, p, t);
      // Standard error of a proportion estimated from `trials` independent trials.
      const se = Math.sqrt((exact * (1 - exact)) / trials);
      expect(empirical).toBeLessThanOrEqual(hoeffdingBound(n, t) + 3 * se);
      expect(Math.abs(empirical - exact)).toBeLessThanOrEqual(4 * se);
    },
  );

  it("is deterministic for a seed", () => {
    const options = { n: 5000, p: 0.3, t: 0.01, trials: 2000, seed: 99 };
    expect(coverageSimulation(options)).toEqual(coverageSimulation(options));
  });

  it("gives the same result in chunks of any sizes as in one run", () => {
    const options = { n: 2000, p: 0.7, t: 0.015, trials: 3000, seed: 7 };
    const whole = coverageSimulation(options);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 800 }), { minLength: 1 }), (sizes) => {
        const state = coverageStart(options);
        let result = coverageChunk(state, sizes[0]);
        for (let i = 1; !result.finished; i++) {
          result = coverageChunk(state, sizes[i % sizes.length]);
          expect(result.done / result.trials).toBeLessThanOrEqual(1);
        }
        expect(result).toEqual(whole);
      }),
      { seed: 42, numRuns: 30 },
    );
  });

  it("rejects trials < 1, t ≤ 0 and a chunk size < 1 with a RangeError", () => {
    const options = { n: 100, p: 0.5, t: 0.1, trials: 10, seed: 1 };
    expect(() => coverageSimulation({ ...options, trials: 0 })).toThrow(RangeError);
    expect(() => coverageSimulation({ ...options, t: 0 })).toThrow(RangeError);
    expect(() => coverageSimulation({ ...options, n: 0 })).toThrow(RangeError);
    expect(() => coverageChunk(coverageStart(options), 0)).toThrow(RangeError);
  });
});

describe("biasedSample", () => {
  it("yields an interval that excludes the true accuracy under strong oversampling", () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const sample = biasedSample({ n: 1000, accuracy: 0.7, oversample: 3, seed });
        expect(sample.covers).toBe(false);
        expect(sample.interval.low).toBeGreaterThan(sample.trueAccuracy);
        // It concentrates on a(1 + o)/(1 + a·o), not on a.
        const { limitAccuracy, observedAccuracy } = sample;
        expect(Math.abs(observedAccuracy - limitAccuracy)).toBeLessThan(sample.interval.halfWidth);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it("has exactly n entries, with the honest interval width for n", () => {
    const sample = biasedSample({ n: 500, accuracy: 0.84, oversample: 1.5, seed: 3, delta: 0.05 });
    expect(sample.size).toBe(500);
    expect(sample.distinct).toBeLessThanOrEqual(500);
    expect(sample.correct).toBeLessThanOrEqual(500);
    expect(sample.interval.halfWidth).toBe(hoeffdingHalfWidth(500, 0.05));
  });

  it("without oversampling is n Bernoulli draws from the same seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), probability, fc.nat(), (n, a, seed) => {
        const sample = biasedSample({ n, accuracy: a, oversample: 0, seed });
        const draws = bernoulliSamples(makeSource(seed), n, a);
        expect(sample.correct).toBe(draws.reduce((s, x) => s + x, 0));
        expect(sample.distinct).toBe(n);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it("without oversampling covers the true accuracy in at least 1 − δ of seeds", () => {
    const seeds = 400;
    let misses = 0;
    for (let seed = 0; seed < seeds; seed++) {
      const sample = biasedSample({ n: 1000, accuracy: 0.7, oversample: 0, seed, delta: 0.05 });
      if (!sample.covers) misses++;
    }
    expect(misses / seeds).toBeLessThanOrEqual(0.05);
  });

  it("rejects a negative or non-finite oversampling factor with a RangeError", () => {
    const options = { n: 100, accuracy: 0.8, seed: 1 };
    expect(() => biasedSample({ ...options, oversample: -1 })).toThrow(RangeError);
    expect(() => biasedSample({ ...options, oversample: Infinity })).toThrow(RangeError);
  });
});

describe("pacBound", () => {
  it("is the Hoeffding half-width when |H| = 1", () => {
    fc.assert(
      fc.property(sampleSize, delta, (n, d) => {
        expect(relativeError(pacBound(0, n, d), hoeffdingHalfWidth(n, d))).toBeLessThan(1e-15);
      }),
      PROPERTY,
    );
  });

  it("is the Hoeffding half-width at confidence δ/|H| (a union bound over H)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), sampleSize, delta, (size, n, d) => {
        const bound = pacBound(Math.log(size), n, d);
        expect(relativeError(bound, hoeffdingHalfWidth(n, d / size))).toBeLessThan(1e-12);
      }),
      PROPERTY,
    );
  });

  it("grows with ln|H|", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (x, y) => {
          const [small, large] = x < y ? [x, y] : [y, x];
          expect(pacBound(small, 1000, 0.05)).toBeLessThanOrEqual(pacBound(large, 1000, 0.05));
        },
      ),
      PROPERTY,
    );
  });
});
