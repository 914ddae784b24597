// Repeated sampling of estimators, traced as it runs: the `mle` scene's bias panel shows the
// running means of the 1/n and 1/(n − 1) variance estimators settling at (n − 1)/n · σ² and σ².
// The draws are exactly those of probability.ts's varianceEstimatorBias (same source, same
// order), so the final means here and there agree for the same seed.

import { randomNormal } from "d3-random";
import { sampleMoments, type VarianceBias } from "./probability";

// A uniform generator on [0, 1), such as random.ts's makeSource(seed).
type Source = () => number;

/** Largest sample size n and number of repetitions accepted by `varianceEstimatorTrace`. */
export const MAX_TRACE_N = 100_000;
export const MAX_TRACE_REPS = 1_000_000;

/** The summary of `varianceEstimatorBias`, plus the running means after 1, …, reps samples. */
export type VarianceEstimatorTrace = VarianceBias & {
  /** Repetition counts at which the running means are recorded: increasing, from 1 to reps. */
  readonly at: readonly number[];
  /** Mean of the 1/n estimator over the first at[j] samples. */
  readonly runningBiased: readonly number[];
  /** Mean of the 1/(n − 1) estimator over the first at[j] samples. */
  readonly runningUnbiased: readonly number[];
};

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

/**
 * Up to `count` repetition counts spread evenly on a log scale from 1 to `reps`, both included.
 *
 * Formula: round(reps^(j/(count − 1))) for j = 0 … count − 1, duplicates dropped, so the early,
 * noisy part of a running mean gets as many points as the long settled tail.
 * Ranges: reps an integer ≥ 1; count an integer ≥ 2.
 * @throws RangeError if reps or count is out of range.
 */
export function logSpacedCounts(reps: number, count: number): number[] {
  requireInteger("reps", reps, 1, Number.MAX_SAFE_INTEGER);
  requireInteger("count", count, 2, 1_000_000);
  const out: number[] = [];
  for (let j = 0; j < count; j++) {
    const r = j === count - 1 ? reps : Math.round(reps ** (j / (count - 1)));
    if (r > (out[out.length - 1] ?? 0)) out.push(r);
  }
  return out;
}

/** A traced study in progress: created by `varianceTraceStart`, advanced by `varianceTraceChunk`. */
export type VarianceTraceState = {
  readonly n: number;
  readonly sigma: number;
  readonly reps: number;
  readonly at: readonly number[];
  /** Repetitions done so far. */
  done: number;
  readonly draw: () => number;
  readonly xs: Float64Array;
  readonly estimates: Float64Array;
  readonly runningBiased: number[];
  readonly runningUnbiased: number[];
  next: number;
  sumSS: number;
};

/** Where a chunked study stands: the running means recorded so far, and the result once done. */
export type VarianceTraceProgress = {
  readonly done: number;
  readonly reps: number;
  readonly n: number;
  /** σ² and (n − 1)/n · σ², the two values the running means settle at. */
  readonly trueVariance: number;
  readonly expectedBiased: number;
  /** The recorded counts reached so far (a prefix of the final `at`) and their running means. */
  readonly at: readonly number[];
  readonly runningBiased: readonly number[];
  readonly runningUnbiased: readonly number[];
  /** The finished study, null until every repetition is drawn. */
  readonly result: VarianceEstimatorTrace | null;
};

type TraceParams = {
  readonly n: number;
  readonly sigma: number;
  readonly reps: number;
  readonly source: Source;
  readonly mu?: number;
  readonly points?: number;
};

/**
 * Starts a traced study without drawing anything, so a view can spread it across frames.
 *
 * The parameters, ranges and meaning are those of `varianceEstimatorTrace`; advancing the state
 * with `varianceTraceChunk` until it reports a result gives exactly the numbers that
 * `varianceEstimatorTrace` returns for the same source, whatever the chunk sizes.
 * @throws RangeError if a parameter is out of range.
 */
export function varianceTraceStart(params: TraceParams): VarianceTraceState {
  const { n, sigma, reps, source, mu = 0, points = 240 } = params;
  requireInteger("n", n, 2, MAX_TRACE_N);
  requireInRange("sigma", sigma, 0, 1e150);
  requireInteger("reps", reps, 1, MAX_TRACE_REPS);
  requireInRange("mu", mu, -1e150, 1e150);
  requireInteger("points", points, 2, 10_000);
  return {
    n,
    sigma,
    reps,
    at: logSpacedCounts(reps, points),
    done: 0,
    draw: randomNormal.source(source)(mu, sigma),
    xs: new Float64Array(n),
    estimates: new Float64Array(reps),
    runningBiased: [],
    runningUnbiased: [],
    next: 0,
    sumSS: 0,
  };
}

/**
 * Draws up to `maxReps` more repetitions of a traced study and reports where it stands.
 *
 * Each repetition is n draws; with SS = Σ(xᵢ − x̄)² its estimates are SS/n and SS/(n − 1), and
 * the running means are recorded whenever the count reaches the next of `at`. When the last
 * repetition is drawn, `result` holds the summary (computed as `varianceEstimatorBias` does).
 * Range: maxReps an integer ≥ 1. A finished state returns its result again without drawing.
 * @throws RangeError if maxReps is not an integer ≥ 1.
 */
export function varianceTraceChunk(
  state: VarianceTraceState,
  maxReps: number,
): VarianceTraceProgress {
  requireInteger("maxReps", maxReps, 1, Number.MAX_SAFE_INTEGER);
  const { n, xs, draw, estimates, at } = state;
  const stop = Math.min(state.reps, state.done + maxReps);
  for (let r = state.done; r < stop; r++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += xs[i] = draw();
    const xbar = total / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (xs[i] - xbar) ** 2;
    estimates[r] = ss;
    state.sumSS += ss;
    if (r + 1 === at[state.next]) {
      const meanSS = state.sumSS / (r + 1);
      state.runningBiased.push(meanSS / n);
      state.runningUnbiased.push(meanSS / (n - 1));
      state.next++;
    }
  }
  state.done = stop;
  const sigma2 = state.sigma * state.sigma;
  const progress = {
    done: state.done,
    reps: state.reps,
    n,
    trueVariance: sigma2,
    expectedBiased: ((n - 1) / n) * sigma2,
    at: at.slice(0, state.next),
    runningBiased: state.runningBiased.slice(),
    runningUnbiased: state.runningUnbiased.slice(),
  };
  if (state.done < state.reps) return { ...progress, result: null };
  const m = sampleMoments(estimates);
  const meanSS = m.mean ?? 0;
  const seSS = m.variance === null ? null : Math.sqrt(m.variance / state.reps);
  return {
    ...progress,
    result: {
      n,
      reps: state.reps,
      trueVariance: sigma2,
      expectedBiased: ((n - 1) / n) * sigma2,
      meanBiased: meanSS / n,
      meanUnbiased: meanSS / (n - 1),
      standardErrorBiased: seSS === null ? null : seSS / n,
      standardErrorUnbiased: seSS === null ? null : seSS / (n - 1),
      at,
      runningBiased: progress.runningBiased,
      runningUnbiased: progress.runningUnbiased,
    },
  };
}

/**
 * Repeated sampling of the two variance estimators with the mean estimated by x̄, traced.
 *
 * Each of `reps` samples is n draws of 𝒩(μ, σ²) (d3-random's randomNormal on `source`, μ
 * defaults to 0); with SS = Σ(xᵢ − x̄)², the 1/n estimator SS/n has expectation (n − 1)/n · σ²
 * and SS/(n − 1) has expectation σ². The summary fields are computed exactly as
 * `varianceEstimatorBias` computes them; the running means are recorded after the repetition
 * counts of `logSpacedCounts(reps, points)`. Cost O(n · reps), about 45 ns per draw: for large
 * runs use `varianceTraceStart` and `varianceTraceChunk` to spread the work across frames.
 * Ranges: n an integer in [2, 100 000]; σ ∈ [0, 1e150]; |μ| ≤ 1e150; reps an integer in
 * [1, 1e6]; points an integer in [2, 10 000] (default 240).
 * @throws RangeError if a parameter is out of range.
 */
export function varianceEstimatorTrace(params: TraceParams): VarianceEstimatorTrace {
  const state = varianceTraceStart(params);
  const { result } = varianceTraceChunk(state, state.reps);
  // One chunk of every repetition always finishes the study.
  if (result === null) throw new RangeError("the study did not finish: this is a bug");
  return result;
}
