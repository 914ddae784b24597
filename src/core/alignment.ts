// The anatomy of a dot product: xᵀy, the two norms, the angle θ, cos θ, ‖x‖‖y‖cos θ and the
// projection of y onto x, with the angle classified as acute, right or obtuse. A dot product
// smaller than its own rounding error is reported as exactly 0, so two decimal vectors that are
// perpendicular read as perpendicular.
import { angle, dot, norm2, projectOnto, requireFinite, type Vec } from "./vec";

/** How x and y meet: θ < 90°, θ = 90° (xᵀy = 0), θ > 90°, or no angle (a zero vector). */
export type AngleKind = "acute" | "right" | "obtuse" | "undefined";

/** Every number of the dot-product picture, for one pair of vectors. */
export interface Alignment {
  /** xᵀy = Σ xᵢyᵢ; exactly 0 when |xᵀy| is within the rounding bound (see dotRoundingBound). */
  readonly dot: number;
  readonly normX: number;
  readonly normY: number;
  /** θ in radians, in [0, π]; exactly π/2 when dot is 0; null when x or y is the zero vector. */
  readonly angle: number | null;
  /** cos θ, from the angle (exactly 0 when right); null when θ is undefined. */
  readonly cos: number | null;
  /** ‖x‖‖y‖cos θ, computed from the angle, not from xᵀy; equal to dot up to rounding. */
  readonly dotFromAngle: number | null;
  /** The projection (xᵀy/xᵀx)·x of y onto the line of x; the zero vector when x = 0. */
  readonly projection: number[];
  /** The signed length xᵀy/‖x‖ of that projection along x; 0 when x = 0. */
  readonly scalarProjection: number;
  readonly kind: AngleKind;
  /** Why the angle is undefined (a sentence), or null. */
  readonly why: string | null;
}

/**
 * The size below which a computed xᵀy cannot be told from 0: 2(n + 1)·ε·Σ|xᵢyᵢ|.
 *
 * Summing n products in floating point errs by at most about n·ε·Σ|xᵢyᵢ|, and each input may
 * itself be off by ε/2 relative (a decimal such as 0.1 is not a binary number), which adds
 * ε·Σ|xᵢyᵢ|; the factor 2 is margin. Below this bound even the sign of xᵀy is noise.
 *
 * @throws RangeError if the lengths differ or an entry is not finite.
 */
export function dotRoundingBound(x: Vec, y: Vec): number {
  if (x.length !== y.length) {
    throw new RangeError(
      `dotRoundingBound: the vectors have different lengths (${x.length} and ${y.length}); pass two vectors of the same dimension.`,
    );
  }
  requireFinite("dotRoundingBound", "x", x);
  requireFinite("dotRoundingBound", "y", y);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += Math.abs(x[i] * y[i]);
  return 2 * (x.length + 1) * Number.EPSILON * s;
}

/**
 * The dot product of x and y with its geometry: norms, angle, cos θ, ‖x‖‖y‖cos θ, projection.
 *
 * θ comes from vec.angle (Kahan's formula on the unit vectors), independently of xᵀy, so
 * dotFromAngle = ‖x‖‖y‖cos θ is a second computation that agrees with dot to rounding. When
 * |xᵀy| ≤ dotRoundingBound(x, y) the vectors are perpendicular to working precision: dot is 0,
 * θ = π/2, cos θ = 0 and kind is "right". A zero vector has no angle: angle, cos and
 * dotFromAngle are null, kind is "undefined" and why says so (dot is still 0).
 *
 * @throws RangeError if the lengths differ or an entry is not finite.
 */
export function alignment(x: Vec, y: Vec): Alignment {
  const bound = dotRoundingBound(x, y);
  const raw = dot(x, y);
  const d = Math.abs(raw) <= bound ? 0 : raw;
  const normX = norm2(x);
  const normY = norm2(y);
  const projection = projectOnto(y, x) as number[];
  const scalarProjection = normX === 0 ? 0 : d / normX;
  if (normX === 0 || normY === 0) {
    const which = normX === 0 && normY === 0 ? "x and y are" : normX === 0 ? "x is" : "y is";
    const zero = normX === 0 && normY === 0 ? "zero vectors" : "the zero vector";
    return {
      dot: d,
      normX,
      normY,
      angle: null,
      cos: null,
      dotFromAngle: null,
      projection,
      scalarProjection,
      kind: "undefined",
      why: `${which} ${zero}: no direction, so no angle.`,
    };
  }
  if (d === 0) {
    return {
      dot: 0,
      normX,
      normY,
      angle: Math.PI / 2,
      cos: 0,
      dotFromAngle: 0,
      projection: projection.map(() => 0),
      scalarProjection: 0,
      kind: "right",
      why: null,
    };
  }
  const theta = angle(x, y) as number;
  const cos = Math.cos(theta);
  return {
    dot: d,
    normX,
    normY,
    angle: theta,
    cos,
    dotFromAngle: normX * normY * cos,
    projection,
    scalarProjection,
    kind: d > 0 ? "acute" : "obtuse",
    why: null,
  };
}
