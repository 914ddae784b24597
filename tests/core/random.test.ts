// Seeded randomness: same seed, same stream; every seed normalised deterministically; the
// distributions have the moments they claim, within a stated number of standard errors.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bernoulliSamples,
  binomialSample,
  binomialSampler,
  makeSource,
  normaliseSeed,
  normalSample,
  normalSamples,
  uniformSample,
  uniformSamples,
} from "../../src/core/random";
import { randomLcg } from "d3-random";

const PROPERTY = { seed: 42, numRuns: 100 };
const TWO_POW_32 = 2 ** 32;

/** Mean and unbiased variance of a sequence. */
function moments(xs: ArrayLike<number>): { mean: number; variance: number } {
  let mean = 0;
  for (let i = 0; i < xs.length; i++) mean += xs[i];
  mean /= xs.length;
  let ss = 0;
  for (let i = 0; i < xs.length; i++) ss += (xs[i] - mean) ** 2;
  return { mean, variance: ss / (xs.length - 1) };
}

function take(source: () => number, count: number): number[] {
  return Array.from({ length: count }, () => source());
}

describe("normaliseSeed and makeSource", () => {
  it("keeps an integer seed in [0, 2³²) as it is, so makeSource(s) is randomLcg(s)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: TWO_POW_32 - 1 }), (seed) => {
        expect(normaliseSeed(seed)).toBe(seed);
        expect(take(makeSource(seed), 5)).toEqual(take(randomLcg(seed), 5));
      }),
      PROPERTY,
    );
  });

  it("maps every finite seed to a 32-bit unsigned integer, the same one every time", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (seed) => {
        const s = normaliseSeed(seed);
        expect(Number.isInteger(s) && s >= 0 && s < TWO_POW_32).toBe(true);
        expect(normaliseSeed(seed)).toBe(s);
      }),
      PROPERTY,
    );
  });

  it("gives a fractional or negative seed its own stream instead of truncating it", () => {
    expect(normaliseSeed(1.5)).not.toBe(normaliseSeed(1));
    expect(normaliseSeed(-3)).not.toBe(normaliseSeed(3));
    expect(take(makeSource(1.5), 3)).not.toEqual(take(makeSource(1), 3));
  });

  it("produces the same stream for the same seed", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (seed) => {
        expect(take(makeSource(seed), 20)).toEqual(take(makeSource(seed), 20));
      }),
      PROPERTY,
    );
  });

  it("produces uniform numbers in [0, 1)", () => {
    const xs = take(makeSource(7), 10_000);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("rejects a seed that is not finite, with a RangeError", () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      expect(() => makeSource(bad)).toThrow(RangeError);
    }
  });
});

describe("bernoulliSamples", () => {
  it("is deterministic for a seed and returns only 0s and 1s", () => {
    const a = bernoulliSamples(makeSource(3), 1000, 0.3);
    const b = bernoulliSamples(makeSource(3), 1000, 0.3);
    expect(a).toEqual(b);
    expect(a.every((x) => x === 0 || x === 1)).toBe(true);
  });

  it("has a mean within 4 standard errors of p", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.nat(), (p, seed) => {
        const n = 20_000;
        const { mean } = moments(bernoulliSamples(makeSource(seed), n, p));
        expect(Math.abs(mean - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / n));
      }),
      { seed: 42, numRuns: 20 },
    );
  });

  it("returns all 0s for p = 0 and all 1s for p = 1", () => {
    expect(bernoulliSamples(makeSource(1), 100, 0).every((x) => x === 0)).toBe(true);
    expect(bernoulliSamples(makeSource(1), 100, 1).every((x) => x === 1)).toBe(true);
  });

  it("rejects n < 1, a non-integer n and p outside [0, 1], with a RangeError", () => {
    const source = makeSource(1);
    expect(() => bernoulliSamples(source, 0, 0.5)).toThrow(RangeError);
    expect(() => bernoulliSamples(source, 2.5, 0.5)).toThrow(RangeError);
    expect(() => bernoulliSamples(source, 10, 1.5)).toThrow(RangeError);
    expect(() => bernoulliSamples(source, 10, NaN)).toThrow(RangeError);
  });
});

describe("binomialSample and binomialSampler", () => {
  it("is deterministic for a seed", () => {
    const a = take(binomialSampler(makeSource(11), 100_000, 0.86), 50);
    const b = take(binomialSampler(makeSource(11), 100_000, 0.86), 50);
    expect(a).toEqual(b);
    expect(binomialSample(makeSource(5), 1000, 0.4)).toBe(binomialSample(makeSource(5), 1000, 0.4));
  });

  it("returns integers in [0, n]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(),
        (n, p, seed) => {
          const draws = take(binomialSampler(makeSource(seed), n, p), 20);
          expect(draws.every((k) => Number.isInteger(k) && k >= 0 && k <= n)).toBe(true);
        },
      ),
      PROPERTY,
    );
  });

  // Both of d3-random's regimes: n·p ≤ 16 (geometric waiting times only) and large n (Beta
  // splitting first). The mean of m draws has standard error √(np(1 − p)/m); the sample
  // variance, for a near-normal count, about σ²·√(2/m).
  it.each([
    [40, 0.2],
    [1000, 0.3],
    [100_000, 0.86],
  ])(
    "has a mean within 4 standard errors of np and a variance within 5 of np(1 − p) (n = %i, p = %f)",
    (n, p) => {
      const m = 40_000;
      const draws = take(binomialSampler(makeSource(2024), n, p), m);
      const { mean, variance } = moments(draws);
      const sigma2 = n * p * (1 - p);
      expect(Math.abs(mean - n * p)).toBeLessThanOrEqual(4 * Math.sqrt(sigma2 / m));
      expect(Math.abs(variance - sigma2)).toBeLessThanOrEqual(5 * sigma2 * Math.sqrt(2 / m));
    },
  );

  it("rejects n < 1, a non-integer n and p outside [0, 1], with a RangeError", () => {
    const source = makeSource(1);
    expect(() => binomialSample(source, 0, 0.5)).toThrow(RangeError);
    expect(() => binomialSample(source, 10.5, 0.5)).toThrow(RangeError);
    expect(() => binomialSampler(source, 10, -0.1)).toThrow(RangeError);
  });
});

describe("normal and uniform samples", () => {
  it("normalSamples is deterministic and has mean and variance within 4 standard errors", () => {
    const m = 40_000;
    const mu = 3;
    const sigma = 2;
    const xs = normalSamples(makeSource(9), m, mu, sigma);
    expect(xs).toEqual(normalSamples(makeSource(9), m, mu, sigma));
    const { mean, variance } = moments(xs);
    expect(Math.abs(mean - mu)).toBeLessThanOrEqual(4 * (sigma / Math.sqrt(m)));
    expect(Math.abs(variance - sigma * sigma)).toBeLessThanOrEqual(
      4 * sigma * sigma * Math.sqrt(2 / m),
    );
  });

  it("normalSample with sigma = 0 returns mu", () => {
    expect(normalSample(makeSource(1), 5, 0)).toBe(5);
  });

  it("uniformSamples lie in [min, max) and have a mean within 4 standard errors of the midpoint", () => {
    const m = 40_000;
    const xs = uniformSamples(makeSource(4), m, -2, 6);
    expect(xs.every((x) => x >= -2 && x < 6)).toBe(true);
    const { mean } = moments(xs);
    // The variance of Uniform(a, b) is (b − a)²/12.
    expect(Math.abs(mean - 2)).toBeLessThanOrEqual(4 * Math.sqrt(64 / 12 / m));
  });

  it("uniformSample is the first draw of the same stream", () => {
    expect(uniformSample(makeSource(8), 1, 3)).toBe(uniformSamples(makeSource(8), 1, 1, 3)[0]);
  });

  it("rejects sigma < 0, min ≥ max and non-finite parameters, with a RangeError", () => {
    const source = makeSource(1);
    expect(() => normalSample(source, 0, -1)).toThrow(RangeError);
    expect(() => normalSamples(source, 10, NaN, 1)).toThrow(RangeError);
    expect(() => uniformSample(source, 2, 2)).toThrow(RangeError);
    expect(() => uniformSamples(source, 10, 0, Infinity)).toThrow(RangeError);
  });
});
