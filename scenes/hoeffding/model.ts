// The pure model of hoeffding: the funnel ±t(n) around p with a seeded running mean inside it,
// the coverage experiment against the bound, the exact tail and the CLT, the Hoeffding/CLT
// widths, the two calculators and a rigged test set, all through src/core.
import {
  binomialTwoSidedTail,
  biasedSample,
  cltHalfWidth,
  cltTwoSidedTail,
  hoeffdingBound,
  hoeffdingBoundRaw,
  hoeffdingHalfWidth,
  hoeffdingInterval,
  hoeffdingSampleSize,
  normalQuantile,
  runningMean,
  type CoverageResult,
  type HoeffdingInterval,
} from "../../src/core/concentration";
import { bernoulliSamples, makeSource } from "../../src/core/random";
import { biasedEntries, cltSampleSize } from "../../src/core/testset";
import { bool, int, num, seed, type ParamValue, type ParamsOf } from "../../src/kit/schema";

/** The largest n: sample paths are drawn once at this length and cut, so paths extend. */
export const N_MAX = 100_000;
/** Log-spaced buckets of the drawn running mean (each keeps its first, min, max and last). */
const PATH_BUCKETS = 360;
/** Points of the funnel band over [1, 5n]. */
const FUNNEL_POINTS = 160;
/** Grid points per decade of the coverage and width curves, and of the exact tail past n = 40. */
const CURVE_PER_DECADE = 10;
const EXACT_PER_DECADE = 6;
/** The floor of the coverage chart's probability axis. */
export const TAIL_FLOOR = 1e-6;

/** A whole count in full digits, thin-space grouped (formatNumber writes 10ⁿ from 10⁶ up). */
export function countText(v: number): string {
  const s = String(v);
  return Number.isSafeInteger(v) && s.length > 4 ? s.replace(/\B(?=(\d{3})+(?!\d))/g, "\u2009") : s;
}

/** n needed for a half-width t at confidence δ, for the n slider's mark; null if out of reach. */
function nRequiredOrNull(t: number, delta: number): number | null {
  try {
    return hoeffdingSampleSize(t, delta);
  } catch {
    return null;
  }
}

export const params = {
  n: int({
    label: "n (samples)",
    min: 10,
    max: N_MAX,
    default: 1000,
    log: true,
    help: "Sample size: test examples, or coin flips.",
    marks: (p: Record<string, ParamValue>) => {
      const need = nRequiredOrNull(p.t as number, p.delta as number);
      return need === null ? [] : [{ value: need, label: "±t" }];
    },
  }),
  delta: num({
    label: "δ (1 − confidence)",
    min: 0.001,
    max: 0.5,
    step: 0.001,
    default: 0.05,
    log: true,
  }),
  p: num({
    label: "p (true mean μ)",
    min: 0,
    max: 1,
    step: 0.01,
    default: 0.86,
    help: "The true accuracy the samples are drawn from.",
  }),
  seed: seed({ default: 1 }),
  acc: num({
    label: "acc (observed accuracy)",
    min: 0,
    max: 1,
    step: 0.001,
    default: 0.86,
    group: "calculators",
    visibleWhen: (p) => !p.biased,
  }),
  t: num({
    label: "t (target half-width)",
    min: 0.001,
    max: 0.5,
    step: 0.001,
    default: 0.03,
    group: "calculators",
  }),
  trials: int({
    label: "trials (repeats)",
    min: 100,
    max: 100_000,
    default: 2000,
    log: true,
    group: "coverage experiment",
  }),
  biased: bool({
    label: "biased test set",
    default: false,
    group: "biased test set",
    help: "Oversample correct predictions.",
  }),
  oversample: num({
    label: "extra copies per correct",
    min: 0,
    max: 5,
    step: 0.25,
    default: 1,
    group: "biased test set",
    visibleWhen: (p) => !!p.biased,
  }),
};

export type HoeffdingParams = ParamsOf<typeof params>;

/** The sample size D3 of section 2 asks for (t = 0.01, δ = 0.05), computed, never typed in. */
export const CTR_T = 0.01;
export const CTR_DELTA = 0.05;
export const CTR_N = hoeffdingSampleSize(CTR_T, CTR_DELTA);

export const presets = {
  "worked-example": { acc: 0.86, n: 1000, delta: 0.05, p: 0.86, t: 0.03, biased: false },
  "ctr-sample-size": {
    t: CTR_T,
    delta: CTR_DELTA,
    n: CTR_N,
    p: 0.5,
    acc: 0.5,
    trials: 1000,
    biased: false,
  },
  checkpoint: { acc: 0.84, n: 500, delta: 0.05, p: 0.84, t: 0.03, biased: false },
  biased: { acc: 0.86, n: 1000, delta: 0.05, p: 0.86, t: 0.03, biased: true, oversample: 1 },
  "clt-fails": { n: 20, p: 0.95, acc: 0.95, t: 0.1, delta: 0.05, trials: 4000, biased: false },
  "many-trials": {
    n: N_MAX,
    p: 0.5,
    acc: 0.5,
    t: 0.004,
    delta: 0.05,
    trials: 100_000,
    biased: false,
  },
} satisfies Record<string, Partial<HoeffdingParams>>;

export interface FunnelModel {
  /** k on [1, 5n], log-spaced; lo/hi = p ∓ t(k) clipped to [0, 1]. */
  k: number[];
  lo: number[];
  hi: number[];
}

export interface PathModel {
  /** Sample counts k (ascending, 1 … n) and the running mean at each: a faithful decimation. */
  k: number[];
  mean: number[];
  /** The running mean at k = n: the observed accuracy of this test set. */
  meanAtN: number;
  /** Whether |X̄ₙ − p| < t(n): the interval X̄ₙ ± t(n) covers p. */
  insideAtN: boolean;
  /** How many k ≤ n have |X̄ₖ − p| ≥ t(k), and the last such k. */
  outsideCount: number;
  lastOutsideK: number | null;
}

export interface CoverageModel {
  /** Memo key of the simulation (n, p, t, trials, seed). */
  key: string;
  n: number;
  p: number;
  t: number;
  trials: number;
  seed: number;
  /** min(1, 2e^(−2nt²)) and the raw value (above 1 it says nothing). */
  bound: number;
  boundRaw: number;
  /** The exact P(|X̄ − p| ≥ t) for X̄ a Binomial(n, p) mean, and its CLT approximation. */
  exact: number;
  clt: number;
  /** The simulation's result once a run with these settings has finished (the view runs it in a worker); else null. */
  result: CoverageResult | null;
}

export interface CurvesModel {
  /** Shared x range of the coverage and width charts, [1, xMax]. */
  xMax: number;
  n: number[];
  bound: number[];
  clt: number[];
  /** Half-widths: Hoeffding t(n, δ) and the CLT's at the accuracy in use. */
  hoeffding: number[];
  cltWidth: number[];
}

export interface BiasedModel {
  observed: number;
  trueAccuracy: number;
  limit: number;
  covers: boolean;
  distinct: number;
}

export interface HoeffdingModel {
  n: number;
  delta: number;
  p: number;
  /** t(n) = √(ln(2/δ)/(2n)), and at 4n: quadrupling n halves it. */
  halfWidth: number;
  halfWidth4n: number;
  shrink: number;
  /** z_{1−δ/2}, for the CLT formulas. */
  z: number;
  funnel: FunnelModel;
  path: PathModel;
  /** The accuracy the interval is built on: acc, or the rigged set's observed accuracy. */
  accUsed: number;
  interval: HoeffdingInterval;
  cltHalfWidth: number;
  cltLow: number;
  cltHigh: number;
  /** Hoeffding's n for (t, δ), and the CLT's at accUsed. */
  nRequired: number;
  nRequiredClt: number;
  biased: BiasedModel | null;
  coverage: CoverageModel;
  curves: CurvesModel;
}

// ---- Memos: the model is a pure function of params; these only remember what was computed (the
// coverage results come from the worker: a finished run is the same whatever computed it). ----

/** A small least-recently-used memo. */
function memo<V>(size: number) {
  const map = new Map<string, V>();
  return {
    get(key: string): V | undefined {
      const v = map.get(key);
      if (v !== undefined) {
        map.delete(key);
        map.set(key, v);
      }
      return v;
    },
    set(key: string, v: V): V {
      map.set(key, v);
      while (map.size > size) map.delete(map.keys().next().value as string);
      return v;
    },
  };
}

const streams = memo<Float64Array>(4);
const paths = memo<PathModel>(8);
const coverageMemo = memo<CoverageResult>(64);

/**
 * The running mean of the stream (honest or rigged) for a seed and p, at least n long. A longer
 * stream starts with the shorter one (the same draws), so it is grown in powers of two and cut.
 */
function meanStream(p: HoeffdingParams): { key: string; mean: Float64Array } {
  const key = p.biased ? `b|${p.seed}|${p.p}|${p.oversample}` : `h|${p.seed}|${p.p}`;
  let mean = streams.get(key);
  if (!mean || mean.length < p.n) {
    const length = Math.min(N_MAX, 2 ** Math.ceil(Math.log2(Math.max(p.n, 1024))));
    const samples = p.biased
      ? biasedEntries({ n: length, accuracy: p.p, oversample: p.oversample, seed: p.seed })
      : bernoulliSamples(makeSource(p.seed), length, p.p);
    mean = streams.set(key, runningMean(samples));
  }
  return { key, mean };
}

/**
 * The drawn path: per log-spaced bucket of k, the first, lowest, highest and last point in k
 * order, so the polyline has the exact envelope of the full path in ≤ 4 points a bucket.
 */
function pathOf(p: HoeffdingParams, t1: number): PathModel {
  const { key, mean } = meanStream(p);
  const memoKey = `${key}|${p.n}|${p.delta}`;
  const hit = paths.get(memoKey);
  if (hit) return hit;
  const n = p.n;
  const ks: number[] = [];
  const ms: number[] = [];
  const logN = Math.log(n);
  let start = 0;
  for (let j = 1; j <= PATH_BUCKETS && start < n; j++) {
    const end =
      j === PATH_BUCKETS
        ? n
        : Math.min(n, Math.max(start + 1, Math.round(Math.exp((j / PATH_BUCKETS) * logN))));
    let iMin = start;
    let iMax = start;
    for (let i = start + 1; i < end; i++) {
      if (mean[i] < mean[iMin]) iMin = i;
      if (mean[i] > mean[iMax]) iMax = i;
    }
    const picks = [...new Set([start, Math.min(iMin, iMax), Math.max(iMin, iMax), end - 1])];
    for (const i of picks) {
      ks.push(i + 1);
      ms.push(mean[i]);
    }
    start = end;
  }
  // t(k) = t(1)/√k: the same formula as hoeffdingHalfWidth, without its checks on 10⁵ calls.
  let outsideCount = 0;
  let lastOutsideK: number | null = null;
  for (let i = 0; i < n; i++) {
    if (Math.abs(mean[i] - p.p) >= t1 / Math.sqrt(i + 1)) {
      outsideCount++;
      lastOutsideK = i + 1;
    }
  }
  const meanAtN = mean[n - 1];
  return paths.set(memoKey, {
    k: ks,
    mean: ms,
    meanAtN,
    insideAtN: Math.abs(meanAtN - p.p) < hoeffdingHalfWidth(n, p.delta),
    outsideCount,
    lastOutsideK,
  });
}

function funnelOf(n: number, pTrue: number, delta: number): FunnelModel {
  const k: number[] = [];
  const lo: number[] = [];
  const hi: number[] = [];
  const top = Math.log(5 * n);
  for (let i = 0; i <= FUNNEL_POINTS; i++) {
    const kk = Math.exp((i / FUNNEL_POINTS) * top);
    const t = hoeffdingHalfWidth(kk, delta);
    k.push(kk);
    lo.push(Math.max(0, pTrue - t));
    hi.push(Math.min(1, pTrue + t));
  }
  // n itself is on the grid, so the solid part of the band ends exactly at n.
  const at = k.findIndex((x) => x > n);
  if (at > 0) {
    const t = hoeffdingHalfWidth(n, delta);
    k.splice(at, 0, n);
    lo.splice(at, 0, Math.max(0, pTrue - t));
    hi.splice(at, 0, Math.min(1, pTrue + t));
  }
  return { k, lo, hi };
}

/** Log-spaced grid on [1, xMax]. */
function gridTo(xMax: number): number[] {
  const decades = Math.log10(xMax);
  const steps = Math.ceil(decades * CURVE_PER_DECADE);
  return Array.from({ length: steps + 1 }, (_, i) => 10 ** ((i / steps) * decades));
}

/**
 * The integer n at which the coverage chart draws the exact tail: every n up to 40 (the tail
 * jumps between lattice points there), then EXACT_PER_DECADE a decade up to xMax. A point costs
 * ~√n terms of the binomial sum, so the view evaluates them across frames, in this order.
 */
export function exactGrid(xMax: number): number[] {
  const decades = Math.log10(xMax / 40);
  const steps = Math.ceil(decades * EXACT_PER_DECADE);
  const grid = Array.from({ length: steps + 1 }, (_, i) =>
    Math.round(40 * 10 ** ((i / steps) * decades)),
  );
  return [...new Set([...Array.from({ length: 40 }, (_, i) => i + 1), ...grid])].filter(
    (n) => n <= xMax,
  );
}

/** Past this the exact tail only falls further below the chart: the curve can stop. */
export const EXACT_STOP = TAIL_FLOOR * 1e-3;

/** The shared x range of the coverage and width charts: a decade past max(n, n-required). */
export function curveRange(n: number, nRequired: number): number {
  const need = Math.max(n, Math.min(nRequired, 1e7), 100) * 2;
  return Math.min(1e7, 10 ** Math.ceil(Math.log10(need)));
}

function coverageKey(p: HoeffdingParams): string {
  return `${p.n}|${p.p}|${p.t}|${p.trials}|${p.seed}`;
}

/** The coverage result for a model: in the model, or remembered since it was built; else null. */
export function lookupCoverage(m: HoeffdingModel): CoverageResult | null {
  return m.coverage.result ?? coverageMemo.get(m.coverage.key) ?? null;
}

/**
 * Remembers the result of a finished coverage run (the view runs it in a worker, in chunks).
 * Chunked and whole runs with the same options give exactly the same result (coverageChunk),
 * so the readout is the same number however it was computed.
 */
export function rememberCoverage(key: string, result: CoverageResult): void {
  if (result.finished) coverageMemo.set(key, result);
}

export function hoeffdingModel(p: HoeffdingParams): HoeffdingModel {
  const n = p.n;
  const halfWidth = hoeffdingHalfWidth(n, p.delta);
  const halfWidth4n = hoeffdingHalfWidth(4 * n, p.delta);
  const t1 = hoeffdingHalfWidth(1, p.delta);
  const path = pathOf(p, t1);

  let biased: BiasedModel | null = null;
  let accUsed = p.acc;
  let interval: HoeffdingInterval;
  if (p.biased) {
    const b = biasedSample({
      n,
      accuracy: p.p,
      oversample: p.oversample,
      seed: p.seed,
      delta: p.delta,
    });
    biased = {
      observed: b.observedAccuracy,
      trueAccuracy: b.trueAccuracy,
      limit: b.limitAccuracy,
      covers: b.covers,
      distinct: b.distinct,
    };
    accUsed = b.observedAccuracy;
    interval = b.interval;
  } else {
    interval = hoeffdingInterval(p.acc, n, p.delta);
  }
  const clt = cltHalfWidth(accUsed, n, p.delta);
  const nRequired = hoeffdingSampleSize(p.t, p.delta);
  const nRequiredClt = cltSampleSize(accUsed, p.t, p.delta);

  const key = coverageKey(p);
  const result = coverageMemo.get(key) ?? null;

  const xMax = curveRange(n, nRequired);
  const grid = gridTo(xMax);

  return {
    n,
    delta: p.delta,
    p: p.p,
    halfWidth,
    halfWidth4n,
    shrink: halfWidth4n / halfWidth,
    z: -normalQuantile(p.delta / 2),
    funnel: funnelOf(n, p.p, p.delta),
    path,
    accUsed,
    interval,
    cltHalfWidth: clt,
    cltLow: Math.max(0, accUsed - clt),
    cltHigh: Math.min(1, accUsed + clt),
    nRequired,
    nRequiredClt,
    biased,
    coverage: {
      key,
      n,
      p: p.p,
      t: p.t,
      trials: p.trials,
      seed: p.seed,
      bound: hoeffdingBound(n, p.t),
      boundRaw: hoeffdingBoundRaw(n, p.t),
      exact: binomialTwoSidedTail(n, p.p, p.t),
      clt: cltTwoSidedTail(n, p.p, p.t),
      result,
    },
    curves: {
      xMax,
      n: grid,
      bound: grid.map((x) => hoeffdingBound(x, p.t)),
      clt: grid.map((x) => cltTwoSidedTail(x, p.p, p.t)),
      hoeffding: grid.map((x) => hoeffdingHalfWidth(x, p.delta)),
      cltWidth: grid.map((x) => cltHalfWidth(accUsed, x, p.delta)),
    },
  };
}
