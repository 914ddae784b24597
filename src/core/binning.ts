// Bins for histograms of integer-valued samples when there are too many integers for one bar
// each: neighbouring integers share a bar, and every bar still spans a whole number of integers,
// so its density (count per sample per unit) stays comparable with the pmf. Pure: no DOM.
import { integerBins, type Bins } from "./probability";

/** Bins over the integers lo … hi with `perBin` integers each (1: one bar per integer). */
export type GroupedBins = Bins & { readonly perBin: number };

/**
 * Bins centred on whole groups of integers covering lo … hi, at most `maxBins` of them.
 *
 * Formula: with w = hi − lo + 1 integers, perBin = 1 when w ≤ maxBins (exactly `integerBins`),
 * else perBin = ⌈w / maxBins⌉ and count = ⌈w / perBin⌉ bins of width perBin from lo − ½; the
 * last bin may reach past hi + ½. A bin's density, count / (total · perBin), is the average pmf
 * over its integers.
 * Ranges: lo ≤ hi safe integers; maxBins an integer in [1, 100 000].
 * @throws RangeError if lo, hi or maxBins is out of range.
 */
export function groupedIntegerBins(lo: number, hi: number, maxBins: number): GroupedBins {
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || lo > hi) {
    throw new RangeError(`groupedIntegerBins needs integers lo ≤ hi; got lo = ${lo}, hi = ${hi}.`);
  }
  if (!Number.isInteger(maxBins) || maxBins < 1 || maxBins > 100_000) {
    throw new RangeError(`maxBins must be an integer in [1, 100000]; got ${maxBins}.`);
  }
  const width = hi - lo + 1;
  if (width <= maxBins) return { ...integerBins(lo, hi), perBin: 1 };
  const perBin = Math.ceil(width / maxBins);
  const count = Math.ceil(width / perBin);
  return { lo: lo - 0.5, hi: lo - 0.5 + count * perBin, count, perBin };
}
