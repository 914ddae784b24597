// The traced variance study: its summary must be exactly varianceEstimatorBias's for the same
// seed (same draws, same order), its running means must be the means of the per-sample estimates
// (checked against a direct recomputation), and the log-spaced counts must start at 1 and end at
// reps.
import { randomLcg } from "d3-random";
import { describe, expect, test } from "vitest";
import {
  logSpacedCounts,
  varianceEstimatorTrace,
  varianceTraceChunk,
  varianceTraceStart,
} from "../../src/core/estimators";
import { varianceEstimatorBias } from "../../src/core/probability";
import { normalSamples } from "../../src/core/random";

describe("varianceEstimatorTrace", () => {
  test("its summary equals varianceEstimatorBias for the same seed", () => {
    for (const [n, sigma, reps] of [
      [2, 1, 1],
      [5, 2, 300],
      [30, 0.5, 1000],
    ]) {
      const a = varianceEstimatorTrace({ n, sigma, reps, source: randomLcg(11) });
      const b = varianceEstimatorBias({ n, sigma, reps, source: randomLcg(11) });
      expect(a.meanBiased).toBe(b.meanBiased);
      expect(a.meanUnbiased).toBe(b.meanUnbiased);
      expect(a.expectedBiased).toBe(b.expectedBiased);
      expect(a.trueVariance).toBe(b.trueVariance);
      expect(a.standardErrorBiased).toBe(b.standardErrorBiased);
      expect(a.standardErrorUnbiased).toBe(b.standardErrorUnbiased);
    }
  });

  test("the running means are the means of the first at[j] estimates, recomputed directly", () => {
    const n = 4;
    const reps = 200;
    const t = varianceEstimatorTrace({ n, sigma: 1.5, reps, source: randomLcg(3), points: 20 });
    // Redraw the same stream: n values per repetition, in order.
    const all = normalSamples(randomLcg(3), n * reps, 0, 1.5);
    const ss: number[] = [];
    for (let r = 0; r < reps; r++) {
      const xs = all.subarray(r * n, (r + 1) * n);
      const xbar = xs.reduce((a, b) => a + b, 0) / n;
      ss.push(xs.reduce((a, x) => a + (x - xbar) ** 2, 0));
    }
    t.at.forEach((count, j) => {
      const meanSS = ss.slice(0, count).reduce((a, b) => a + b, 0) / count;
      expect(t.runningBiased[j]).toBeCloseTo(meanSS / n, 12);
      expect(t.runningUnbiased[j]).toBeCloseTo(meanSS / (n - 1), 12);
    });
    // The last running mean is the overall mean (summed in a different order, so within rounding).
    expect(t.runningBiased[t.runningBiased.length - 1]).toBeCloseTo(t.meanBiased, 12);
  });

  test("the unbiased running mean ends within 4 SE of σ²; the biased one below it by the factor", () => {
    const n = 3;
    const sigma = 2;
    const reps = 20_000;
    const t = varianceEstimatorTrace({ n, sigma, reps, source: randomLcg(99) });
    const s2 = sigma * sigma;
    const se = s2 * Math.sqrt(2 / ((n - 1) * reps));
    expect(Math.abs(t.meanUnbiased - s2)).toBeLessThan(4 * se);
    expect(t.meanBiased / t.meanUnbiased).toBeCloseTo((n - 1) / n, 12);
    expect(s2 - t.meanBiased).toBeGreaterThan(10 * se * ((n - 1) / n));
  });

  test("σ = 0 gives zero estimates everywhere, never NaN", () => {
    const t = varianceEstimatorTrace({ n: 5, sigma: 0, reps: 50, source: randomLcg(1) });
    expect(t.meanBiased).toBe(0);
    expect(t.meanUnbiased).toBe(0);
    expect([...t.runningBiased, ...t.runningUnbiased].every((v) => v === 0)).toBe(true);
  });

  test("out-of-range parameters throw RangeErrors that name them", () => {
    const source = randomLcg(1);
    expect(() => varianceEstimatorTrace({ n: 1, sigma: 1, reps: 10, source })).toThrow(/n must/);
    expect(() => varianceEstimatorTrace({ n: 3, sigma: -1, reps: 10, source })).toThrow(/sigma/);
    expect(() => varianceEstimatorTrace({ n: 3, sigma: 1, reps: 0, source })).toThrow(/reps/);
    expect(() => varianceEstimatorTrace({ n: 3, sigma: 1, reps: 5, source, points: 1 })).toThrow(
      /points/,
    );
  });
});

describe("logSpacedCounts", () => {
  test("starts at 1, ends at reps, strictly increases and holds at most `count` values", () => {
    for (const [reps, count] of [
      [1, 2],
      [7, 50],
      [10_000, 240],
      [123_457, 13],
    ]) {
      const at = logSpacedCounts(reps, count);
      expect(at[0]).toBe(1);
      expect(at[at.length - 1]).toBe(reps);
      expect(at.length).toBeLessThanOrEqual(count);
      for (let j = 1; j < at.length; j++) expect(at[j]).toBeGreaterThan(at[j - 1]);
    }
  });
});

describe("chunked tracing", () => {
  test("any chunking gives exactly the whole run's numbers", () => {
    const params = { n: 6, sigma: 1.3, reps: 777, mu: 0.5 };
    const whole = varianceEstimatorTrace({ ...params, source: randomLcg(21) });
    for (const chunk of [1, 10, 333, 777, 5000]) {
      const state = varianceTraceStart({ ...params, source: randomLcg(21) });
      let progress = varianceTraceChunk(state, chunk);
      let calls = 1;
      while (progress.result === null) {
        expect(progress.done).toBe(Math.min(params.reps, calls * chunk));
        expect(progress.at.length).toBe(progress.runningBiased.length);
        progress = varianceTraceChunk(state, chunk);
        calls++;
      }
      expect(calls).toBe(Math.ceil(params.reps / chunk));
      expect(progress.result).toEqual(whole);
    }
  });

  test("a finished state reports its result again without drawing more", () => {
    let draws = 0;
    const lcg = randomLcg(4);
    const source = () => (draws++, lcg());
    const state = varianceTraceStart({ n: 3, sigma: 1, reps: 20, source });
    const first = varianceTraceChunk(state, 100).result;
    const used = draws;
    const again = varianceTraceChunk(state, 100).result;
    expect(draws).toBe(used);
    expect(again).toEqual(first);
  });
});
