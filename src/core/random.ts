// Seeded randomness for every scene: one linear congruential source per seed (d3-random's
// randomLcg), and thin wrappers over d3-random's distributions that validate their input.
// No Math.random anywhere: a seed in the URL reproduces a classroom demo exactly.

import { randomBernoulli, randomBinomial, randomLcg, randomNormal, randomUniform } from "d3-random";

/** A seeded source of uniform numbers in [0, 1), the shape of `Math.random`. */
export type RandomSource = () => number;

const TWO_POW_32 = 0x100000000;

/**
 * Maps any finite seed to an unsigned 32-bit integer, deterministically.
 *
 * Integers in [0, 2³²) are kept as they are, so `makeSource(42)` is exactly `randomLcg(42)`.
 * Every other finite number (negative, fractional, ≥ 2³², −0 aside) is hashed from its IEEE-754
 * bits, so 1.5 and 1, or −3 and 3, give different streams (randomLcg alone would truncate
 * and take the absolute value, making them collide).
 *
 * @throws RangeError if `seed` is NaN or ±Infinity.
 */
export function normaliseSeed(seed: number): number {
  if (!Number.isFinite(seed)) {
    throw new RangeError(`seed must be a finite number, got ${seed}; use an integer such as 42.`);
  }
  if (Number.isInteger(seed) && seed >= 0 && seed < TWO_POW_32) return seed >>> 0;
  const words = new Uint32Array(new Float64Array([seed]).buffer);
  // Murmur3's 32-bit finaliser over both words: every input bit affects every output bit.
  let h = (words[0] ^ Math.imul(words[1], 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Creates the seeded uniform source that every random function in the core takes.
 *
 * Returns `randomLcg(normaliseSeed(seed))`: uniform numbers in [0, 1) with 2⁻³² resolution.
 * Streams from adjacent integer seeds start with nearly equal first draws (the LCG's first
 * step is linear in the seed), so derive many streams by drawing from one source rather than
 * from seed, seed + 1, ….
 *
 * @throws RangeError if `seed` is not finite.
 */
export function makeSource(seed: number): RandomSource {
  return randomLcg(normaliseSeed(seed));
}

/**
 * Draws n independent Bernoulli(p) outcomes, 1 with probability p and 0 otherwise.
 *
 * Ranges: n an integer ≥ 1, p ∈ [0, 1]. Consumes exactly n draws of `source`.
 *
 * @throws RangeError if n or p is out of range or not finite.
 */
export function bernoulliSamples(source: RandomSource, n: number, p: number): Uint8Array {
  checkCount("n", n);
  checkProbability("p", p);
  const draw = randomBernoulli.source(source)(p);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = draw();
  return out;
}

/**
 * Returns a generator of Binomial(n, p) counts (successes in n Bernoulli(p) trials).
 *
 * d3-random's algorithm splits n through Beta-distributed order statistics until n·p and
 * n·(1 − p) are at most 16, then counts geometric waiting times, so one draw costs a few dozen
 * uniforms whatever n is (about 1 µs at n = 10⁵), not n of them. Reuse the generator for many
 * draws: creating it allocates.
 *
 * Ranges: n an integer ≥ 1, p ∈ [0, 1]; the counts are integers in [0, n].
 *
 * @throws RangeError if n or p is out of range or not finite.
 */
export function binomialSampler(source: RandomSource, n: number, p: number): () => number {
  checkCount("n", n);
  checkProbability("p", p);
  return randomBinomial.source(source)(n, p);
}

/**
 * Draws one Binomial(n, p) count: the number of successes in n Bernoulli(p) trials.
 *
 * Ranges: n an integer ≥ 1, p ∈ [0, 1]; the count is an integer in [0, n]. For many draws use
 * `binomialSampler`, which builds the generator once.
 *
 * @throws RangeError if n or p is out of range or not finite.
 */
export function binomialSample(source: RandomSource, n: number, p: number): number {
  return binomialSampler(source, n, p)();
}

/**
 * Draws one normal 𝒩(mu, sigma²) value (Marsaglia's polar method, via d3-random).
 *
 * Ranges: mu finite, sigma ≥ 0. The polar method makes values in pairs and a single draw
 * discards the second, so for many values use `normalSamples`.
 *
 * @throws RangeError if mu or sigma is not finite or sigma < 0.
 */
export function normalSample(source: RandomSource, mu = 0, sigma = 1): number {
  checkNormal(mu, sigma);
  return randomNormal.source(source)(mu, sigma)();
}

/**
 * Draws n independent normal 𝒩(mu, sigma²) values, using both values of each polar pair.
 *
 * Ranges: n an integer ≥ 1, mu finite, sigma ≥ 0.
 *
 * @throws RangeError if n, mu or sigma is out of range or not finite.
 */
export function normalSamples(source: RandomSource, n: number, mu = 0, sigma = 1): Float64Array {
  checkCount("n", n);
  checkNormal(mu, sigma);
  const draw = randomNormal.source(source)(mu, sigma);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw();
  return out;
}

/**
 * Draws one value uniform on [min, max): min + (max − min)·u with u from `source`.
 *
 * Ranges: min < max, both finite.
 *
 * @throws RangeError if min or max is not finite or min ≥ max.
 */
export function uniformSample(source: RandomSource, min = 0, max = 1): number {
  checkInterval(min, max);
  return randomUniform.source(source)(min, max)();
}

/**
 * Draws n independent values uniform on [min, max).
 *
 * Ranges: n an integer ≥ 1, min < max, both finite.
 *
 * @throws RangeError if n, min or max is out of range or not finite.
 */
export function uniformSamples(source: RandomSource, n: number, min = 0, max = 1): Float64Array {
  checkCount("n", n);
  checkInterval(min, max);
  const draw = randomUniform.source(source)(min, max);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw();
  return out;
}

function checkCount(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`${name} must be an integer ≥ 1, got ${n}.`);
  }
}

function checkProbability(name: string, p: number): void {
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`${name} must be a probability in [0, 1], got ${p}.`);
  }
}

function checkNormal(mu: number, sigma: number): void {
  if (!Number.isFinite(mu)) throw new RangeError(`mu must be finite, got ${mu}.`);
  if (!(Number.isFinite(sigma) && sigma >= 0)) {
    throw new RangeError(`sigma must be a finite number ≥ 0, got ${sigma}.`);
  }
}

function checkInterval(min: number, max: number): void {
  if (!(Number.isFinite(min) && Number.isFinite(max) && min < max)) {
    throw new RangeError(`need finite min < max, got min = ${min}, max = ${max}.`);
  }
}
