// The pmf of a sum of fair dice: checked by counting outcomes for small n, by its total, mean and
// variance against the closed forms, by symmetry, and against simulated sums (simulateSums, a
// second method) within a stated number of standard errors.
import { describe, expect, test } from "vitest";
import { diceSumPmf, diceSumProbability } from "../../src/core/dice";
import { histogram, integerBins, simulateSums, sumOfBernoulli } from "../../src/core/probability";
import { makeSource } from "../../src/core/random";

const Z = 4;

/** P(S = s) by enumerating all fᵐ outcomes, for small n. */
function enumerate(n: number, faces: number): Map<number, number> {
  const counts = new Map<number, number>();
  const total = faces ** n;
  for (let code = 0; code < total; code++) {
    let c = code;
    let s = 0;
    for (let i = 0; i < n; i++) {
      s += (c % faces) + 1;
      c = Math.floor(c / faces);
    }
    counts.set(s, (counts.get(s) ?? 0) + 1 / total);
  }
  return counts;
}

function moments(n: number, faces = 6) {
  const d = diceSumPmf(n, faces);
  let total = 0;
  let m1 = 0;
  d.probabilities.forEach((p, i) => {
    total += p;
    m1 += (d.lo + i) * p;
  });
  let m2 = 0;
  d.probabilities.forEach((p, i) => (m2 += (d.lo + i - m1) ** 2 * p));
  return { total, mean: m1, variance: m2 };
}

describe("diceSumPmf", () => {
  test("for small n it equals counting every outcome", () => {
    for (const [n, faces] of [
      [1, 6],
      [2, 6],
      [3, 6],
      [4, 6],
      [5, 3],
      [7, 2],
    ]) {
      const d = diceSumPmf(n, faces);
      const exact = enumerate(n, faces);
      expect(d.lo).toBe(n);
      expect(d.hi).toBe(n * faces);
      for (let s = d.lo; s <= d.hi; s++) {
        expect(Math.abs(d.probabilities[s - d.lo] - (exact.get(s) ?? 0))).toBeLessThan(1e-15);
      }
    }
  });

  test("it sums to 1 with mean n(f + 1)/2 and variance n(f² − 1)/12, for n up to 1000", () => {
    for (const n of [1, 2, 10, 57, 300, 1000]) {
      const m = moments(n);
      expect(Math.abs(m.total - 1)).toBeLessThan(1e-12);
      expect(Math.abs(m.mean - 3.5 * n)).toBeLessThan(1e-9 * n);
      expect(Math.abs(m.variance - (35 / 12) * n)).toBeLessThan(1e-9 * n);
    }
  });

  test("it is symmetric about its mean and matches sumOfBernoulli's dice variance", () => {
    for (const n of [3, 40]) {
      const d = diceSumPmf(n);
      const len = d.probabilities.length;
      for (let i = 0; i < len; i++) {
        const a = d.probabilities[i];
        const b = d.probabilities[len - 1 - i];
        expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-15 * Math.max(a, b, 1e-300));
      }
      const theory = sumOfBernoulli({ mode: "dice", n, p: 0.5, dependence: 0 });
      expect(Math.abs(moments(n).variance - theory.variance)).toBeLessThan(1e-9);
    }
  });

  test("asking in any order gives the same result (kept results are only extended)", () => {
    const a = Array.from(diceSumPmf(25).probabilities);
    const c = Array.from(diceSumPmf(130).probabilities);
    diceSumPmf(300);
    diceSumPmf(3);
    expect(Array.from(diceSumPmf(25).probabilities)).toEqual(a);
    // From the checkpoint at 128 rather than from one die: the same numbers.
    expect(Array.from(diceSumPmf(130).probabilities)).toEqual(c);
    expect(Array.from(diceSumPmf(7, 4).probabilities)).toEqual(
      Array.from(diceSumPmf(7, 4).probabilities),
    );
    expect(Array.from(diceSumPmf(25).probabilities)).toEqual(a);
  });

  test("simulated independent dice sums match it within 4 standard errors per value", () => {
    const n = 4;
    const N = 60_000;
    const sums = simulateSums(makeSource(8), { mode: "dice", n, p: 0.5, dependence: 0 }, N);
    const h = histogram(sums, integerBins(n, 6 * n));
    h.counts.forEach((c, i) => {
      const p = diceSumProbability(n, n + i);
      expect(Math.abs(c / N - p)).toBeLessThanOrEqual(Z * Math.sqrt((p * (1 - p)) / N) + 1e-12);
    });
  });

  test("diceSumProbability is 0 off the support and for non-integers", () => {
    expect(diceSumProbability(3, 2)).toBe(0);
    expect(diceSumProbability(3, 19)).toBe(0);
    expect(diceSumProbability(3, 10.5)).toBe(0);
    expect(diceSumProbability(3, 10)).toBeCloseTo(27 / 216, 15);
  });

  test("bad n, faces or s throw RangeError", () => {
    for (const n of [0, -1, 1.5, NaN, 2001]) expect(() => diceSumPmf(n)).toThrow(RangeError);
    for (const f of [1, 2.5, 101]) expect(() => diceSumPmf(2, f)).toThrow(RangeError);
    expect(() => diceSumProbability(2, Infinity)).toThrow(RangeError);
  });
});
