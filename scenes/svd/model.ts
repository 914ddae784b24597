// The pure model of svd: the matrix (2×2, 3×2 or 2×3), its SVD with rotation-first signs, the map
// after any fraction of the three steps Vᵀ, Σ, U applied to the unit circle (or sphere), projected
// to the screen for the 3-D shapes, and the block shapes of the full and thin SVD of an m×n matrix.
// Everything numeric comes from src/core (linalg, svdsteps).
import {
  frobeniusNorm,
  fullSvdShapes,
  matMul,
  svd,
  thinSvdShapes,
  transpose,
  type SvdShapes,
} from "../../src/core/linalg";
import {
  rotationAbout,
  svdMotions,
  svdStageMap,
  svdSteps,
  type SvdMotions,
  type SvdSteps,
} from "../../src/core/svdsteps";
import { choice, int, num, type ParamValue, type ParamsOf } from "../../src/kit/schema";

export type Shape = "2x2" | "3x2" | "2x3";
type P = Record<string, ParamValue>;

const entry = (label: string, d: number, visibleWhen?: (p: P) => boolean) =>
  num({ label, min: -3, max: 3, step: 0.01, default: d, group: "matrix A", visibleWhen });
const wide = (p: P) => p.shape === "2x3";
const tall = (p: P) => p.shape === "3x2";

export const params = {
  shape: choice({
    label: "shape of A",
    options: ["2x2", "3x2", "2x3"] as const,
    optionLabels: {
      "2x2": "2×2: ℝ² → ℝ²",
      "3x2": "3×2: ℝ² → ℝ³ (tall)",
      "2x3": "2×3: ℝ³ → ℝ² (wide)",
    },
    default: "2x2",
    group: "matrix A",
  }),
  a11: entry("a₁₁", 2),
  a12: entry("a₁₂", 1),
  a13: entry("a₁₃", 0.8, wide),
  a21: entry("a₂₁", 0.5),
  a22: entry("a₂₂", 1.5),
  a23: entry("a₂₃", -0.6, wide),
  a31: entry("a₃₁", 0.7, tall),
  a32: entry("a₃₂", -0.9, tall),
  stage: num({
    label: "stage (0 x, 1 Vᵀx, 2 ΣVᵀx, 3 Ax)",
    min: 0,
    max: 3,
    step: 0.01,
    default: 3,
    marks: () => [
      { value: 1, label: "Vᵀ" },
      { value: 2, label: "Σ" },
    ],
  }),
  turn: num({
    label: "3-D view: turn (°)",
    min: -180,
    max: 180,
    step: 1,
    default: 35,
    visibleWhen: (p) => p.shape !== "2x2",
  }),
  m: int({
    label: "m (rows of X)",
    min: 1,
    max: 200,
    default: 6,
    log: true,
    group: "shapes panel: X is m×n",
  }),
  n: int({
    label: "n (columns of X)",
    min: 1,
    max: 200,
    default: 4,
    log: true,
    group: "shapes panel: X is m×n",
  }),
};

export const presets = {
  default: {},
  symmetric: { a11: 2, a12: 1, a21: 1, a22: 2 },
  reflection: { a11: 1, a12: 0.5, a21: 0.8, a22: -1.2 },
  shear: { a11: 1, a12: 1, a21: 0, a22: 1 },
  rotation: { a11: 0.8, a12: -0.6, a21: 0.6, a22: 0.8 },
  "rank-one": { a11: 1, a12: 2, a21: 0.5, a22: 1 },
  zero: { a11: 0, a12: 0, a21: 0, a22: 0 },
  "tall-3x2": { shape: "3x2" as const, stage: 3 },
  "wide-2x3": { shape: "2x3" as const, stage: 3 },
  "d2-100x5": { m: 100, n: 5 },
  "wide-5x100": { m: 5, n: 100 },
};

export type SvdParams = ParamsOf<typeof params>;

/** A point of the picture in math units on the screen (the 3-D shapes are already projected). */
export type Pt2 = readonly [number, number];
type V3 = readonly [number, number, number];

export interface SvdModel {
  shape: Shape;
  /** Rows × columns of A. */
  rows: number;
  cols: number;
  A: number[][];
  steps: SvdSteps;
  motions: SvdMotions;
  /** σ₁ ≥ σ₂ ≥ 0 (every shape here has two). */
  s: [number, number];
  /** The thin factors: U m×2 and V n×2, columns uᵢ, vᵢ (the signs the picture uses). */
  uThin: number[][];
  vThin: number[][];
  rank: number;
  /** ‖A − UΣVᵀ‖_F, computed from the factors. */
  reconstructionError: number;
  stage: number;
  /** 3-D views project; the 2×2 view is the plane itself. */
  is3d: boolean;
  /** Curves of the current stage (the circle, or three great circles of the sphere). */
  curves: Pt2[][];
  /** The outline of the current image of the ball (the sphere's silhouette for 2×3). */
  outline: Pt2[];
  /** Faint guides: the outline at stage 0 (the unit circle, or the sphere's) and at stage 3. */
  startOutline: Pt2[];
  /** The outline at stage 3: the ellipse with semi-axes σ₁u₁, σ₂u₂. */
  endOutline: Pt2[];
  /** The images of v₁, v₂ (and v₃ for 2×3) at the current stage: σᵢuᵢ at stage 3. */
  arrows: Pt2[];
  /** The columns Ae₁, Ae₂ of a 2×2 A (drag handles). */
  columns: Pt2[];
  /** 3-D only: the projected axes e₁, e₂, e₃ (tips at length axisLength). */
  axes: Pt2[];
  axisLength: number;
  /** 3-D only: the plane U(t)·(x₁x₂-plane) as a projected square, where the image lies after Σ. */
  floor: Pt2[];
  /** Half-width of the region the picture needs (math units). */
  extent: number;
  /** The block shapes for the panel. */
  panel: { m: number; n: number; thin: SvdShapes; full: SvdShapes };
}

export function matrixOf(p: SvdParams): number[][] {
  if (p.shape === "3x2")
    return [
      [p.a11, p.a12],
      [p.a21, p.a22],
      [p.a31, p.a32],
    ];
  if (p.shape === "2x3")
    return [
      [p.a11, p.a12, p.a13],
      [p.a21, p.a22, p.a23],
    ];
  return [
    [p.a11, p.a12],
    [p.a21, p.a22],
  ];
}

/** The screen basis of the 3-D view: turned by `turn` degrees about e₃, looking down 26°. */
export function camera(turn: number): { right: V3; up: V3 } {
  const phi = (turn * Math.PI) / 180;
  const el = (26 * Math.PI) / 180;
  return {
    right: [-Math.sin(phi), Math.cos(phi), 0],
    up: [-Math.sin(el) * Math.cos(phi), -Math.sin(el) * Math.sin(phi), Math.cos(el)],
  };
}

const apply = (M: number[][], v: V3): V3 => [
  M[0][0] * v[0] + M[0][1] * v[1] + M[0][2] * v[2],
  M[1][0] * v[0] + M[1][1] * v[1] + M[1][2] * v[2],
  M[2][0] * v[0] + M[2][1] * v[1] + M[2][2] * v[2],
];

/** Extent levels: the view zooms in steps, not continuously, so dragging an entry is calm. */
const LEVELS = [1.5, 2.2, 3.2, 4.5, 6.5];

const CIRCLE_N = 96;

function circle(a: V3, b: V3): V3[] {
  const pts: V3[] = [];
  for (let i = 0; i <= CIRCLE_N; i++) {
    const t = (2 * Math.PI * i) / CIRCLE_N;
    const c = Math.cos(t);
    const s = Math.sin(t);
    pts.push([c * a[0] + s * b[0], c * a[1] + s * b[1], c * a[2] + s * b[2]]);
  }
  return pts;
}

export function svdModel(p: SvdParams): SvdModel {
  const shape = p.shape;
  const A = matrixOf(p);
  const rows = A.length;
  const cols = A[0].length;
  const steps = svdSteps(A);
  const motions = svdMotions(steps);
  const s: [number, number] = [steps.s[0], steps.s[1]];
  const uThin = steps.U.map((row) => row.slice(0, 2));
  const vThin = steps.V.map((row) => row.slice(0, 2));
  const back = matMul(
    matMul(uThin, [
      [s[0], 0],
      [0, s[1]],
    ]),
    transpose(vThin),
  );
  const reconstructionError = frobeniusNorm(A.map((row, i) => row.map((x, j) => x - back[i][j])));
  const stage = p.stage;
  const is3d = shape !== "2x2";
  const cam = camera(p.turn);
  const proj = (v: V3): Pt2 =>
    is3d
      ? [
          v[0] * cam.right[0] + v[1] * cam.right[1] + v[2] * cam.right[2],
          v[0] * cam.up[0] + v[1] * cam.up[1] + v[2] * cam.up[2],
        ]
      : [v[0], v[1]];

  // The domain: the unit circle of ℝ², or three great circles of the unit sphere of ℝ³.
  const e1: V3 = [1, 0, 0];
  const e2: V3 = [0, 1, 0];
  const e3: V3 = [0, 0, 1];
  const domain = cols === 3 ? [circle(e1, e2), circle(e1, e3), circle(e2, e3)] : [circle(e1, e2)];
  const at = (M: number[][]) => domain.map((c) => c.map((v) => proj(apply(M, v))));
  const M = svdStageMap(steps, stage, motions);
  const M0 = svdStageMap(steps, 0, motions);
  const M3 = svdStageMap(steps, 3, motions);
  const vCols: V3[] = Array.from({ length: cols }, (_, j) => [
    steps.V[0][j],
    steps.V[1][j],
    cols === 3 ? steps.V[2][j] : 0,
  ]);

  // The silhouette of the image of the unit ball: {P·T·x : ‖x‖ ≤ 1} is an ellipse with semi-axes
  // σᵢ(P·T)·uᵢ(P·T), from the SVD of the 2×3 matrix P·T (P the screen projection).
  const silhouette = (T: number[][]): Pt2[] => {
    if (cols !== 3) return at(T)[0];
    const PT = [cam.right, cam.up].map((row) =>
      [0, 1, 2].map((j) => row[0] * T[0][j] + row[1] * T[1][j] + row[2] * T[2][j]),
    );
    const d = svd(PT);
    return circle(e1, e2).map(([c, sn]) => [
      d.U[0][0] * d.s[0] * c + d.U[0][1] * d.s[1] * sn,
      d.U[1][0] * d.s[0] * c + d.U[1][1] * d.s[1] * sn,
    ]);
  };

  const radius = Math.max(1, s[0]);
  const extent = (LEVELS.find((l) => l >= radius * 1.12) ?? radius * 1.12) * (is3d ? 1.05 : 1);
  const axisLength = extent * 0.92;
  const t3 = Math.min(1, Math.max(0, stage - 2));
  const U3 = rotationAbout(motions.uRotation.axis, t3 * motions.uRotation.angle);
  const f = extent * 0.75;
  const floor = is3d
    ? (
        [
          [f, f, 0],
          [-f, f, 0],
          [-f, -f, 0],
          [f, -f, 0],
        ] as V3[]
      ).map((v) =>
        proj(
          apply(
            rows === 3
              ? U3
              : [
                  [1, 0, 0],
                  [0, 1, 0],
                  [0, 0, 1],
                ],
            v,
          ),
        ),
      )
    : [];

  return {
    shape,
    rows,
    cols,
    A,
    steps,
    motions,
    s,
    uThin,
    vThin,
    rank: steps.rank,
    reconstructionError,
    stage,
    is3d,
    curves: at(M),
    outline: silhouette(M),
    startOutline: silhouette(M0),
    endOutline: silhouette(M3),
    arrows: vCols.map((v) => proj(apply(M, v))),
    columns:
      shape === "2x2"
        ? [
            [A[0][0], A[1][0]],
            [A[0][1], A[1][1]],
          ]
        : [],
    axes: is3d
      ? [e1, e2, e3].map((e) => proj([e[0] * axisLength, e[1] * axisLength, e[2] * axisLength]))
      : [],
    axisLength,
    floor,
    extent,
    panel: { m: p.m, n: p.n, thin: thinSvdShapes(p.m, p.n), full: fullSvdShapes(p.m, p.n) },
  };
}

/** "100×5" for a block shape. */
export function shapeWord(s: readonly [number, number]): string {
  return `${s[0]}×${s[1]}`;
}
