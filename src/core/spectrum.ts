// Low-rank images: the singular spectrum of a matrix without its vectors (cheap enough for a
// scene's model to compute on the main thread), the numerical rank read off a spectrum, an SVD
// held in flat typed arrays (what a Web Worker can transfer without copying), and rank-k
// reconstructions served from checkpoints, so that moving k costs a few rank-one updates.
import type { Rows } from "./linalg";
import { requireFinite, requireInteger, type Vec } from "./vec";

const EPS = Number.EPSILON;

function checkRows(fn: string, a: Rows): { m: number; n: number } {
  if (!Array.isArray(a) || a.length === 0 || !Array.isArray(a[0]) || a[0].length === 0) {
    throw new RangeError(`${fn}: the matrix is empty; pass at least one row with one entry.`);
  }
  const m = a.length;
  const n = a[0].length;
  for (let i = 0; i < m; i++) {
    const row = a[i];
    if (!Array.isArray(row) || row.length !== n) {
      throw new RangeError(`${fn}: row ${i} does not have ${n} entries like row 0.`);
    }
    for (let j = 0; j < n; j++) {
      if (!Number.isFinite(row[j])) {
        throw new RangeError(`${fn}: entry [${i}][${j}] is ${row[j]}; entries must be finite.`);
      }
    }
  }
  return { m, n };
}

/**
 * The singular values σ₁ ≥ … ≥ σᵣ ≥ 0 (r = min(m, n)) of an m×n matrix, without the singular
 * vectors: Householder bidiagonalisation and implicit-shift QR (`golubReinsch`), several times
 * cheaper than a full SVD.
 *
 * Equal to `svd(a).s` up to rounding wherever ml-matrix converges; unlike it, this also returns
 * on large rank-deficient matrices (see `golubReinsch`).
 *
 * @throws RangeError if the matrix is empty, ragged or has a non-finite entry.
 */
export function singularValues(a: Rows): number[] {
  const { m, n } = checkRows("singularValues", a);
  return Array.from(golubReinsch(flatten(a, m, n), m, n, false).s);
}

/**
 * The numerical rank of an m×n matrix from its singular values: the count of σᵢ above
 * max(m, n)·ε·σ₁, the same tolerance as `rank` (LAPACK's and NumPy's). 0 for the zero matrix.
 *
 * @throws RangeError if a σ is negative or not finite, or m, n are not positive integers.
 */
export function rankFromSpectrum(s: readonly number[], m: number, n: number): number {
  if (!Number.isInteger(m) || !Number.isInteger(n) || m < 1 || n < 1) {
    throw new RangeError(`rankFromSpectrum: m and n must be positive integers, got ${m}, ${n}.`);
  }
  let top = 0;
  for (const x of s) {
    if (!(Number.isFinite(x) && x >= 0)) {
      throw new RangeError(`rankFromSpectrum: a singular value is ${x}; they must be ≥ 0.`);
    }
    top = Math.max(top, x);
  }
  const bar = Math.max(m, n) * EPS * top;
  return s.filter((x) => x > bar).length;
}

/**
 * A thin SVD A = U·diag(s)·Vᵀ in flat arrays: column l of U is u[l·m … l·m + m), column l of V
 * is v[l·n … l·n + n). Signs as `svd` normalises them.
 */
export interface FlatSvd {
  readonly m: number;
  readonly n: number;
  readonly s: Float64Array;
  readonly u: Float64Array;
  readonly v: Float64Array;
}

/**
 * The thin SVD A = U·diag(s)·Vᵀ of an m×n matrix in flat arrays (`golubReinsch`), for images:
 * s descending; V orthonormal (n×r); the columns of U for σ > 0 orthonormal (those for σ = 0 are
 * not completed to a basis: they multiply nothing). Signs as `svd` normalises them: the
 * largest-magnitude entry of each vᵢ positive, uᵢ flipped with it, so uᵢσᵢvᵢᵀ is unchanged.
 *
 * @throws RangeError if the matrix is empty, ragged or has a non-finite entry, or (never seen)
 *   if the QR iteration does not converge.
 */
export function flatSvd(a: Rows): FlatSvd {
  const { m, n } = checkRows("flatSvd", a);
  return golubReinsch(flatten(a, m, n), m, n, true);
}

function flatten(a: Rows, m: number, n: number): Float64Array {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) out.set(a[i], i * n);
  return out;
}

const MAX_SWEEPS = 75;

/**
 * The Golub–Reinsch SVD (Householder bidiagonalisation, then implicit-shift QR on the bidiagonal,
 * in the form of Numerical Recipes' svdcmp) of a row-major m×n matrix, overwritten.
 *
 * Why not ml-matrix here: its deflation test compares an off-diagonal entry with the two
 * neighbouring singular values only, so where both are zero (a large rank-deficient matrix: a
 * constant 64×64 image, a 64×64 checkerboard) it loops forever. This one compares with the
 * norm of the whole bidiagonal, as LAPACK does, and caps the iterations.
 */
function golubReinsch(a0: Float64Array, m0: number, n0: number, vectors: boolean): FlatSvd {
  // Work on the tall orientation (m ≥ n); a wide matrix is transposed and U, V swapped back.
  const wide = m0 < n0;
  const m = wide ? n0 : m0;
  const n = wide ? m0 : n0;
  const a = wide ? new Float64Array(m * n) : a0;
  if (wide) for (let i = 0; i < m0; i++) for (let j = 0; j < n0; j++) a[j * n + i] = a0[i * n0 + j];
  const w = new Float64Array(n);
  const rv1 = new Float64Array(n);
  const tmp = new Float64Array(n);
  const v = vectors ? new Float64Array(n * n) : new Float64Array(0);
  let g = 0;
  let scale = 0;
  let anorm = 0;
  let l = 0;
  // A column or row whose entries sum below ε²·max|aᵢⱼ| is rounding residue of a rank-deficient
  // matrix: it is set to zero rather than reflected, since Householder steps on residue of
  // residue run into subnormal numbers (and then 0/0). This moves σ by at most ε²·‖A‖.
  let amax = 0;
  for (let i = 0; i < a.length; i++) amax = Math.max(amax, Math.abs(a[i]));
  const tiny = EPS * EPS * amax;
  // Householder reduction to bidiagonal form: w the diagonal, rv1 the superdiagonal.
  for (let i = 0; i < n; i++) {
    l = i + 1;
    rv1[i] = scale * g;
    g = 0;
    scale = 0;
    let s = 0;
    for (let k = i; k < m; k++) scale += Math.abs(a[k * n + i]);
    if (scale <= tiny) {
      for (let k = i; k < m; k++) a[k * n + i] = 0;
      scale = 0;
    } else {
      for (let k = i; k < m; k++) {
        a[k * n + i] /= scale;
        s += a[k * n + i] * a[k * n + i];
      }
      const f = a[i * n + i];
      g = -Math.sign(f || 1) * Math.sqrt(s);
      const h = f * g - s;
      a[i * n + i] = f - g;
      // Rows outermost, so the inner loops run along contiguous memory (row-major storage).
      tmp.fill(0, l, n);
      for (let k = i; k < m; k++) {
        const aki = a[k * n + i];
        if (aki === 0) continue;
        for (let j = l, q = k * n + l; j < n; j++, q++) tmp[j] += aki * a[q];
      }
      for (let j = l; j < n; j++) tmp[j] /= h;
      for (let k = i; k < m; k++) {
        const aki = a[k * n + i];
        if (aki === 0) continue;
        for (let j = l, q = k * n + l; j < n; j++, q++) a[q] += tmp[j] * aki;
      }
      for (let k = i; k < m; k++) a[k * n + i] *= scale;
    }
    w[i] = scale * g;
    g = 0;
    scale = 0;
    s = 0;
    if (i !== n - 1) {
      for (let k = l; k < n; k++) scale += Math.abs(a[i * n + k]);
      if (scale <= tiny) {
        for (let k = l; k < n; k++) a[i * n + k] = 0;
        scale = 0;
      } else {
        for (let k = l; k < n; k++) {
          a[i * n + k] /= scale;
          s += a[i * n + k] * a[i * n + k];
        }
        const f = a[i * n + l];
        g = -Math.sign(f || 1) * Math.sqrt(s);
        const h = f * g - s;
        a[i * n + l] = f - g;
        for (let k = l; k < n; k++) rv1[k] = a[i * n + k] / h;
        for (let j = l; j < m; j++) {
          let t = 0;
          for (let k = l; k < n; k++) t += a[j * n + k] * a[i * n + k];
          for (let k = l; k < n; k++) a[j * n + k] += t * rv1[k];
        }
        for (let k = l; k < n; k++) a[i * n + k] *= scale;
      }
    }
    anorm = Math.max(anorm, Math.abs(w[i]) + Math.abs(rv1[i]));
  }
  if (vectors) {
    // Accumulate the right-hand transformations into V.
    for (let i = n - 1; i >= 0; i--) {
      if (i < n - 1) {
        if (g !== 0) {
          // Double division avoids a possible underflow.
          for (let j = l; j < n; j++) v[j * n + i] = a[i * n + j] / a[i * n + l] / g;
          tmp.fill(0, l, n);
          for (let k = l; k < n; k++) {
            const aik = a[i * n + k];
            if (aik === 0) continue;
            for (let j = l, q = k * n + l; j < n; j++, q++) tmp[j] += aik * v[q];
          }
          for (let k = l; k < n; k++) {
            const vki = v[k * n + i];
            if (vki === 0) continue;
            for (let j = l, q = k * n + l; j < n; j++, q++) v[q] += tmp[j] * vki;
          }
        }
        for (let j = l; j < n; j++) v[i * n + j] = v[j * n + i] = 0;
      }
      v[i * n + i] = 1;
      g = rv1[i];
      l = i;
    }
    // Accumulate the left-hand transformations into U (overwriting a).
    for (let i = n - 1; i >= 0; i--) {
      l = i + 1;
      g = w[i];
      for (let j = l; j < n; j++) a[i * n + j] = 0;
      if (g !== 0) {
        g = 1 / g;
        tmp.fill(0, l, n);
        for (let k = l; k < m; k++) {
          const aki = a[k * n + i];
          if (aki === 0) continue;
          for (let j = l, q = k * n + l; j < n; j++, q++) tmp[j] += aki * a[q];
        }
        const aii = a[i * n + i];
        for (let j = l; j < n; j++) tmp[j] = (tmp[j] / aii) * g;
        for (let k = i; k < m; k++) {
          const aki = a[k * n + i];
          if (aki === 0) continue;
          for (let j = l, q = k * n + l; j < n; j++, q++) a[q] += tmp[j] * aki;
        }
        for (let j = i; j < m; j++) a[j * n + i] *= g;
      } else for (let j = i; j < m; j++) a[j * n + i] = 0;
      a[i * n + i] += 1;
    }
  }
  // The QR sweeps rotate pairs of columns of U and V: store both column by column (ut[j·m + i]
  // = U[i][j], vt[j·n + i] = V[i][j]) so each rotation runs along contiguous memory.
  const ut = vectors ? new Float64Array(n * m) : a;
  const vt = vectors ? new Float64Array(n * n) : v;
  if (vectors) {
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) ut[j * m + i] = a[i * n + j];
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) vt[j * n + i] = v[i * n + j];
  }
  // Diagonalise the bidiagonal form: implicit-shift QR, splitting where an entry is negligible
  // next to the norm of the whole bidiagonal (|x| + anorm === anorm).
  for (let k = n - 1; k >= 0; k--) {
    for (let its = 1; ; its++) {
      let flag = true;
      let nm = 0;
      for (l = k; l >= 0; l--) {
        nm = l - 1;
        // rv1[0] is always zero, so the loop stops at l = 0 at the latest.
        if (Math.abs(rv1[l]) + anorm === anorm) {
          flag = false;
          break;
        }
        if (Math.abs(w[nm]) + anorm === anorm) break;
      }
      if (flag) {
        // w[nm] is negligible: chase rv1[l] to zero with rotations from the left.
        let c = 0;
        let s = 1;
        for (let i = l; i <= k; i++) {
          const f = s * rv1[i];
          rv1[i] = c * rv1[i];
          if (Math.abs(f) + anorm === anorm) break;
          g = w[i];
          const h = Math.hypot(f, g);
          w[i] = h;
          c = g / h;
          s = -f / h;
          if (vectors)
            for (let j = 0, p = nm * m, q = i * m; j < m; j++, p++, q++) {
              const y = ut[p];
              const z = ut[q];
              ut[p] = y * c + z * s;
              ut[q] = z * c - y * s;
            }
        }
      }
      let z = w[k];
      if (l === k) {
        // Converged: make the singular value non-negative.
        if (z < 0) {
          w[k] = -z;
          if (vectors) for (let j = 0; j < n; j++) vt[k * n + j] = -vt[k * n + j];
        }
        break;
      }
      if (its > MAX_SWEEPS) {
        throw new RangeError(
          `golubReinsch: no convergence in ${MAX_SWEEPS} QR sweeps; the matrix may hold extreme values.`,
        );
      }
      // The shift: from the bottom 2×2 minor.
      let x = w[l];
      nm = k - 1;
      let y = w[nm];
      g = rv1[nm];
      let h = rv1[k];
      let f = ((y - z) * (y + z) + (g - h) * (g + h)) / (2 * h * y);
      g = Math.hypot(f, 1);
      f = ((x - z) * (x + z) + h * (y / (f + (f >= 0 ? g : -g)) - h)) / x;
      // The next QR transformation.
      let c = 1;
      let s = 1;
      for (let j = l; j <= nm; j++) {
        const i = j + 1;
        g = rv1[i];
        y = w[i];
        h = s * g;
        g = c * g;
        z = Math.hypot(f, h);
        rv1[j] = z;
        // Exact zeros (a checkerboard's blocks) can make f = h = 0: any rotation will do.
        if (z !== 0) {
          c = f / z;
          s = h / z;
        } else {
          c = 1;
          s = 0;
        }
        f = x * c + g * s;
        g = g * c - x * s;
        h = y * s;
        y *= c;
        if (vectors)
          for (let jj = 0, p = j * n, q = i * n; jj < n; jj++, p++, q++) {
            const xv = vt[p];
            const zv = vt[q];
            vt[p] = xv * c + zv * s;
            vt[q] = zv * c - xv * s;
          }
        z = Math.hypot(f, h);
        w[j] = z;
        // The rotation is arbitrary where z = 0.
        if (z !== 0) {
          c = f / z;
          s = h / z;
        }
        f = c * g + s * y;
        x = c * y - s * g;
        if (vectors)
          for (let jj = 0, p = j * m, q = i * m; jj < m; jj++, p++, q++) {
            const ya = ut[p];
            const za = ut[q];
            ut[p] = ya * c + za * s;
            ut[q] = za * c - ya * s;
          }
      }
      rv1[l] = 0;
      rv1[k] = f;
      w[k] = x;
    }
  }
  // Sort descending; pack U (m×n, from a) and V (n×n) column by column; normalise signs.
  const order = Array.from(w.keys()).sort((p, q) => w[q] - w[p]);
  const sv = Float64Array.from(order, (j) => w[j]);
  if (!vectors) return { m: m0, n: n0, s: sv, u: new Float64Array(0), v: new Float64Array(0) };
  const U = new Float64Array(m * n);
  const V = new Float64Array(n * n);
  order.forEach((j, col) => {
    let lead = 0;
    for (let i = 1; i < n; i++)
      if (Math.abs(vt[j * n + i]) > Math.abs(vt[j * n + lead]) * (1 + 1e-12)) lead = i;
    const sign = vt[j * n + lead] < 0 ? -1 : 1;
    for (let i = 0; i < m; i++) U[col * m + i] = sign * ut[j * m + i];
    for (let i = 0; i < n; i++) V[col * n + i] = sign * vt[j * n + i];
  });
  // For a wide matrix, A = (Aᵀ)ᵀ = V'·Σ·U'ᵀ: the roles swap, and the sign rule moves to the new V.
  if (wide) {
    for (let col = 0; col < n; col++) {
      let lead = 0;
      for (let i = 1; i < m; i++)
        if (Math.abs(U[col * m + i]) > Math.abs(U[col * m + lead]) * (1 + 1e-12)) lead = i;
      if (U[col * m + lead] < 0) {
        for (let i = 0; i < m; i++) U[col * m + i] = -U[col * m + i];
        for (let i = 0; i < n; i++) V[col * n + i] = -V[col * n + i];
      }
    }
    return { m: m0, n: n0, s: sv, u: V, v: U };
  }
  return { m: m0, n: n0, s: sv, u: U, v: V };
}

/** out += sign·σₗ·uₗ·vₗᵀ, out row-major m×n. */
function addTerm(dec: FlatSvd, l: number, sign: 1 | -1, out: Float64Array): void {
  const { m, n, u, v } = dec;
  const sl = sign * dec.s[l];
  const uo = l * m;
  const vo = l * n;
  for (let i = 0; i < m; i++) {
    const c = u[uo + i] * sl;
    if (c === 0) continue;
    const row = i * n;
    for (let j = 0; j < n; j++) out[row + j] += c * v[vo + j];
  }
}

function checkK(fn: string, dec: FlatSvd, k: number): void {
  if (!Number.isInteger(k) || k < 0 || k > dec.s.length) {
    throw new RangeError(`${fn}: k is ${k}; it must be an integer from 0 to ${dec.s.length}.`);
  }
}

/**
 * Checkpoints of the rank-k approximations: checkpoints[c] = A_{c·every} (row-major m×n), from
 * A₀ = 0 up to A_r = A. Built by adding one rank-one term at a time, so the whole table costs
 * what a single A_r does; `onProgress(done, total)` is called after each checkpoint.
 *
 * @throws RangeError if every is not a positive integer.
 */
export function lowRankCheckpoints(
  dec: FlatSvd,
  every: number,
  onProgress?: (done: number, total: number) => void,
): Float64Array[] {
  if (!Number.isInteger(every) || every < 1) {
    throw new RangeError(`lowRankCheckpoints: every is ${every}; it must be a positive integer.`);
  }
  const r = dec.s.length;
  const total = Math.ceil(r / every);
  const acc = new Float64Array(dec.m * dec.n);
  const out = [acc.slice()];
  for (let l = 0; l < r; l++) {
    addTerm(dec, l, 1, acc);
    if ((l + 1) % every === 0 || l + 1 === r) {
      out.push(acc.slice());
      onProgress?.(out.length - 1, total);
    }
  }
  return out;
}

/**
 * The rank-k approximation A_k = Σₗ<ₖ σₗ·uₗ·vₗᵀ written into `out` (row-major m×n), starting
 * from the nearest checkpoint (below or above k), so at most every/2 rank-one terms are added
 * or removed: O(every·m·n) whatever k is. Equal to `lowRank(svd(A), k)` up to rounding.
 *
 * @throws RangeError if k is not an integer in [0, r], or the checkpoints do not match `every`.
 */
export function lowRankFromCheckpoints(
  dec: FlatSvd,
  checkpoints: readonly Float64Array[],
  every: number,
  k: number,
  out: Float64Array = new Float64Array(dec.m * dec.n),
): Float64Array {
  checkK("lowRankFromCheckpoints", dec, k);
  const r = dec.s.length;
  if (checkpoints.length !== Math.ceil(r / every) + 1) {
    throw new RangeError(
      "lowRankFromCheckpoints: the checkpoints were built with another `every`.",
    );
  }
  const below = Math.floor(k / every);
  const above = Math.min(below + 1, checkpoints.length - 1);
  const kAbove = Math.min(above * every, r);
  if (k - below * every <= kAbove - k || above === below) {
    out.set(checkpoints[below]);
    for (let l = below * every; l < k; l++) addTerm(dec, l, 1, out);
  } else {
    out.set(checkpoints[above]);
    for (let l = kAbove - 1; l >= k; l--) addTerm(dec, l, -1, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// How much a rank-k approximation keeps (from the spectrum alone)

function checkSingularValues(fn: string, s: Vec): number {
  requireFinite(fn, "s", s);
  if (s.some((x) => x < 0)) {
    throw new RangeError(`${fn}: a singular value is negative; singular values are ≥ 0.`);
  }
  return Math.max(0, ...s);
}

/**
 * The energy kept by a rank-k approximation: Σᵢ<ₖ σᵢ² / Σᵢ σᵢ² = ‖A_k‖²_F / ‖A‖²_F, in [0, 1].
 *
 * Scaled by σ_max against overflow. The zero matrix loses nothing, so its energy kept is 1
 * (not 0/0).
 *
 * @throws RangeError if k is not an integer in [0, s.length], or a σ is negative or not finite.
 */
export function energyKept(s: Vec, k: number): number {
  const { top, kept, total } = energySplit("energyKept", s, k);
  return top === 0 ? 1 : kept / total;
}

/** Σᵢ<ₖ σᵢ², Σᵢ≥ₖ σᵢ² and Σᵢ σᵢ², each over σ_max² (checked; all 0 with σ_max = 0). */
function energySplit(
  fn: string,
  s: Vec,
  k: number,
): { top: number; kept: number; dropped: number; total: number } {
  const top = checkSingularValues(fn, s);
  requireInteger(fn, "k", k, 0, s.length);
  let kept = 0;
  let dropped = 0;
  if (top > 0)
    for (let i = 0; i < s.length; i++) {
      const e = (s[i] / top) ** 2;
      if (i < k) kept += e;
      else dropped += e;
    }
  return { top, kept, dropped, total: kept + dropped };
}

/**
 * The relative Frobenius error of the rank-k approximation: ‖A − A_k‖_F / ‖A‖_F =
 * √(Σᵢ≥ₖ σᵢ² / Σᵢ σᵢ²) = √(1 − energyKept) (Eckart–Young), in [0, 1].
 *
 * The dropped energy is summed directly (not 1 − kept), so small errors keep their digits.
 * The zero matrix gives 0.
 *
 * @throws RangeError if k is not an integer in [0, s.length], or a σ is negative or not finite.
 */
export function relativeError(s: Vec, k: number): number {
  const { top, dropped, total } = energySplit("relativeError", s, k);
  return top === 0 ? 0 : Math.sqrt(dropped / total);
}

/**
 * The storage of a rank-k approximation relative to the full matrix: k(m + n + 1)/(mn) (k
 * columns of U, k of V and k singular values against mn entries). Below 1 it saves space.
 *
 * @throws RangeError if m or n is not a positive integer, or k not an integer in [0, min(m, n)].
 */
export function compressionRatio(m: number, n: number, k: number): number {
  requireInteger("compressionRatio", "m", m, 1);
  requireInteger("compressionRatio", "n", n, 1);
  requireInteger("compressionRatio", "k", k, 0, Math.min(m, n));
  return (k * (m + n + 1)) / (m * n);
}
