// The heavy parts of hoeffding as jobs (src/kit/jobs): the coverage simulation, a chunk of
// trials per piece, and the exact binomial tail along the coverage chart, a point per piece.
// They run in sim.worker.ts, or on the main thread a frame's budget at a time where workers
// are unavailable.
import {
  binomialTwoSidedTail,
  coverageChunk,
  coverageStart,
  type CoverageOptions,
  type CoverageResult,
} from "../../src/core/concentration";

/** Trials per piece of a coverage run. */
const CHUNK_TRIALS = 500;

/** A coverage run: its running result after every chunk of trials, the last one finished. */
export function* coverageJob(o: CoverageOptions): Generator<CoverageResult, void> {
  const state = coverageStart(o);
  let r: CoverageResult;
  do {
    r = coverageChunk(state, CHUNK_TRIALS);
    yield r;
  } while (!r.finished);
}

export interface ExactArgs {
  p: number;
  t: number;
  /** The n to evaluate, in order. */
  ns: number[];
  /** Once three values in a row are below this, the rest only fall further: stop. */
  stop: number;
}

/** The exact two-sided tail at each n of the grid, in order, until it is far below the chart. */
export function* exactJob({ p, t, ns, stop }: ExactArgs): Generator<number, void> {
  let below = 0;
  for (const n of ns) {
    const v = binomialTwoSidedTail(n, p, t);
    yield v;
    below = v < stop ? below + 1 : 0;
    if (below === 3) return;
  }
}

export const hoeffdingJobs = { coverage: coverageJob, exact: exactJob };
