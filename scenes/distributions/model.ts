// The pure model of distributions: the chosen distribution's pmf or pdf with its mean and
// variance, and a histogram and the sample moments of exactly `samples` seeded draws, all through
// src/core. Play only advances `samples`, so the URL reproduces what is on screen.
import { groupedIntegerBins } from "../../src/core/binning";
import {
  inverseCdfTable,
  sampleInverseCdf,
  type InverseCdfTable,
} from "../../src/core/inverse-cdf";
import {
  bernoulli,
  binomial,
  gaussian,
  histogram,
  mean,
  pdf,
  pmf,
  poisson,
  sampleDistribution,
  sampleMoments,
  support,
  variance,
  type Bins,
  type Distribution,
  type Histogram,
  type SampleMoments,
} from "../../src/core/probability";
import { makeSource, uniformSamples, type RandomSource } from "../../src/core/random";
import { formatNumber as f } from "../../src/kit/format";
import { choice, int, num, seed, type ParamValue, type ParamsOf } from "../../src/kit/schema";

/** The most samples the slider (and play) reaches. */
export const MAX_SAMPLES = 100_000;

const isDist =
  (...names: string[]) =>
  (p: Record<string, ParamValue>) =>
    names.includes(p.dist as string);

export const params = {
  dist: choice({
    label: "distribution",
    options: ["bernoulli", "binomial", "gaussian", "poisson"] as const,
    optionLabels: {
      bernoulli: "Bernoulli(p)",
      binomial: "Binomial(n, p)",
      gaussian: "Gaussian 𝒩(μ, σ²)",
      poisson: "Poisson(λ)",
    },
    default: "binomial",
  }),
  n: int({
    label: "n (trials)",
    min: 1,
    max: 100_000,
    log: true,
    default: 20,
    visibleWhen: isDist("binomial"),
  }),
  p: num({
    label: "p (success probability)",
    min: 0,
    max: 1,
    step: 0.01,
    default: 0.3,
    visibleWhen: isDist("bernoulli", "binomial"),
  }),
  mu: num({
    label: "μ (mean)",
    min: -10,
    max: 10,
    step: 0.1,
    default: 0,
    visibleWhen: isDist("gaussian"),
  }),
  sigma: num({
    label: "σ (standard deviation)",
    min: 0,
    max: 5,
    step: 0.01,
    default: 1,
    visibleWhen: isDist("gaussian"),
  }),
  lambda: num({
    label: "λ (rate)",
    min: 0,
    max: 100,
    step: 0.1,
    default: 4,
    visibleWhen: isDist("poisson"),
  }),
  samples: int({
    label: "samples drawn",
    min: 1,
    max: MAX_SAMPLES,
    log: true,
    default: 100,
    group: "sampling",
    help: "How many seeded samples are in the histogram; play adds them at the chosen speed.",
  }),
  speed: int({
    label: "speed (samples/s)",
    min: 1,
    max: 50_000,
    log: true,
    default: 200,
    group: "sampling",
  }),
  seed: seed({ default: 1, group: "sampling" }),
};

export type DistributionsParams = ParamsOf<typeof params>;

export const presets: Record<string, Partial<DistributionsParams>> = {
  default: {},
  "coin-10": { dist: "binomial", n: 10, p: 0.5, samples: 100, speed: 200 },
  bernoulli: { dist: "bernoulli", p: 0.5, samples: 50, speed: 20 },
  gaussian: { dist: "gaussian", mu: 0, sigma: 1, samples: 200, speed: 500 },
  "poisson-4": { dist: "poisson", lambda: 4, samples: 200, speed: 500 },
  converged: { dist: "binomial", n: 20, p: 0.3, samples: MAX_SAMPLES, speed: 5000 },
};

/** How the theory is drawn: stems at integers, a staircase over wide bins, a curve, a point mass. */
export type Theory =
  | { kind: "stems"; xs: number[]; ys: number[] }
  | { kind: "curve"; pts: [number, number][] }
  | { kind: "point"; at: number };

export interface DistributionsModel {
  d: Distribution;
  /** "Binomial(10, 0.5)" and the like, for words and formulas. */
  name: string;
  discrete: boolean;
  mean: number;
  variance: number;
  sd: number;
  /** The x range shown, and the fixed top of the y axis (so play never rescales it). */
  xDomain: [number, number];
  yMax: number;
  /** What the y axis means: probability (pmf, unit bins), density, or fraction (point mass). */
  yLabel: string;
  theory: Theory;
  bins: Bins;
  /** Integers per bin for a discrete histogram (1 unless the support is wide); null if continuous. */
  perBin: number | null;
  hist: Histogram;
  /** Bar heights on the theory's scale: density per unit, or the fraction for a point mass. */
  heights: number[];
  moments: SampleMoments;
  samples: number;
  /** σ/√m: how far x̄ typically sits from the mean after m samples. */
  standardError: number;
}

/** The y axis reaches this far above the theory's peak: room for noise and for the legend. */
const HEADROOM = 1.35;
/** Most bars a discrete histogram gets before neighbouring integers share a bar. */
const MAX_BARS = 150;
/** Bins of a continuous histogram over μ ± h. */
const GAUSS_BINS = 40;
/** Points on a pdf curve or a wide pmf curve. */
const CURVE_POINTS = 241;

export function distributionOf(p: DistributionsParams): Distribution {
  switch (p.dist) {
    case "bernoulli":
      return bernoulli(p.p);
    case "binomial":
      return binomial(p.n, p.p);
    case "gaussian":
      return gaussian(p.mu, p.sigma);
    case "poisson":
      return poisson(p.lambda);
  }
}

const fmt = (v: number) => String(parseFloat(v.toPrecision(6)));

export function nameOf(d: Distribution): string {
  switch (d.dist) {
    case "bernoulli":
      return `Bernoulli(${fmt(d.p)})`;
    case "binomial":
      return `Binomial(${d.n}, ${fmt(d.p)})`;
    case "gaussian":
      return `𝒩(${fmt(d.mu)}, ${fmt(d.sigma)}²)`;
    case "poisson":
      return `Poisson(${fmt(d.lambda)})`;
  }
}

// ---- Seeded samples: common random numbers, so a slider moves the same samples ----
//
// Per seed there is one stream of uniforms and one of standard normals, both drawn by the core
// (uniformSamples, and sampleDistribution of 𝒩(0, 1)) and extended in blocks as `samples` grows.
// Every distribution with that seed is made from them: a discrete sample is F⁻¹(uᵢ) by inverse-CDF
// sampling, a Gaussian one is μ + σ·zᵢ (the definition of 𝒩(μ, σ²)). So dragging p, λ, μ or σ
// moves the same samples (the histogram morphs instead of reshuffling), and only a table lookup
// or an affine map is paid per change, never new random draws.

/** Base streams are extended in blocks: the normal sampler makes its values in pairs. */
const BLOCK = 4096;

interface BaseStream {
  seed: number;
  values: Float64Array;
  filled: number;
  source: RandomSource;
}

// Memos of pure functions of their keys, bounded so they cannot grow: the base streams of the
// last seed, and the samples of the last few (distribution, seed) pairs.
let uniforms: BaseStream | null = null;
let normals: BaseStream | null = null;
const streams: { key: string; xs: Float64Array; filled: number }[] = [];
const KEEP_STREAMS = 3;

function extend(
  stream: BaseStream | null,
  seedValue: number,
  count: number,
  draw: (source: RandomSource) => Float64Array,
): BaseStream {
  let s = stream;
  if (!s || s.seed !== seedValue) {
    s = { seed: seedValue, values: new Float64Array(0), filled: 0, source: makeSource(seedValue) };
  }
  if (s.filled < count) {
    const need = Math.ceil(count / BLOCK) * BLOCK;
    const grown = new Float64Array(need);
    grown.set(s.values.subarray(0, s.filled));
    while (s.filled < need) {
      grown.set(draw(s.source), s.filled);
      s.filled += BLOCK;
    }
    s.values = grown;
  }
  return s;
}

const STANDARD_NORMAL = gaussian(0, 1);

/** The first `count` seeded samples of `d` (see above: common random numbers per seed). */
export function seededSamples(d: Distribution, seedValue: number, count: number): Float64Array {
  const key = `${JSON.stringify(d)}|${seedValue}`;
  let s = streams.find((x) => x.key === key);
  if (!s) {
    s = { key, xs: new Float64Array(0), filled: 0 };
    streams.unshift(s);
    streams.length = Math.min(streams.length, KEEP_STREAMS);
  }
  if (s.filled < count) {
    // Room to grow by doubling, so play's small increments rarely reallocate.
    if (s.xs.length < count) {
      const grown = new Float64Array(Math.max(count, Math.min(2 * s.xs.length, MAX_SAMPLES)));
      grown.set(s.xs.subarray(0, s.filled));
      s.xs = grown;
    }
    const xs = s.xs;
    if (d.dist === "gaussian") {
      normals = extend(normals, seedValue, count, (src) =>
        sampleDistribution(STANDARD_NORMAL, src, BLOCK),
      );
      const zs = normals.values;
      for (let i = s.filled; i < count; i++) xs[i] = d.mu + d.sigma * zs[i];
    } else {
      uniforms = extend(uniforms, seedValue, count, (src) => uniformSamples(src, BLOCK));
      const us = uniforms.values;
      let k = s.filled;
      const replay = () => us[k++];
      xs.set(sampleInverseCdf(tableOf(d), replay, count - s.filled), s.filled);
    }
    s.filled = count;
  }
  return s.xs.subarray(0, count);
}

// The inverse-CDF table of the last discrete distribution (building it walks the support).
let lastTable: { key: string; table: InverseCdfTable } | null = null;
function tableOf(d: Exclude<Distribution, { dist: "gaussian" }>): InverseCdfTable {
  const key = JSON.stringify(d);
  if (lastTable?.key !== key) lastTable = { key, table: inverseCdfTable(d) };
  return lastTable.table;
}

// ---- The picture's ranges and the theory curve ----

/** The integers lo … hi a discrete distribution is shown over. */
function discreteRange(d: Exclude<Distribution, { dist: "gaussian" }>): [number, number] {
  const s = support(d);
  const [slo, shi] = s.kind === "discrete" ? [s.lo, s.hi] : [0, 0];
  if (d.dist === "bernoulli") return [0, 1];
  // Small n and λ are shown from 0 (to n), so moving p or λ moves the picture, not the axis.
  if (d.dist === "binomial") return d.n <= 60 ? [0, d.n] : [slo, shi];
  return d.lambda <= 40 ? [0, Math.max(shi, 5)] : [slo, shi];
}

function discreteModel(d: Exclude<Distribution, { dist: "gaussian" }>) {
  const [lo, hi] = discreteRange(d);
  const width = hi - lo + 1;
  const { perBin, ...bins } = groupedIntegerBins(lo, hi, MAX_BARS);
  let peak = 0;
  const xs: number[] = [];
  const ys: number[] = [];
  const stride = Math.max(1, Math.floor(width / CURVE_POINTS));
  for (let k = lo; k <= hi; k++) {
    const v = pmf(d, k);
    peak = Math.max(peak, v);
    if (perBin === 1 || (k - lo) % stride === 0 || k === hi) {
      xs.push(k);
      ys.push(v);
    }
  }
  const theory: Theory =
    perBin === 1
      ? { kind: "stems", xs, ys }
      : { kind: "curve", pts: xs.map((x, i) => [x, ys[i]] as [number, number]) };
  return {
    xDomain: [bins.lo - 0.1 * perBin, bins.hi + 0.1 * perBin] as [number, number],
    bins,
    perBin,
    theory,
    yMax: peak * HEADROOM,
    yLabel: perBin === 1 ? "probability" : "probability per integer",
  };
}

function gaussianModel(d: Extract<Distribution, { dist: "gaussian" }>) {
  const s = support(d);
  if (s.kind === "point") {
    // σ = 0: no density. All samples equal μ; the bars show the fraction of samples per bin.
    const xDomain: [number, number] = [Math.min(-1, d.mu - 1), Math.max(1, d.mu + 1)];
    return {
      xDomain,
      bins: { lo: d.mu - 1, hi: d.mu + 1, count: GAUSS_BINS + 1 },
      perBin: null,
      theory: { kind: "point", at: d.mu } as Theory,
      yMax: HEADROOM,
      yLabel: "fraction of samples",
    };
  }
  // A half-width h from the powers of two with 4σ ≤ h < 8σ: the axis keeps still while σ moves
  // within an octave, so a wider σ is seen as a wider bell. It includes 0 unless μ is far away.
  const h = 2 ** Math.ceil(Math.log2(4 * d.sigma));
  const xDomain: [number, number] =
    Math.abs(d.mu) <= 2 * h
      ? [Math.min(-h, d.mu - h), Math.max(h, d.mu + h)]
      : [d.mu - h, d.mu + h];
  const pts: [number, number][] = [];
  let peak = 0;
  for (let i = 0; i < CURVE_POINTS; i++) {
    const x = xDomain[0] + ((xDomain[1] - xDomain[0]) * i) / (CURVE_POINTS - 1);
    const v = pdf(d, x).value ?? 0;
    pts.push([x, v]);
  }
  peak = pdf(d, d.mu).value ?? 0;
  return {
    xDomain,
    bins: { lo: d.mu - h, hi: d.mu + h, count: GAUSS_BINS },
    perBin: null,
    theory: { kind: "curve", pts } as Theory,
    yMax: peak * HEADROOM,
    yLabel: "density",
  };
}

export function distributionsModel(
  p: DistributionsParams,
  env: { seed: number },
): DistributionsModel {
  const d = distributionOf(p);
  const m = mean(d);
  const v = variance(d);
  const shape = d.dist === "gaussian" ? gaussianModel(d) : discreteModel(d);
  const count = Math.max(1, Math.min(MAX_SAMPLES, Math.round(p.samples)));
  const xs = seededSamples(d, env.seed, count);
  const hist = histogram(xs, shape.bins);
  const total = Math.max(1, hist.total);
  // A point mass has no density: its bars are fractions, on the same scale as its unit spike.
  const heights =
    shape.theory.kind === "point"
      ? hist.counts.map((c) => c / total)
      : (hist.density ?? hist.counts.map(() => 0));
  return {
    d,
    name: nameOf(d),
    discrete: d.dist !== "gaussian",
    mean: m,
    variance: v,
    sd: Math.sqrt(v),
    ...shape,
    hist,
    heights: [...heights],
    moments: sampleMoments(xs, count),
    samples: count,
    standardError: Math.sqrt(v / count),
  };
}

/** “after m samples the sample mean is … and the sample variance …”, for the live summary. */
export function sampleSentence(m: DistributionsModel): string {
  const mo = m.moments;
  const xbar = mo.mean === null ? "undefined" : f(mo.mean);
  const s2 =
    mo.variance === null ? `undefined (${mo.reason ?? "too few samples"})` : f(mo.variance);
  return `after ${f(m.samples)} sample${m.samples === 1 ? "" : "s"} the sample mean is ${xbar} and the sample variance ${s2}`;
}
