// The SVD as three motions: x ↦ Vᵀx (rotate, or rotate then reflect), ↦ ΣVᵀx (stretch along the
// axes), ↦ UΣVᵀx = Ax (rotate). For matrices up to 3×3: signs chosen so that U and V are
// rotations wherever the factorisation allows, and the map after any fraction of the three steps,
// so a picture can move continuously from the unit circle (or sphere) to its image under A.
import { svd, type Rows } from "./linalg";

/** A 3×3 matrix as rows. */
export type Mat3Rows = number[][];

/** An SVD A = U·Σ·Vᵀ with full square U (m×m) and V (n×n) and rotation-first signs. */
export interface SvdSteps {
  readonly m: number;
  readonly n: number;
  /** m×m orthogonal with det U = +1; column j is uⱼ. */
  readonly U: number[][];
  /** The r = min(m, n) singular values, descending, ≥ 0. */
  readonly s: number[];
  /** n×n orthogonal; column j is vⱼ. det V = +1 unless reflectV. */
  readonly V: number[][];
  /**
   * True when no choice of signs makes both U and V rotations: A square, of full rank, with
   * det A < 0. The reflection is then put in Vᵀ (det V = −1).
   */
  readonly reflectV: boolean;
  /** The number of σᵢ above max(m, n)·ε·σ₁. */
  readonly rank: number;
}

const EPS = Number.EPSILON;

function detSmall(cols: readonly (readonly number[])[]): number {
  const k = cols.length;
  if (k === 1) return cols[0][0];
  if (k === 2) return cols[0][0] * cols[1][1] - cols[1][0] * cols[0][1];
  const [a, b, c] = cols;
  return (
    a[0] * (b[1] * c[2] - c[1] * b[2]) -
    b[0] * (a[1] * c[2] - c[1] * a[2]) +
    c[0] * (a[1] * b[2] - b[1] * a[2])
  );
}

function columns(a: readonly (readonly number[])[]): number[][] {
  return a[0].map((_, j) => a.map((row) => row[j]));
}

function fromColumns(cols: readonly (readonly number[])[]): number[][] {
  return cols[0].map((_, i) => cols.map((c) => c[i]));
}

function negate(v: number[]): number[] {
  return v.map((x) => (x === 0 ? 0 : -x));
}

/**
 * The full SVD A = U·Σ·Vᵀ of an m×n matrix (1 ≤ m, n ≤ 3) with U and V rotations where possible,
 * and signs chosen so the three motions turn as little as they can.
 *
 * Starts from linalg.svd (thin: false) and changes only signs, never σ: uⱼ and vⱼ may be flipped
 * together (σⱼuⱼvⱼᵀ, and so A, is unchanged); a column of U or V that multiplies no singular value
 * (beyond r = min(m, n), or with σⱼ = 0 to the rank tolerance) is free and may be flipped alone.
 * det U = +1 always; det V = +1 unless A is square, of full rank and det A < 0 (then det U·det V =
 * sgn det A forces a reflection, which is put in V: reflectV). Among the 2ʳ pair flips, each with
 * its determinants repaired by free columns, the one with the smallest total turn θ(Vᵀ) + θ(U) is
 * kept (θ of Vᵀ's rotation part when it reflects); a tie keeps linalg's signs.
 *
 * @throws RangeError if A is empty, ragged, larger than 3×3, or has a non-finite entry.
 */
export function svdSteps(a: Rows): SvdSteps {
  const dec = svd(a, { thin: false });
  const m = a.length;
  const n = a[0].length;
  if (m > 3 || n > 3) {
    throw new RangeError(`svdSteps: A is ${m}×${n}; the motion picture is for matrices up to 3×3.`);
  }
  const r = Math.min(m, n);
  const s = dec.s;
  const tol = Math.max(m, n) * EPS * (s[0] ?? 0);
  const rank = s.filter((x) => x > tol).length;
  const free = (j: number) => j >= r || !(s[j] > tol);
  const lastFree = (k: number) => {
    for (let j = k - 1; j >= 0; j--) if (free(j)) return j;
    return -1;
  };
  // A free column has no partner to keep in step with: start it with its largest entry positive.
  const lead = (c: number[], j: number) => {
    if (!free(j)) return c;
    const k = c.reduce((b, x, i) => (Math.abs(x) > Math.abs(c[b]) + 1e-12 ? i : b), 0);
    return c[k] < 0 ? negate(c) : c;
  };
  const u0 = columns(dec.U).map(lead);
  const v0 = columns(dec.V).map(lead);
  let best: { u: number[][]; v: number[][]; reflectV: boolean; cost: number } | null = null;
  for (let mask = 0; mask < 1 << r; mask++) {
    const u = u0.map((c, j) => (j < r && mask & (1 << j) ? negate(c) : c.slice()));
    const v = v0.map((c, j) => (j < r && mask & (1 << j) ? negate(c) : c.slice()));
    const fixU = () => {
      if (detSmall(u) >= 0) return;
      const j = lastFree(m);
      if (j >= 0) u[j] = negate(u[j]);
      else {
        u[r - 1] = negate(u[r - 1]);
        v[r - 1] = negate(v[r - 1]);
      }
    };
    fixU();
    let reflectV = false;
    if (detSmall(v) < 0) {
      const j = lastFree(n);
      if (j >= 0) v[j] = negate(v[j]);
      else if (lastFree(m) >= 0) {
        // Flip the last pair together, then repair det U with U's free column.
        u[r - 1] = negate(u[r - 1]);
        v[r - 1] = negate(v[r - 1]);
        fixU();
      } else reflectV = true;
    }
    const cost = turnOf(fromColumns(u), fromColumns(v), reflectV);
    if (best === null || cost < best.cost - 1e-12) best = { u, v, reflectV, cost };
  }
  const { u, v, reflectV } = best as NonNullable<typeof best>;
  return { m, n, U: fromColumns(u), s, V: fromColumns(v), reflectV, rank };
}

/** θ(Vᵀ's rotation part) + θ(U), the total turn of the motion. */
function turnOf(U: number[][], V: number[][], reflectV: boolean): number {
  const vt = transpose3(embed(V));
  if (reflectV) vt[V.length - 1] = vt[V.length - 1].map((x) => -x);
  return rotationAxisAngle(vt).angle + rotationAxisAngle(embed(U)).angle;
}

/** The axis (unit) and angle (radians, in [0, π]) of a 3×3 rotation R = exp(θ[a]×). */
export interface AxisAngle {
  readonly axis: readonly [number, number, number];
  readonly angle: number;
}

/**
 * The axis and angle of a 3×3 rotation matrix (rows), R = cos θ·I + sin θ·[a]× + (1 − cos θ)·aaᵀ.
 *
 * θ = atan2(‖R − Rᵀ‖/(2√2), (tr R − 1)/2) in [0, π]. For θ ≤ π/2 the axis comes from the skew part R − Rᵀ = 2 sin θ
 * [a]×; beyond, from the symmetric part (R + Rᵀ)/2 − cos θ·I = (1 − cos θ)·aaᵀ, which stays
 * accurate as sin θ → 0 near a half turn, oriented by the skew part. The identity gives axis
 * (0, 0, 1), angle 0.
 *
 * @throws RangeError if R is not 3×3 or has a non-finite entry (R is assumed orthogonal).
 */
export function rotationAxisAngle(R: readonly (readonly number[])[]): AxisAngle {
  if (R.length !== 3 || R.some((row) => row.length !== 3)) {
    throw new RangeError("rotationAxisAngle: R must be a 3×3 matrix (three rows of three).");
  }
  for (const row of R)
    for (const x of row)
      if (!Number.isFinite(x))
        throw new RangeError(`rotationAxisAngle: an entry is ${x}; every entry must be finite.`);
  const skew = [R[2][1] - R[1][2], R[0][2] - R[2][0], R[1][0] - R[0][1]];
  const sn = Math.hypot(skew[0], skew[1], skew[2]);
  // atan2 of sin θ and cos θ keeps small angles accurate, where acos(1 − θ²/2) loses them.
  const angle = Math.atan2(sn / 2, (R[0][0] + R[1][1] + R[2][2] - 1) / 2);
  const cos = Math.cos(angle);
  if (angle <= Math.PI / 2) {
    if (sn === 0) return { axis: [0, 0, 1], angle: 0 };
    return { axis: [skew[0] / sn, skew[1] / sn, skew[2] / sn], angle };
  }
  const S = [0, 1, 2].map((i) =>
    [0, 1, 2].map((j) => ((R[i][j] + R[j][i]) / 2 - (i === j ? cos : 0)) / (1 - cos)),
  );
  const j = [0, 1, 2].reduce((best, k) => (S[k][k] > S[best][best] ? k : best), 0);
  const len = Math.sqrt(Math.max(S[j][j], 0));
  let axis = [S[0][j] / len, S[1][j] / len, S[2][j] / len];
  if (axis[0] * skew[0] + axis[1] * skew[1] + axis[2] * skew[2] < 0) axis = axis.map((x) => -x);
  const an = Math.hypot(axis[0], axis[1], axis[2]);
  return { axis: [axis[0] / an, axis[1] / an, axis[2] / an], angle };
}

/** The rotation by `angle` radians about the unit `axis` (Rodrigues), as rows. */
export function rotationAbout(axis: readonly [number, number, number], angle: number): Mat3Rows {
  const [x, y, z] = axis;
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const k = 1 - c;
  return [
    [c + k * x * x, k * x * y - s * z, k * x * z + s * y],
    [k * y * x + s * z, c + k * y * y, k * y * z - s * x],
    [k * z * x - s * y, k * z * y + s * x, c + k * z * z],
  ];
}

/**
 * The fractional power Rᵗ of a 3×3 rotation: the same axis, t times the angle (t in [0, 1] moves
 * along the shortest turn from I to R). R⁰ = I, R¹ = R, Rᵗ·Rᵗ = R²ᵗ.
 *
 * @throws RangeError if R is not 3×3 or has a non-finite entry, or t is not finite.
 */
export function rotationPower(R: readonly (readonly number[])[], t: number): Mat3Rows {
  if (!Number.isFinite(t)) throw new RangeError(`rotationPower: t is ${t}; it must be finite.`);
  const { axis, angle } = rotationAxisAngle(R);
  return rotationAbout(axis, t * angle);
}

function embed(q: readonly (readonly number[])[]): Mat3Rows {
  const k = q.length;
  return [0, 1, 2].map((i) => [0, 1, 2].map((j) => (i < k && j < k ? q[i][j] : i === j ? 1 : 0)));
}

function mul3(a: Mat3Rows, b: Mat3Rows): Mat3Rows {
  return [0, 1, 2].map((i) =>
    [0, 1, 2].map((j) => a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j]),
  );
}

function transpose3(a: Mat3Rows): Mat3Rows {
  return [0, 1, 2].map((i) => [0, 1, 2].map((j) => a[j][i]));
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** The three motions of an SvdSteps, each as a function of its own progress t in [0, 1]. */
export interface SvdMotions {
  /** Vᵀ's turn: its rotation part R (Vᵀ = F·R with F flipping the last domain axis if reflectV). */
  readonly vtRotation: AxisAngle;
  /** U's turn. */
  readonly uRotation: AxisAngle;
  /** The part of step 1 spent turning (the rest flips); 1 when Vᵀ is a rotation. */
  readonly turnShare: number;
}

/** The axis-angle forms of Vᵀ (its rotation part) and U, embedded in 3×3. */
export function svdMotions(steps: SvdSteps): SvdMotions {
  const vt = transpose3(embed(steps.V));
  if (steps.reflectV) vt[steps.n - 1] = vt[steps.n - 1].map((x) => -x);
  const vtRotation = rotationAxisAngle(vt);
  const uRotation = rotationAxisAngle(embed(steps.U));
  // A flip is given the time of a quarter turn.
  const turnShare = steps.reflectV ? vtRotation.angle / (vtRotation.angle + Math.PI / 2) : 1;
  return { vtRotation, uRotation, turnShare };
}

/**
 * The map after `stage` of the three steps, as a 3×3 matrix acting on ℝⁿ and ℝᵐ padded with
 * zeros to ℝ³: stage 0 is I, 1 is Vᵀ, 2 is ΣVᵀ, 3 is UΣVᵀ = A (its top-left m×n block; the rest
 * is zero in the columns of the domain).
 *
 * Between whole stages: Vᵀ turns along its shortest rotation (and when reflectV, first turns then
 * flips the last axis through 0, since no rotation reaches a reflection); Σ moves each axis
 * scale linearly from 1 to σᵢ (to 0 for a domain axis with no singular value, which is how a wide
 * matrix flattens the sphere); U turns along its shortest rotation. Stage is clamped to [0, 3].
 *
 * @throws RangeError if stage is not a finite number.
 */
export function svdStageMap(steps: SvdSteps, stage: number, motions = svdMotions(steps)): Mat3Rows {
  if (!Number.isFinite(stage))
    throw new RangeError(`svdStageMap: stage is ${stage}; it must be a number from 0 to 3.`);
  const t1 = clamp01(stage);
  const t2 = clamp01(stage - 1);
  const t3 = clamp01(stage - 2);
  const { vtRotation, uRotation, turnShare } = motions;
  const turn = turnShare > 0 ? clamp01(t1 / turnShare) : 1;
  let vt = rotationAbout(vtRotation.axis, turn * vtRotation.angle);
  if (steps.reflectV) {
    const flip = turnShare < 1 ? clamp01((t1 - turnShare) / (1 - turnShare)) : 0;
    const k = steps.n - 1;
    vt = vt.map((row, i) => (i === k ? row.map((x) => x * (1 - 2 * flip)) : row));
  }
  const r = Math.min(steps.m, steps.n);
  const target = [0, 1, 2].map((i) => (i < r ? steps.s[i] : i < steps.n ? 0 : 1));
  const sigma: Mat3Rows = [0, 1, 2].map((i) =>
    [0, 1, 2].map((j) => (i === j ? 1 + t2 * (target[i] - 1) : 0)),
  );
  const u = rotationAbout(uRotation.axis, t3 * uRotation.angle);
  return mul3(u, mul3(sigma, vt));
}
