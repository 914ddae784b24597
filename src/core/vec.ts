// Small vectors and matrices for the scenes: readonly labelled tuples in, plain tuples out.
// The vector functions work on any length (a Vec2, a Vec3 or a PCA row); the matrix ones are
// fixed at 2×2 and 3×3, stored row-major. Every function checks its input and throws a
// RangeError a person can act on, so a NaN never reaches the picture.

/** A vector of any length. */
export type Vec = readonly number[];
/** A point or arrow in the plane. */
export type Vec2 = readonly [x: number, y: number];
/** A point or arrow in space. */
export type Vec3 = readonly [x: number, y: number, z: number];
/** A 2×2 matrix, row-major: [[a11, a12], [a21, a22]]. */
export type Mat2 = readonly [a11: number, a12: number, a21: number, a22: number];
/** A 3×3 matrix, row-major: [[a11, a12, a13], [a21, a22, a23], [a31, a32, a33]]. */
export type Mat3 = readonly [
  a11: number,
  a12: number,
  a13: number,
  a21: number,
  a22: number,
  a23: number,
  a31: number,
  a32: number,
  a33: number,
];

/**
 * Checks that every entry of `values` is a finite number.
 *
 * @param fn the calling function's name, used to start the message.
 * @param what what the values are ("x", "the matrix"), used in the message.
 * @throws RangeError naming the first non-finite entry and its index.
 */
export function requireFinite(fn: string, what: string, values: Vec): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new RangeError(
        `${fn}: entry ${i} of ${what} is ${values[i]}; every entry must be a finite number.`,
      );
    }
  }
}

/**
 * Checks that k is an integer in [min, max].
 *
 * @throws RangeError naming what k is and the range it must lie in.
 */
export function requireInteger(
  fn: string,
  what: string,
  k: number,
  min: number,
  max = Infinity,
): void {
  if (!Number.isInteger(k) || k < min || k > max) {
    const range =
      max === Infinity
        ? min === 1
          ? "a positive integer"
          : `an integer ≥ ${min}`
        : `an integer from ${min} to ${max}`;
    throw new RangeError(`${fn}: ${what} is ${k}; it must be ${range}.`);
  }
}

/**
 * The index whose sign the project makes positive: the largest |vᵢ|, the first one on a near-tie
 * (within 1e-12, relative). Eigen- and singular vectors are normalised by it once, in the core, so
 * arrows never flip while a slider moves.
 */
export function signLeader(v: Vec): number {
  let max = 0;
  for (const x of v) max = Math.max(max, Math.abs(x));
  // A relative tie tolerance keeps the choice from flickering between two equal components.
  const bar = max * (1 - 1e-12);
  for (let i = 0; i < v.length; i++) if (Math.abs(v[i]) >= bar) return i;
  return 0;
}

/** +1, or −1 when the sign leader of v is negative. */
export function signOf(v: Vec): 1 | -1 {
  return v.length > 0 && v[signLeader(v)] < 0 ? -1 : 1;
}

/** v with its sign leader made positive (and no −0 entries). */
export function signNormalised(v: Vec): number[] {
  const s = signOf(v);
  return v.map((x) => (s * x === 0 ? 0 : s * x));
}

function requireSameLength(fn: string, a: Vec, b: Vec): void {
  if (a.length !== b.length) {
    throw new RangeError(
      `${fn}: the vectors have different lengths (${a.length} and ${b.length}); pass two vectors of the same dimension.`,
    );
  }
}

function requireFiniteScalar(fn: string, what: string, x: number): void {
  if (!Number.isFinite(x)) {
    throw new RangeError(`${fn}: ${what} is ${x}; it must be a finite number.`);
  }
}

/**
 * The sum a + b, entry by entry.
 *
 * @throws RangeError if the lengths differ or an entry is not finite.
 */
export function add<V extends Vec>(a: V, b: V): V {
  requireSameLength("add", a, b);
  requireFinite("add", "a", a);
  requireFinite("add", "b", b);
  // map drops the tuple type; the lengths were checked equal, so the shape is V's.
  return a.map((x, i) => x + b[i]) as unknown as V;
}

/**
 * The difference a − b, entry by entry.
 *
 * @throws RangeError if the lengths differ or an entry is not finite.
 */
export function sub<V extends Vec>(a: V, b: V): V {
  requireSameLength("sub", a, b);
  requireFinite("sub", "a", a);
  requireFinite("sub", "b", b);
  return a.map((x, i) => x - b[i]) as unknown as V;
}

/**
 * The scalar multiple k·v.
 *
 * @throws RangeError if k or an entry of v is not finite.
 */
export function scale<V extends Vec>(v: V, k: number): V {
  requireFinite("scale", "v", v);
  requireFiniteScalar("scale", "the factor k", k);
  return v.map((x) => k * x) as unknown as V;
}

/**
 * The dot product xᵀy = Σ xᵢyᵢ.
 *
 * @throws RangeError if the lengths differ or an entry is not finite.
 */
export function dot(x: Vec, y: Vec): number {
  requireSameLength("dot", x, y);
  requireFinite("dot", "x", x);
  requireFinite("dot", "y", y);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

/**
 * The L1 norm ‖v‖₁ = Σ |vᵢ| (0 for the empty vector).
 *
 * @throws RangeError if an entry is not finite.
 */
export function norm1(v: Vec): number {
  requireFinite("norm1", "v", v);
  let s = 0;
  for (const x of v) s += Math.abs(x);
  return s;
}

/**
 * The largest absolute entry ‖v‖∞ = max |vᵢ| (0 for the empty vector).
 *
 * @throws RangeError if an entry is not finite.
 */
export function normInf(v: Vec): number {
  requireFinite("normInf", "v", v);
  let m = 0;
  for (const x of v) m = Math.max(m, Math.abs(x));
  return m;
}

/**
 * The Euclidean norm ‖v‖₂ = √(Σ vᵢ²), computed as m·√(Σ (vᵢ/m)²) with m = ‖v‖∞ so that
 * neither overflow nor underflow can occur in the squares.
 *
 * @throws RangeError if an entry is not finite.
 */
export function norm2(v: Vec): number {
  return normPScaled(v, 2, "norm2");
}

/**
 * The Lp norm ‖v‖ₚ = (Σ |vᵢ|ᵖ)^(1/p) for p in (0, ∞]; p = Infinity gives max |vᵢ|.
 *
 * For p < 1 this is a quasi-norm (the triangle inequality fails), still well defined.
 * Computed as m·(Σ (|vᵢ|/m)ᵖ)^(1/p) with m = ‖v‖∞, so every term lies in [0, 1] and one is
 * exactly 1; the result only overflows when the true value does (for tiny p it is near
 * m·n^(1/p)). ‖v‖ₚ is non-increasing in p and ‖v‖∞ ≤ ‖v‖₂ ≤ ‖v‖₁.
 *
 * @throws RangeError if p is not in (0, ∞] or an entry is not finite.
 */
export function normP(v: Vec, p: number): number {
  if (!(p > 0)) {
    throw new RangeError(
      `normP: p is ${p}; it must be in (0, ∞] (use p = Infinity for the max norm).`,
    );
  }
  if (p === Infinity) return normInf(v);
  if (p === 1) return norm1(v);
  return normPScaled(v, p, "normP");
}

function normPScaled(v: Vec, p: number, fn: string): number {
  requireFinite(fn, "v", v);
  let m = 0;
  for (const x of v) m = Math.max(m, Math.abs(x));
  if (m === 0) return 0;
  let s = 0;
  for (const x of v) s += (Math.abs(x) / m) ** p;
  // s ≥ 1 (the largest term is 1); for a tiny p, 1/p overflows and 1 ** Infinity is NaN in IEEE,
  // while the limit is the number of non-zero entries raised to a huge power: use logs.
  const e = Math.log(s) / p;
  return e > 709 ? Number.MAX_VALUE : m * Math.exp(e);
}

/** x/‖x‖, or null for the zero vector; x is first divided by max|xᵢ| so that a subnormal x,
 * whose norm has almost no significant digits, still gives a vector of length 1. */
function unit(x: Vec): number[] | null {
  let m = 0;
  for (const xi of x) m = Math.max(m, Math.abs(xi));
  if (m === 0) return null;
  const w = x.map((xi) => xi / m);
  const n = Math.sqrt(w.reduce((s, wi) => s + wi * wi, 0));
  return w.map((wi) => wi / n);
}

/**
 * The angle θ between x and y in radians, in [0, π], with xᵀy = ‖x‖‖y‖cos θ.
 *
 * Computed as θ = 2·atan2(‖x̂ − ŷ‖, ‖x̂ + ŷ‖) on the unit vectors (Kahan), which stays accurate
 * for nearly parallel or opposite vectors where acos(cos θ) loses half its digits.
 *
 * @returns the angle, or null when x or y is the zero vector (the angle is undefined there; a
 *   scene shows "undefined" rather than a number).
 * @throws RangeError if the lengths differ or an entry is not finite.
 */
export function angle(x: Vec, y: Vec): number | null {
  requireSameLength("angle", x, y);
  requireFinite("angle", "x", x);
  requireFinite("angle", "y", y);
  const u = unit(x);
  const w = unit(y);
  if (u === null || w === null) return null;
  let diff = 0;
  let sum = 0;
  for (let i = 0; i < u.length; i++) {
    diff += (u[i] - w[i]) ** 2;
    sum += (u[i] + w[i]) ** 2;
  }
  return 2 * Math.atan2(Math.sqrt(diff), Math.sqrt(sum));
}

/**
 * The orthogonal projection of y onto the line spanned by x: (xᵀy / xᵀx)·x.
 *
 * Computed with the unit vector x̂ = x/‖x‖ as (x̂ᵀy)·x̂, so a tiny x does not underflow xᵀx.
 * The residual y − proj is orthogonal to x.
 *
 * @returns the projection; the zero vector when x is the zero vector (there is no line).
 * @throws RangeError if the lengths differ or an entry is not finite.
 */
export function projectOnto<V extends Vec>(y: V, x: V): V {
  requireSameLength("projectOnto", y, x);
  requireFinite("projectOnto", "y", y);
  requireFinite("projectOnto", "x", x);
  const u = unit(x);
  if (u === null) return x.map(() => 0) as unknown as V;
  let k = 0;
  for (let i = 0; i < u.length; i++) k += u[i] * y[i];
  return u.map((ui) => k * ui) as unknown as V;
}

/**
 * The image A·v of a plane vector under a 2×2 matrix: (a11·x + a12·y, a21·x + a22·y).
 *
 * @throws RangeError if an entry is not finite.
 */
export function mat2Apply(m: Mat2, v: Vec2): Vec2 {
  requireFinite("mat2Apply", "the matrix", m);
  requireFinite("mat2Apply", "v", v);
  const [a11, a12, a21, a22] = m;
  const [x, y] = v;
  return [a11 * x + a12 * y, a21 * x + a22 * y];
}

/**
 * The matrix product A·B (apply B first, then A).
 *
 * @throws RangeError if an entry is not finite.
 */
export function mat2Mul(a: Mat2, b: Mat2): Mat2 {
  requireFinite("mat2Mul", "a", a);
  requireFinite("mat2Mul", "b", b);
  const [a11, a12, a21, a22] = a;
  const [b11, b12, b21, b22] = b;
  return [
    a11 * b11 + a12 * b21,
    a11 * b12 + a12 * b22,
    a21 * b11 + a22 * b21,
    a21 * b12 + a22 * b22,
  ];
}

/**
 * The determinant det A = a11·a22 − a12·a21: the signed area of the image of the unit square.
 *
 * @throws RangeError if an entry is not finite.
 */
export function det2(m: Mat2): number {
  requireFinite("det2", "the matrix", m);
  return m[0] * m[3] - m[1] * m[2];
}

/**
 * The trace tr A = a11 + a22 (the sum of the eigenvalues).
 *
 * @throws RangeError if an entry is not finite.
 */
export function trace2(m: Mat2): number {
  requireFinite("trace2", "the matrix", m);
  return m[0] + m[3];
}

/**
 * The image A·v of a space vector under a 3×3 row-major matrix.
 *
 * @throws RangeError if an entry is not finite.
 */
export function mat3Apply(m: Mat3, v: Vec3): Vec3 {
  requireFinite("mat3Apply", "the matrix", m);
  requireFinite("mat3Apply", "v", v);
  const [x, y, z] = v;
  return [
    m[0] * x + m[1] * y + m[2] * z,
    m[3] * x + m[4] * y + m[5] * z,
    m[6] * x + m[7] * y + m[8] * z,
  ];
}

/**
 * The matrix product A·B of two 3×3 row-major matrices (apply B first, then A).
 *
 * @throws RangeError if an entry is not finite.
 */
export function mat3Mul(a: Mat3, b: Mat3): Mat3 {
  requireFinite("mat3Mul", "a", a);
  requireFinite("mat3Mul", "b", b);
  const out: number[] = [];
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      out.push(a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j]);
    }
  }
  return out as unknown as Mat3;
}

/**
 * The determinant of a 3×3 matrix by cofactor expansion along the first row: the signed volume
 * of the image of the unit cube, equal to the triple product r₁ · (r₂ × r₃) of the rows.
 *
 * @throws RangeError if an entry is not finite.
 */
export function det3(m: Mat3): number {
  requireFinite("det3", "the matrix", m);
  const [a11, a12, a13, a21, a22, a23, a31, a32, a33] = m;
  return (
    a11 * (a22 * a33 - a23 * a32) - a12 * (a21 * a33 - a23 * a31) + a13 * (a21 * a32 - a22 * a31)
  );
}

/**
 * The trace a11 + a22 + a33 of a 3×3 matrix (the sum of its eigenvalues).
 *
 * @throws RangeError if an entry is not finite.
 */
export function trace3(m: Mat3): number {
  requireFinite("trace3", "the matrix", m);
  return m[0] + m[4] + m[8];
}

/**
 * The cross product a × b = (a₂b₃ − a₃b₂, a₃b₁ − a₁b₃, a₁b₂ − a₂b₁), orthogonal to both, of
 * length ‖a‖‖b‖ sin θ, right-handed.
 *
 * @throws RangeError if an entry is not finite.
 */
export function cross3(a: Vec3, b: Vec3): Vec3 {
  requireFinite("cross3", "a", a);
  requireFinite("cross3", "b", b);
  const [a1, a2, a3] = a;
  const [b1, b2, b3] = b;
  return [a2 * b3 - a3 * b2, a3 * b1 - a1 * b3, a1 * b2 - a2 * b1];
}
