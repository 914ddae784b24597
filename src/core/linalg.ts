// Linear algebra for the scenes: the closed-form 2×2 eigen solver, thin wrappers around
// ml-matrix's decompositions (plain arrays in and out, eigenvalues descending, vector signs
// normalised once here so arrows never jump), PCA two ways, and low-rank approximation.
import {
  EigenvalueDecomposition,
  Matrix,
  QrDecomposition,
  SingularValueDecomposition,
  determinant,
  solve as mlSolve,
} from "ml-matrix";
import { flatSvd, singularValues } from "./spectrum";
import { requireFinite, requireInteger, signNormalised, signOf, type Vec } from "./vec";

// Parts of this section that need no decomposition live in modules of their own, so a page that
// imports only them does not carry ml-matrix; they are re-exported here as one section.
export { EIGEN2_REPEATED_TOL, eigen2, type Eigen2 } from "./eigen2";
export { compressionRatio, energyKept, relativeError } from "./spectrum";

/** A dense matrix as an array of rows, all of the same length. */
export type Rows = readonly (readonly number[])[];

/** The shape of a matrix block: rows × columns. */
export type Shape = readonly [rows: number, cols: number];

const EPS = Number.EPSILON;

// ---------------------------------------------------------------------------------------------
// Input checks and small helpers

function checkMatrix(fn: string, a: Rows, square = false): { m: number; n: number } {
  if (!Array.isArray(a) || a.length === 0 || !Array.isArray(a[0]) || a[0].length === 0) {
    throw new RangeError(`${fn}: the matrix is empty; pass at least one row with one entry.`);
  }
  const m = a.length;
  const n = a[0].length;
  for (let i = 0; i < m; i++) {
    const row = a[i];
    if (!Array.isArray(row) || row.length !== n) {
      throw new RangeError(
        `${fn}: row ${i} has ${Array.isArray(row) ? row.length : "no"} entries but row 0 has ${n}; every row must have the same length.`,
      );
    }
    for (let j = 0; j < n; j++) {
      if (!Number.isFinite(row[j])) {
        throw new RangeError(
          `${fn}: entry [${i}][${j}] is ${row[j]}; every entry must be a finite number.`,
        );
      }
    }
  }
  if (square && m !== n) {
    throw new RangeError(`${fn}: the matrix is ${m}×${n}; it must be square.`);
  }
  return { m, n };
}

function checkCount(fn: string, what: string, k: number, max: number): void {
  requireInteger(fn, what, k, 0, max);
}

function toMl(a: Rows): Matrix {
  // The constructor copies the rows, so ml-matrix never aliases the caller's arrays.
  return new Matrix(a as number[][]);
}

/**
 * A/2ᵏ with 2ᵏ ≤ max|aᵢⱼ| < 2ᵏ⁺¹ (exact: a power of two), and entries below ε²·2ᵏ set to 0.
 * ml-matrix's EVD crashes (tql2 runs off the end of an array) or returns wrong eigenvalues when
 * the matrix holds subnormal numbers. After this no entry is subnormal, and the flushed entries
 * move eigen- and singular values by at most n·ε²·‖A‖, far below the decompositions' own ε·‖A‖.
 */
function rescaled(a: Rows): { scaled: number[][]; scale: number } {
  let max = 0;
  for (const row of a) for (const x of row) max = Math.max(max, Math.abs(x));
  const scale = max === 0 ? 1 : 2 ** Math.floor(Math.log2(max));
  const flush = EPS * EPS;
  const scaled = a.map((row) =>
    row.map((x) => {
      const y = x / scale;
      return Math.abs(y) < flush ? 0 : y;
    }),
  );
  return { scaled, scale };
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
}

function zeros(m: number, n: number): number[][] {
  return Array.from({ length: m }, () => new Array<number>(n).fill(0));
}

function column(a: Matrix, j: number, length = a.rows): number[] {
  return Array.from({ length }, (_, i) => a.get(i, j));
}

function dotRaw(x: Vec, y: Vec): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

function normRaw(x: Vec): number {
  let m = 0;
  for (const v of x) m = Math.max(m, Math.abs(v));
  if (m === 0) return 0;
  let s = 0;
  for (const v of x) s += (v / m) ** 2;
  return m * Math.sqrt(s);
}

/** Columns (as vectors) to a matrix whose j-th column is cols[j]. */
function fromColumns(cols: readonly Vec[], rows: number): number[][] {
  return Array.from({ length: rows }, (_, i) => cols.map((c) => c[i]));
}

/**
 * Extends orthonormal vectors in ℝ^dim to an orthonormal basis: each new vector is the standard
 * axis eⱼ with the largest residual ‖eⱼ − QQᵀeⱼ‖², orthogonalised against the basis so far.
 * O(dim²) per vector, since the residuals of all axes are updated rather than recomputed.
 */
function completeBasis(cols: readonly number[][], dim: number, count = dim): number[][] {
  const basis = cols.map((c) => c.slice());
  const residual = new Array<number>(dim).fill(1);
  for (const q of basis) for (let j = 0; j < dim; j++) residual[j] -= q[j] * q[j];
  while (basis.length < count) {
    let best = 0;
    for (let j = 1; j < dim; j++) if (residual[j] > residual[best]) best = j;
    const r = new Array<number>(dim).fill(0);
    r[best] = 1;
    // Two passes: one pass of classical Gram–Schmidt can leave an overlap of order ε·κ.
    for (let pass = 0; pass < 2; pass++) {
      for (const q of basis) {
        const c = dotRaw(q, r);
        for (let i = 0; i < dim; i++) r[i] -= c * q[i];
      }
    }
    const rn = normRaw(r);
    const u = signNormalised(r.map((x) => x / rn));
    for (let j = 0; j < dim; j++) residual[j] -= u[j] * u[j];
    basis.push(u);
  }
  return basis;
}

// ---------------------------------------------------------------------------------------------
// Wrappers around ml-matrix

/** Eigenvalues of a symmetric matrix, descending, with their unit eigenvectors. */
export interface SymmetricEigen {
  /** λ₁ ≥ λ₂ ≥ … ≥ λₙ. */
  readonly values: number[];
  /** vectors[i] is the unit eigenvector for values[i] (a list of vectors, not the matrix V). */
  readonly vectors: number[][];
}

/**
 * The eigen decomposition A = V·diag(λ)·Vᵀ of a real symmetric matrix (ml-matrix's EVD).
 *
 * Eigenvalues are real and sorted descending (ml-matrix returns them ascending); eigenvectors
 * are orthonormal, each with its largest-magnitude component positive. A·vᵢ = λᵢvᵢ.
 *
 * @throws RangeError if A is empty, not square, has a non-finite entry or is not symmetric
 *   (|aᵢⱼ − aⱼᵢ| above about 1e-10·max|aᵢⱼ|; use eigenGeneral for a general matrix).
 */
export function symmetricEigen(a: Rows): SymmetricEigen {
  const { n } = checkMatrix("symmetricEigen", a, true);
  const { scaled, scale } = rescaled(a);
  const sym = zeros(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      // Scaled entries are below 2 in magnitude, so the tolerance is relative to max|aᵢⱼ|.
      if (Math.abs(scaled[i][j] - scaled[j][i]) > 1e-10) {
        throw new RangeError(
          `symmetricEigen: the matrix is not symmetric (entry [${i}][${j}] is ${a[i][j]} but [${j}][${i}] is ${a[j][i]}); use eigenGeneral for a general matrix.`,
        );
      }
      // Averaging removes rounding asymmetry, so ml-matrix takes its symmetric (tql2) path.
      sym[i][j] = sym[j][i] = (scaled[i][j] + scaled[j][i]) / 2;
    }
  }
  const evd = new EigenvalueDecomposition(sym, { assumeSymmetric: true });
  const values = evd.realEigenvalues.map((l) => l * scale);
  const vecs = evd.eigenvectorMatrix;
  const order = values.map((_, i) => i).sort((i, j) => values[j] - values[i]);
  return {
    values: order.map((i) => values[i]),
    vectors: order.map((i) => signNormalised(column(vecs, i))),
  };
}

/** Eigenvalues of a general square matrix as real and imaginary parts. */
export interface GeneralEigen {
  readonly re: number[];
  /** Complex eigenvalues come in conjugate pairs, +im first. 0 for a real eigenvalue. */
  readonly im: number[];
}

/**
 * The eigenvalues λₖ = reₖ + i·imₖ of a general real square matrix (ml-matrix's EVD).
 *
 * Sorted descending by real part, then by imaginary part (so a conjugate pair is a + bi, a − bi).
 * Identities: Σλ = tr A, Πλ = det A.
 *
 * @throws RangeError if A is empty, not square or has a non-finite entry.
 */
export function eigenGeneral(a: Rows): GeneralEigen {
  checkMatrix("eigenGeneral", a, true);
  const { scaled, scale } = rescaled(a);
  const evd = new EigenvalueDecomposition(scaled);
  const re = evd.realEigenvalues.map((x) => x * scale);
  const im = evd.imaginaryEigenvalues.map((x) => x * scale);
  const order = re.map((_, i) => i).sort((i, j) => re[j] - re[i] || im[j] - im[i]);
  return { re: order.map((i) => re[i]), im: order.map((i) => im[i]) };
}

/** A singular value decomposition A = U·Σ·Vᵀ as plain arrays. */
export interface Svd {
  /** m×r (thin) or m×m (full); column j is the left singular vector uⱼ. */
  readonly U: number[][];
  /** The r = min(m, n) singular values σ₁ ≥ … ≥ σᵣ ≥ 0. */
  readonly s: number[];
  /** n×r (thin) or n×n (full); column j is the right singular vector vⱼ. */
  readonly V: number[][];
}

/**
 * The singular value decomposition A = U·Σ·Vᵀ of an m×n matrix (ml-matrix's SVD).
 *
 * Thin (default): U is m×r, Σ = diag(s) is r×r, V is n×r with r = min(m, n). Full: U is m×m and
 * V is n×n (the extra columns complete orthonormal bases; Σ is m×n with s on its diagonal).
 * UᵀU = I, VᵀV = I, s descending and ≥ 0. Signs: the largest-magnitude component of each vᵢ is
 * positive (the first on a tie) and uᵢ is flipped with it, so uᵢσᵢvᵢᵀ is unchanged; the extra
 * columns of a full SVD are normalised on their own.
 *
 * @throws RangeError if A is empty, ragged or has a non-finite entry.
 */
export function svd(a: Rows, options: { thin?: boolean } = {}): Svd {
  const { m, n } = checkMatrix("svd", a);
  const { us, s, vs } = svdColumns(a, m, n);
  const thin = options.thin ?? true;
  const uCols = thin ? us : completeBasis(us, m);
  const vCols = thin ? vs : completeBasis(vs, n);
  return { U: fromColumns(uCols, m), s, V: fromColumns(vCols, n) };
}

/** The thin SVD of a checked m×n matrix as lists of singular vectors, signs normalised. */
/**
 * Above this size ml-matrix's SVD can loop forever on rank-deficient input (its deflation test
 * compares an off-diagonal entry only with neighbouring singular values, which may both be 0: a
 * constant 64×64 never returns). Larger matrices go through spectrum.ts's Golub–Reinsch, whose
 * test is relative to the whole matrix's norm.
 */
const ML_MATRIX_SVD_MAX = 32;

function svdColumnsGolubReinsch(
  a: Rows,
  m: number,
  n: number,
): { us: number[][]; s: number[]; vs: number[][] } {
  const dec = flatSvd(a);
  const r = Math.min(m, n);
  const s = Array.from(dec.s);
  const vs: number[][] = [];
  const good: number[][] = [];
  for (let j = 0; j < r; j++) {
    vs.push(Array.from(dec.v.subarray(j * n, j * n + n)));
    if (s[j] > 0) good.push(Array.from(dec.u.subarray(j * m, j * m + m)));
  }
  // Columns of U for σ = 0 multiply nothing; complete them to an orthonormal set (UᵀU = I).
  const us = completeBasis(good, m, r);
  return { us, s, vs };
}

function svdColumns(
  a: Rows,
  m: number,
  n: number,
): { us: number[][]; s: number[]; vs: number[][] } {
  const r = Math.min(m, n);
  if (r > ML_MATRIX_SVD_MAX) return svdColumnsGolubReinsch(a, m, n);
  const { scaled, scale } = rescaled(a);
  // autoTranspose: without it ml-matrix warns on wide matrices and returns a U that is not m×r.
  const dec = new SingularValueDecomposition(scaled, { autoTranspose: true });
  const s = dec.diagonal.slice(0, r).map((x) => Math.abs(x) * scale);
  const us: number[][] = [];
  const vs: number[][] = [];
  for (let j = 0; j < r; j++) {
    const v = column(dec.rightSingularVectors, j, n);
    const u = column(dec.leftSingularVectors, j, m);
    const k = signOf(v);
    vs.push(v.map((x) => (k * x === 0 ? 0 : k * x)));
    us.push(u.map((x) => (k * x === 0 ? 0 : k * x)));
  }
  return { us, s, vs };
}

/**
 * The numerical rank: the number of singular values σᵢ > tol.
 *
 * Default tol = max(m, n)·ε·σ₁ (as LAPACK and NumPy), so rounding noise in a rank-deficient
 * matrix is not counted; the zero matrix has rank 0.
 *
 * @throws RangeError if A is empty, ragged, has a non-finite entry, or tol is negative or NaN.
 */
export function rank(a: Rows, tol?: number): number {
  const { m, n } = checkMatrix("rank", a);
  if (tol !== undefined && !(tol >= 0)) {
    throw new RangeError(`rank: tol is ${tol}; it must be a number ≥ 0 (or omitted).`);
  }
  let s: number[];
  if (Math.min(m, n) > ML_MATRIX_SVD_MAX) s = singularValues(a);
  else {
    const { scaled, scale } = rescaled(a);
    const dec = new SingularValueDecomposition(scaled, {
      autoTranspose: true,
      computeLeftSingularVectors: false,
      computeRightSingularVectors: false,
    });
    s = dec.diagonal.slice(0, Math.min(m, n)).map((x) => Math.abs(x) * scale);
  }
  const bar = tol ?? Math.max(m, n) * EPS * Math.max(...s);
  return s.filter((x) => x > bar).length;
}

/**
 * The determinant of a square matrix (explicit formulas up to 3×3, LU beyond: ml-matrix).
 * det A = Πλᵢ; |det A| is the volume scale of the map.
 *
 * @throws RangeError if A is empty, not square or has a non-finite entry.
 */
export function det(a: Rows): number {
  checkMatrix("det", a, true);
  return determinant(toMl(a));
}

/**
 * The trace tr A = Σ aᵢᵢ of a square matrix, equal to Σλᵢ.
 *
 * @throws RangeError if A is empty, not square or has a non-finite entry.
 */
export function trace(a: Rows): number {
  const { n } = checkMatrix("trace", a, true);
  let t = 0;
  for (let i = 0; i < n; i++) t += a[i][i];
  return t;
}

/**
 * The solution x of A·x = b: LU for square A, least squares (minimising ‖Ax − b‖₂) by QR for a
 * tall A (m > n).
 *
 * @throws RangeError if A is empty, wide (m < n), singular or rank deficient, if b's length is
 *   not m, or if an entry is not finite.
 */
export function solve(a: Rows, b: Vec): number[] {
  const { m, n } = checkMatrix("solve", a);
  requireFinite("solve", "b", b);
  if (b.length !== m) {
    throw new RangeError(`solve: b has ${b.length} entries but A has ${m} rows; they must match.`);
  }
  if (m < n) {
    throw new RangeError(
      `solve: A is ${m}×${n} (fewer equations than unknowns), so the solution is not unique; add equations or fix unknowns.`,
    );
  }
  const r = rank(a);
  if (r < n) {
    throw new RangeError(
      `solve: A has rank ${r} < ${n}, so A·x = b has no unique solution; check for dependent rows or columns.`,
    );
  }
  const rhs = Matrix.columnVector(b as number[]);
  const x = m === n ? mlSolve(toMl(a), rhs) : new QrDecomposition(toMl(a)).solve(rhs);
  return x.getColumn(0);
}

/**
 * The outer product u·vᵀ, the m×n matrix with entries uᵢvⱼ (rank one unless u or v is zero).
 *
 * @throws RangeError if u or v is empty or has a non-finite entry.
 */
export function outer(u: Vec, v: Vec): number[][] {
  requireFinite("outer", "u", u);
  requireFinite("outer", "v", v);
  if (u.length === 0 || v.length === 0) {
    throw new RangeError("outer: u and v must each have at least one entry.");
  }
  return u.map((ui) => v.map((vj) => ui * vj));
}

/**
 * The matrix product A·B (m×k times k×n gives m×n).
 *
 * @throws RangeError if A's column count is not B's row count, or on an invalid matrix.
 */
export function matMul(a: Rows, b: Rows): number[][] {
  const { m, n: k } = checkMatrix("matMul", a);
  const { m: kb, n } = checkMatrix("matMul", b);
  if (k !== kb) {
    throw new RangeError(
      `matMul: A is ${m}×${k} and B is ${kb}×${n}; A's columns must equal B's rows.`,
    );
  }
  const out = zeros(m, n);
  for (let i = 0; i < m; i++) {
    for (let l = 0; l < k; l++) {
      const x = a[i][l];
      for (let j = 0; j < n; j++) out[i][j] += x * b[l][j];
    }
  }
  return out;
}

/**
 * The transpose Aᵀ, with (Aᵀ)ᵢⱼ = aⱼᵢ.
 *
 * @throws RangeError if A is empty, ragged or has a non-finite entry.
 */
export function transpose(a: Rows): number[][] {
  const { m, n } = checkMatrix("transpose", a);
  return Array.from({ length: n }, (_, j) => Array.from({ length: m }, (_, i) => a[i][j]));
}

/**
 * The Frobenius norm ‖A‖_F = √(Σ aᵢⱼ²) = √(Σσᵢ²), scaled by max|aᵢⱼ| against overflow.
 *
 * @throws RangeError if A is empty, ragged or has a non-finite entry.
 */
export function frobeniusNorm(a: Rows): number {
  checkMatrix("frobeniusNorm", a);
  return normRaw(a.flat());
}

/**
 * The symmetric 3×3 matrix A = R·diag(λ₁, λ₂, λ₃)·Rᵀ with eigenvalues λ and an orthonormal
 * eigenbasis: the columns of the rotation R = Rz(γ)·Ry(β)·Rx(α).
 *
 * The angles (radians) rotate about the x, y and z axes, applied in that order. Column i of R
 * is the eigenvector for λᵢ, so det A = λ₁λ₂λ₃, tr A = λ₁ + λ₂ + λ₃.
 *
 * @throws RangeError if a λ or an angle is not finite.
 */
export function matrixFromEigen3(
  lambdas: readonly [l1: number, l2: number, l3: number],
  angles: readonly [alpha: number, beta: number, gamma: number],
): number[][] {
  requireFinite("matrixFromEigen3", "lambdas", lambdas);
  requireFinite("matrixFromEigen3", "angles", angles);
  const [ca, cb, cg] = angles.map(Math.cos);
  const [sa, sb, sg] = angles.map(Math.sin);
  const rot = [
    [cg * cb, cg * sb * sa - sg * ca, cg * sb * ca + sg * sa],
    [sg * cb, sg * sb * sa + cg * ca, sg * sb * ca - cg * sa],
    [-sb, cb * sa, cb * ca],
  ];
  const out = zeros(3, 3);
  for (let i = 0; i < 3; i++) {
    for (let j = i; j < 3; j++) {
      let x = 0;
      for (let k = 0; k < 3; k++) x += rot[i][k] * lambdas[k] * rot[j][k];
      // Filled from the upper triangle so the result is exactly symmetric.
      out[i][j] = out[j][i] = x;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// PCA

/**
 * Why a PCA has no meaningful directions: "ok"; "single-point" (n = 1, the n − 1 covariance is
 * undefined); "no-spread" (all points equal, the covariance is zero).
 */
export type PcaStatus = "ok" | "single-point" | "no-spread";

/** A principal component analysis of n points in d dimensions. */
export interface Pca {
  readonly status: PcaStatus;
  /** The mean point, length d. */
  readonly mean: number[];
  /** The points minus the mean, n×d. */
  readonly centred: number[][];
  /** The sample covariance CᵀC/(n − 1), d×d; zeros when n = 1. */
  readonly cov: number[][];
  /** The variances along the components, λ₁ ≥ … ≥ λ_d ≥ 0; zeros unless status is "ok". */
  readonly eigenvalues: number[];
  /** components[j] is the j-th principal direction (unit, sign-normalised); axes if degenerate. */
  readonly components: number[][];
  /** scores[i][j] = centredᵢ · componentⱼ, n×d. */
  readonly scores: number[][];
  /** λⱼ/Σλ per component; zeros unless status is "ok". */
  readonly varianceFraction: number[];
  /** Running sums of varianceFraction, ending at 1 (zeros unless status is "ok"). */
  readonly cumulative: number[];
}

interface Centred {
  readonly n: number;
  readonly d: number;
  readonly mean: number[];
  readonly centred: number[][];
  readonly cov: number[][];
}

function centre(fn: string, points: Rows): Centred {
  const { m: n, n: d } = checkMatrix(fn, points);
  const p0 = points[0];
  // Summing offsets from the first point makes identical points centre to exact zeros.
  const mean = p0.map((x0, j) => {
    let s = 0;
    for (const p of points) s += p[j] - x0;
    return x0 + s / n;
  });
  const centred = points.map((p) => p.map((x, j) => x - mean[j]));
  const cov = zeros(d, d);
  if (n > 1) {
    for (let j = 0; j < d; j++) {
      for (let k = j; k < d; k++) {
        let s = 0;
        for (const c of centred) s += c[j] * c[k];
        cov[j][k] = cov[k][j] = s / (n - 1);
      }
    }
  }
  return { n, d, mean, centred, cov };
}

function finishPca(c: Centred, eigenvalues: number[], components: number[][]): Pca {
  const { n, d, mean, centred, cov } = c;
  // Covariance is positive semi-definite: tiny and negative eigenvalues are rounding noise of a
  // rank-deficient covariance (collinear points), reported as 0 (the rank tolerance).
  const top = Math.max(0, ...eigenvalues);
  const bar = Math.max(n, d) * EPS * top;
  const lambdas = eigenvalues.map((l) => (l > bar ? l : 0));
  const total = lambdas.reduce((s, l) => s + l, 0);
  let degenerate: PcaStatus | null = null;
  if (n === 1) degenerate = "single-point";
  else if (total === 0 || trace(cov) === 0) degenerate = "no-spread";
  if (degenerate !== null) {
    const axes = identity(d);
    return {
      status: degenerate,
      mean,
      centred,
      cov,
      eigenvalues: new Array<number>(d).fill(0),
      components: axes,
      scores: centred.map((row) => axes.map((e) => dotRaw(row, e))),
      varianceFraction: new Array<number>(d).fill(0),
      cumulative: new Array<number>(d).fill(0),
    };
  }
  const varianceFraction = lambdas.map((l) => l / total);
  let run = 0;
  const cumulative = lambdas.map((l) => (run += l) / total);
  return {
    status: "ok",
    mean,
    centred,
    cov,
    eigenvalues: lambdas,
    components,
    scores: centred.map((row) => components.map((e) => dotRaw(row, e))),
    varianceFraction,
    cumulative,
  };
}

/**
 * PCA by hand: the eigen decomposition of the sample covariance Σ = CᵀC/(n − 1), C the centred
 * points (one point per row).
 *
 * Eigenvalues descending, components unit with the largest-magnitude entry positive. Degenerate
 * inputs give no NaN: see PcaStatus; collinear points give trailing eigenvalues exactly 0.
 * Agrees with pcaBySvd up to rounding (and up to sign and basis within repeated eigenvalues).
 *
 * @throws RangeError if there are no points, the points have different dimensions, or a
 *   coordinate is not finite.
 */
export function pcaByCovariance(points: Rows): Pca {
  const c = centre("pcaByCovariance", points);
  if (c.n === 1) return finishPca(c, [], []);
  const { values, vectors } = symmetricEigen(c.cov);
  return finishPca(c, values, vectors);
}

/**
 * PCA by SVD: the components are the right singular vectors of the centred data C = U·S·Vᵀ and
 * the variances are λⱼ = sⱼ²/(n − 1) (zero beyond min(n, d)).
 *
 * Never forms CᵀC, so small variances keep their digits. Same result shape, ordering, sign and
 * degenerate conventions as pcaByCovariance.
 *
 * @throws RangeError if there are no points, the points have different dimensions, or a
 *   coordinate is not finite.
 */
export function pcaBySvd(points: Rows): Pca {
  const c = centre("pcaBySvd", points);
  if (c.n === 1) return finishPca(c, [], []);
  const { s, vs } = svdColumns(c.centred, c.n, c.d);
  const eigenvalues = Array.from({ length: c.d }, (_, j) =>
    j < s.length ? s[j] ** 2 / (c.n - 1) : 0,
  );
  // With fewer points than dimensions (n < d) the thin V is d×n; its completion spans the
  // zero-variance directions.
  return finishPca(c, eigenvalues, completeBasis(vs, c.d));
}

/**
 * The fraction of variance kept by the top k components: Σᵢ<ₖ λᵢ / Σᵢ λᵢ, in [0, 1].
 *
 * Assumes the eigenvalues are sorted descending, as every function here returns them. Returns 0
 * when every eigenvalue is 0 (no variance to keep; PCA reports that as a status).
 *
 * @throws RangeError if k is not an integer in [0, eigenvalues.length], or an eigenvalue is
 *   negative or not finite.
 */
export function varianceFractionTopK(eigenvalues: Vec, k: number): number {
  requireFinite("varianceFractionTopK", "eigenvalues", eigenvalues);
  checkCount("varianceFractionTopK", "k", k, eigenvalues.length);
  if (eigenvalues.some((l) => l < 0)) {
    throw new RangeError(
      "varianceFractionTopK: an eigenvalue is negative; variances (covariance eigenvalues) are ≥ 0.",
    );
  }
  const total = eigenvalues.reduce((s, l) => s + l, 0);
  if (total === 0) return 0;
  let kept = 0;
  for (let i = 0; i < k; i++) kept += eigenvalues[i];
  return kept / total;
}

// ---------------------------------------------------------------------------------------------
// Low rank

/**
 * The best rank-k approximation A_k = Σᵢ<ₖ σᵢ·uᵢ·vᵢᵀ (Eckart–Young: it minimises ‖A − B‖_F and
 * ‖A − B‖₂ over rank-k B), from an Svd (thin or full). k = 0 gives the zero matrix; k = r gives A.
 *
 * @throws RangeError if k is not an integer in [0, s.length] or the Svd is malformed.
 */
export function lowRank(dec: Svd, k: number): number[][] {
  const { U, s, V } = dec;
  checkCount("lowRank", "k", k, s.length);
  const m = U.length;
  const n = V.length;
  if (m === 0 || n === 0 || U[0].length < s.length || V[0].length < s.length) {
    throw new RangeError("lowRank: the Svd is malformed; pass the result of svd(A).");
  }
  const out = zeros(m, n);
  for (let l = 0; l < k; l++) {
    for (let i = 0; i < m; i++) {
      const x = U[i][l] * s[l];
      for (let j = 0; j < n; j++) out[i][j] += x * V[j][l];
    }
  }
  return out;
}

function checkDims(fn: string, m: number, n: number): void {
  requireInteger(fn, "m", m, 1);
  requireInteger(fn, "n", n, 1);
}

/** The block shapes of an SVD A = U·Σ·Vᵀ. */
export interface SvdShapes {
  readonly u: Shape;
  readonly s: Shape;
  readonly vt: Shape;
}

/**
 * The block shapes of the thin SVD of an m×n matrix: U m×r, Σ r×r, Vᵀ r×n with r = min(m, n)
 * (a 100×5 matrix: U 100×5, Σ 5×5, Vᵀ 5×5).
 *
 * @throws RangeError if m or n is not a positive integer.
 */
export function thinSvdShapes(m: number, n: number): SvdShapes {
  checkDims("thinSvdShapes", m, n);
  const r = Math.min(m, n);
  return { u: [m, r], s: [r, r], vt: [r, n] };
}

/**
 * The block shapes of the full SVD of an m×n matrix: U m×m, Σ m×n, Vᵀ n×n.
 *
 * @throws RangeError if m or n is not a positive integer.
 */
export function fullSvdShapes(m: number, n: number): SvdShapes {
  checkDims("fullSvdShapes", m, n);
  return { u: [m, m], s: [m, n], vt: [n, n] };
}
