// The closed-form eigen decomposition of a 2×2 matrix: real, repeated or complex. Its own module
// (re-exported by linalg) so that scenes needing only this, such as linear-map and gd-surface's
// rates, do not carry ml-matrix.
import { requireFinite, signNormalised, type Mat2, type Vec2 } from "./vec";

/**
 * The eigen decomposition of a 2×2 matrix: two real eigenvalues, one repeated eigenvalue, or a
 * complex-conjugate pair.
 */
export type Eigen2 =
  | {
      readonly kind: "real";
      /** λ₁ > λ₂. */
      readonly values: readonly [l1: number, l2: number];
      /** Unit eigenvectors, vectors[i] for values[i]; not orthogonal unless A is symmetric. */
      readonly vectors: readonly [v1: Vec2, v2: Vec2];
    }
  | {
      readonly kind: "repeated";
      readonly value: number;
      /** One vector when A is defective (a shear); e1, e2 when A = λI (every vector is one). */
      readonly vectors: readonly [v: Vec2] | readonly [e1: Vec2, e2: Vec2];
    }
  | {
      readonly kind: "complex";
      /** λ = re ± i·im, im > 0: no real direction is kept, the map rotates. */
      readonly re: number;
      readonly im: number;
    };

/**
 * Eigenvalues closer than this half-gap, relative to max|aᵢⱼ| (within a factor 2), are one
 * repeated eigenvalue. Rounding alone moves the eigenvalues of a defective matrix by about
 * √ε·‖A‖ ≈ 1.5e-8·‖A‖, so the threshold sits just above that.
 */
export const EIGEN2_REPEATED_TOL = 1e-7;

/**
 * The eigenvalues and unit eigenvectors of a 2×2 matrix A = [[a, b], [c, d]], in closed form.
 *
 * λ = m ± √Δ with m = (a + d)/2 and Δ = ((a − d)/2)² + bc, computed on A/2ᵏ with
 * 2ᵏ ≤ max|aᵢⱼ| < 2ᵏ⁺¹ (exact, so no overflow or underflow), then:
 * - √|Δ| ≤ EIGEN2_REPEATED_TOL·2ᵏ: one repeated eigenvalue m, with one eigenvector (defective,
 *   e.g. a shear) or, when A = mI to that tolerance, the axes e1, e2;
 * - Δ > 0: two real eigenvalues, λ₁ > λ₂;
 * - Δ < 0: a complex pair m ± i√(−Δ).
 * The smaller-magnitude eigenvalue is det/λ_big, and each eigenvector is taken orthogonal to the
 * longer row of A − λI with the cancelling entry rewritten (h − r = −bc/(h + r)), so nothing is
 * lost to cancellation. Eigenvectors are unit length with their largest-magnitude component
 * positive (the first one on a tie within 1e-12).
 * Identities: λ₁ + λ₂ = tr A, λ₁λ₂ = det A, A·v = λv.
 *
 * @throws RangeError if an entry is not finite.
 */
export function eigen2(a: Mat2): Eigen2 {
  requireFinite("eigen2", "the matrix [a11, a12, a21, a22]", a);
  const max = Math.max(Math.abs(a[0]), Math.abs(a[1]), Math.abs(a[2]), Math.abs(a[3]));
  if (max === 0) {
    return {
      kind: "repeated",
      value: 0,
      vectors: [
        [1, 0],
        [0, 1],
      ],
    };
  }
  // A power of two divides exactly, even a subnormal entry, and leaves every entry below 2.
  const s = 2 ** Math.floor(Math.log2(max));
  const [p, b, c, q] = [a[0] / s, a[1] / s, a[2] / s, a[3] / s];
  const mean = (p + q) / 2;
  const h = (p - q) / 2;
  const bc = b * c;
  const disc = h * h + bc;
  const tol = EIGEN2_REPEATED_TOL;

  if (Math.abs(disc) <= tol * tol) {
    // Scalar multiple of I: A − mI vanishes (to the tolerance), so every direction is kept.
    if (Math.max(Math.abs(h), Math.abs(b), Math.abs(c)) <= tol) {
      return {
        kind: "repeated",
        value: mean * s,
        vectors: [
          [1, 0],
          [0, 1],
        ],
      };
    }
    return { kind: "repeated", value: mean * s, vectors: [nullVector(h, b, c, -h)] };
  }
  if (disc < 0) {
    return { kind: "complex", re: mean * s, im: Math.sqrt(-disc) * s };
  }

  const r = Math.sqrt(disc);
  const det = p * q - bc;
  // The eigenvalue of larger magnitude has no cancellation; the other follows from the product.
  let l1: number;
  let l2: number;
  if (mean >= 0) {
    l1 = mean + r;
    l2 = det / l1;
  } else {
    l2 = mean - r;
    l1 = det / l2;
  }

  // Entries of A − λI on the diagonal: a − λ = h ∓ r and d − λ = −h ∓ r. When h and ±r share a
  // sign the difference cancels, so it is rewritten with h² − r² = −bc.
  const p1 = h > 0 ? -bc / (h + r) : h - r;
  const q1 = h < 0 ? -bc / (r - h) : -h - r;
  const p2 = h < 0 ? bc / (r - h) : h + r;
  const q2 = h > 0 ? bc / (r + h) : r - h;

  return {
    kind: "real",
    values: [l1 * s, l2 * s],
    vectors: [nullVector(p1, b, c, q1), nullVector(p2, b, c, q2)],
  };
}

/** A unit vector orthogonal to the longer row of the rank-one matrix [[p, b], [c, q]]. */
function nullVector(p: number, b: number, c: number, q: number): Vec2 {
  // The longer row is the better-conditioned one: its direction is least disturbed by rounding.
  const [x, y] = p * p + b * b >= c * c + q * q ? [-b, p] : [-q, c];
  const n = Math.hypot(x, y);
  const v = signNormalised([x / n, y / n]);
  return [v[0], v[1]];
}
