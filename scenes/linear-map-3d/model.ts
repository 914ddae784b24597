// The pure model of linear-map-3d: a 3×3 matrix A, set by its entries or as R·diag(λ)·Rᵀ, its
// determinant, trace, rank and eigenvalues, its real eigen-directions, its column space, and the
// geometry the view draws (the image of the unit cube and of a point cloud), all via src/core.
// The view draws M = (1 − t)·I + t·A, so t morphs the identity into A; readouts are for A.
import {
  det,
  eigenGeneral,
  matrixFromEigen3,
  outer,
  rank,
  svd,
  symmetricEigen,
  trace,
  type Rows,
} from "../../src/core/linalg";
import { mat3Apply, type Mat3, type Vec3 } from "../../src/core/vec";
import { choice, num, type ParamsOf, type ParamValue } from "../../src/kit/schema";

type P = Record<string, ParamValue>;
const byEntries = (p: P) => p.mode === "entries";
const byEigen = (p: P) => p.mode === "eigen";

const entry = (label: string, d: number) =>
  num({
    label,
    min: -3,
    max: 3,
    step: 0.01,
    default: d,
    group: "matrix A (entries)",
    visibleWhen: byEntries,
  });
const lambda = (label: string, d: number) =>
  num({
    label,
    min: -4,
    max: 4,
    step: 0.01,
    default: d,
    group: "eigenvalues",
    visibleWhen: byEigen,
  });
const angle = (label: string, d: number) =>
  num({
    label,
    min: -180,
    max: 180,
    step: 1,
    default: d,
    group: "eigenbasis R (rotation)",
    visibleWhen: byEigen,
  });

export const params = {
  mode: choice({
    label: "set A by",
    options: ["eigen", "entries"],
    optionLabels: { eigen: "eigenvalues + eigenbasis", entries: "entries a₁₁ … a₃₃" },
    default: "eigen",
    help: "Either the nine entries of A, or A = R·diag(λ₁, λ₂, λ₃)·Rᵀ with R a rotation (a symmetric A).",
  }),
  a11: entry("a₁₁", 1.2),
  a12: entry("a₁₂", 0.4),
  a13: entry("a₁₃", 0.2),
  a21: entry("a₂₁", 0.3),
  a22: entry("a₂₂", 1),
  a23: entry("a₂₃", -0.3),
  a31: entry("a₃₁", 0.1),
  a32: entry("a₃₂", 0.5),
  a33: entry("a₃₃", 0.8),
  l1: lambda("λ₁ (along r₁)", 4),
  l2: lambda("λ₂ (along r₂)", 2),
  l3: lambda("λ₃ (along r₃)", 1),
  alpha: angle("α about x (°)", 20),
  beta: angle("β about y (°)", -15),
  gamma: angle("γ about z (°)", 30),
  cloud: choice({
    label: "point cloud",
    options: ["cube", "sphere", "none"],
    optionLabels: {
      cube: "grid in the unit cube",
      sphere: "points on the unit sphere",
      none: "none",
    },
    default: "cube",
  }),
  t: num({
    label: "morph I → A (t)",
    min: 0,
    max: 1,
    step: 0.01,
    default: 1,
    help: "The view draws (1 − t)·I + t·A: at t = 0 nothing moves, at t = 1 it is A. Play animates t.",
  }),
};

export type Map3Params = ParamsOf<typeof params>;

const ENTRY_KEYS = ["a11", "a12", "a13", "a21", "a22", "a23", "a31", "a32", "a33"] as const;

/** Rounds to the sliders' 0.01 grid (the preset matrices below are built on it). */
const grid = (x: number) => Math.round(x * 100) / 100;

function entriesOf(a: Rows): Record<(typeof ENTRY_KEYS)[number], number> {
  const out = {} as Record<(typeof ENTRY_KEYS)[number], number>;
  ENTRY_KEYS.forEach((k, i) => (out[k] = grid(a[Math.floor(i / 3)][i % 3])));
  return out;
}

/** Drill D3's factors for the 3×3 preset: A = u·vᵀ, every column a multiple of u. */
export const RANK_ONE_U = [1, 0.5, 0.75] as const;
export const RANK_ONE_V = [1, 2, -1] as const;

/** Two independent columns and their sum: a rank-2 matrix whose columns span a plane. */
const PLANE_C1 = [1.2, 0.3, -0.2];
const PLANE_C2 = [0.2, 1, 0.4];
const planeMatrix = [0, 1, 2].map((i) => [PLANE_C1[i], PLANE_C2[i], PLANE_C1[i] + PLANE_C2[i]]);

export const presets = {
  "drill-eigs-1-2-4": {
    mode: "eigen",
    l1: 4,
    l2: 2,
    l3: 1,
    alpha: 20,
    beta: -15,
    gamma: 30,
    cloud: "cube",
    t: 1,
  },
  "rank-one": { mode: "entries", ...entriesOf(outer(RANK_ONE_U, RANK_ONE_V)), cloud: "cube", t: 1 },
  "singular-plane": { mode: "entries", ...entriesOf(planeMatrix), cloud: "sphere", t: 1 },
  reflection: {
    mode: "eigen",
    l1: 1.5,
    l2: 1,
    l3: -0.8,
    alpha: 10,
    beta: 25,
    gamma: -20,
    cloud: "cube",
    t: 1,
  },
  rotation: {
    mode: "entries",
    ...entriesOf([
      [0.5, -0.87, 0],
      [0.87, 0.5, 0],
      [0, 0, 1.2],
    ]),
    cloud: "sphere",
    t: 1,
  },
  zero: {
    mode: "entries",
    ...entriesOf([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]),
    cloud: "cube",
    t: 1,
  },
} satisfies Record<string, Partial<Map3Params>>;

/** An eigenvalue λ = re + i·im (im = 0 when real), with its real eigenvectors (unit, possibly none). */
export interface Eigenpair {
  re: number;
  im: number;
  vectors: Vec3[];
}

/** Everything about one matrix that the scene reads or draws. */
export interface MatrixFacts {
  /** Row-major 3×3. */
  M: Mat3;
  det: number;
  trace: number;
  rank: number;
  /** Eigenvalues, descending by real part (a complex pair as re + i·im, re − i·im). */
  eig: Eigenpair[];
  /** An orthonormal basis of the column space: the first `rank` left singular vectors. */
  colBasis: Vec3[];
  /** Singular values σ₁ ≥ σ₂ ≥ σ₃. */
  sigma: number[];
}

export interface Map3Model {
  /** The matrix A the readouts describe. */
  A: MatrixFacts;
  /** The matrix drawn: (1 − t)·I + t·A (the same object as A when t = 1). */
  drawn: MatrixFacts;
  t: number;
  /** The images M·c of the unit cube's corners c ∈ {0, 1}³, index = x + 2y + 4z. */
  cube: Vec3[];
  /** The cloud before and after the map. */
  cloud: Vec3[];
  cloudImage: Vec3[];
  /** True when A came from eigenvalues and an eigenbasis (so A is symmetric). */
  symmetric: boolean;
}

/** The matrix A the params describe, as rows. */
export function matrixOf(p: Map3Params): number[][] {
  if (p.mode === "eigen") {
    const rad = Math.PI / 180;
    return matrixFromEigen3([p.l1, p.l2, p.l3], [p.alpha * rad, p.beta * rad, p.gamma * rad]);
  }
  return [0, 1, 2].map((i) => ENTRY_KEYS.slice(3 * i, 3 * i + 3).map((k) => p[k]));
}

const flat = (a: Rows): Mat3 => a.flat() as unknown as Mat3;

/**
 * Real eigenvectors of A for λ: the right singular vectors of A − λI whose singular value is
 * zero to a tolerance that absorbs the √ε error of eigenvalues of a defective matrix.
 */
function eigenvectorsFor(a: Rows, lambda: number, scale: number): Vec3[] {
  const shifted = a.map((row, i) => row.map((x, j) => (i === j ? x - lambda : x)));
  const { s, V } = svd(shifted);
  const tol = 1e-6 * scale;
  const out: Vec3[] = [];
  for (let j = 0; j < 3; j++) if (s[j] <= tol) out.push([V[0][j], V[1][j], V[2][j]]);
  return out;
}

/** The facts of one matrix, all through src/core. */
export function factsOf(a: Rows, symmetric: boolean): MatrixFacts {
  const dec = svd(a);
  const scale = Math.max(1, dec.s[0]);
  const r = rank(a);
  let values: { re: number; im: number }[];
  if (symmetric) values = symmetricEigen(a).values.map((re) => ({ re, im: 0 }));
  else {
    const g = eigenGeneral(a);
    values = g.re.map((re, i) => ({ re, im: g.im[i] }));
  }
  // Rounding leaves eigenvalues of order ε·σ₁ where the exact ones are 0 (a singular A). With
  // entries on a 0.01 grid a true non-zero |λ| is at least about 1e-8, so 1e-12·σ₁ only ever
  // catches rounding; −0 is written as 0.
  const zero = 1e-12 * scale;
  values = values.map(({ re, im }) => ({ re: Math.abs(re) <= zero ? 0 : re, im }));
  // Eigenvectors per distinct real eigenvalue; a repeated one shares its eigenspace, once.
  const eig: Eigenpair[] = [];
  const seen: Vec3[] = [];
  for (const { re, im } of values) {
    const real = Math.abs(im) <= 1e-9 * scale;
    const vectors = real
      ? eigenvectorsFor(a, re, scale).filter(
          (v) => !seen.some((w) => Math.abs(v[0] * w[0] + v[1] * w[1] + v[2] * w[2]) > 0.9999),
        )
      : [];
    // Each eigenvalue keeps one direction; a repeated eigenvalue's extra directions go to its
    // twin, so a 2-D eigenspace is drawn as two lines rather than the same line twice.
    const mine = vectors.slice(0, 1);
    seen.push(...mine);
    eig.push({ re, im: real ? 0 : im, vectors: mine });
  }
  return {
    M: flat(a),
    // rank (LAPACK's tolerance) decides singularity; the det of a singular A is 0, not the
    // ε-sized remainder that LU leaves.
    det: r < 3 ? 0 : det(a),
    trace: trace(a),
    rank: r,
    eig,
    colBasis: [0, 1, 2].slice(0, r).map((j) => [dec.U[0][j], dec.U[1][j], dec.U[2][j]] as Vec3),
    sigma: dec.s,
  };
}

/** Deterministic clouds: a 7×7×7 grid filling the unit cube, or 400 Fibonacci points on the sphere. */
function cloudOf(kind: Map3Params["cloud"]): Vec3[] {
  if (kind === "cube") {
    const pts: Vec3[] = [];
    for (let i = 0; i < 7; i++)
      for (let j = 0; j < 7; j++) for (let k = 0; k < 7; k++) pts.push([i / 6, j / 6, k / 6]);
    return pts;
  }
  if (kind === "sphere") {
    const n = 400;
    const golden = Math.PI * (3 - Math.sqrt(5));
    return Array.from({ length: n }, (_, i) => {
      const z = 1 - (2 * (i + 0.5)) / n;
      const rho = Math.sqrt(1 - z * z);
      return [rho * Math.cos(golden * i), rho * Math.sin(golden * i), z] as Vec3;
    });
  }
  return [];
}

const CLOUDS = new Map<string, Vec3[]>();

export function map3Model(p: Map3Params): Map3Model {
  const a = matrixOf(p);
  const symmetric = p.mode === "eigen";
  const A = factsOf(a, symmetric);
  const t = p.t;
  const drawn =
    t === 1
      ? A
      : factsOf(
          a.map((row, i) => row.map((x, j) => (1 - t) * (i === j ? 1 : 0) + t * x)),
          symmetric,
        );
  const cube: Vec3[] = [];
  for (let c = 0; c < 8; c++) cube.push(mat3Apply(drawn.M, [c & 1, (c >> 1) & 1, (c >> 2) & 1]));
  let cloud = CLOUDS.get(p.cloud);
  if (!cloud) CLOUDS.set(p.cloud, (cloud = cloudOf(p.cloud)));
  return {
    A,
    drawn,
    t,
    cube,
    cloud,
    cloudImage: cloud.map((x) => mat3Apply(drawn.M, x)),
    symmetric,
  };
}

/** What the column space of a rank-r 3×3 matrix is, in words. */
export function columnSpaceWords(r: number): string {
  return [
    "only the origin (a point)",
    "a line through the origin",
    "a plane through the origin",
    "all of space (ℝ³)",
  ][r];
}
