// Grouped integer bins: every integer of lo … hi falls in exactly one bin, whole integers per
// bin, never more bins than asked, and the plain case is exactly integerBins.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { groupedIntegerBins } from "../../src/core/binning";
import { histogram, integerBins } from "../../src/core/probability";

describe("groupedIntegerBins", () => {
  test("a range of at most maxBins integers gets one bin per integer, as integerBins", () => {
    expect(groupedIntegerBins(3, 12, 10)).toEqual({ ...integerBins(3, 12), perBin: 1 });
    expect(groupedIntegerBins(0, 0, 1)).toEqual({ ...integerBins(0, 0), perBin: 1 });
  });

  test("every integer lands in exactly one bin, with perBin integers per bin (the last may be short)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -500, max: 500 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 200 }),
        (lo, span, maxBins) => {
          const hi = lo + span;
          const b = groupedIntegerBins(lo, hi, maxBins);
          expect(b.count).toBeLessThanOrEqual(maxBins);
          expect(Number.isInteger(b.perBin)).toBe(true);
          expect((b.hi - b.lo) / b.count).toBe(b.perBin);
          const xs = Array.from({ length: span + 1 }, (_, i) => lo + i);
          const h = histogram(xs, b);
          expect(h.below + h.above).toBe(0);
          h.counts.forEach((c, i) => {
            const full = Math.min(b.perBin, hi - (lo + i * b.perBin) + 1);
            expect(c).toBe(full);
          });
        },
      ),
      { seed: 5, numRuns: 200 },
    );
  });

  test("bad ranges and bin counts throw RangeError", () => {
    expect(() => groupedIntegerBins(5, 4, 10)).toThrow(RangeError);
    expect(() => groupedIntegerBins(0.5, 4, 10)).toThrow(RangeError);
    expect(() => groupedIntegerBins(0, 4, 0)).toThrow(RangeError);
  });
});
