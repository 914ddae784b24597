// Probability and statistics: the four distributions, Bayes' rule for screening tests, sums of
// dependent variables, maximum likelihood, and covariance versus dependence. Every random function
// takes a uniform source on [0, 1) (d3-random's randomLcg(seed)), so a seed reproduces a demo.
// Undefined quantities are null with a reason; no NaN or ±Infinity leaves this module.

import {
  randomBernoulli,
  randomBinomial,
  randomNormal,
  randomPoisson,
  randomUniform,
} from "d3-random";

// A uniform generator on [0, 1), such as d3-random's randomLcg(seed) or random.ts's makeSource.
type Source = () => number;

/** A number, or null with the reason it is undefined (never NaN or ±Infinity). */
export type MaybeNumber =
  | { readonly value: number; readonly reason: null }
  | { readonly value: null; readonly reason: string };

const defined = (value: number): MaybeNumber => ({ value, reason: null });
const undefinedBecause = (reason: string): MaybeNumber => ({ value: null, reason });

const LN_2PI = Math.log(2 * Math.PI);

// ---------------------------------------------------------------------------------------------
// Validation

function requireFinite(name: string, x: number): void {
  if (!Number.isFinite(x)) throw new RangeError(`${name} must be a finite number; got ${x}.`);
}

function requireProbability(name: string, p: number): void {
  if (!Number.isFinite(p) || p < 0 || p > 1) {
    throw new RangeError(`${name} must be a probability in [0, 1]; got ${p}.`);
  }
}

function requireInteger(name: string, k: number, min: number, max: number): void {
  if (!Number.isInteger(k) || k < min || k > max) {
    throw new RangeError(`${name} must be an integer in [${min}, ${max}]; got ${k}.`);
  }
}

function requireInRange(name: string, x: number, min: number, max: number): void {
  if (!Number.isFinite(x) || x < min || x > max) {
    throw new RangeError(`${name} must be in [${min}, ${max}]; got ${x}.`);
  }
}

function requireFiniteEntries(name: string, xs: ArrayLike<number>, count: number): void {
  for (let i = 0; i < count; i++) {
    if (!Number.isFinite(xs[i])) {
      throw new RangeError(`${name}[${i}] must be a finite number; got ${xs[i]}.`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Log-gamma and the saddle-point pieces of the discrete pmfs

const LOG_GAMMA_MAX = 1e300;

/**
 * Natural log of the gamma function, ln Γ(x), for real x > 0.
 *
 * Formula: the Stirling series ln Γ(z) = (z − ½) ln z − z + ½ ln 2π + Σₖ B₂ₖ / (2k(2k−1) z²ᵏ⁻¹)
 * (terms to k = 6) for z ≥ 10, and Γ(x) = Γ(x + m) / (x (x+1) … (x+m−1)) to shift smaller x up.
 * Integers up to 23 use the exact factorial. Error: about 1e-15 relative for x ≥ 10, and below
 * ~5e-15 absolute under 10 (the shift subtracts two numbers near ln Γ(10) ≈ 12.8).
 * Range: 0 < x ≤ 1e300 (beyond, the result overflows).
 * @throws RangeError if x is not finite, x ≤ 0 or x > 1e300.
 */
export function logGamma(x: number): number {
  if (!Number.isFinite(x) || x <= 0 || x > LOG_GAMMA_MAX) {
    throw new RangeError(`logGamma needs a finite x in (0, ${LOG_GAMMA_MAX}]; got ${x}.`);
  }
  // Small integers: (x − 1)! is exact in a double up to 22!, so ln Γ(1) = ln Γ(2) = 0 exactly.
  if (Number.isInteger(x) && x <= 23) {
    let factorial = 1;
    for (let i = 2; i < x; i++) factorial *= i;
    return Math.log(factorial);
  }
  let z = x;
  // A tiny x is logged on its own: multiplying it into the product could lose it to underflow.
  let logPrefix = 0;
  if (z < 1) {
    logPrefix = Math.log(z);
    z += 1;
  }
  let product = 1;
  while (z < 10) {
    product *= z;
    z += 1;
  }
  return stirlingLogGamma(z) - logPrefix - Math.log(product);
}

function stirlingLogGamma(z: number): number {
  const r = 1 / z;
  const r2 = r * r;
  // Horner form of 1/(12z) − 1/(360z³) + 1/(1260z⁵) − 1/(1680z⁷) + 1/(1188z⁹) − 691/(360360z¹¹).
  const series =
    r *
    (1 / 12 +
      r2 *
        (-1 / 360 + r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360))))));
  return (z - 0.5) * Math.log(z) - z + 0.5 * LN_2PI + series;
}

// δ(n) = ln n! − [(n + ½) ln n − n + ½ ln 2π], the error of Stirling's formula, for integers n ≥ 1.
// Loader's pmfs add these small terms instead of subtracting huge log-factorials, which keeps
// full relative precision for n in the millions.
function stirlingError(n: number): number {
  if (n <= 15) return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - 0.5 * LN_2PI;
  const r = 1 / n;
  const r2 = r * r;
  return r * (1 / 12 + r2 * (-1 / 360 + r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188)))));
}

// The deviance term x ln(x/m) + m − x ≥ 0. When x ≈ m the direct form cancels catastrophically,
// so it is summed as the series 2x Σ v^(2j+1)/(2j+1) − (x − m)·… with v = (x − m)/(x + m).
function devianceTerm(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const next = s + ej / (2 * j + 1);
      if (next === s) return next;
      s = next;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

// ln P(K = k) for Binomial(n, p), or null where the probability is exactly 0 (ln 0 = −∞).
function binomialLogPmf(k: number, n: number, p: number): number | null {
  if (!Number.isInteger(k) || k < 0 || k > n) return null;
  if (p === 0) return k === 0 ? 0 : null;
  if (p === 1) return k === n ? 0 : null;
  if (k === 0) return n * Math.log1p(-p);
  if (k === n) return n * Math.log(p);
  const q = 1 - p;
  const lc =
    stirlingError(n) -
    stirlingError(k) -
    stirlingError(n - k) -
    devianceTerm(k, n * p) -
    devianceTerm(n - k, n * q);
  const lf = LN_2PI + Math.log(k) + Math.log1p(-k / n);
  return lc - 0.5 * lf;
}

// ln P(K = k) for Poisson(λ), or null where the probability is exactly 0.
function poissonLogPmf(k: number, lambda: number): number | null {
  if (!Number.isInteger(k) || k < 0) return null;
  if (lambda === 0) return k === 0 ? 0 : null;
  if (k === 0) return -lambda;
  return -stirlingError(k) - devianceTerm(k, lambda) - 0.5 * (LN_2PI + Math.log(k));
}

// ---------------------------------------------------------------------------------------------
// Distributions

/** Bernoulli(p): 1 with probability p, else 0. */
export type Bernoulli = { readonly dist: "bernoulli"; readonly p: number };
/** Binomial(n, p): the number of successes in n independent Bernoulli(p) trials. */
export type Binomial = { readonly dist: "binomial"; readonly n: number; readonly p: number };
/** Gaussian 𝒩(μ, σ²), parameterised by the standard deviation σ; σ = 0 is a point mass at μ. */
export type Gaussian = { readonly dist: "gaussian"; readonly mu: number; readonly sigma: number };
/** Poisson(λ): counts of a rate-λ process; λ = 0 is a point mass at 0. */
export type Poisson = { readonly dist: "poisson"; readonly lambda: number };
/** The distributions with a probability mass function. */
export type DiscreteDistribution = Bernoulli | Binomial | Poisson;
/** The four distributions of the `distributions` scene, discriminated by `dist`. */
export type Distribution = DiscreteDistribution | Gaussian;

/** Largest n (Binomial) and λ (Poisson): the plotting range is found by walking over ~12σ. */
export const MAX_COUNT_PARAMETER = 1e7;
/** Largest |μ| and σ of a Gaussian, so that σ², μ ± 5σ and densities stay finite. */
export const MAX_GAUSSIAN_PARAMETER = 1e150;

/**
 * Checks a distribution's parameters.
 *
 * Ranges: p ∈ [0, 1]; n an integer in [0, 1e7]; μ finite with |μ| ≤ 1e150; σ ∈ [0, 1e150];
 * λ ∈ [0, 1e7].
 * @throws RangeError naming the offending parameter and its allowed range.
 */
export function validateDistribution(d: Distribution): void {
  switch (d.dist) {
    case "bernoulli":
      requireProbability("Bernoulli p", d.p);
      return;
    case "binomial":
      requireInteger("Binomial n", d.n, 0, MAX_COUNT_PARAMETER);
      requireProbability("Binomial p", d.p);
      return;
    case "gaussian":
      requireInRange("Gaussian mu", d.mu, -MAX_GAUSSIAN_PARAMETER, MAX_GAUSSIAN_PARAMETER);
      requireInRange("Gaussian sigma", d.sigma, 0, MAX_GAUSSIAN_PARAMETER);
      return;
    case "poisson":
      requireInRange("Poisson lambda", d.lambda, 0, MAX_COUNT_PARAMETER);
      return;
    default:
      throw new RangeError(
        `Unknown distribution ${JSON.stringify((d as { dist?: unknown }).dist)}: ` +
          `use bernoulli, binomial, gaussian or poisson.`,
      );
  }
}

/**
 * Bernoulli(p): P(1) = p, P(0) = 1 − p.
 * @throws RangeError if p is not in [0, 1].
 */
export function bernoulli(p: number): Bernoulli {
  const d: Bernoulli = { dist: "bernoulli", p };
  validateDistribution(d);
  return d;
}

/**
 * Binomial(n, p): P(k) = C(n, k) pᵏ (1 − p)ⁿ⁻ᵏ for k = 0 … n.
 * @throws RangeError if n is not an integer in [0, 1e7] or p is not in [0, 1].
 */
export function binomial(n: number, p: number): Binomial {
  const d: Binomial = { dist: "binomial", n, p };
  validateDistribution(d);
  return d;
}

/**
 * Gaussian 𝒩(μ, σ²) with density (2πσ²)^(−½) exp(−(x − μ)² / (2σ²)); σ = 0 is a point mass.
 * @throws RangeError if μ or σ is not finite, σ < 0, or either exceeds 1e150 in magnitude.
 */
export function gaussian(mu: number, sigma: number): Gaussian {
  const d: Gaussian = { dist: "gaussian", mu, sigma };
  validateDistribution(d);
  return d;
}

/**
 * Poisson(λ): P(k) = e^(−λ) λᵏ / k! for k = 0, 1, …; λ = 0 is a point mass at 0.
 * @throws RangeError if λ is not in [0, 1e7].
 */
export function poisson(lambda: number): Poisson {
  const d: Poisson = { dist: "poisson", lambda };
  validateDistribution(d);
  return d;
}

function logPmfUnchecked(d: DiscreteDistribution, k: number): number | null {
  switch (d.dist) {
    case "bernoulli":
      return binomialLogPmf(k, 1, d.p);
    case "binomial":
      return binomialLogPmf(k, d.n, d.p);
    case "poisson":
      return poissonLogPmf(k, d.lambda);
  }
}

function pmfUnchecked(d: DiscreteDistribution, k: number): number {
  if (d.dist === "bernoulli") {
    // Exact, rather than exp(log(p)), so that P(0) + P(1) = 1 to the last bit.
    if (k === 1) return d.p;
    if (k === 0) return 1 - d.p;
    return 0;
  }
  const logP = logPmfUnchecked(d, k);
  return logP === null ? 0 : Math.exp(logP);
}

/**
 * Probability mass P(X = k) of a Bernoulli, Binomial or Poisson distribution.
 *
 * Formula: Bernoulli p^k (1−p)^(1−k); Binomial C(n,k) pᵏ(1−p)ⁿ⁻ᵏ; Poisson e^(−λ)λᵏ/k!.
 * Evaluated in log space with Loader's saddle-point form (Stirling-error and deviance terms,
 * C. Loader 2000), so the relative error stays near 1e-11 or better for n and λ up to 1e7, and
 * a value underflows to 0 only far in the tails. Returns 0 off the support (negative, non-integer or above n). Point masses: p = 0 or 1
 * and λ = 0 put probability 1 on a single k.
 * @throws RangeError if k is not finite or the distribution is invalid.
 */
export function pmf(d: DiscreteDistribution, k: number): number {
  validateDistribution(d);
  requireFinite("k", k);
  return pmfUnchecked(d, k);
}

/** A density value, or a flag that the Gaussian is a point mass (σ = 0) and has no density. */
export type Density =
  | { readonly pointMass: false; readonly value: number }
  | {
      readonly pointMass: true;
      readonly value: null;
      readonly at: number;
      readonly reason: string;
    };

/**
 * Gaussian probability density at x.
 *
 * Formula: p(x) = exp(−z²/2 − ln σ − ½ ln 2π) with z = (x − μ)/σ, computed in log space so a
 * small σ never produces 0/0. σ = 0 is a point mass at μ: the density is undefined and the result
 * is flagged `pointMass` with value null. A σ so small (below ~1e-308) that the peak density
 * would overflow is flagged the same way.
 * @throws RangeError if x is not finite or the distribution is invalid.
 */
export function pdf(d: Gaussian, x: number): Density {
  validateDistribution(d);
  requireFinite("x", x);
  const pointMass = (reason: string): Density => ({
    pointMass: true,
    value: null,
    at: d.mu,
    reason,
  });
  if (d.sigma === 0) return pointMass("σ = 0: a point mass at μ has no density");
  const z = (x - d.mu) / d.sigma;
  const value = Math.exp(-0.5 * z * z - Math.log(d.sigma) - 0.5 * LN_2PI);
  if (!Number.isFinite(value)) {
    return pointMass("σ is too small for its density to be represented: treat it as a point mass");
  }
  return { pointMass: false, value };
}

/**
 * Closed-form mean E[X].
 *
 * Formula: Bernoulli p; Binomial np; Gaussian μ; Poisson λ.
 * @throws RangeError if the distribution is invalid.
 */
export function mean(d: Distribution): number {
  validateDistribution(d);
  switch (d.dist) {
    case "bernoulli":
      return d.p;
    case "binomial":
      return d.n * d.p;
    case "gaussian":
      return d.mu;
    case "poisson":
      return d.lambda;
  }
}

/**
 * Closed-form variance Var(X) = E[(X − E[X])²].
 *
 * Formula: Bernoulli p(1−p); Binomial np(1−p); Gaussian σ²; Poisson λ.
 * @throws RangeError if the distribution is invalid.
 */
export function variance(d: Distribution): number {
  validateDistribution(d);
  switch (d.dist) {
    case "bernoulli":
      return d.p * (1 - d.p);
    case "binomial":
      return d.n * d.p * (1 - d.p);
    case "gaussian":
      return d.sigma * d.sigma;
    case "poisson":
      return d.lambda;
  }
}

/** Mass the discrete plotting range must cover. */
export const SUPPORT_MASS = 1 - 1e-9;

/**
 * A plotting range: integers lo … hi (inclusive) holding `mass`, an interval, or a single point.
 */
export type Support =
  | { readonly kind: "discrete"; readonly lo: number; readonly hi: number; readonly mass: number }
  | { readonly kind: "continuous"; readonly lo: number; readonly hi: number }
  | { readonly kind: "point"; readonly at: number };

/**
 * The range to plot a distribution over.
 *
 * Discrete: the shortest run of integers lo … hi around the mode whose pmf sums to at least
 * 1 − 1e-9 (grown one integer at a time towards the heavier neighbour; `mass` is the computed
 * sum). A point mass (p = 0 or 1, λ = 0, n = 0) gives lo = hi. Gaussian: μ ± 5σ (mass
 * 1 − 5.7e-7), or `{ kind: "point", at: μ }` when σ = 0 or too small to separate the ends.
 * @throws RangeError if the distribution is invalid.
 */
export function support(d: Distribution): Support {
  validateDistribution(d);
  if (d.dist === "gaussian") {
    const lo = d.mu - 5 * d.sigma;
    const hi = d.mu + 5 * d.sigma;
    return lo < hi ? { kind: "continuous", lo, hi } : { kind: "point", at: d.mu };
  }
  let mode: number;
  let max: number;
  if (d.dist === "poisson") {
    mode = Math.floor(d.lambda);
    max = Number.MAX_SAFE_INTEGER;
  } else {
    const n = d.dist === "bernoulli" ? 1 : d.n;
    mode = Math.min(n, Math.floor((n + 1) * d.p));
    max = n;
  }
  let lo = mode;
  let hi = mode;
  let mass = pmfUnchecked(d, mode);
  while (mass < SUPPORT_MASS) {
    const left = lo > 0 ? pmfUnchecked(d, lo - 1) : -1;
    const right = hi < max ? pmfUnchecked(d, hi + 1) : -1;
    // Both neighbours at (or past) zero: nothing left to add, so stop rather than walk forever.
    if (left <= 0 && right <= 0) break;
    if (left >= right) {
      lo -= 1;
      mass += left;
    } else {
      hi += 1;
      mass += right;
    }
  }
  return { kind: "discrete", lo, hi, mass: Math.min(1, mass) };
}

/** Largest number of samples drawn in one call. */
export const MAX_SAMPLES = 1e7;

/**
 * Draws `count` independent samples from a distribution with a seeded uniform source.
 *
 * Uses d3-random's randomBernoulli, randomBinomial, randomNormal and randomPoisson, each
 * `.source(source)`, so the same source state gives the same samples. λ = 0 returns zeros
 * without drawing (d3's Poisson sampler can return 1 when the source yields exactly 0).
 * Range: count an integer in [0, 1e7].
 * @throws RangeError if the distribution or count is invalid.
 */
export function sampleDistribution(d: Distribution, source: Source, count: number): Float64Array {
  validateDistribution(d);
  requireInteger("count", count, 0, MAX_SAMPLES);
  const out = new Float64Array(count);
  let draw: () => number;
  switch (d.dist) {
    case "bernoulli":
      draw = randomBernoulli.source(source)(d.p);
      break;
    case "binomial":
      draw = randomBinomial.source(source)(d.n, d.p);
      break;
    case "gaussian":
      draw = randomNormal.source(source)(d.mu, d.sigma);
      break;
    case "poisson":
      if (d.lambda === 0) return out;
      draw = randomPoisson.source(source)(d.lambda);
      break;
  }
  for (let i = 0; i < count; i++) out[i] = draw();
  return out;
}

// ---------------------------------------------------------------------------------------------
// Histograms and running moments

/** Equal-width bins over [lo, hi]: `count` bins of width (hi − lo)/count. */
export type Bins = { readonly lo: number; readonly hi: number; readonly count: number };

/** Largest number of bins. */
export const MAX_BINS = 100_000;

function validateBins(bins: Bins): void {
  if (!Number.isFinite(bins.lo) || !Number.isFinite(bins.hi) || !(bins.lo < bins.hi)) {
    throw new RangeError(`bins need finite lo < hi; got lo = ${bins.lo}, hi = ${bins.hi}.`);
  }
  requireInteger("bins.count", bins.count, 1, MAX_BINS);
  const width = (bins.hi - bins.lo) / bins.count;
  if (!Number.isFinite(width) || width < 1e-300) {
    throw new RangeError(
      `bin width (hi − lo)/count = ${width} is out of range: keep it in [1e-300, 1e308].`,
    );
  }
}

function binIndex(x: number, bins: Bins): number {
  if (x < bins.lo || x > bins.hi) return -1;
  // The right edge belongs to the last bin, so [lo, hi] is covered exactly once.
  const i = Math.floor(((x - bins.lo) / (bins.hi - bins.lo)) * bins.count);
  return Math.min(i, bins.count - 1);
}

/**
 * Bins centred on the integers lo … hi, for histograms of discrete samples.
 *
 * Formula: edges at k ± ½, so each bin has width 1 and its density equals the relative
 * frequency of its integer, directly comparable with the pmf.
 * @throws RangeError if lo, hi are not integers with lo ≤ hi, or span more than 100 000 bins.
 */
export function integerBins(lo: number, hi: number): Bins {
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || lo > hi) {
    throw new RangeError(`integerBins needs integers lo ≤ hi; got lo = ${lo}, hi = ${hi}.`);
  }
  requireInteger("number of integer bins", hi - lo + 1, 1, MAX_BINS);
  return { lo: lo - 0.5, hi: hi + 0.5, count: hi - lo + 1 };
}

/** Counts per bin; `density` integrates to the fraction of samples inside [lo, hi]. */
export type Histogram = {
  readonly edges: readonly number[];
  readonly counts: readonly number[];
  /** counts / (total · width), or null when there are no samples. */
  readonly density: readonly number[] | null;
  readonly total: number;
  readonly below: number;
  readonly above: number;
};

/**
 * Histogram of samples over equal-width bins.
 *
 * Formula: bin i holds lo + i·w ≤ x < lo + (i+1)·w with w = (hi − lo)/count; the last bin also
 * holds x = hi. Samples outside [lo, hi] are counted in `below`/`above`, and `total` includes
 * them. density[i] = counts[i] / (total · w). To histogram a running prefix, pass
 * `samples.subarray(0, count)`.
 * @throws RangeError if a sample is not finite or the bins are invalid.
 */
export function histogram(samples: ArrayLike<number>, bins: Bins): Histogram {
  validateBins(bins);
  const total = samples.length;
  requireFiniteEntries("samples", samples, total);
  const counts = new Array<number>(bins.count).fill(0);
  let below = 0;
  let above = 0;
  for (let j = 0; j < total; j++) {
    const x = samples[j];
    if (x < bins.lo) below++;
    else if (x > bins.hi) above++;
    else counts[binIndex(x, bins)]++;
  }
  const width = (bins.hi - bins.lo) / bins.count;
  const edges = Array.from({ length: bins.count + 1 }, (_, i) =>
    i === bins.count ? bins.hi : bins.lo + i * width,
  );
  const density = total === 0 ? null : counts.map((c) => c / (total * width));
  return { edges, counts, density, total, below, above };
}

/** Sample mean and unbiased variance of a prefix; null (with reason) where undefined. */
export type SampleMoments = {
  readonly count: number;
  readonly mean: number | null;
  readonly variance: number | null;
  readonly reason: string | null;
};

/**
 * Sample mean and unbiased sample variance of the first `count` samples.
 *
 * Formula: x̄ = (1/m) Σ xᵢ, s² = (1/(m − 1)) Σ (xᵢ − x̄)², accumulated by Welford's update (one
 * pass, no cancellation). m = 0: mean and variance null; m = 1: variance null; both null if
 * the sums overflow (values near 1e308).
 * Range: count an integer in [0, samples.length] (default: all).
 * @throws RangeError if count is out of range or a used sample is not finite.
 */
export function sampleMoments(
  samples: ArrayLike<number>,
  count: number = samples.length,
): SampleMoments {
  requireInteger("count", count, 0, samples.length);
  requireFiniteEntries("samples", samples, count);
  if (count === 0) return { count, mean: null, variance: null, reason: "no samples yet" };
  let m = 0;
  let m2 = 0;
  for (let i = 0; i < count; i++) {
    const delta = samples[i] - m;
    m += delta / (i + 1);
    m2 += delta * (samples[i] - m);
  }
  if (count === 1) {
    return {
      count,
      mean: m,
      variance: null,
      reason: "the sample variance needs at least 2 samples",
    };
  }
  const v = m2 / (count - 1);
  if (!Number.isFinite(m) || !Number.isFinite(v)) {
    return { count, mean: null, variance: null, reason: "the samples overflow: rescale them" };
  }
  return { count, mean: m, variance: v, reason: null };
}

// ---------------------------------------------------------------------------------------------
// Bayes' rule for a screening test

/** Prevalence P(D), sensitivity P(+|D) and specificity P(−|¬D), each in [0, 1]. */
export type ScreeningRates = {
  readonly prevalence: number;
  readonly sensitivity: number;
  readonly specificity: number;
};

/** The Bayes quantities of a screening test; null fields carry a reason. */
export type BayesResult = {
  /** P(+) = sens·prev + (1 − spec)(1 − prev). */
  readonly pPositive: number;
  /** P(−) = (1 − sens)·prev + spec·(1 − prev). */
  readonly pNegative: number;
  /** P(D|+), null when P(+) = 0. */
  readonly posterior: number | null;
  readonly posteriorReason: string | null;
  /** Negative predictive value P(¬D|−), null when P(−) = 0. */
  readonly npv: number | null;
  /** False omission rate P(D|−) = 1 − npv, null when P(−) = 0. */
  readonly falseOmission: number | null;
  readonly npvReason: string | null;
};

function validateRates(rates: ScreeningRates): void {
  requireProbability("prevalence", rates.prevalence);
  requireProbability("sensitivity", rates.sensitivity);
  requireProbability("specificity", rates.specificity);
}

/**
 * Bayes' rule for a screening test: P(D|+), P(¬D|−) and the test's marginals.
 *
 * Formula: P(D|+) = sens·prev / P(+), P(+) = sens·prev + (1 − spec)(1 − prev);
 * P(¬D|−) = spec·(1 − prev) / P(−), P(−) = (1 − sens)·prev + spec·(1 − prev).
 * P(−) is summed from its own terms, not taken as 1 − P(+), so a tiny P(−) keeps its digits.
 * P(+) = 0 (e.g. sensitivity 0 and specificity 1) leaves the posterior null with reason
 * "the test is never positive"; P(−) = 0 leaves npv and falseOmission null.
 * @throws RangeError if a rate is not in [0, 1].
 */
export function bayesPosterior(rates: ScreeningRates): BayesResult {
  validateRates(rates);
  const { prevalence: prev, sensitivity: sens, specificity: spec } = rates;
  const truePos = sens * prev;
  const falsePos = (1 - spec) * (1 - prev);
  const falseNeg = (1 - sens) * prev;
  const trueNeg = spec * (1 - prev);
  const pPositive = truePos + falsePos;
  const pNegative = falseNeg + trueNeg;
  const positiveDefined = pPositive > 0;
  const negativeDefined = pNegative > 0;
  return {
    pPositive,
    pNegative,
    posterior: positiveDefined ? truePos / pPositive : null,
    posteriorReason: positiveDefined ? null : "the test is never positive",
    npv: negativeDefined ? trueNeg / pNegative : null,
    falseOmission: negativeDefined ? falseNeg / pNegative : null,
    npvReason: negativeDefined ? null : "the test is never negative",
  };
}

/** Integer counts of the four outcomes in a population. */
export type ScreeningCounts = {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly trueNegatives: number;
};

/** Largest population for counting and simulation. */
export const MAX_POPULATION = 1e7;

/**
 * Expected outcome counts in a population, rounded to integers that sum to the population.
 *
 * Formula: expected TP = N·prev·sens, FP = N(1 − prev)(1 − spec), FN = N·prev(1 − sens),
 * TN = N(1 − prev)·spec. Rounding is largest-remainder (Hamilton): floor all four, then give the
 * remaining units one each to the cells with the largest fractional parts, ties in the order
 * TP, FP, FN, TN. Each count is within 1 of its expectation and the four sum to N exactly.
 * Range: population an integer in [0, 1e7].
 * @throws RangeError if the population or a rate is invalid.
 */
export function screeningCounts(population: number, rates: ScreeningRates): ScreeningCounts {
  requireInteger("population", population, 0, MAX_POPULATION);
  validateRates(rates);
  const { prevalence: prev, sensitivity: sens, specificity: spec } = rates;
  const expected = [
    population * prev * sens,
    population * (1 - prev) * (1 - spec),
    population * prev * (1 - sens),
    population * (1 - prev) * spec,
  ];
  const counts = expected.map(Math.floor);
  let left = population - counts.reduce((a, b) => a + b, 0);
  const order = [0, 1, 2, 3].sort(
    (a, b) => expected[b] - counts[b] - (expected[a] - counts[a]) || a - b,
  );
  // The floors sum to an integer no larger than N·(1 + a few ε) < N + 1, so `left` is never
  // negative; it is below 4 (four fractional parts), and the wrap only guards rounding.
  for (let i = 0; left > 0; i++, left--) counts[order[i % 4]]++;
  return {
    truePositives: counts[0],
    falsePositives: counts[1],
    falseNegatives: counts[2],
    trueNegatives: counts[3],
  };
}

/** The posterior after one positive test and after a second, independent positive test. */
export type RetestResult = {
  readonly firstPosterior: number | null;
  readonly posterior: number | null;
  readonly reason: string | null;
};

/**
 * Posterior P(D | +, +) after a second positive test, independent given disease status.
 *
 * Formula: apply Bayes' rule twice, the first posterior becoming the second prior; equivalently
 * posterior odds = prior odds · (sens / (1 − spec))². Null with the first test's reason when the
 * test is never positive.
 * @throws RangeError if a rate is not in [0, 1].
 */
export function retest(rates: ScreeningRates): RetestResult {
  const first = bayesPosterior(rates);
  if (first.posterior === null) {
    return { firstPosterior: null, posterior: null, reason: first.posteriorReason };
  }
  const second = bayesPosterior({ ...rates, prevalence: first.posterior });
  return {
    firstPosterior: first.posterior,
    posterior: second.posterior,
    reason: second.posteriorReason,
  };
}

/** Counts from a simulated population, plus a second test for everyone positive the first time. */
export type SimulatedScreening = ScreeningCounts & {
  /** People positive on both tests. */
  readonly positiveTwice: number;
  /** Diseased people positive on both tests. */
  readonly diseasedPositiveTwice: number;
};

/**
 * Simulates a screened population person by person with a seeded source.
 *
 * Each person is diseased when u < prevalence; a diseased person tests positive when
 * u < sensitivity, a healthy one tests negative when u < specificity (a fresh u each time).
 * Everyone positive takes a second test, independent given status, for `positiveTwice`.
 * TP/(TP + FP) estimates P(D|+) and diseasedPositiveTwice/positiveTwice estimates P(D|+,+).
 * Range: population an integer in [0, 1e7].
 * @throws RangeError if the population or a rate is invalid.
 */
export function simulatePopulation(
  source: Source,
  population: number,
  rates: ScreeningRates,
): SimulatedScreening {
  requireInteger("population", population, 0, MAX_POPULATION);
  validateRates(rates);
  const { prevalence, sensitivity, specificity } = rates;
  const testsPositive = (diseased: boolean) =>
    diseased ? source() < sensitivity : !(source() < specificity);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  let positiveTwice = 0;
  let diseasedPositiveTwice = 0;
  for (let i = 0; i < population; i++) {
    const diseased = source() < prevalence;
    if (testsPositive(diseased)) {
      if (diseased) tp++;
      else fp++;
      if (testsPositive(diseased)) {
        positiveTwice++;
        if (diseased) diseasedPositiveTwice++;
      }
    } else if (diseased) fn++;
    else tn++;
  }
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    positiveTwice,
    diseasedPositiveTwice,
  };
}

// ---------------------------------------------------------------------------------------------
// Expectation and variance of sums

/**
 * A sum S = X₁ + … + Xₙ of identically distributed summands, each Bernoulli(p) or a fair die.
 *
 * `dependence` ρ ∈ [−1, 1] couples them through shared uniforms, Xᵢ = F⁻¹(Uᵢ):
 * - ρ ≥ 0 (copies): per trial, with probability ρ all summands share one U (n identical
 *   copies), otherwise all n are independent. Every pair has correlation ρ.
 * - ρ < 0 (anti-correlated pairs): summands (1,2), (3,4), … form pairs; independently per
 *   pair, with probability |ρ| the pair is antithetic (U, 1 − U), otherwise independent. Pairs
 *   are independent of each other and an odd last summand is independent.
 * ρ = 0 is independence, ρ = 1 full copies, ρ = −1 all pairs antithetic (X, 1 − X when
 * Bernoulli(½); D, 7 − D for dice).
 */
export type SumParams = {
  readonly mode: "bernoulli" | "dice";
  readonly n: number;
  /** Success probability of each Bernoulli summand; ignored for dice. */
  readonly p: number;
  readonly dependence: number;
};

/** Closed-form moments of the sum; `varianceIfIndependent` is what "variances add" predicts. */
export type SumTheory = {
  readonly mean: number;
  readonly variance: number;
  readonly summandMean: number;
  readonly summandVariance: number;
  readonly varianceIfIndependent: number;
  /** Covariance of each dependent pair of summands. */
  readonly pairCovariance: number;
  /** Number of unordered pairs {i, j} with that covariance; all other pairs are uncorrelated. */
  readonly dependentPairs: number;
};

/** Largest number of summands. */
export const MAX_SUMMANDS = 100_000;

type Summand = {
  readonly faces: readonly number[];
  readonly weights: readonly number[];
  /** Right ends of the quantile steps: F⁻¹(u) = faces[i] for cumulative[i−1] ≤ u < cumulative[i]. */
  readonly cumulative: readonly number[];
};

function validateSumParams(params: SumParams): void {
  if (params.mode !== "bernoulli" && params.mode !== "dice") {
    throw new RangeError(`mode must be "bernoulli" or "dice"; got ${JSON.stringify(params.mode)}.`);
  }
  requireInteger("n", params.n, 1, MAX_SUMMANDS);
  if (params.mode === "bernoulli") requireProbability("p", params.p);
  requireInRange("dependence", params.dependence, -1, 1);
}

function summandOf(params: SumParams): Summand {
  const table =
    params.mode === "dice"
      ? [1, 2, 3, 4, 5, 6].map((face) => [face, 1 / 6])
      : [
          [0, 1 - params.p],
          [1, params.p],
        ];
  // Faces of zero weight are dropped so the quantile function can never return them.
  const kept = table.filter(([, w]) => w > 0);
  const faces = kept.map(([f]) => f);
  const weights = kept.map(([, w]) => w);
  let running = 0;
  const cumulative = weights.map((w) => (running += w));
  cumulative[cumulative.length - 1] = 1;
  return { faces, weights, cumulative };
}

function quantile(s: Summand, u: number): number {
  for (let i = 0; i < s.cumulative.length; i++) if (u < s.cumulative[i]) return s.faces[i];
  return s.faces[s.faces.length - 1];
}

function summandMoments(s: Summand): {
  mean: number;
  variance: number;
  antitheticCovariance: number;
} {
  const mu = s.faces.reduce((acc, f, i) => acc + f * s.weights[i], 0);
  const variance = s.faces.reduce((acc, f, i) => acc + (f - mu) ** 2 * s.weights[i], 0);
  // Cov(F⁻¹(U), F⁻¹(1 − U)): both factors are step functions of u, so integrate exactly over
  // the merged breakpoints; centring each factor first avoids cancelling against μ².
  const breaks = [0, 1, ...s.cumulative, ...s.cumulative.map((c) => 1 - c)]
    .filter((b) => b >= 0 && b <= 1)
    .sort((a, b) => a - b);
  let centred = 0;
  for (let i = 1; i < breaks.length; i++) {
    const width = breaks[i] - breaks[i - 1];
    if (width <= 0) continue;
    const mid = 0.5 * (breaks[i] + breaks[i - 1]);
    centred += width * (quantile(s, mid) - mu) * (quantile(s, 1 - mid) - mu);
  }
  return { mean: mu, variance, antitheticCovariance: centred };
}

/**
 * Closed-form mean and variance of a sum of dependent summands (see `SumParams`).
 *
 * Formula: E[S] = n·μ for every ρ (linearity of expectation). Var(S) = n·σ² + 2·Σ_{i<j} Cov:
 * ρ ≥ 0: Var(S) = n·σ²·(1 + (n − 1)·ρ), pair covariance ρσ² over all n(n−1)/2 pairs (ρ = 1 gives
 * n²σ², e.g. n²p(1 − p)); ρ < 0: Var(S) = n·σ² + 2·⌊n/2⌋·|ρ|·c with c = Cov(F⁻¹(U), F⁻¹(1−U)).
 * μ, σ² and c are computed from the faces and their weights (a die: μ = 7/2, σ² = 35/12,
 * c = −35/12; Bernoulli: μ = p, σ² = p(1−p), c = max(0, 2p − 1) − p²). A variance within
 * rounding of 0 is reported as exactly 0.
 * Ranges: n an integer in [1, 100 000]; p ∈ [0, 1] (Bernoulli mode); ρ ∈ [−1, 1].
 * @throws RangeError if a parameter is out of range.
 */
export function sumOfBernoulli(params: SumParams): SumTheory {
  validateSumParams(params);
  const { n, dependence: rho } = params;
  const m = summandMoments(summandOf(params));
  const varianceIfIndependent = n * m.variance;
  const pairCovariance = rho >= 0 ? rho * m.variance : -rho * m.antitheticCovariance;
  const dependentPairs = rho === 0 ? 0 : rho > 0 ? (n * (n - 1)) / 2 : Math.floor(n / 2);
  const dependentPart = 2 * dependentPairs * pairCovariance;
  let v = varianceIfIndependent + dependentPart;
  // Perfectly antithetic pairs cancel exactly in theory; don't show their rounding residue.
  if (Math.abs(v) <= 64 * Number.EPSILON * (varianceIfIndependent + Math.abs(dependentPart))) v = 0;
  return {
    mean: n * m.mean,
    variance: Math.max(0, v),
    summandMean: m.mean,
    summandVariance: m.variance,
    varianceIfIndependent,
    pairCovariance,
    dependentPairs,
  };
}

/** Largest number of simulated sums per call. */
export const MAX_TRIALS = 1e7;

/**
 * Simulates `trials` sums with the dependence structure of `SumParams`, from a seeded source.
 *
 * Each summand is F⁻¹(u) for a uniform u from `source` (u and 1 − u for an antithetic pair),
 * with one extra uniform per trial (ρ ≥ 0) or per pair (ρ < 0) to choose the coupling.
 * Cost O(n · trials); chunk large runs across frames (the source carries the state).
 * Ranges: as `sumOfBernoulli`; trials an integer in [0, 1e7].
 * @throws RangeError if a parameter is out of range.
 */
export function simulateSums(source: Source, params: SumParams, trials: number): Float64Array {
  validateSumParams(params);
  requireInteger("trials", trials, 0, MAX_TRIALS);
  const s = summandOf(params);
  const { n, dependence: rho } = params;
  const out = new Float64Array(trials);
  for (let t = 0; t < trials; t++) {
    let sum = 0;
    if (rho >= 0) {
      if (source() < rho) sum = n * quantile(s, source());
      else for (let i = 0; i < n; i++) sum += quantile(s, source());
    } else {
      for (let i = 0; i + 1 < n; i += 2) {
        const antithetic = source() < -rho;
        const u = source();
        sum += quantile(s, u) + quantile(s, antithetic ? 1 - u : source());
      }
      if (n % 2 === 1) sum += quantile(s, source());
    }
    out[t] = sum;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Maximum likelihood

function validateCounts(k: number, n: number): void {
  requireInteger("n", n, 1, Number.MAX_SAFE_INTEGER);
  requireInteger("k", k, 0, n);
}

/**
 * Bernoulli log-likelihood of k successes in n trials at p.
 *
 * Formula: ℓ(p) = k ln p + (n − k) ln(1 − p), with 0·ln 0 = 0, so ℓ(0) = 0 when k = 0 and
 * ℓ(1) = 0 when k = n. When the data are impossible (p = 0 with k > 0, or p = 1 with k < n)
 * ℓ = −∞: the value is null with a reason, never −Infinity or a made-up floor.
 * Ranges: n ≥ 1 and 0 ≤ k ≤ n integers; p ∈ [0, 1].
 * @throws RangeError if k, n or p is out of range.
 */
export function bernoulliLogLikelihood(k: number, n: number, p: number): MaybeNumber {
  validateCounts(k, n);
  requireProbability("p", p);
  if ((p === 0 && k > 0) || (p === 1 && k < n)) {
    return undefinedBecause(
      `ℓ = −∞: ${p === 0 ? "a success" : "a failure"} was seen, which is impossible at p = ${p}`,
    );
  }
  const successes = k === 0 ? 0 : k * Math.log(p);
  const failures = k === n ? 0 : (n - k) * Math.log1p(-p);
  return defined(successes + failures);
}

/**
 * Bernoulli score: the slope of the log-likelihood, dℓ/dp.
 *
 * Formula: dℓ/dp = k/p − (n − k)/(1 − p), zero at p = k/n. At the ends the one-sided slope is
 * finite when the data allow it (p = 0, k = 0: −n; p = 1, k = n: n) and null with a reason
 * when ℓ → −∞ there (or when the slope overflows for p within ~1e-308 of an end).
 * Ranges: n ≥ 1 and 0 ≤ k ≤ n integers; p ∈ [0, 1].
 * @throws RangeError if k, n or p is out of range.
 */
export function bernoulliScore(k: number, n: number, p: number): MaybeNumber {
  validateCounts(k, n);
  requireProbability("p", p);
  const successes = k === 0 ? 0 : k / p;
  const failures = k === n ? 0 : (n - k) / (1 - p);
  const slope = successes - failures;
  return Number.isFinite(slope)
    ? defined(slope)
    : undefinedBecause("the slope is too steep to represent: ℓ falls to −∞ at this end");
}

/**
 * Bernoulli maximum-likelihood estimate p̂ = k/n, the sample mean.
 *
 * Formula: solving dℓ/dp = 0 gives p̂ = k/n; for k = 0 or k = n the maximum is at the end
 * p̂ = 0 or 1, still k/n.
 * Ranges: n ≥ 1 and 0 ≤ k ≤ n integers.
 * @throws RangeError if k or n is out of range.
 */
export function bernoulliMle(k: number, n: number): number {
  validateCounts(k, n);
  return k / n;
}

function sumOfSquaredDeviations(xs: ArrayLike<number>, mu: number): number {
  if (xs.length === 0) throw new RangeError("xs must hold at least one observation.");
  requireFiniteEntries("xs", xs, xs.length);
  requireFinite("mu", mu);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i] - mu) ** 2;
  if (!Number.isFinite(s)) {
    throw new RangeError("Σ(xᵢ − μ)² overflows: rescale the data (|xᵢ − μ| below ~1e150).");
  }
  return s;
}

function requirePositiveVariance(s2: number): void {
  if (!Number.isFinite(s2) || s2 <= 0) {
    throw new RangeError(`s2 (σ²) must be a finite number > 0; got ${s2}.`);
  }
}

/**
 * Gaussian log-likelihood as a function of the variance σ², with the mean μ known.
 *
 * Formula: ℓ(σ²) = −(n/2) ln(2πσ²) − Σ(xᵢ − μ)² / (2σ²), constants included. Null with a
 * reason if the value falls outside the floating-point range (σ² tiny against the deviations).
 * Ranges: xs non-empty and finite; μ finite; σ² > 0 finite.
 * @throws RangeError if xs is empty or not finite, or σ² ≤ 0.
 */
export function gaussianLogLikelihoodVar(
  xs: ArrayLike<number>,
  mu: number,
  s2: number,
): MaybeNumber {
  const ss = sumOfSquaredDeviations(xs, mu);
  requirePositiveVariance(s2);
  const value = -0.5 * xs.length * (LN_2PI + Math.log(s2)) - ss / (2 * s2);
  return Number.isFinite(value)
    ? defined(value)
    : undefinedBecause("ℓ is below the floating-point range: σ² is tiny against the deviations");
}

/**
 * Slope of the Gaussian log-likelihood in σ² (μ known): dℓ/dσ².
 *
 * Formula: dℓ/dσ² = −n/(2σ²) + Σ(xᵢ − μ)²/(2σ⁴) = (Σ(xᵢ − μ)²/σ² − n) / (2σ²), zero at
 * σ² = (1/n)Σ(xᵢ − μ)². Null with a reason if it overflows (σ² tiny).
 * Ranges: as `gaussianLogLikelihoodVar`.
 * @throws RangeError if xs is empty or not finite, or σ² ≤ 0.
 */
export function gaussianVarScore(xs: ArrayLike<number>, mu: number, s2: number): MaybeNumber {
  const ss = sumOfSquaredDeviations(xs, mu);
  requirePositiveVariance(s2);
  const slope = (ss / s2 - xs.length) / (2 * s2);
  return Number.isFinite(slope)
    ? defined(slope)
    : undefinedBecause("the slope overflows: σ² is tiny against the deviations");
}

/**
 * Maximum-likelihood variance of a Gaussian with known mean μ.
 *
 * Formula: σ̂² = (1/n) Σ(xᵢ − μ)². It is 0 only when every xᵢ = μ, where ℓ grows without bound
 * as σ² → 0 and no positive maximiser exists.
 * Ranges: xs non-empty and finite; μ finite.
 * @throws RangeError if xs is empty or not finite, or μ is not finite.
 */
export function gaussianVarMle(xs: ArrayLike<number>, mu: number): number {
  return sumOfSquaredDeviations(xs, mu) / xs.length;
}

/** Means (and their standard errors) of the two variance estimators over repeated samples. */
export type VarianceBias = {
  readonly n: number;
  readonly reps: number;
  /** σ², the quantity estimated. */
  readonly trueVariance: number;
  /** (n − 1)/n · σ², the expectation of the 1/n estimator. */
  readonly expectedBiased: number;
  /** Mean over reps of (1/n) Σ(xᵢ − x̄)². */
  readonly meanBiased: number;
  /** Mean over reps of (1/(n − 1)) Σ(xᵢ − x̄)². */
  readonly meanUnbiased: number;
  /** Standard errors of those means (sd over reps / √reps); null when reps < 2. */
  readonly standardErrorBiased: number | null;
  readonly standardErrorUnbiased: number | null;
};

/**
 * Repeated sampling of the variance estimators with the mean estimated by x̄.
 *
 * Each of `reps` samples is n draws of 𝒩(μ, σ²) (μ defaults to 0; both estimators ignore it);
 * with SS = Σ(xᵢ − x̄)², the 1/n estimator SS/n has expectation (n − 1)/n · σ² (biased low) and
 * SS/(n − 1) has expectation σ². Cost O(n · reps): 10⁴ reps at n = 10 take a few milliseconds.
 * Ranges: n an integer in [2, 100 000]; σ ∈ [0, 1e150]; reps an integer in [1, 1e6].
 * @throws RangeError if a parameter is out of range.
 */
export function varianceEstimatorBias(params: {
  readonly n: number;
  readonly sigma: number;
  readonly reps: number;
  readonly source: Source;
  readonly mu?: number;
}): VarianceBias {
  const { n, sigma, reps, source, mu = 0 } = params;
  requireInteger("n", n, 2, MAX_SUMMANDS);
  requireInRange("sigma", sigma, 0, MAX_GAUSSIAN_PARAMETER);
  requireInteger("reps", reps, 1, 1e6);
  requireInRange("mu", mu, -MAX_GAUSSIAN_PARAMETER, MAX_GAUSSIAN_PARAMETER);
  const draw = randomNormal.source(source)(mu, sigma);
  const xs = new Float64Array(n);
  const estimates = new Float64Array(reps);
  for (let r = 0; r < reps; r++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += xs[i] = draw();
    const xbar = total / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (xs[i] - xbar) ** 2;
    estimates[r] = ss;
  }
  const m = sampleMoments(estimates);
  const meanSS = m.mean ?? 0;
  const seSS = m.variance === null ? null : Math.sqrt(m.variance / reps);
  return {
    n,
    reps,
    trueVariance: sigma * sigma,
    expectedBiased: ((n - 1) / n) * sigma * sigma,
    meanBiased: meanSS / n,
    meanUnbiased: meanSS / (n - 1),
    standardErrorBiased: seSS === null ? null : seSS / n,
    standardErrorUnbiased: seSS === null ? null : seSS / (n - 1),
  };
}

// ---------------------------------------------------------------------------------------------
// Covariance, correlation and dependence

/** Paired observations as two columns of equal length. */
export type Points = { readonly xs: ArrayLike<number>; readonly ys: ArrayLike<number> };

/** Parameters of the `uncorrelated` scene's two data sources. */
export type UncorrelatedParams = {
  /** "square": X ~ U(−1, 1), Y = X² + αX. "gaussian": standard jointly Gaussian, corr ρ. */
  readonly mode: "square" | "gaussian";
  /** α, the linear part mixed into Y in square mode; |α| ≤ 1e6. */
  readonly mix: number;
  /** ρ ∈ [−1, 1] in gaussian mode (default 0). */
  readonly rho?: number;
};

/** Largest number of sampled points. */
export const MAX_POINTS = 1e7;

function validateUncorrelated(params: UncorrelatedParams): void {
  if (params.mode !== "square" && params.mode !== "gaussian") {
    throw new RangeError(
      `mode must be "square" or "gaussian"; got ${JSON.stringify(params.mode)}.`,
    );
  }
  requireInRange("mix (α)", params.mix, -1e6, 1e6);
  if (params.rho !== undefined) requireInRange("rho (ρ)", params.rho, -1, 1);
}

/**
 * Samples n points (X, Y) for the uncorrelated-versus-independent scene.
 *
 * Square mode: X ~ Uniform(−1, 1), Y = X² + αX (dependent for every α; uncorrelated at α = 0).
 * Gaussian mode: X = Z₁, Y = ρZ₁ + √(1 − ρ²) Z₂ with Z₁, Z₂ independent 𝒩(0, 1), so X, Y are
 * standard jointly Gaussian with correlation ρ (independent exactly when ρ = 0); α is ignored.
 * Uses d3-random's randomUniform and randomNormal with `.source(source)`.
 * Ranges: n an integer in [1, 1e7]; |α| ≤ 1e6; ρ ∈ [−1, 1].
 * @throws RangeError if a parameter is out of range.
 */
export function sampleUncorrelated(
  params: UncorrelatedParams & { readonly n: number; readonly source: Source },
): { xs: Float64Array; ys: Float64Array } {
  validateUncorrelated(params);
  const { n, mix, source } = params;
  requireInteger("n", n, 1, MAX_POINTS);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  if (params.mode === "square") {
    const uniform = randomUniform.source(source)(-1, 1);
    for (let i = 0; i < n; i++) {
      const x = uniform();
      xs[i] = x;
      ys[i] = x * x + mix * x;
    }
  } else {
    const rho = params.rho ?? 0;
    const rest = Math.sqrt(1 - rho * rho);
    const normal = randomNormal.source(source)(0, 1);
    for (let i = 0; i < n; i++) {
      const z1 = normal();
      const z2 = normal();
      xs[i] = z1;
      ys[i] = rho * z1 + rest * z2;
    }
  }
  return { xs, ys };
}

/**
 * Raw moment E[Xᵏ] of X ~ Uniform(a, b).
 *
 * Formula: (bᵏ⁺¹ − aᵏ⁺¹) / ((k + 1)(b − a)).
 * Ranges: k an integer in [0, 64]; a < b finite.
 * @throws RangeError if k is out of range or a ≥ b.
 */
export function uniformMoment(k: number, a: number, b: number): number {
  requireInteger("k", k, 0, 64);
  requireFinite("a", a);
  requireFinite("b", b);
  if (!(a < b)) throw new RangeError(`uniformMoment needs a < b; got a = ${a}, b = ${b}.`);
  return (b ** (k + 1) - a ** (k + 1)) / ((k + 1) * (b - a));
}

/**
 * Theoretical covariance and correlation of the `uncorrelated` scene's (X, Y).
 *
 * Square mode, from the moments mₖ = E[Xᵏ] of U(−1, 1): Cov(X, X² + αX) = m₃ + αm₂ −
 * m₁(m₂ + αm₁) = α·Var(X) = α/3; Var(Y) = m₄ + 2αm₃ + α²m₂ − (m₂ + αm₁)²; corr =
 * Cov/√(Var X · Var Y). Gaussian mode: Cov = corr = ρ. Both variances are positive, so both
 * values are always defined.
 * @throws RangeError if a parameter is out of range.
 */
export function uncorrelatedTheory(params: UncorrelatedParams): { cov: number; corr: number } {
  validateUncorrelated(params);
  if (params.mode === "gaussian") {
    const rho = params.rho ?? 0;
    return { cov: rho, corr: rho };
  }
  const a = params.mix;
  const [m1, m2, m3, m4] = [1, 2, 3, 4].map((k) => uniformMoment(k, -1, 1));
  const cov = m3 + a * m2 - m1 * (m2 + a * m1);
  const varX = m2 - m1 * m1;
  const varY = m4 + 2 * a * m3 + a * a * m2 - (m2 + a * m1) ** 2;
  return { cov, corr: cov / Math.sqrt(varX * varY) };
}

/**
 * Covariance of Y = X² + αX with X ~ Uniform(−1, 1), from the uniform's moments: α/3.
 * @throws RangeError if |α| > 1e6 or α is not finite.
 */
export function squareMixCovariance(alpha: number): number {
  return uncorrelatedTheory({ mode: "square", mix: alpha }).cov;
}

function validatePoints(points: Points): number {
  const n = points.xs.length;
  if (points.ys.length !== n) {
    throw new RangeError(`xs and ys must have equal length; got ${n} and ${points.ys.length}.`);
  }
  requireFiniteEntries("xs", points.xs, n);
  requireFiniteEntries("ys", points.ys, n);
  return n;
}

const OVERFLOW_REASON = "the sums of squares overflow: rescale the data (values below ~1e150)";

function isConstant(xs: ArrayLike<number>): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i] !== xs[0]) return false;
  return true;
}

function centredSums(points: Points): { sxx: number; syy: number; sxy: number } {
  const { xs, ys } = points;
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return { sxx, syy, sxy };
}

/**
 * Sample covariance of paired observations.
 *
 * Formula: (1/(n − 1)) Σ (xᵢ − x̄)(yᵢ − ȳ), two-pass. Null with a reason when n < 2 or the
 * sum overflows.
 * @throws RangeError if the columns differ in length or hold a non-finite value.
 */
export function covariance(points: Points): MaybeNumber {
  const n = validatePoints(points);
  if (n < 2) return undefinedBecause("the sample covariance needs at least 2 points");
  const cov = centredSums(points).sxy / (n - 1);
  return Number.isFinite(cov) ? defined(cov) : undefinedBecause(OVERFLOW_REASON);
}

/**
 * Sample (Pearson) correlation of paired observations.
 *
 * Formula: Σ(xᵢ − x̄)(yᵢ − ȳ) / √(Σ(xᵢ − x̄)² Σ(yᵢ − ȳ)²), clamped to [−1, 1] against rounding.
 * Null with a reason when n < 2, X or Y is constant (zero variance), or the sums overflow.
 * @throws RangeError if the columns differ in length or hold a non-finite value.
 */
export function correlation(points: Points): MaybeNumber {
  const n = validatePoints(points);
  if (n < 2) return undefinedBecause("the correlation needs at least 2 points");
  // Test constancy exactly: a rounded mean can leave a tiny nonzero spread for constant data.
  if (isConstant(points.xs)) return undefinedBecause("X is constant: its variance is zero");
  if (isConstant(points.ys)) return undefinedBecause("Y is constant: its variance is zero");
  const { sxx, syy, sxy } = centredSums(points);
  const r = sxy / Math.sqrt(sxx) / Math.sqrt(syy);
  if (!Number.isFinite(r)) return undefinedBecause(OVERFLOW_REASON);
  return defined(Math.max(-1, Math.min(1, r)));
}

/** Mean and standard deviation of Y among the points whose X falls in one bin. */
export type SpreadBin = {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
  readonly mean: number | null;
  /** Sample standard deviation (1/(m − 1)), null when the bin holds fewer than 2 points. */
  readonly sd: number | null;
  readonly reason: string | null;
};

/**
 * Conditional spread of Y given X: per X-bin mean and standard deviation of Y.
 *
 * Formula: for the points with X in bin i (binned as in `histogram`), the mean of Y and
 * sd = √((1/(m − 1)) Σ(yⱼ − ȳ)²). Points with X outside [lo, hi] are ignored. If X and Y were
 * independent every bin would show the same distribution of Y up to noise.
 * @throws RangeError if the bins are invalid or the points are malformed.
 */
export function conditionalSpread(points: Points, bins: Bins): SpreadBin[] {
  validateBins(bins);
  const n = validatePoints(points);
  const groups: number[][] = Array.from({ length: bins.count }, () => []);
  for (let i = 0; i < n; i++) {
    const b = binIndex(points.xs[i], bins);
    if (b >= 0) groups[b].push(points.ys[i]);
  }
  const width = (bins.hi - bins.lo) / bins.count;
  return groups.map((ys, i) => {
    const lo = bins.lo + i * width;
    const hi = i === bins.count - 1 ? bins.hi : bins.lo + (i + 1) * width;
    const m = sampleMoments(ys);
    return {
      lo,
      hi,
      count: ys.length,
      mean: m.mean,
      sd: m.variance === null ? null : Math.sqrt(m.variance),
      reason: m.reason === null ? null : `${m.reason} in this bin`,
    };
  });
}
