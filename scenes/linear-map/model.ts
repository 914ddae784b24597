// The pure model of linear-map: the matrix, its eigen decomposition and the geometry the view draws
// (images of the unit square, the unit circle and the probe), all through src/core.
import { eigen2, type Eigen2 } from "../../src/core/eigen2";
import { det2, dot, mat2Apply, trace2, type Mat2, type Vec2 } from "../../src/core/vec";
import { bool, num, type ParamsOf } from "../../src/kit/schema";

const entry = (label: string, d: number) =>
  num({ label, min: -3, max: 3, step: 0.01, default: d, group: "matrix A" });

export const params = {
  a11: entry("a₁₁", 2),
  a12: entry("a₁₂", 1),
  a21: { ...entry("a₂₁", 0.5), visibleWhen: (p: Record<string, unknown>) => !p.symmetric },
  a22: entry("a₂₂", 1.5),
  angle: num({ label: "probe angle θ (°)", min: 0, max: 360, step: 0.5, default: 30 }),
  symmetric: bool({ label: "symmetric (a₂₁ = a₁₂)", default: false }),
};

export const presets = {
  default: {},
  shear: { a11: 1, a12: 1, a21: 0, a22: 1, angle: 30, symmetric: false },
  rotation: { a11: 0.87, a12: -0.5, a21: 0.5, a22: 0.87, angle: 30, symmetric: false },
  symmetric: { a11: 2, a12: 1, a21: 1, a22: 2, angle: 20, symmetric: true },
  projection: { a11: 1, a12: 1, a21: 0, a22: 0, angle: 60, symmetric: false },
  reflection: { a11: 1, a12: 0, a21: 0, a22: -1, angle: 30, symmetric: false },
  checkpoint: { a11: 2, a12: 1, a21: 2, a22: 3, angle: 30, symmetric: false },
};

export type LinearMapParams = ParamsOf<typeof params>;

export interface LinearMapModel {
  /** The matrix in effect (a21 tied to a12 when symmetric). */
  A: Mat2;
  eig: Eigen2;
  det: number;
  trace: number;
  /** The probe v (unit) and its image Av. */
  v: Vec2;
  Av: Vec2;
  /** Angle between the line of v and the line of Av, in degrees (0 when v is an eigenvector). */
  misalignDeg: number;
  /** Index (0 or 1) of the eigenvector the probe lies on, within ALIGN_DEG; null otherwise. */
  onEigenvector: number | null;
  /** λ for the probe when it lies on an eigenvector. */
  probeLambda: number | null;
  /** The image of the unit circle, as a closed polyline. */
  ellipse: Vec2[];
  /** The image of the unit square: 0, Ae1, Ae1 + Ae2, Ae2. */
  parallelogram: [Vec2, Vec2, Vec2, Vec2];
  /** Real eigen-directions (unit) with their eigenvalues, for drawing lines. */
  directions: { v: Vec2; lambda: number }[];
}

/** The probe counts as lying on an eigenvector within this angle. */
export const ALIGN_DEG = 0.75;

export function matrixOf(p: LinearMapParams): Mat2 {
  return [p.a11, p.a12, p.symmetric ? p.a12 : p.a21, p.a22];
}

/** Angle between two lines through the origin, in degrees, in [0, 90]; 0 when either is zero. */
function lineAngleDeg(a: Vec2, b: Vec2): number {
  const na = Math.hypot(a[0], a[1]);
  const nb = Math.hypot(b[0], b[1]);
  if (na === 0 || nb === 0) return 0;
  const c = Math.min(1, Math.abs(dot(a, b)) / (na * nb));
  return (Math.acos(c) * 180) / Math.PI;
}

export function linearMapModel(p: LinearMapParams): LinearMapModel {
  const A = matrixOf(p);
  const eig = eigen2(A);
  const rad = (p.angle * Math.PI) / 180;
  const v: Vec2 = [Math.cos(rad), Math.sin(rad)];
  const Av = mat2Apply(A, v);
  const directions: { v: Vec2; lambda: number }[] =
    eig.kind === "real"
      ? [
          { v: eig.vectors[0], lambda: eig.values[0] },
          { v: eig.vectors[1], lambda: eig.values[1] },
        ]
      : eig.kind === "repeated"
        ? eig.vectors.map((u) => ({ v: u, lambda: eig.value }))
        : [];
  // A scalar matrix keeps every direction: the probe is always on an eigenvector.
  const everyDirection = eig.kind === "repeated" && eig.vectors.length === 2;
  let onEigenvector: number | null = everyDirection ? 0 : null;
  if (!everyDirection)
    directions.forEach((d, i) => {
      if (onEigenvector === null && lineAngleDeg(d.v, v) <= ALIGN_DEG) onEigenvector = i;
    });
  const ellipse: Vec2[] = [];
  for (let i = 0; i <= 128; i++) {
    const t = (2 * Math.PI * i) / 128;
    ellipse.push(mat2Apply(A, [Math.cos(t), Math.sin(t)]));
  }
  const c1: Vec2 = [A[0], A[2]];
  const c2: Vec2 = [A[1], A[3]];
  return {
    A,
    eig,
    det: det2(A),
    trace: trace2(A),
    v,
    Av,
    misalignDeg: lineAngleDeg(v, Av),
    onEigenvector,
    probeLambda: onEigenvector === null ? null : directions[onEigenvector].lambda,
    ellipse,
    parallelogram: [[0, 0], c1, [c1[0] + c2[0], c1[1] + c2[1]], c2],
    directions,
  };
}

/** The nearest real eigen-direction angle (degrees, 0…360) to `angle`, if within `within` degrees. */
export function snapToEigen(m: LinearMapModel, angle: number, within: number): number | null {
  let best: number | null = null;
  let bestGap = within;
  for (const d of m.directions) {
    const base = (Math.atan2(d.v[1], d.v[0]) * 180) / Math.PI;
    for (const cand of [base, base + 180, base - 180, base + 360]) {
      const gap = Math.abs(cand - angle);
      if (gap < bestGap) {
        bestGap = gap;
        best = ((cand % 360) + 360) % 360;
      }
    }
  }
  return best;
}
