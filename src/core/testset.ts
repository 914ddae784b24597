// Test-set evaluation beside Hoeffding (source section 5): the entries of a rigged test set in
// the order they are drawn, so a figure can plot their running mean, and the CLT sample size
// that Hoeffding's sample size is compared with.

import { randomBernoulli } from "d3-random";
import { cltHalfWidth } from "./concentration";
import { makeSource } from "./random";

/** The setting of a rigged test set, as in `biasedSample`. */
export interface BiasedEntriesOptions {
  /** Entries in the test set, an integer ≥ 1. */
  readonly n: number;
  /** The model's true accuracy on the data distribution, in [0, 1]. */
  readonly accuracy: number;
  /** Extra copies of each correct prediction, ≥ 0 (fractional parts are probabilities). */
  readonly oversample: number;
  /** Any finite number; see `makeSource`. */
  readonly seed: number;
}

/**
 * The entries (1 = correct, 0 = wrong) of a test set built by oversampling correct predictions,
 * in the order they are added.
 *
 * Exactly the construction of `biasedSample` with the same options, draw for draw: predictions
 * are drawn i.i.d. (correct with probability a); a wrong one enters once, a correct one
 * 1 + ⌊o⌋ times, plus once more with probability o − ⌊o⌋; the last copies are cut off at n.
 * So the sum of the first m entries is `biasedSample({ ...options, n: m }).correct` for every
 * m ≤ n (a longer set extends a shorter one), and with o = 0 the entries are
 * `bernoulliSamples(makeSource(seed), n, a)`.
 *
 * Ranges: n an integer ≥ 1, a ∈ [0, 1], o ≥ 0 and finite, seed finite.
 *
 * @throws RangeError if an option is out of range or not finite.
 */
export function biasedEntries(options: BiasedEntriesOptions): Uint8Array {
  const { n, accuracy, oversample, seed } = options;
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new RangeError(`n must be an integer ≥ 1, got ${n}.`);
  }
  if (!(accuracy >= 0 && accuracy <= 1)) {
    throw new RangeError(`accuracy must be in [0, 1], got ${accuracy}.`);
  }
  if (!(Number.isFinite(oversample) && oversample >= 0)) {
    throw new RangeError(`oversample must be a finite number ≥ 0, got ${oversample}.`);
  }
  const source = makeSource(seed);
  const isCorrect = randomBernoulli.source(source)(accuracy);
  const whole = Math.floor(oversample);
  const fraction = oversample - whole;
  const out = new Uint8Array(n);
  let size = 0;
  while (size < n) {
    if (isCorrect() === 1) {
      // The extra uniform is drawn only when needed, exactly as biasedSample draws it.
      const copies = 1 + whole + (fraction > 0 && source() < fraction ? 1 : 0);
      const end = Math.min(n, size + copies);
      out.fill(1, size, end);
      size = end;
    } else {
      size++;
    }
  }
  return out;
}

/**
 * The smallest sample size n for which the CLT (Wald) half-width z_{1−δ/2}·√(p(1 − p)/n) is at
 * most t: the normal approximation's answer to the question `hoeffdingSampleSize` answers with
 * a guarantee.
 *
 * n = ⌈z²·p(1 − p)/t²⌉, nudged so that it is exactly the smallest integer n ≥ 1 with
 * `cltHalfWidth(p, n, δ) ≤ t` in floating point. It depends on p (through the variance), while
 * Hoeffding's does not; p = 0 or 1 gives 1. It is never larger than `hoeffdingSampleSize(t, δ)`.
 *
 * Ranges: p ∈ [0, 1], t > 0, δ ∈ (0, 1).
 *
 * @throws RangeError if an argument is out of range or not finite, or if the answer exceeds
 *   2⁵³.
 */
export function cltSampleSize(p: number, t: number, delta: number): number {
  if (!(Number.isFinite(t) && t > 0)) {
    throw new RangeError(`t must be a finite number > 0, got ${t}.`);
  }
  // cltHalfWidth(p, 1, δ) = z·√(p(1 − p)); it validates p and δ.
  const perSample = cltHalfWidth(p, 1, delta);
  if (perSample === 0) return 1;
  let n = Math.max(1, Math.ceil((perSample / t) ** 2));
  if (!(n <= Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`t = ${t} needs more than 2⁵³ samples; choose a larger t.`);
  }
  while (n > 1 && cltHalfWidth(p, n - 1, delta) <= t) n--;
  while (cltHalfWidth(p, n, delta) > t) n++;
  return n;
}
