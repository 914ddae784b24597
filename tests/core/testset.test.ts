// Test-set helpers: the rigged entries agree draw for draw with biasedSample's summary, and the
// CLT sample size is the smallest n its own half-width admits, never above Hoeffding's.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { biasedSample, cltHalfWidth, hoeffdingSampleSize } from "../../src/core/concentration";
import { bernoulliSamples, makeSource } from "../../src/core/random";
import { biasedEntries, cltSampleSize } from "../../src/core/testset";

const PROPERTY = { seed: 7, numRuns: 100 };

const sum = (a: Uint8Array, m = a.length) => a.subarray(0, m).reduce((s, x) => s + x, 0);

describe("biasedEntries", () => {
  it("counts as many correct entries as biasedSample, for every prefix length", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 4, noNaN: true }),
        fc.integer({ min: 0, max: 1e6 }),
        (n, accuracy, oversample, seed) => {
          const entries = biasedEntries({ n, accuracy, oversample, seed });
          for (const m of [1, Math.ceil(n / 3), n]) {
            expect(sum(entries, m)).toBe(
              biasedSample({ n: m, accuracy, oversample, seed }).correct,
            );
          }
        },
      ),
      PROPERTY,
    );
  });

  it("is the honest Bernoulli stream when nothing is oversampled", () => {
    const a = biasedEntries({ n: 500, accuracy: 0.7, oversample: 0, seed: 3 });
    expect([...a]).toEqual([...bernoulliSamples(makeSource(3), 500, 0.7)]);
  });

  it("rejects a fractional size", () => {
    expect(() => biasedEntries({ n: 2.5, accuracy: 0.5, oversample: 1, seed: 1 })).toThrow(
      RangeError,
    );
  });
});

describe("cltSampleSize", () => {
  it("is the smallest n whose CLT half-width is at most t, and never above Hoeffding's", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 1e-3, max: 0.5, noNaN: true }),
        fc.double({ min: 1e-6, max: 0.5, noNaN: true }),
        (p, t, delta) => {
          const n = cltSampleSize(p, t, delta);
          expect(cltHalfWidth(p, n, delta)).toBeLessThanOrEqual(t);
          if (n > 1) expect(cltHalfWidth(p, n - 1, delta)).toBeGreaterThan(t);
          expect(n).toBeLessThanOrEqual(hoeffdingSampleSize(t, delta));
        },
      ),
      PROPERTY,
    );
  });

  it("needs one sample when the mean cannot move", () => {
    expect(cltSampleSize(0, 0.01, 0.05)).toBe(1);
    expect(cltSampleSize(1, 0.01, 0.05)).toBe(1);
  });
});
