import * as real from "d3-interpolate";
import { scaleLinear, scaleLog } from "d3-scale";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import * as shim from "../../src/draw/number-interpolate";

const finite = fc.double({ min: -1e9, max: 1e9, noNaN: true });
const unit = fc.double({ min: 0, max: 1, noNaN: true });

describe("number-only interpolation for d3-scale", () => {
  test("interpolate, interpolateNumber and interpolateRound agree with d3-interpolate on numbers", () => {
    fc.assert(
      fc.property(finite, finite, unit, (a, b, t) => {
        expect(shim.interpolate(a, b)(t)).toBe(real.interpolate(a, b)(t));
        expect(shim.interpolateNumber(a, b)(t)).toBe(real.interpolateNumber(a, b)(t));
        expect(shim.interpolateRound(a, b)(t)).toBe(real.interpolateRound(a, b)(t));
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  test("piecewise agrees with d3-interpolate's piecewise through several numbers", () => {
    const values = [0, 10, -4, 2.5];
    for (const t of [0, 0.1, 1 / 3, 0.5, 0.9, 1]) {
      expect(shim.piecewise(values)(t)).toBe(real.piecewise(values)(t));
      expect(shim.piecewise(shim.interpolateRound, values)(t)).toBe(
        real.piecewise(real.interpolateRound, values)(t),
      );
    }
  });

  test("a value it cannot blend is held at the far end, as d3 does for such values", () => {
    expect(shim.interpolate(null, true)(0.3)).toBe(true);
  });

  test("the scales the charts use (through the build's redirect) map and invert numbers exactly", () => {
    const x = scaleLinear().domain([0, 10]).range([20, 220]);
    expect(x(5)).toBe(120);
    expect(x.invert(70)).toBe(2.5);
    const y = scaleLog().domain([1e-6, 10]).range([300, 0]);
    expect(y(1e-6)).toBeCloseTo(300, 10);
    expect(y(1e-1)).toBeCloseTo(300 - (5 / 7) * 300, 10);
  });

  test("the redirect is in force: a colour range is not blended (charts take colours from the palette)", () => {
    const c = scaleLinear<string>().domain([0, 1]).range(["#000000", "#ffffff"]);
    expect(c(0.5)).toBe("#ffffff");
  });
});
