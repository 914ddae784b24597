// Concentration of sample means (source section 5): Hoeffding's inequality and what it is
// compared with in the scenes — the exact binomial tail, the CLT approximation, a seeded
// coverage experiment, a deliberately biased test set — and the finite-class PAC bound.

import { randomBernoulli } from "d3-random";
import { binomialSampler, makeSource } from "./random";

// ---------------------------------------------------------------------------------------------
// Hoeffding

/**
 * The Hoeffding half-width t such that the two-sided bound equals δ.
 *
 * t = range·√(ln(2/δ)/(2n)), for the mean of n independent variables in an interval of width
 * `range` = b − a. With probability at least 1 − δ, |X̄ − E[X̄]| < t. Quadrupling n halves t.
 *
 * Ranges: n ≥ 1 (real, so a funnel can be drawn as a smooth curve), δ ∈ (0, 1), range > 0.
 *
 * @throws RangeError if an argument is out of range or not finite.
 */
export function hoeffdingHalfWidth(n: number, delta: number, range = 1): number {
  checkSampleSize(n);
  checkDelta(delta);
  checkRange(range);
  return range * Math.sqrt((Math.LN2 - Math.log(delta)) / (2 * n));
}

/**
 * The raw two-sided Hoeffding expression 2·e^(−2nt²/range²), not capped at 1.
 *
 * Above 1 it says nothing (every probability is ≤ 1); the scenes show the raw value to make
 * that visible. Ranges: n ≥ 1, t > 0, range > 0.
 *
 * @throws RangeError if an argument is out of range or not finite.
 */
export function hoeffdingBoundRaw(n: number, t: number, range = 1): number {
  checkSampleSize(n);
  checkPositive("t", t);
  checkRange(range);
  return 2 * Math.exp((-2 * n * t * t) / (range * range));
}

/**
 * Hoeffding's upper bound on P(|X̄ − E[X̄]| ≥ t) for n independent variables in [a, b].
 *
 * min(1, 2·e^(−2nt²/range²)) with range = b − a (default 1, for accuracies and Bernoulli
 * means). Ranges: n ≥ 1, t > 0, range > 0; the result is in (0, 1].
 *
 * @throws RangeError if an argument is out of range or not finite.
 */
export function hoeffdingBound(n: number, t: number, range = 1): number {
  return Math.min(1, hoeffdingBoundRaw(n, t, range));
}

/**
 * The smallest sample size n for which Hoeffding guarantees |X̄ − μ| < t with probability 1 − δ.
 *
 * n = ⌈range²·ln(2/δ)/(2t²)⌉, then nudged by at most a step so that the result is exactly the
 * smallest integer n ≥ 1 with `hoeffdingBound(n, t, range) ≤ δ` as evaluated in floating point
 * (the quotient can land a rounding error above an integer).
 *
 * Ranges: t > 0, δ ∈ (0, 1), range > 0.
 *
 * @throws RangeError if an argument is out of range or not finite, or if the answer exceeds
 *   2⁵³ (t is too small for n to be counted exactly).
 */
export function hoeffdingSampleSize(t: number, delta: number, range = 1): number {
  checkPositive("t", t);
  checkDelta(delta);
  checkRange(range);
  let n = Math.max(1, Math.ceil((range * range * (Math.LN2 - Math.log(delta))) / (2 * t * t)));
  if (!(n <= Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`t = ${t} needs more than 2⁵³ samples; choose a larger t.`);
  }
  // Compare in log space (ln 2 − 2nt²/r² ≤ ln δ): the bound itself underflows for tiny δ, and a
  // step-by-step search would then never end. Rounding moves the answer by at most a step or two.
  const logDelta = Math.log(delta);
  const logBound = (m: number) => Math.LN2 - (2 * m * t * t) / (range * range);
  for (let i = 0; i < 4 && n > 1 && logBound(n - 1) <= logDelta; i++) n--;
  for (let i = 0; i < 4 && logBound(n) > logDelta; i++) n++;
  return n;
}

/** A Hoeffding interval for an accuracy, clipped to [0, 1]. */
export interface HoeffdingInterval {
  /** max(0, acc − halfWidth). */
  readonly low: number;
  /** min(1, acc + halfWidth). */
  readonly high: number;
  /** The unclipped half-width √(ln(2/δ)/(2n)). */
  readonly halfWidth: number;
  /** Whether acc − halfWidth fell below 0 and was clipped. */
  readonly lowClipped: boolean;
  /** Whether acc + halfWidth rose above 1 and was clipped. */
  readonly highClipped: boolean;
}

/**
 * The (1 − δ) Hoeffding confidence interval for a true accuracy, from an observed accuracy.
 *
 * [acc − t, acc + t] with t = √(ln(2/δ)/(2n)), clipped to [0, 1] (an accuracy cannot leave it);
 * the flags say which end was clipped so a view can mark it.
 *
 * Ranges: acc ∈ [0, 1], n ≥ 1, δ ∈ (0, 1).
 *
 * @throws RangeError if an argument is out of range or not finite.
 */
export function hoeffdingInterval(acc: number, n: number, delta: number): HoeffdingInterval {
  checkProbability("acc", acc);
  const halfWidth = hoeffdingHalfWidth(n, delta);
  const low = acc - halfWidth;
  const high = acc + halfWidth;
  return {
    low: Math.max(0, low),
    high: Math.min(1, high),
    halfWidth,
    lowClipped: low < 0,
    highClipped: high > 1,
  };
}

// ---------------------------------------------------------------------------------------------
// The normal distribution and the CLT comparison

const SQRT_2PI = Math.sqrt(2 * Math.PI);

// Below this |x| the Taylor series for Φ converges fast and loses at most ~1.3 digits to the
// cancellation in ½ − …; above it the continued fraction for Mills' ratio needs ≤ ~110 terms.
const NORMAL_SERIES_MAX = 2;

/** φ(x) = e^(−x²/2)/√(2π), accurate to a few ulps even where x² is large. */
function normalPdf(x: number): number {
  // x² rounds with an absolute error ~x²·2⁻⁵³, which e^(−x²/2) turns into a relative error;
  // splitting x = hi + lo with hi on a 1/16 grid makes hi² exact and (x − hi)(x + hi) small.
  const hi = Math.round(x * 16) / 16;
  return (Math.exp((-hi * hi) / 2) * Math.exp((-(x - hi) * (x + hi)) / 2)) / SQRT_2PI;
}

/** Q(x)/φ(x) for x ≥ NORMAL_SERIES_MAX: Laplace's continued fraction 1/(x + 1/(x + 2/(x + …))). */
function millsRatio(x: number): number {
  const tiny = 1e-300;
  // Modified Lentz: evaluates the fraction forwards and stops when a term no longer moves it.
  let f = tiny;
  let c = f;
  let d = 0;
  for (let j = 1; j < 1000; j++) {
    const a = j === 1 ? 1 : j - 1;
    d = x + a * d;
    if (d === 0) d = tiny;
    c = x + a / c;
    if (c === 0) c = tiny;
    d = 1 / d;
    const step = c * d;
    f *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return f;
}

/**
 * The standard normal CDF Φ(x) = P(Z ≤ x), relatively accurate in the lower tail.
 *
 * For |x| < 2: Φ(x) = ½ + φ(x)·Σₖ x^(2k+1)/(1·3·…·(2k+1)); beyond: the upper tail
 * Q(|x|) = φ(|x|)·R(|x|) from the continued fraction for Mills' ratio R, and Φ = 1 − Q for
 * x ≥ 2. Accurate to ~1e-14 relative for −37.5 ≤ x ≤ 0 and 1e-16 absolute everywhere; below
 * −37.5 Φ is subnormal and loses digits, and it underflows to 0 near x = −38.5.
 *
 * Ranges: x ∈ [−∞, ∞]; Φ(−∞) = 0, Φ(∞) = 1.
 *
 * @throws RangeError if x is NaN.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) throw new RangeError("normalCdf(x) needs a number, got NaN.");
  if (x === -Infinity) return 0;
  if (x === Infinity) return 1;
  const ax = Math.abs(x);
  if (ax < NORMAL_SERIES_MAX) {
    const x2 = x * x;
    let term = x;
    let sum = x;
    for (let k = 1; Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
      term *= x2 / (2 * k + 1);
      sum += term;
    }
    return 0.5 + normalPdf(x) * sum;
  }
  const upper = normalPdf(ax) * millsRatio(ax);
  return x < 0 ? upper : 1 - upper;
}

// Acklam's rational approximation to the normal quantile (relative error < 1.15e-9), which one
// Halley step on normalCdf then refines to the accuracy of normalCdf itself.
const ACKLAM_A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
  -3.066479806614716e1, 2.506628277459239,
];
const ACKLAM_B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
  -1.328068155288572e1,
];
const ACKLAM_C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const ACKLAM_D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const ACKLAM_P_LOW = 0.02425;

/** Acklam's approximation for p ∈ (0, ½]. */
function acklamLower(p: number): number {
  if (p < ACKLAM_P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    const [c0, c1, c2, c3, c4, c5] = ACKLAM_C;
    const [d0, d1, d2, d3] = ACKLAM_D;
    return (
      (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  const [a0, a1, a2, a3, a4, a5] = ACKLAM_A;
  const [b0, b1, b2, b3, b4] = ACKLAM_B;
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  );
}

/**
 * The inverse standard normal CDF: the x with Φ(x) = p.
 *
 * Acklam's rational approximation followed by one Halley step on `normalCdf`; accurate to
 * ~1e-14 relative in x for p ≤ ½ (down to p = 1e-300), and for p > ½ as accurate as 1 − p is
 * (computed as −Φ⁻¹(1 − p), exact in floating point). Antisymmetric: Φ⁻¹(1 − p) = −Φ⁻¹(p).
 *
 * Ranges: p ∈ [0, 1]; Φ⁻¹(0) = −∞, Φ⁻¹(1) = +∞.
 *
 * @throws RangeError if p is outside [0, 1] or NaN.
 */
export function normalQuantile(p: number): number {
  checkProbability("p", p);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p > 0.5) return -normalQuantile(1 - p);
  const x = acklamLower(p);
  // Halley on Φ(x) − p, written as (Φ(x)/p − 1)·(p/φ(x)) so that no difference of two tiny
  // numbers underflows into the subnormal range when p is very small.
  const u = (normalCdf(x) / p - 1) * (p / normalPdf(x));
  // Where φ(x) underflows (p below ~1e-310) the refinement is undefined; keep Acklam's value.
  return Number.isFinite(u) ? x - u / (1 + (x * u) / 2) : x;
}

/**
 * The CLT (Wald) half-width z_{1−δ/2}·√(p(1 − p)/n) for a mean of n Bernoulli(p) outcomes.
 *
 * An asymptotic approximation, not a guarantee: its ratio to the Hoeffding half-width is
 * 2z·√(p(1 − p))/√(2 ln(2/δ)) ≤ 1, so it is never wider. The quantile is computed as −Φ⁻¹(δ/2)
 * so that small δ keeps its digits.
 *
 * Ranges: p ∈ [0, 1] (0 or 1 give width 0), n ≥ 1, δ ∈ (0, 1).
 *
 * @throws RangeError if an argument is out of range or not finite.
 */
export function cltHalfWidth(p: number, n: number, delta: number): number {
  checkProbability("p", p);
  checkSampleSize(n);
  checkDelta(delta);
  const spread = Math.sqrt((p * (1 - p)) / n);
  // A point mass has zero width whatever δ is; δ/2 can underflow to 0, whose quantile is −∞.
  if (spread === 0) return 0;
  const z = -normalQuantile(Math.max(delta / 2, Number.MIN_VALUE));
  return z * spread;
}

/**
 * The CLT approximation to P(|X̄ − p| ≥ t) for a mean of n Bernoulli(p) outcomes.
 *
 * 2·Φ(−t·√n/√(p(1 − p))), capped at 1; 0 when p is 0 or 1 (the mean cannot move). An
 * approximation that can fall below the true tail, unlike the Hoeffding bound.
 *
 * Ranges: n ≥ 1, p ∈ [0, 1], t > 0.
 *
 * @throws RangeError if an argument is out of range or not finite.
 */
export function cltTwoSidedTail(n: number, p: number, t: number): number {
  checkSampleSize(n);
  checkProbability("p", p);
  checkPositive("t", t);
  if (p === 0 || p === 1) return 0;
  return Math.min(1, 2 * normalCdf((-t * Math.sqrt(n)) / Math.sqrt(p * (1 - p))));
}

// ---------------------------------------------------------------------------------------------
// The exact binomial tail

// Stirling's series for ln Γ is used from here up; below, Γ(x + 1) = x·Γ(x) shifts x into
// range. At 10 the first omitted term, |B₁₆|/(16·15·x¹⁵) ≈ 3e-17, is below double precision.
const STIRLING_MIN = 10;
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * The natural log of the gamma function, ln Γ(x), for x > 0.
 *
 * Stirling's series ln Γ(z) = (z − ½)ln z − z + ½ln(2π) + Σₖ B₂ₖ/(2k(2k − 1)z^(2k−1)) through
 * B₁₄ for z ≥ 10, after shifting smaller x up with
 * ln Γ(x) = ln Γ(x + m) − ln(x(x + 1)…(x + m − 1)).
 * Absolute error ~2e-15·max(1, |ln Γ(x)|). ln Γ(k + 1) = ln k!.
 *
 * Ranges: x > 0 and finite.
 *
 * @throws RangeError if x ≤ 0 or x is not finite.
 */
export function logGamma(x: number): number {
  if (!(x > 0 && Number.isFinite(x))) {
    throw new RangeError(`logGamma(x) needs a finite x > 0, got ${x}.`);
  }
  if (x >= STIRLING_MIN) return stirlingLogGamma(x);
  // ln x is taken apart from the product so that a subnormal x keeps its digits.
  let product = 1;
  let z = x + 1;
  for (; z < STIRLING_MIN; z += 1) product *= z;
  return stirlingLogGamma(z) - Math.log(x) - Math.log(product);
}

function stirlingLogGamma(z: number): number {
  const s = 1 / z;
  const s2 = s * s;
  // Coefficients B₂ₖ/(2k(2k − 1)) for B₂ … B₁₄ = 1/6, −1/30, 1/42, −1/30, 5/66, −691/2730, 7/6.
  const series =
    s *
    (1 / 12 +
      s2 *
        (-1 / 360 +
          s2 * (1 / 1260 + s2 * (-1 / 1680 + s2 * (1 / 1188 + s2 * (-691 / 360360 + s2 / 156))))));
  return (z - 0.5) * Math.log(z) - z + HALF_LOG_2PI + series;
}

/**
 * The log of the Binomial(n, p) probability mass at k: ln C(n, k) + k·ln p + (n − k)·ln(1 − p).
 *
 * ln C(n, k) = ln Γ(n + 1) − ln Γ(k + 1) − ln Γ(n − k + 1) via `logGamma`; ln(1 − p) via log1p
 * so that small p keeps its digits. Absolute error ~1e-16·ln n! (the cancellation of the three
 * ln Γ terms), i.e. about 1e-10 relative in the mass at n = 10⁵ and 1e-13 at n = 200.
 * Conventions: k outside [0, n] gives −∞; p = 0 or 1 puts all mass on k = 0 or k = n.
 *
 * Ranges: n an integer ≥ 1, k an integer, p ∈ [0, 1].
 *
 * @throws RangeError if n or k is not an integer, n < 1, or p is outside [0, 1].
 */
export function binomialLogPmf(n: number, k: number, p: number): number {
  checkCount("n", n);
  if (!Number.isInteger(k)) throw new RangeError(`k must be an integer, got ${k}.`);
  checkProbability("p", p);
  if (k < 0 || k > n) return -Infinity;
  if (p === 0) return k === 0 ? 0 : -Infinity;
  if (p === 1) return k === n ? 0 : -Infinity;
  return (
    logGamma(n + 1) -
    logGamma(k + 1) -
    logGamma(n - k + 1) +
    k * Math.log(p) +
    (n - k) * Math.log1p(-p)
  );
}

// A count k is a deviation of size t when |k − np| ≥ nt·(1 − BOUNDARY_REL_TOL). Mathematically
// the boundary counts (the event is ≥ t), but the arithmetic rounds: n = 6, p = 0.4, t = 0.1
// puts k = 3 exactly on it, yet 3 − 6·0.4 = 0.5999999999999996 < 6·0.1 = 0.6000000000000001.
// The relative slack of 1e-9 is far above that rounding noise (~1e-16·n) and, for the lattice
// of a sensible n, far below the gap between neighbouring k (1/n), so k exactly on the boundary
// counts and only parameters within one part in 10⁹ of a lattice point are rounded onto it.
const BOUNDARY_REL_TOL = 1e-9;

function deviationThreshold(n: number, t: number): number {
  return n * t * (1 - BOUNDARY_REL_TOL);
}

/**
 * The exact probability P(|X/n − p| ≥ t) for X ~ Binomial(n, p): the tail Hoeffding bounds.
 *
 * Σ P(X = k) over the k with |k − np| ≥ nt, each term from `binomialLogPmf`. Each tail is summed
 * from its boundary outwards, largest terms first, and stops once the rest is provably below
 * 1e-17 of the sum: further out the ratio r of neighbouring terms only falls (the pmf is
 * log-concave), so the remainder is at most term·r/(1 − r). That keeps n = 10⁵ to a few thousand
 * terms. Boundary convention: k with |k/n − p| = t counts, with a relative slack of 1e-9 against
 * rounding (see BOUNDARY_REL_TOL); `coverageSimulation` uses the same rule. Terms below the
 * smallest double underflow to 0, so tails below ~1e-308 are reported as 0.
 *
 * Ranges: n an integer ≥ 1, p ∈ [0, 1] (0 or 1 give 0), t > 0; the result is in [0, 1].
 *
 * @throws RangeError if an argument is out of range or not finite.
 */
export function binomialTwoSidedTail(n: number, p: number, t: number): number {
  checkCount("n", n);
  checkProbability("p", p);
  checkPositive("t", t);
  if (p === 0 || p === 1) return 0;
  const centre = n * p;
  const threshold = deviationThreshold(n, t);
  // The ceil/floor guesses can sit one lattice point off after rounding; walk them onto the
  // first k that satisfies the same predicate the simulation uses.
  // Clamp the guesses to the support first, so a huge t cannot start a walk of 10¹⁶ steps.
  let high = Math.min(n + 1, Math.max(0, Math.ceil(centre + threshold)));
  while (high > 0 && high - 1 - centre >= threshold) high--;
  while (high <= n && high - centre < threshold) high++;
  let low = Math.max(-1, Math.min(n, Math.floor(centre - threshold)));
  while (low < n && centre - (low + 1) >= threshold) low++;
  while (low >= 0 && centre - low < threshold) low--;
  const pmf = binomialPmfEvaluator(n, p);
  const oddsUp = p / (1 - p);
  let upper = 0;
  for (let k = high; k <= n; k++) {
    const term = pmf(k);
    upper += term;
    const r = ((n - k) / (k + 1)) * oddsUp;
    if (term * r <= (1 - r) * upper * 1e-17) break;
  }
  let lower = 0;
  for (let k = low; k >= 0; k--) {
    const term = pmf(k);
    lower += term;
    const r = k / (n - k + 1) / oddsUp;
    if (term * r <= (1 - r) * lower * 1e-17) break;
  }
  return Math.min(1, upper + lower);
}

/** exp(binomialLogPmf(n, ·, p)) with the k-independent parts computed once; p ∈ (0, 1). */
function binomialPmfEvaluator(n: number, p: number): (k: number) => number {
  const logNFactorial = logGamma(n + 1);
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  return (k) =>
    Math.exp(logNFactorial - logGamma(k + 1) - logGamma(n - k + 1) + k * logP + (n - k) * logQ);
}

// ---------------------------------------------------------------------------------------------
// Sample paths and the coverage experiment

/**
 * The running mean of a sequence: out[i] = (x₀ + … + xᵢ)/(i + 1).
 *
 * The prefix sums are compensated (Neumaier), so for 0/1 samples out[i] is exactly the count
 * divided by i + 1, and long runs do not drift. An empty input gives an empty output.
 *
 * @throws RangeError if a sample is not finite (the message gives its index).
 */
export function runningMean(samples: ArrayLike<number>): Float64Array {
  const out = new Float64Array(samples.length);
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < samples.length; i++) {
    const x = samples[i];
    if (!Number.isFinite(x)) {
      throw new RangeError(`samples[${i}] = ${x} is not finite; the running mean needs numbers.`);
    }
    const next = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - next + x : x - next + sum;
    sum = next;
    out[i] = (sum + compensation) / (i + 1);
  }
  return out;
}

/** The setting of a coverage experiment. */
export interface CoverageOptions {
  /** Samples per trial, an integer ≥ 1. */
  readonly n: number;
  /** The true mean, in [0, 1]. */
  readonly p: number;
  /** The deviation that counts as a violation, > 0. */
  readonly t: number;
  /** Number of repetitions, an integer ≥ 1. */
  readonly trials: number;
  /** Any finite number; see `makeSource`. */
  readonly seed: number;
}

/**
 * A coverage experiment in progress, advanced by `coverageChunk`.
 *
 * It owns a seeded generator, so it is consumed as it runs: keep one state per experiment and
 * do not draw from `nextCount` yourself, or the result no longer matches the seed.
 */
export interface CoverageState {
  readonly n: number;
  readonly p: number;
  readonly t: number;
  readonly trials: number;
  /** Trials run so far, in [0, trials]. */
  done: number;
  /** Trials so far whose mean deviated from p by at least t. */
  violations: number;
  /** The seeded Binomial(n, p) generator behind the trials. */
  readonly nextCount: () => number;
}

/** The outcome of a coverage experiment, complete or in progress. */
export interface CoverageResult {
  /** Trials whose mean deviated from p by at least t. */
  readonly violations: number;
  /** Trials run so far. */
  readonly done: number;
  /** Trials asked for. */
  readonly trials: number;
  /** violations/done: the empirical P(|X̄ − p| ≥ t); 0 before any trial. */
  readonly empirical: number;
  /** Whether done = trials. */
  readonly finished: boolean;
}

/**
 * Starts a coverage experiment: `trials` repetitions of "draw n Bernoulli(p) samples and check
 * whether |X̄ − p| ≥ t".
 *
 * Each trial draws its success count from Binomial(n, p) directly — the same distribution as n
 * Bernoulli draws at a cost independent of n. Violations use the boundary rule of
 * `binomialTwoSidedTail`, so the empirical rate estimates exactly that probability.
 *
 * @throws RangeError if n, trials are not integers ≥ 1, p ∉ [0, 1], t ≤ 0, or seed not finite.
 */
export function coverageStart(options: CoverageOptions): CoverageState {
  const { n, p, t, trials, seed } = options;
  checkCount("trials", trials);
  checkPositive("t", t);
  return {
    n,
    p,
    t,
    trials,
    done: 0,
    violations: 0,
    nextCount: binomialSampler(makeSource(seed), n, p),
  };
}

/**
 * Runs up to `count` more trials of a coverage experiment, so a UI can spread the work across
 * frames and show progress (done/trials).
 *
 * Advances `state` in place and returns a snapshot. Splitting the trials into chunks of any
 * sizes gives exactly the result of one `coverageSimulation` with the same options.
 *
 * @throws RangeError if count is not an integer ≥ 1.
 */
export function coverageChunk(state: CoverageState, count: number): CoverageResult {
  checkCount("count", count);
  const { n, p, trials, nextCount } = state;
  const centre = n * p;
  const threshold = deviationThreshold(n, state.t);
  const end = Math.min(trials, state.done + count);
  let violations = state.violations;
  for (let i = state.done; i < end; i++) {
    if (Math.abs(nextCount() - centre) >= threshold) violations++;
  }
  state.violations = violations;
  state.done = end;
  return {
    violations,
    done: end,
    trials,
    empirical: end > 0 ? violations / end : 0,
    finished: end === trials,
  };
}

/**
 * Runs a whole coverage experiment: the empirical P(|X̄ − p| ≥ t) over `trials` seeded
 * repetitions of n Bernoulli(p) samples, to set against `hoeffdingBound`,
 * `binomialTwoSidedTail` and `cltTwoSidedTail`.
 *
 * About 1 µs per trial whatever n is (10⁵ trials at n = 10⁵ take ~0.1 s in Node); in a page,
 * use `coverageStart` and `coverageChunk` instead so no frame blocks.
 *
 * @throws RangeError as `coverageStart`.
 */
export function coverageSimulation(options: CoverageOptions): CoverageResult {
  const state = coverageStart(options);
  return coverageChunk(state, state.trials);
}

// ---------------------------------------------------------------------------------------------
// A biased test set (drill D2 of section 5)

/** The setting of a biased test set. */
export interface BiasedSampleOptions {
  /** Size of the test set that is evaluated, an integer ≥ 1. */
  readonly n: number;
  /** The model's true accuracy on the data distribution, in [0, 1]. */
  readonly accuracy: number;
  /** Extra copies of each correct prediction, ≥ 0 (fractional parts are probabilities). */
  readonly oversample: number;
  /** Any finite number; see `makeSource`. */
  readonly seed: number;
  /** Confidence parameter of the reported interval, in (0, 1); default 0.05. */
  readonly delta?: number;
}

/** A biased test set, summarised. */
export interface BiasedSample {
  /** Entries in the test set (= n). */
  readonly size: number;
  /** Distinct predictions drawn from the distribution before copying. */
  readonly distinct: number;
  /** Correct entries, copies included. */
  readonly correct: number;
  /** correct/size: what a person evaluating this test set would report. */
  readonly observedAccuracy: number;
  /** The Hoeffding interval that treats the size entries as i.i.d. */
  readonly interval: HoeffdingInterval;
  /** The accuracy the interval is meant to cover. */
  readonly trueAccuracy: number;
  /** a(1 + o)/(1 + a·o): where the observed accuracy concentrates as n grows. */
  readonly limitAccuracy: number;
  /** Whether the interval contains the true accuracy. */
  readonly covers: boolean;
}

/**
 * Builds a test set by oversampling correct predictions and reports the Hoeffding interval a
 * person would compute from it, which then misses the true accuracy.
 *
 * Construction: predictions are drawn i.i.d., each correct with probability a (a d3-random
 * Bernoulli on the seeded source). A wrong prediction enters the test set once; a correct one
 * enters 1 + ⌊o⌋ times, plus once more with probability o − ⌊o⌋. Drawing stops when the set
 * holds n entries (the last copies are cut off), so the interval has exactly the width of an
 * honest test set of size n: only its centre is wrong. The observed accuracy concentrates at
 * a(1 + o)/(1 + a·o) instead of a, because the entries are neither independent (copies) nor
 * drawn from the data distribution — the two assumptions of Hoeffding's inequality. With o = 0
 * the set is exactly n Bernoulli(a) draws, the same as `bernoulliSamples` with that seed.
 *
 * Ranges: n an integer ≥ 1, a ∈ [0, 1], o ≥ 0 and finite, δ ∈ (0, 1).
 *
 * @throws RangeError if an option is out of range or not finite.
 */
export function biasedSample(options: BiasedSampleOptions): BiasedSample {
  const { n, accuracy, oversample, seed, delta = 0.05 } = options;
  checkCount("n", n);
  checkProbability("accuracy", accuracy);
  if (!(Number.isFinite(oversample) && oversample >= 0)) {
    throw new RangeError(`oversample must be a finite number ≥ 0, got ${oversample}.`);
  }
  checkDelta(delta);
  const source = makeSource(seed);
  const isCorrect = randomBernoulli.source(source)(accuracy);
  const whole = Math.floor(oversample);
  const fraction = oversample - whole;
  let size = 0;
  let distinct = 0;
  let correct = 0;
  while (size < n) {
    distinct++;
    if (isCorrect() === 1) {
      // The extra uniform is drawn only when needed, so o = 0 leaves the Bernoulli stream intact.
      const copies = 1 + whole + (fraction > 0 && source() < fraction ? 1 : 0);
      const kept = Math.min(copies, n - size);
      correct += kept;
      size += kept;
    } else {
      size++;
    }
  }
  const observedAccuracy = correct / n;
  const interval = hoeffdingInterval(observedAccuracy, n, delta);
  return {
    size: n,
    distinct,
    correct,
    observedAccuracy,
    interval,
    trueAccuracy: accuracy,
    limitAccuracy: (accuracy * (1 + oversample)) / (1 + accuracy * oversample),
    covers: interval.low <= accuracy && accuracy <= interval.high,
  };
}

// ---------------------------------------------------------------------------------------------
// PAC

/**
 * The finite-class generalisation bound: with probability at least 1 − δ, every h in a class
 * of |H| hypotheses has |train error − test error| ≤ √((ln|H| + ln(2/δ))/(2n)).
 *
 * Hoeffding for one hypothesis at confidence δ/|H|, then a union bound over H; so it equals
 * `hoeffdingHalfWidth(n, δ/|H|)`, and `hoeffdingHalfWidth(n, δ)` when |H| = 1. Losses in [0, 1].
 *
 * Ranges: logH = ln|H| ≥ 0 (natural log), n ≥ 1, δ ∈ (0, 1).
 *
 * @throws RangeError if an argument is out of range or not finite.
 */
export function pacBound(logH: number, n: number, delta: number): number {
  if (!(Number.isFinite(logH) && logH >= 0)) {
    throw new RangeError(`logH = ln|H| must be a finite number ≥ 0 (|H| ≥ 1), got ${logH}.`);
  }
  checkSampleSize(n);
  checkDelta(delta);
  return Math.sqrt((logH + (Math.LN2 - Math.log(delta))) / (2 * n));
}

// ---------------------------------------------------------------------------------------------
// Validation

function checkSampleSize(n: number): void {
  if (!(Number.isFinite(n) && n >= 1)) {
    throw new RangeError(`n must be a finite sample size ≥ 1, got ${n}.`);
  }
}

function checkCount(name: string, n: number): void {
  if (!(Number.isInteger(n) && n >= 1)) {
    throw new RangeError(`${name} must be an integer ≥ 1, got ${n}.`);
  }
}

function checkDelta(delta: number): void {
  if (!(delta > 0 && delta < 1)) {
    throw new RangeError(`delta must be in (0, 1), e.g. 0.05 for 95% confidence; got ${delta}.`);
  }
}

function checkPositive(name: string, x: number): void {
  if (!(Number.isFinite(x) && x > 0)) {
    throw new RangeError(`${name} must be a finite number > 0, got ${x}.`);
  }
}

function checkRange(range: number): void {
  if (!(Number.isFinite(range) && range > 0)) {
    throw new RangeError(`range = b − a must be a finite number > 0, got ${range}.`);
  }
}

function checkProbability(name: string, p: number): void {
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`${name} must be in [0, 1], got ${p}.`);
  }
}
