// hoeffding's worker jobs (scenes/hoeffding/jobs.ts) against src/core computed directly: the
// chunked coverage run ends exactly where one whole coverageSimulation does, and the exact-tail
// curve is binomialTwoSidedTail at every grid point until three values in a row fall below stop.
import { describe, expect, test } from "vitest";
import { binomialTwoSidedTail, coverageSimulation } from "../../src/core/concentration";
import { coverageJob, exactJob } from "../../scenes/hoeffding/jobs";
import { exactGrid } from "../../scenes/hoeffding/model";

describe("coverageJob", () => {
  test.each([
    { n: 20, p: 0.95, t: 0.1, trials: 4000, seed: 1 },
    { n: 1000, p: 0.86, t: 0.03, trials: 2000, seed: 7 },
    { n: 100_000, p: 0.5, t: 0.004, trials: 1234, seed: 3 },
  ])("n = $n, p = $p: its pieces grow to the whole simulation's result", (o) => {
    const pieces = [...coverageJob(o)];
    const whole = coverageSimulation(o);
    expect(pieces.at(-1)).toEqual(whole);
    expect(pieces.filter((r) => r.finished)).toHaveLength(1);
    for (let i = 1; i < pieces.length; i++) {
      expect(pieces[i].done).toBeGreaterThan(pieces[i - 1].done);
      expect(pieces[i].violations).toBeGreaterThanOrEqual(pieces[i - 1].violations);
    }
  });
});

describe("exactJob", () => {
  test("every value is the exact tail at its n, and the curve stops once far below the chart", () => {
    const ns = exactGrid(1e5);
    const stop = 1e-9;
    const vals = [...exactJob({ p: 0.5, t: 0.1, ns, stop })];
    expect(vals.length).toBeLessThan(ns.length);
    vals.forEach((v, i) => expect(v).toBe(binomialTwoSidedTail(ns[i], 0.5, 0.1)));
    expect(vals.slice(-3).every((v) => v < stop)).toBe(true);
    // It did not stop early: before the last three there is no run of three below stop.
    const before = vals.slice(0, -3);
    for (let i = 2; i < before.length; i++)
      expect(before.slice(i - 2, i + 1).every((v) => v < stop)).toBe(false);
  });

  test("a curve that stays above stop is computed to the end of the grid", () => {
    const ns = exactGrid(1000);
    const vals = [...exactJob({ p: 0.5, t: 0.01, ns, stop: 1e-9 })];
    expect(vals).toHaveLength(ns.length);
  });
});
