// The pure model of uncorrelated: X ~ U(−1, 1) with Y = X² + αX, or a jointly Gaussian pair with
// correlation ρ; n seeded points, their covariance and correlation (theory and sample), the
// least-squares line, and the spread of Y within X-bins, all through src/core.
import {
  conditionalSpread,
  correlation,
  covariance,
  sampleMoments,
  sampleUncorrelated,
  uncorrelatedTheory,
  type Bins,
  type MaybeNumber,
  type SpreadBin,
  type UncorrelatedParams as CoreParams,
} from "../../src/core/probability";
import { makeSource, type RandomSource } from "../../src/core/random";
import { choice, int, num, seed, type ParamsOf } from "../../src/kit/schema";

/** Most points: a Gaussian cloud costs two normal draws a point, and a redraw must fit a frame. */
export const MAX_POINTS = 20_000;

export const params = {
  mode: choice({
    label: "data",
    options: ["square", "gaussian"] as const,
    optionLabels: { square: "X ~ U(−1, 1), Y = X² + αX", gaussian: "jointly Gaussian, corr ρ" },
    default: "square",
  }),
  mix: num({
    label: "α (mix: Y = X² + αX)",
    min: -2,
    max: 2,
    step: 0.01,
    default: 0,
    visibleWhen: (p) => p.mode === "square",
  }),
  rho: num({
    label: "ρ (correlation)",
    min: -1,
    max: 1,
    step: 0.01,
    default: 0,
    visibleWhen: (p) => p.mode === "gaussian",
  }),
  n: int({ label: "n (points)", min: 1, max: MAX_POINTS, log: true, default: 2000 }),
  seed: seed({ default: 1 }),
};

export type UncorrelatedParams = ParamsOf<typeof params>;

export const presets: Record<string, Partial<UncorrelatedParams>> = {
  default: {},
  mixed: { mode: "square", mix: 0.5, n: 2000 },
  gaussian: { mode: "gaussian", rho: 0, n: 2000 },
  "gaussian-correlated": { mode: "gaussian", rho: 0.7, n: 2000 },
  "many-points": { mode: "square", mix: 0, n: MAX_POINTS },
};

export interface UncorrelatedModel {
  core: CoreParams;
  /** Theoretical Cov(X, Y) and correlation. */
  cov: number;
  corr: number;
  sampleCov: MaybeNumber;
  sampleCorr: MaybeNumber;
  xs: Float64Array;
  ys: Float64Array;
  n: number;
  /** Mean and sd of Y over all points: what every bin would show if X and Y were independent. */
  yMean: number | null;
  ySd: number | null;
  bins: Bins;
  spread: SpreadBin[];
  /** The least-squares line y = a + b·x through the points; null with fewer than 2 distinct x. */
  line: { a: number; b: number } | null;
  xDomain: [number, number];
  yDomain: [number, number];
}

/** Points are drawn in blocks, so a larger n extends the same cloud instead of redrawing it. */
const BLOCK = 4096;

interface PointStream {
  key: string;
  xs: Float64Array;
  ys: Float64Array;
  filled: number;
  source: RandomSource;
}
// A memo of a pure function of the key, bounded so it cannot grow.
const streams: PointStream[] = [];
const KEEP_STREAMS = 3;

export function coreParamsOf(p: UncorrelatedParams): CoreParams {
  return p.mode === "square"
    ? { mode: "square", mix: p.mix }
    : { mode: "gaussian", mix: 0, rho: p.rho };
}

/** The first n seeded points for these params. */
export function seededPoints(
  c: CoreParams,
  seedValue: number,
  n: number,
): { xs: Float64Array; ys: Float64Array } {
  const key = `${c.mode}|${c.mix}|${c.rho ?? 0}|${seedValue}`;
  let st = streams.find((s) => s.key === key);
  if (!st) {
    st = {
      key,
      xs: new Float64Array(0),
      ys: new Float64Array(0),
      filled: 0,
      source: makeSource(seedValue),
    };
    streams.unshift(st);
    streams.length = Math.min(streams.length, KEEP_STREAMS);
  }
  if (st.filled < n) {
    const need = Math.ceil(n / BLOCK) * BLOCK;
    const xs = new Float64Array(need);
    const ys = new Float64Array(need);
    xs.set(st.xs.subarray(0, st.filled));
    ys.set(st.ys.subarray(0, st.filled));
    while (st.filled < need) {
      const block = sampleUncorrelated({ ...c, n: BLOCK, source: st.source });
      xs.set(block.xs, st.filled);
      ys.set(block.ys, st.filled);
      st.filled += BLOCK;
    }
    st.xs = xs;
    st.ys = ys;
  }
  return { xs: st.xs.subarray(0, n), ys: st.ys.subarray(0, n) };
}

/** The range of x² + αx over [−1, 1]: its ends and, when inside, its vertex at x = −α/2. */
function squareRange(alpha: number): [number, number] {
  const f = (x: number) => x * x + alpha * x;
  const candidates = [f(-1), f(1)];
  if (Math.abs(alpha / 2) <= 1) candidates.push(f(-alpha / 2));
  return [Math.min(...candidates), Math.max(...candidates)];
}

export function uncorrelatedModel(p: UncorrelatedParams, env: { seed: number }): UncorrelatedModel {
  const core = coreParamsOf(p);
  const theory = uncorrelatedTheory(core);
  const n = Math.max(1, Math.min(MAX_POINTS, Math.round(p.n)));
  const { xs, ys } = seededPoints(core, env.seed, n);
  const points = { xs, ys };
  const bins: Bins =
    core.mode === "square" ? { lo: -1, hi: 1, count: 10 } : { lo: -3, hi: 3, count: 12 };
  const yMoments = sampleMoments(ys);
  const xMoments = sampleMoments(xs);
  const sampleCov = covariance(points);
  let line: { a: number; b: number } | null = null;
  if (
    sampleCov.value !== null &&
    xMoments.variance !== null &&
    xMoments.variance > 0 &&
    yMoments.mean !== null &&
    xMoments.mean !== null
  ) {
    const b = sampleCov.value / xMoments.variance;
    line = { a: yMoments.mean - b * xMoments.mean, b };
  }
  let xDomain: [number, number];
  let yDomain: [number, number];
  if (core.mode === "square") {
    const [lo, hi] = squareRange(core.mix);
    const pad = 0.08 * (hi - lo || 1);
    xDomain = [-1.08, 1.08];
    // Rounded out to quarters, so dragging α moves the cloud and only now and then the axis.
    yDomain = [
      Math.floor((Math.min(lo, 0) - pad) * 4) / 4,
      Math.ceil((Math.max(hi, 1) + pad) * 4) / 4,
    ];
  } else {
    xDomain = [-4, 4];
    yDomain = [-4, 4];
  }
  return {
    core,
    cov: theory.cov,
    corr: theory.corr,
    sampleCov,
    sampleCorr: correlation(points),
    xs,
    ys,
    n,
    yMean: yMoments.mean,
    ySd: yMoments.variance === null ? null : Math.sqrt(yMoments.variance),
    bins,
    spread: conditionalSpread(points, bins),
    line,
    xDomain,
    yDomain,
  };
}
