// The pure model of mle: seeded data (n coin flips, or n Gaussian draws with μ known), the
// log-likelihood curve over the parameter, its value and slope at a candidate, the maximiser, and
// the repeated-sampling study of the 1/n and 1/(n − 1) variance estimators. All through src/core.
// The data, the curve and the study depend only on a few params, so they are memoised: dragging
// the candidate recomputes nothing but the candidate's own numbers.
import {
  varianceEstimatorTrace,
  varianceTraceStart,
  type VarianceEstimatorTrace,
  type VarianceTraceState,
} from "../../src/core/estimators";
import {
  bernoulliLogLikelihood,
  bernoulliMle,
  bernoulliScore,
  gaussianLogLikelihoodVar,
  gaussianVarMle,
  gaussianVarScore,
  type MaybeNumber,
} from "../../src/core/probability";
import { bernoulliSamples, makeSource, normalSamples } from "../../src/core/random";
import { formatNumber } from "../../src/kit/format";
import { choice, int, num, seed, type ParamsOf } from "../../src/kit/schema";

const isBernoulli = (p: Record<string, unknown>) => p.mode !== "gaussian";
const isGaussian = (p: Record<string, unknown>) => p.mode === "gaussian";

export const params = {
  mode: choice({
    label: "model",
    options: ["bernoulli", "gaussian"] as const,
    optionLabels: {
      bernoulli: "Bernoulli: coin flips",
      gaussian: "Gaussian: variance σ², μ known",
    },
    default: "bernoulli",
  }),
  n: int({ label: "n (sample size)", min: 1, max: 200, default: 20, log: true }),
  p: num({
    label: "true p (heads)",
    min: 0,
    max: 1,
    step: 0.01,
    default: 0.3,
    visibleWhen: isBernoulli,
  }),
  phat: num({
    label: "candidate p (drag it)",
    min: 0,
    max: 1,
    step: 0.001,
    default: 0.55,
    visibleWhen: isBernoulli,
  }),
  mu: num({
    label: "known mean μ",
    min: -5,
    max: 5,
    step: 0.1,
    default: 0,
    visibleWhen: isGaussian,
  }),
  sigma: num({ label: "true σ", min: 0, max: 3, step: 0.01, default: 1, visibleWhen: isGaussian }),
  s2: num({
    label: "candidate σ² (drag it)",
    min: 0.000001,
    max: 100,
    step: 0.000001,
    default: 2,
    log: true,
    visibleWhen: isGaussian,
  }),
  reps: int({
    label: "repeated samples",
    min: 1,
    max: 10_000,
    default: 2000,
    log: true,
    visibleWhen: isGaussian,
    help: "How many fresh samples of size n the bias panel draws (μ estimated by x̄ each time).",
  }),
  seed: seed({ default: 1 }),
};

export type MleParams = ParamsOf<typeof params>;

/** The data behind the two drills, fixed so their answers can be stated (and computed) up front. */
export const D1 = { n: 20, p: 0.3, seed: 3 } as const;
export const D5 = { n: 10, mu: 0, sigma: 1, seed: 5 } as const;

/** Heads among the first n flips of Bernoulli(p) from `seed`. */
export function headsOf(n: number, p: number, seedValue: number): { flips: Uint8Array; k: number } {
  const flips = bernoulliSamples(makeSource(seedValue), n, p);
  let k = 0;
  for (const x of flips) k += x;
  return { flips, k };
}

/** The n Gaussian observations from `seed`, with the source left where the study continues. */
function gaussianData(n: number, mu: number, sigma: number, seedValue: number) {
  const source = makeSource(seedValue);
  return { xs: normalSamples(source, n, mu, sigma), source };
}

/** The D5 data's maximum-likelihood variance, through the core. */
export function d5Mle(): number {
  return gaussianVarMle(gaussianData(D5.n, D5.mu, D5.sigma, D5.seed).xs, D5.mu);
}

/** Σ(xᵢ − μ)² for the D5 data (n · σ̂², both from the core's σ̂²). */
export function d5SumSquares(): number {
  return d5Mle() * D5.n;
}

const d1 = headsOf(D1.n, D1.p, D1.seed);

export const presets = {
  bernoulli: { mode: "bernoulli", n: 20, p: 0.3, phat: 0.55, seed: 1 },
  "d1-at-the-maximum": {
    mode: "bernoulli",
    n: D1.n,
    p: D1.p,
    seed: D1.seed,
    phat: bernoulliMle(d1.k, D1.n),
  },
  "all-heads": { mode: "bernoulli", n: 8, p: 1, phat: 0.7, seed: 1 },
  "one-flip": { mode: "bernoulli", n: 1, p: 0.5, phat: 0.3, seed: 1 },
  "more-data": { mode: "bernoulli", n: 200, p: 0.3, phat: 0.4, seed: 1 },
  gaussian: { mode: "gaussian", n: 10, mu: 0, sigma: 1, s2: 2, reps: 2000, seed: 1 },
  "d5-at-the-maximum": {
    mode: "gaussian",
    n: D5.n,
    mu: D5.mu,
    sigma: D5.sigma,
    seed: D5.seed,
    s2: Math.round(d5Mle() * 1e6) / 1e6,
    reps: 2000,
  },
  "bias-n-2": { mode: "gaussian", n: 2, mu: 0, sigma: 1, s2: 1, reps: 10_000, seed: 1 },
  "sigma-zero": { mode: "gaussian", n: 10, mu: 0, sigma: 0, s2: 0.5, reps: 2000, seed: 1 },
} satisfies Record<string, Partial<MleParams>>;

/** A number or null with why, as the core returns them. */
export type Maybe = MaybeNumber;

export interface CurveWindow {
  /** The x-domain of the curve (p in [0, 1]; σ² in (0, X]). */
  x: [number, number];
  /** The y-window: the curve's top, and as far below it as shows its shape. */
  y: [number, number];
}

export interface BernoulliModel {
  kind: "bernoulli";
  n: number;
  flips: Uint8Array;
  k: number;
  /** p̂ = k/n. */
  mle: number;
  mleLogLik: number;
  /** At the candidate. */
  at: number;
  logLik: Maybe;
  slope: Maybe;
  /** −ℓ/n at the candidate: the cross-entropy between the data's frequency and p. */
  crossEntropy: Maybe;
  /** −ℓ/n at p̂: the entropy of the data's frequency, the smallest cross-entropy. */
  minCrossEntropy: number;
  curve: [number, number][];
  window: CurveWindow;
}

export interface GaussianModel {
  kind: "gaussian";
  n: number;
  mu: number;
  xs: Float64Array;
  /** Σ(xᵢ − μ)². */
  sumSquares: number;
  /** σ̂² = Σ(xᵢ − μ)²/n; null when every xᵢ = μ (no maximiser). */
  mle: Maybe;
  mleLogLik: number | null;
  at: number;
  logLik: Maybe;
  slope: Maybe;
  curve: [number, number][];
  window: CurveWindow;
  trueVariance: number;
  /** The repeated-sampling study; null while it runs in chunks (studyKey set) or when n < 2. */
  study: VarianceEstimatorTrace | null;
  /** The study's key while it is too large to run here: the view runs it across frames. */
  studyKey: string | null;
  /** Draws the study takes (n · reps), for the progress text. */
  studyReps: number;
  studyReason: string | null;
}

export type MleModel = BernoulliModel | GaussianModel;

const CURVE_POINTS = 400;
/**
 * How far below its maximum the curve is shown, in nats. A fixed depth (not one growing with n)
 * is what lets more data show as a sharper peak: ℓ(θ̂) − ℓ(θ) grows like n.
 */
const BERNOULLI_DROP = 14;
const GAUSSIAN_DROP = 8;

function value(m: MaybeNumber): number | null {
  return m.value;
}

// One-entry memo per expensive piece: the key is every param it depends on.
function memo<T>(compute: (key: string) => T): (key: string) => T {
  let lastKey: string | null = null;
  let last: T;
  return (key) => {
    if (key !== lastKey) {
      last = compute(key);
      lastKey = key;
    }
    return last;
  };
}

const bernoulliBase = memo((key) => {
  const [n, p, s] = key.split("|").map(Number);
  const { flips, k } = headsOf(n, p, s);
  const mle = bernoulliMle(k, n);
  const top = bernoulliLogLikelihood(k, n, mle).value ?? 0;
  const curve: [number, number][] = [];
  for (let i = 0; i <= CURVE_POINTS; i++) {
    const v = value(bernoulliLogLikelihood(k, n, i / CURVE_POINTS));
    if (v !== null) curve.push([i / CURVE_POINTS, v]);
  }
  const drop = BERNOULLI_DROP;
  return {
    flips,
    k,
    mle,
    top,
    curve,
    window: { x: [0, 1], y: [top - drop, top + 0.08 * drop] } as CurveWindow,
  };
});

const gaussianBase = memo((key) => {
  const [n, mu, sigma, s] = key.split("|").map(Number);
  const { xs } = gaussianData(n, mu, sigma, s);
  const mleValue = gaussianVarMle(xs, mu);
  const sumSquares = mleValue * n;
  const trueVariance = sigma * sigma;
  // The x-window depends on the data, never on the candidate, so dragging never rescales it.
  const X = 3 * Math.max(mleValue, trueVariance) || 1;
  const curve: [number, number][] = [];
  for (let i = 1; i <= CURVE_POINTS; i++) {
    const v = value(gaussianLogLikelihoodVar(xs, mu, (X * i) / CURVE_POINTS));
    if (v !== null) curve.push([(X * i) / CURVE_POINTS, v]);
  }
  let top: number;
  let bottom: number;
  if (mleValue > 0) {
    top = gaussianLogLikelihoodVar(xs, mu, mleValue).value ?? 0;
    bottom = top - GAUSSIAN_DROP;
  } else {
    // Every xᵢ = μ: ℓ rises without bound as σ² → 0, so show the stretch from X/20 to X.
    top = value(gaussianLogLikelihoodVar(xs, mu, X / 20)) ?? 0;
    bottom = value(gaussianLogLikelihoodVar(xs, mu, X)) ?? top - 1;
  }
  return {
    xs,
    sumSquares,
    mleValue,
    top: mleValue > 0 ? top : null,
    curve,
    trueVariance,
    window: { x: [0, X], y: [bottom, top + 0.08 * (top - bottom)] } as CurveWindow,
  };
});

/** Studies up to this many draws (n · reps, ≈ 45 ns each) run in the model; larger ones are chunked. */
export const SYNC_DRAWS = 60_000;

function studyArgs(key: string) {
  const [n, mu, sigma, reps, s] = key.split("|").map(Number);
  // The study continues the data's stream, so one seed reproduces both.
  const { source } = gaussianData(n, mu, sigma, s);
  return { n, sigma, reps, source, mu };
}

// Finished studies by key: computed here, or remembered after the view ran them in chunks.
const studies = new Map<string, VarianceEstimatorTrace>();
const MAX_STUDIES = 12;

function keep(key: string, result: VarianceEstimatorTrace): void {
  studies.delete(key);
  studies.set(key, result);
  while (studies.size > MAX_STUDIES) studies.delete(studies.keys().next().value as string);
}

/** A finished study for a key, if one was computed or remembered. */
export function lookupStudy(key: string | null): VarianceEstimatorTrace | null {
  return key === null ? null : (studies.get(key) ?? null);
}

/**
 * Starts a study for the view to run in chunks (varianceTraceChunk). Chunked and whole runs draw
 * the same numbers, so the readouts do not depend on which way a study was computed.
 */
export function startStudy(key: string): VarianceTraceState {
  return varianceTraceStart(studyArgs(key));
}

/** Remembers a study the view finished in chunks, so the readouts can report it. */
export function rememberStudy(key: string, result: VarianceEstimatorTrace): void {
  keep(key, result);
}

function studyFor(key: string, draws: number): VarianceEstimatorTrace | null {
  const known = studies.get(key);
  if (known) return known;
  if (draws > SYNC_DRAWS) return null;
  const result = varianceEstimatorTrace(studyArgs(key));
  keep(key, result);
  return result;
}

export function mleModel(p: MleParams): MleModel {
  if (p.mode === "bernoulli") {
    const b = bernoulliBase(`${p.n}|${p.p}|${p.seed}`);
    const logLik = bernoulliLogLikelihood(b.k, p.n, p.phat);
    const crossEntropy: MaybeNumber =
      logLik.value === null
        ? { value: null, reason: "−ℓ/n = +∞: the data are impossible at this p" }
        : { value: -logLik.value / p.n, reason: null };
    return {
      kind: "bernoulli",
      n: p.n,
      flips: b.flips,
      k: b.k,
      mle: b.mle,
      mleLogLik: b.top,
      at: p.phat,
      logLik,
      slope: bernoulliScore(b.k, p.n, p.phat),
      crossEntropy,
      minCrossEntropy: -b.top / p.n,
      curve: b.curve,
      window: b.window,
    };
  }
  const g = gaussianBase(`${p.n}|${p.mu}|${p.sigma}|${p.seed}`);
  const mle: MaybeNumber =
    g.mleValue > 0
      ? { value: g.mleValue, reason: null }
      : {
          value: null,
          reason: "every xᵢ = μ: ℓ grows without bound as σ² → 0, so there is no maximum",
        };
  const tooSmall = p.n < 2;
  const key = `${p.n}|${p.mu}|${p.sigma}|${p.reps}|${p.seed}`;
  const study = tooSmall ? null : studyFor(key, p.n * p.reps);
  return {
    kind: "gaussian",
    n: p.n,
    mu: p.mu,
    xs: g.xs,
    sumSquares: g.sumSquares,
    mle,
    mleLogLik: g.top,
    at: p.s2,
    logLik: gaussianLogLikelihoodVar(g.xs, p.mu, p.s2),
    slope: gaussianVarScore(g.xs, p.mu, p.s2),
    curve: g.curve,
    window: g.window,
    trueVariance: g.trueVariance,
    study,
    studyKey: tooSmall ? null : key,
    studyReps: p.reps,
    studyReason: tooSmall
      ? "needs n ≥ 2: with one point x̄ = x₁, so Σ(xᵢ − x̄)² = 0 and the 1/(n − 1) estimator is 0/0"
      : study === null
        ? `simulating ${formatNumber(p.reps)} samples of n = ${p.n} in the repeated-sampling panel…`
        : null,
  };
}
