import { ticks } from "d3-array";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { linearScale } from "../../src/draw/scale";

describe("linearScale", () => {
  test("maps the ends of the domain to the ends of the range, and the midpoint to the midpoint", () => {
    const s = linearScale([-2, 6], [10, 90]);
    expect(s(-2)).toBe(10);
    expect(s(6)).toBe(90);
    expect(s(2)).toBeCloseTo(50, 12);
  });

  test("invert undoes the map for any finite domain, range and point", () => {
    const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(finite, finite, finite, finite, finite, (d0, d1, r0, r1, x) => {
        fc.pre(Math.abs(d1 - d0) > 1e-3 && Math.abs(r1 - r0) > 1e-3);
        const s = linearScale([d0, d1], [r0, r1]);
        const back = s.invert(s(x));
        expect(Math.abs(back - x)).toBeLessThanOrEqual(
          1e-6 * (1 + Math.abs(x) + Math.abs(d0) + Math.abs(d1)),
        );
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  test("a reversed range (pixels grow downward) maps larger values higher up", () => {
    const y = linearScale([0, 1], [200, 20]);
    expect(y(1)).toBe(20);
    expect(y(0.5)).toBeGreaterThan(y(1));
  });

  test("ticks are d3's round values inside the domain, whichever way the domain runs", () => {
    expect(linearScale([-3.2, 3.2], [0, 100]).ticks(5)).toEqual(ticks(-3.2, 3.2, 5));
    expect(linearScale([5, 0], [0, 100]).ticks(5)).toEqual(ticks(0, 5, 5));
  });

  test("a zero-width domain maps to the middle of the range, never to NaN", () => {
    const s = linearScale([3, 3], [0, 100]);
    expect(s(3)).toBe(50);
    expect(s(7)).toBe(50);
    expect(s.invert(10)).toBe(3);
  });
});
