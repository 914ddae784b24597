// Inverse-CDF sampling of the discrete distributions: the table is checked against the pmf, the
// inversion against hand-placed uniforms, and seeded samples against the closed-form moments and
// against d3-random's samplers (sampleDistribution) within a stated number of standard errors.
import { describe, expect, test } from "vitest";
import { inverseCdfTable, sampleInverseCdf } from "../../src/core/inverse-cdf";
import {
  bernoulli,
  binomial,
  histogram,
  integerBins,
  mean,
  pmf,
  poisson,
  sampleDistribution,
  sampleMoments,
  support,
  variance,
  type DiscreteDistribution,
} from "../../src/core/probability";
import { makeSource } from "../../src/core/random";

/** How many standard errors a seeded estimate may sit from the theory. */
const Z = 4;

const CASES: DiscreteDistribution[] = [
  bernoulli(0.3),
  binomial(10, 0.5),
  binomial(100, 0.03),
  binomial(100_000, 0.3),
  poisson(0.5),
  poisson(4),
  poisson(250),
];

/** A source that replays fixed uniforms, to place u exactly where the test wants it. */
function replay(us: readonly number[]): () => number {
  let i = 0;
  return () => us[i++];
}

describe("inverseCdfTable", () => {
  test("the table's steps are the pmf over the support, renormalised, ending at exactly 1", () => {
    for (const d of CASES) {
      const t = inverseCdfTable(d);
      const s = support(d);
      if (s.kind !== "discrete") throw new Error("expected a discrete support");
      expect(t.lo).toBe(s.lo);
      expect(t.cumulative.length).toBe(s.hi - s.lo + 1);
      expect(t.cumulative[t.cumulative.length - 1]).toBe(1);
      expect(t.mass).toBeGreaterThanOrEqual(1 - 1e-9);
      for (let i = 0; i < t.cumulative.length; i++) {
        const step = t.cumulative[i] - (i === 0 ? 0 : t.cumulative[i - 1]);
        expect(step).toBeGreaterThanOrEqual(0);
        expect(Math.abs(step - pmf(d, t.lo + i) / t.mass)).toBeLessThan(1e-12);
      }
    }
  });

  test("point masses give a one-entry table and always return their point", () => {
    for (const [d, at] of [
      [bernoulli(0), 0],
      [bernoulli(1), 1],
      [binomial(7, 0), 0],
      [binomial(7, 1), 7],
      [binomial(0, 0.4), 0],
      [poisson(0), 0],
    ] as const) {
      const t = inverseCdfTable(d);
      expect(t.cumulative.length).toBe(1);
      expect(Array.from(sampleInverseCdf(t, makeSource(5), 50))).toEqual(Array(50).fill(at));
    }
  });

  test("invalid distributions and oversized supports throw RangeError", () => {
    expect(() => inverseCdfTable(bernoulli(1.5))).toThrow(RangeError);
    expect(() => inverseCdfTable(binomial(2.5, 0.5))).toThrow(RangeError);
    expect(() => inverseCdfTable(poisson(-1))).toThrow(RangeError);
  });
});

describe("sampleInverseCdf", () => {
  test("u just below a cumulative step returns that value, u on the step the next one", () => {
    const d = binomial(4, 0.5);
    const t = inverseCdfTable(d);
    const us: number[] = [];
    const want: number[] = [];
    for (let i = 0; i < t.cumulative.length - 1; i++) {
      us.push(t.cumulative[i] - 1e-12, t.cumulative[i]);
      want.push(t.lo + i, t.lo + i + 1);
    }
    us.push(0, 1 - 2 ** -32);
    want.push(t.lo, t.lo + t.cumulative.length - 1);
    expect(Array.from(sampleInverseCdf(t, replay(us), us.length))).toEqual(want);
  });

  test("the guided search returns what a plain scan of the table returns, for any u", () => {
    for (const d of [binomial(30, 0.2), poisson(7), binomial(100_000, 0.3), bernoulli(0.9)]) {
      const t = inverseCdfTable(d);
      const source = makeSource(17);
      const us = Array.from({ length: 5000 }, () => source());
      // Add the steps themselves and their neighbours, where an off-by-one would show.
      for (let i = 0; i < t.cumulative.length - 1; i += Math.max(1, t.cumulative.length >> 6)) {
        us.push(t.cumulative[i], Math.max(0, t.cumulative[i] - 1e-15));
      }
      const scan = (u: number) => {
        let i = 0;
        while (!(u < t.cumulative[i])) i++;
        return t.lo + i;
      };
      expect(Array.from(sampleInverseCdf(t, replay(us), us.length))).toEqual(us.map(scan));
    }
  });

  test("values with zero probability are never drawn", () => {
    // Bernoulli(1) keeps only 1; Binomial(3, 1) only 3: no uniform may land on an empty step.
    const t = inverseCdfTable(bernoulli(1));
    expect(Array.from(sampleInverseCdf(t, replay([0, 0.5, 0.999]), 3))).toEqual([1, 1, 1]);
  });

  test("it consumes one uniform per sample, so chunked draws equal one draw", () => {
    const t = inverseCdfTable(poisson(4));
    let calls = 0;
    const base = makeSource(11);
    const counted = () => {
      calls++;
      return base();
    };
    sampleInverseCdf(t, counted, 1234);
    expect(calls).toBe(1234);
    const whole = sampleInverseCdf(t, makeSource(3), 3000);
    const src = makeSource(3);
    const parts = [1, 999, 2000].flatMap((n) => Array.from(sampleInverseCdf(t, src, n)));
    expect(parts).toEqual(Array.from(whole));
  });

  test("seeded sample means and variances match the closed forms within 4 standard errors", () => {
    const N = 200_000;
    for (const d of CASES) {
      const xs = sampleInverseCdf(inverseCdfTable(d), makeSource(42), N);
      const m = sampleMoments(xs);
      const mu = mean(d);
      const v = variance(d);
      expect(Math.abs((m.mean ?? NaN) - mu)).toBeLessThanOrEqual(Z * Math.sqrt(v / N) + 1e-12);
      // Var(s²) ≈ (μ₄ − σ⁴)/N, with the fourth central moment μ₄ estimated from the sample.
      let m4 = 0;
      for (const x of xs) m4 += (x - mu) ** 4;
      m4 /= N;
      expect(Math.abs((m.variance ?? NaN) - v)).toBeLessThanOrEqual(
        Z * Math.sqrt(Math.max(m4 - v * v, 0) / N) + 1e-9,
      );
    }
  });

  test("every bin's frequency matches the pmf within 4 binomial standard errors", () => {
    const N = 100_000;
    for (const d of [binomial(10, 0.5), poisson(4), bernoulli(0.2)]) {
      const t = inverseCdfTable(d);
      const hi = t.lo + t.cumulative.length - 1;
      const h = histogram(sampleInverseCdf(t, makeSource(9), N), integerBins(t.lo, hi));
      h.counts.forEach((c, i) => {
        const p = pmf(d, t.lo + i);
        expect(Math.abs(c / N - p)).toBeLessThanOrEqual(Z * Math.sqrt((p * (1 - p)) / N) + 1e-9);
      });
    }
  });

  test("it agrees with d3-random's samplers (a second method) on mean and variance", () => {
    const N = 100_000;
    for (const d of [binomial(30, 0.2), poisson(12)]) {
      const a = sampleMoments(sampleInverseCdf(inverseCdfTable(d), makeSource(1), N));
      const b = sampleMoments(sampleDistribution(d, makeSource(2), N));
      const se = Math.sqrt((2 * variance(d)) / N);
      expect(Math.abs((a.mean ?? NaN) - (b.mean ?? NaN))).toBeLessThanOrEqual(Z * se);
      expect(Math.abs((a.variance ?? NaN) - (b.variance ?? NaN)) / variance(d)).toBeLessThan(0.03);
    }
  });

  test("a bad count throws RangeError", () => {
    const t = inverseCdfTable(bernoulli(0.5));
    for (const n of [-1, 1.5, NaN, 1e8]) {
      expect(() => sampleInverseCdf(t, makeSource(1), n)).toThrow(RangeError);
    }
  });
});
