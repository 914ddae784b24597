// The pure model of expectation: the theory of a sum S of n Bernoulli(p) or dice summands with a
// dependence ρ (sumOfBernoulli), seeded simulated sums (simulateSums) and their histogram and
// moments, and the pmf S would have if the summands were independent, all through src/core.
import { groupedIntegerBins } from "../../src/core/binning";
import { diceSumPmf } from "../../src/core/dice";
import {
  binomial,
  histogram,
  pmf,
  sampleMoments,
  simulateSums,
  sumOfBernoulli,
  type Bins,
  type Histogram,
  type SampleMoments,
  type SumParams,
  type SumTheory,
} from "../../src/core/probability";
import { makeSource, type RandomSource } from "../../src/core/random";
import { formatNumber as f } from "../../src/kit/format";
import { choice, int, num, seed, type ParamsOf } from "../../src/kit/schema";

/**
 * Summand draws per simulation: n · trials is capped here (about 3 ms at ~30 ns a draw), so a
 * large n runs fewer trials rather than freezing the page; the picture says so when it happens.
 */
export const DRAW_BUDGET = 100_000;
/** The fewest trials a capped simulation still runs. */
export const MIN_TRIALS = 100;

export const params = {
  mode: choice({
    label: "summands",
    options: ["bernoulli", "dice"] as const,
    optionLabels: { bernoulli: "coins: Bernoulli(p)", dice: "fair dice" },
    default: "bernoulli",
  }),
  n: int({ label: "n (summands)", min: 1, max: 1000, log: true, default: 10 }),
  p: num({
    label: "p (each coin)",
    min: 0,
    max: 1,
    step: 0.01,
    default: 0.5,
    visibleWhen: (q) => q.mode === "bernoulli",
  }),
  dependence: num({
    label: "ρ (dependence)",
    min: -1,
    max: 1,
    step: 0.01,
    default: 0,
    help: "ρ > 0: with probability ρ a trial makes all summands copies of one; ρ < 0: pairs (X, X′) are antithetic with probability |ρ|.",
  }),
  trials: int({
    label: "trials (simulated sums)",
    min: 10,
    max: 100_000,
    log: true,
    default: 5000,
    group: "simulation",
  }),
  seed: seed({ default: 1, group: "simulation" }),
};

export type ExpectationParams = ParamsOf<typeof params>;

export const presets: Record<string, Partial<ExpectationParams>> = {
  default: {},
  "coin-10": { mode: "bernoulli", n: 10, p: 0.5, dependence: 0, trials: 5000 },
  copies: { mode: "bernoulli", n: 10, p: 0.5, dependence: 1, trials: 5000 },
  "some-copies": { mode: "bernoulli", n: 10, p: 0.5, dependence: 0.3, trials: 5000 },
  antithetic: { mode: "bernoulli", n: 10, p: 0.5, dependence: -1, trials: 5000 },
  "two-dice": { mode: "dice", n: 2, dependence: 0, trials: 5000 },
  "many-dice": { mode: "dice", n: 30, dependence: 0.2, trials: 3000 },
};

/** How the "if independent" pmf is drawn: stems at each sum, or a curve when sums are many. */
export type Reference = { kind: "stems" | "curve"; xs: number[]; ys: number[] };

export interface ExpectationModel {
  sum: SumParams;
  theory: SumTheory;
  /** sd of S with the dependence, and if the summands were independent. */
  sd: number;
  sdIndependent: number;
  /** "10 coins, Bernoulli(0.5)" and the like. */
  name: string;
  /** The trials simulated: `trials`, or fewer when n · trials would exceed DRAW_BUDGET. */
  trialsUsed: number;
  capped: boolean;
  moments: SampleMoments;
  bins: Bins;
  perBin: number;
  hist: Histogram;
  /** Bar heights: the fraction of trials per unit of S (per integer). */
  heights: number[];
  reference: Reference;
  xDomain: [number, number];
  yMax: number;
}

/** Most bars before neighbouring sums share one. */
const MAX_BARS = 120;
/** Points of the reference curve when the sums are many. */
const CURVE_POINTS = 400;

export function sumParamsOf(p: ExpectationParams): SumParams {
  return { mode: p.mode, n: p.n, p: p.mode === "dice" ? 0.5 : p.p, dependence: p.dependence };
}

export function nameOf(s: SumParams): string {
  if (s.mode === "dice") return `${s.n} fair ${s.n === 1 ? "die" : "dice"}`;
  return `${s.n} Bernoulli(${f(s.p)}) coin${s.n === 1 ? "" : "s"}`;
}

// ---- Simulated sums, cached per (summands, dependence, seed) so more trials cost only the rest ----

interface SumStream {
  key: string;
  sums: Float64Array;
  filled: number;
  source: RandomSource;
}
// A memo of a pure function of the key, bounded so it cannot grow.
const streams: SumStream[] = [];
const KEEP_STREAMS = 3;

export function simulatedSums(s: SumParams, seedValue: number, trials: number): Float64Array {
  const key = `${s.mode}|${s.n}|${s.p}|${s.dependence}|${seedValue}`;
  let st = streams.find((x) => x.key === key);
  if (!st) {
    st = { key, sums: new Float64Array(0), filled: 0, source: makeSource(seedValue) };
    streams.unshift(st);
    streams.length = Math.min(streams.length, KEEP_STREAMS);
  }
  if (st.filled < trials) {
    // simulateSums takes its uniforms straight from the source and keeps nothing between calls,
    // so simulating the missing trials now gives exactly the sums of one longer run.
    const grown = new Float64Array(trials);
    grown.set(st.sums.subarray(0, st.filled));
    grown.set(simulateSums(st.source, s, trials - st.filled), st.filled);
    st.sums = grown;
    st.filled = trials;
  }
  return st.sums.subarray(0, trials);
}

/** The smallest and largest value of a prefix (the samples are finite). */
function extent(xs: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}

/** The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 (times a power of ten) that is ≥ v > 0. */
function niceCeil(v: number): number {
  const e = 10 ** Math.floor(Math.log10(v));
  const m = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((k) => k * e >= v * (1 - 1e-12)) ?? 10;
  return m * e;
}

/** P(S = s) if the summands were independent: Binomial(n, p), or the exact dice-sum pmf. */
function independentPmf(s: SumParams): (k: number) => number {
  if (s.mode === "bernoulli") {
    const b = binomial(s.n, s.p);
    return (k) => pmf(b, k);
  }
  const d = diceSumPmf(s.n);
  return (k) => (k >= d.lo && k <= d.hi ? d.probabilities[k - d.lo] : 0);
}

export function expectationModel(p: ExpectationParams, env: { seed: number }): ExpectationModel {
  const s = sumParamsOf(p);
  const theory = sumOfBernoulli(s);
  const trialsUsed = Math.min(p.trials, Math.max(MIN_TRIALS, Math.floor(DRAW_BUDGET / s.n)));
  const sums = simulatedSums(s, env.seed, trialsUsed);
  const moments = sampleMoments(sums);

  // Show the sums the simulation reached and the ±4.5σ the theory expects (with or without the
  // dependence), within the possible range n·min … n·max; all of it when that range is small.
  const [fMin, fMax] = s.mode === "dice" ? [1, 6] : [0, 1];
  const sMin = s.n * fMin;
  const sMax = s.n * fMax;
  const sdIndependent = Math.sqrt(theory.varianceIfIndependent);
  const sd = Math.sqrt(theory.variance);
  const reach = 4.5 * Math.max(sd, sdIndependent, 0.5);
  const [seenLo, seenHi] = extent(sums);
  const lo =
    sMax - sMin <= 60 ? sMin : Math.max(sMin, Math.min(seenLo, Math.floor(theory.mean - reach)));
  const hi =
    sMax - sMin <= 60 ? sMax : Math.min(sMax, Math.max(seenHi, Math.ceil(theory.mean + reach)));
  const { perBin, ...bins } = groupedIntegerBins(lo, hi, MAX_BARS);
  const hist = histogram(sums, bins);

  const ref = independentPmf(s);
  const width = hi - lo + 1;
  const stride = Math.max(1, Math.floor(width / CURVE_POINTS));
  const xs: number[] = [];
  const ys: number[] = [];
  let peak = 0;
  for (let k = lo; k <= hi; k++) {
    const v = ref(k);
    peak = Math.max(peak, v);
    if (perBin === 1 || (k - lo) % stride === 0 || k === hi) {
      xs.push(k);
      ys.push(v);
    }
  }
  const density = hist.density ?? hist.counts.map(() => 0);
  const histPeak = Math.max(...density);
  return {
    sum: s,
    theory,
    sd,
    sdIndependent,
    name: nameOf(s),
    trialsUsed,
    capped: trialsUsed < p.trials,
    moments,
    bins,
    perBin,
    hist,
    heights: [...density],
    reference: { kind: perBin === 1 && width <= 60 ? "stems" : "curve", xs, ys },
    xDomain: [bins.lo - 0.1 * perBin, bins.hi + 0.1 * perBin],
    // Tall enough for both the bars and the reference (dependence can pile the sums up high),
    // with room on top for the legend; a round number, so the axis moves only now and then.
    yMax: niceCeil(1.3 * Math.max(peak, histPeak, 1e-9)),
  };
}
