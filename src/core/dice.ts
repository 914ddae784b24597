// The exact distribution of the sum of n independent fair dice, by repeated convolution with the
// uniform distribution on 1 … faces. The `expectation` scene draws it as the "if independent"
// reference under the simulated sums. Pure: no DOM.

/** Largest number of dice: the pmf costs about 15·n² additions to build from scratch (6 faces). */
export const MAX_DICE = 2000;

/** P(S = s) for s = lo … hi, the sum of n independent fair dice. */
export type DiceSumPmf = {
  readonly n: number;
  readonly faces: number;
  /** The smallest sum, n. */
  readonly lo: number;
  /** The largest sum, n · faces. */
  readonly hi: number;
  /** probabilities[s − lo] = P(S = s); they sum to 1 up to rounding. */
  readonly probabilities: Float64Array;
};

// Results kept for reuse: the last one (dragging n up costs one convolution a step) and a
// checkpoint every 64 dice up to 2048 (dragging n down restarts from the nearest one below).
// Bounded: the checkpoints hold about 1.4 MB at most.
const CHECK_EVERY = 64;
const CHECK_MAX = 2048;
let last: DiceSumPmf | null = null;
let checkpoints = new Map<number, DiceSumPmf>();

/** One more die: P_{k+1}(s) = (1/f) Σ_{j=1}^{f} P_k(s − j). */
function addDie(prev: DiceSumPmf): DiceSumPmf {
  const f = prev.faces;
  const src = prev.probabilities;
  const out = new Float64Array(src.length + f - 1);
  // Summed term by term (a sliding window would subtract large neighbours from tiny tail values
  // and lose them to cancellation), over the left half only: the pmf of fair dice is symmetric
  // about its mean, so the right half is the mirror image, exactly.
  const half = Math.ceil(out.length / 2);
  for (let i = 0; i < half; i++) {
    let sum = 0;
    for (let t = Math.max(0, i - f + 1); t <= Math.min(i, src.length - 1); t++) sum += src[t];
    out[i] = sum / f;
    out[out.length - 1 - i] = out[i];
  }
  return { n: prev.n + 1, faces: f, lo: prev.lo + 1, hi: prev.hi + f, probabilities: out };
}

/**
 * Exact pmf of the sum S of n independent fair dice with `faces` faces.
 *
 * Formula: P₁(s) = 1/f for s = 1 … f, and P_{k+1}(s) = (1/f) Σ_{j=1}^{f} P_k(s − j), evaluated
 * term by term over half the sums and mirrored (the pmf is symmetric), so each extra die costs
 * about n·f²/2 additions and every value keeps its relative precision. E[S] = n(f + 1)/2 and
 * Var(S) = n(f² − 1)/12. Tail probabilities below ~1e-308 underflow to 0. Results are kept and
 * extended, so asking for n + 1 after n is one convolution.
 * Ranges: n an integer in [1, 2000] (the work grows like n²); faces an integer in [2, 100]
 * (default 6).
 * @throws RangeError if n or faces is out of range.
 */
export function diceSumPmf(n: number, faces = 6): DiceSumPmf {
  if (!Number.isInteger(n) || n < 1 || n > MAX_DICE) {
    throw new RangeError(`n must be an integer in [1, ${MAX_DICE}]; got ${n}.`);
  }
  if (!Number.isInteger(faces) || faces < 2 || faces > 100) {
    throw new RangeError(`faces must be an integer in [2, 100]; got ${faces}.`);
  }
  if (last !== null && last.faces !== faces) {
    last = null;
    checkpoints = new Map();
  }
  let cur: DiceSumPmf = {
    n: 1,
    faces,
    lo: 1,
    hi: faces,
    probabilities: new Float64Array(faces).fill(1 / faces),
  };
  for (const c of checkpoints.values()) if (c.n <= n && c.n > cur.n) cur = c;
  if (last !== null && last.n <= n && last.n > cur.n) cur = last;
  while (cur.n < n) {
    cur = addDie(cur);
    if (cur.n % CHECK_EVERY === 0 && cur.n <= CHECK_MAX) checkpoints.set(cur.n, cur);
  }
  last = cur;
  return cur;
}

/**
 * P(S = s) for the sum of n fair dice, 0 outside n … n·faces or for a non-integer s.
 * @throws RangeError if n or faces is out of range, or s is not finite.
 */
export function diceSumProbability(n: number, s: number, faces = 6): number {
  if (!Number.isFinite(s)) throw new RangeError(`s must be a finite number; got ${s}.`);
  const d = diceSumPmf(n, faces);
  if (!Number.isInteger(s) || s < d.lo || s > d.hi) return 0;
  return d.probabilities[s - d.lo];
}
