// Readout formatting (src/kit/format.ts): the human text never shows NaN or Infinity, and the
// machine value in data-value is plain enough for a test or a slide deck to parse back.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  formatNumber,
  hasNonFinite,
  humanValue,
  machineValue,
  numberRuns,
  texNumber,
  type Readout,
} from "../../src/kit/format";

const FC = { seed: 424242, numRuns: 500 } as const;

describe("formatNumber", () => {
  test("never prints NaN or Infinity, whatever the number", () => {
    fc.assert(
      fc.property(fc.double(), fc.integer({ min: 1, max: 12 }), (v, digits) => {
        const s = formatNumber(v, digits);
        expect(s).not.toMatch(/NaN|Infinity|undefined/);
        expect(s.length).toBeGreaterThan(0);
      }),
      FC,
    );
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])
      expect(formatNumber(v)).toBe("—");
  });

  test("gives `digits` significant digits, trailing zeros trimmed", () => {
    expect(formatNumber(Math.PI)).toBe("3.142");
    expect(formatNumber(Math.PI, 6)).toBe("3.14159");
    expect(formatNumber(0.5)).toBe("0.5");
    expect(formatNumber(123.456)).toBe("123.5");
    expect(formatNumber(0.00123456)).toBe("0.001235");
  });

  test("writes a proper minus sign, and zero without a sign", () => {
    expect(formatNumber(-2.5)).toBe("\u22122.5");
    expect(formatNumber(-0)).toBe("0");
    expect(formatNumber(0)).toBe("0");
  });

  test("groups thousands of whole numbers with thin spaces past four digits", () => {
    expect(formatNumber(1000)).toBe("1000");
    expect(formatNumber(100000)).toBe("100\u2009000");
    expect(formatNumber(-12345)).toBe("\u221212\u2009345");
  });

  test("switches to ×10ⁿ for huge and tiny magnitudes", () => {
    expect(formatNumber(1e6)).toBe("1×10\u2076");
    expect(formatNumber(2.5e-7)).toBe("2.5×10\u207b\u2077");
    expect(formatNumber(-1.23456e20)).toBe("\u22121.235×10\u00b2\u2070");
  });

  test("the digits read back to the number within the precision asked for", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e5, max: 1e5, noNaN: true }), (v) => {
        fc.pre(Math.abs(v) >= 1e-4 || v === 0);
        const back = Number(
          formatNumber(v, 6)
            .replace("\u2212", "-")
            .replace(/\u2009/g, ""),
        );
        expect(Math.abs(back - v)).toBeLessThanOrEqual(Math.abs(v) * 1e-5 + 1e-12);
      }),
      FC,
    );
  });
});

describe("machineValue", () => {
  test("a number is written plainly, so Number() gives it back exactly", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const s = machineValue(v);
        expect(s).toMatch(/^-?[\d.]+(e[+-]\d+)?$/);
        expect(Number(s)).toBe(v === 0 ? 0 : v);
      }),
      FC,
    );
  });

  test("vectors and matrices are comma lists, row-major, with no spaces", () => {
    expect(machineValue([1, -2.5, 3e-9])).toBe("1,-2.5,3e-9");
    expect(machineValue([])).toBe("");
    const m = [
      [1, 2],
      [3, 4],
    ].flat();
    expect(machineValue(m).split(",").map(Number)).toEqual([1, 2, 3, 4]);
  });

  test("words stay words, and null or non-finite become the word undefined", () => {
    expect(machineValue("diverged")).toBe("diverged");
    expect(machineValue(null)).toBe("undefined");
    expect(machineValue(Number.NaN)).toBe("undefined");
    expect(machineValue([1, Number.POSITIVE_INFINITY])).toBe("1,undefined");
  });
});

describe("humanValue and hasNonFinite", () => {
  const r = (value: Readout["value"], extra: Partial<Readout> = {}): Readout => ({
    name: "x",
    label: "x",
    value,
    ...extra,
  });

  test("formats numbers and vectors with the unit, and prefers an explicit text", () => {
    expect(humanValue(r(0.25, { unit: "%" }))).toBe("0.25%");
    expect(humanValue(r([1, -0.5]))).toBe("(1, \u22120.5)");
    expect(humanValue(r(1, { text: "1 + 2i" }))).toBe("1 + 2i");
    expect(humanValue(r("converging"))).toBe("converging");
    expect(humanValue(r(null, { why: "singular" }))).toBe("undefined");
    expect(humanValue(r(Number.NaN))).toBe("—");
    expect(humanValue(r([Number.POSITIVE_INFINITY, 1]))).toBe("(—, 1)");
  });

  test("flags exactly the readouts that carry a non-finite number", () => {
    expect(hasNonFinite(r(1))).toBe(false);
    expect(hasNonFinite(r([1, 2]))).toBe(false);
    expect(hasNonFinite(r("status"))).toBe(false);
    expect(hasNonFinite(r(null))).toBe(false);
    expect(hasNonFinite(r(Number.NaN))).toBe(true);
    expect(hasNonFinite(r([1, Number.NEGATIVE_INFINITY]))).toBe(true);
  });
});

describe("numberRuns", () => {
  const numbers = (t: string) =>
    numberRuns(t)
      .filter((r) => r.number)
      .map((r) => r.text);

  test("keeps each number whole with the brackets and commas touching it", () => {
    expect(numbers("(\u22122.021×10\u207b\u00b9\u00b9, 1.212×10\u207b\u00b9\u00b9)")).toEqual([
      "(\u22122.021×10\u207b\u00b9\u00b9,",
      "1.212×10\u207b\u00b9\u00b9)",
    ]);
    expect(numbers("0.0625 (1\u2009024 of 16\u2009384)")).toEqual([
      "0.0625",
      "(1\u2009024",
      "16\u2009384)",
    ]);
    expect(numbers("96.99%")).toEqual(["96.99%"]);
  });

  test("leaves words alone, and a thin space not between digits breaks", () => {
    expect(numbers("converged")).toEqual([]);
    expect(numbers("5\u2009ms")).toEqual(["5"]);
  });

  test("the runs joined are the text, for any text", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."(),.%-\u2212\u2009 x×10\u207b\u00b9") }),
        (t) => {
          expect(
            numberRuns(t)
              .map((r) => r.text)
              .join(""),
          ).toBe(t);
        },
      ),
    );
  });
});

describe("texNumber", () => {
  test("writes TeX: an ASCII minus, \\, for thin spaces, \\times 10^{n} for exponents", () => {
    expect(texNumber(-2.5)).toBe("-2.5");
    expect(texNumber(100000)).toBe("100\\,000");
    expect(texNumber(2.5e-7)).toBe("2.5\\times 10^{-7}");
    expect(texNumber(Number.NaN)).toBe("\\text{—}");
  });
});
