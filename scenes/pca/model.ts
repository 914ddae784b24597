// The pure model of pca: the data set the params describe (points placed by hand, a seeded
// correlated cloud plus the hand points, or 4-D data built to have a chosen covariance), and its
// PCA computed twice through src/core, by eigh of the covariance and by SVD of the centred data.
//
// How points live in the URL: hand points are a fixed set of pairs x1,y1 … x20,y20 with a count
// `count` (only the first `count` are data), so a dragged point is two short keys and the link
// is exactly what is on screen; a generated cloud is its recipe (n, spread, angle, ratio, seed),
// never its coordinates; the 4-D data of drill D4 is its seed and n.
import {
  pointsWithCovariance,
  correlatedCloud,
  randomOrthonormalBasis,
} from "../../src/core/design";
import { pcaByCovariance, pcaBySvd, type Pca } from "../../src/core/linalg";
import { makeSource } from "../../src/core/random";
import {
  choice,
  int,
  num,
  seed,
  type NumberParam,
  type ParamsOf,
  type ParamValue,
} from "../../src/kit/schema";

/** The most points a person can place by hand (each is two URL keys). */
export const MAX_HAND = 20;
/** The source's worked example: five points, PC1 along the diagonal. */
export const WORKED_EXAMPLE: readonly (readonly [number, number])[] = [
  [2.5, 2.4],
  [0.5, 0.7],
  [2.2, 2.9],
  [1.9, 2.2],
  [3.1, 3.0],
];
/** Drill D4: the covariance eigenvalues the 4-D data is built to have. */
export const D4_EIGENVALUES = [12, 6, 1.5, 0.5] as const;
/** The 4-D data's mean (any point would do; a round one reads cleanly). */
const D4_MEAN = [2, -1, 1, 3];
/** Where the generated cloud is centred (the middle of the hand-mode view). */
export const CLOUD_CENTRE = [2, 2] as const;
/** The plane's extent for data in the original coordinates. */
export const RANGE = [-1, 5] as const;

type P = Record<string, ParamValue>;
const handMode = (p: P) => p.mode !== "4d";

/** Default position of hand slot i (1-based): the worked example, then a spiral about (2, 2). */
export function slotDefault(i: number): [number, number] {
  if (i <= WORKED_EXAMPLE.length) return [...WORKED_EXAMPLE[i - 1]] as [number, number];
  const r = 0.7 + 0.13 * (i - 6);
  const a = i * 2.39996;
  const round = (x: number) => Math.round(x * 100) / 100;
  return [round(2 + r * Math.cos(a)), round(2 + r * Math.sin(a))];
}

type PointKey = `x${number}` | `y${number}`;

function pointParams(): Record<PointKey, NumberParam> {
  const out: Record<PointKey, NumberParam> = {};
  for (let i = 1; i <= MAX_HAND; i++) {
    const [dx, dy] = slotDefault(i);
    const visibleWhen = (p: P) => handMode(p) && i <= (p.count as number);
    const common = {
      min: RANGE[0],
      max: RANGE[1],
      step: 0.01,
      group: "points (x, y)",
      visibleWhen,
    };
    out[`x${i}`] = num({
      ...common,
      label: `x${sub(i)}`,
      default: dx,
      point: { id: `p${i}`, axis: "x" },
    });
    out[`y${i}`] = num({
      ...common,
      label: `y${sub(i)}`,
      default: dy,
      point: { id: `p${i}`, axis: "y" },
    });
  }
  return out;
}

function sub(i: number): string {
  return String(i).replace(/\d/g, (d) => "₀₁₂₃₄₅₆₇₈₉"[Number(d)]);
}

const generated = (p: P) => p.mode === "generate";

const base = {
  mode: choice({
    label: "data",
    options: ["hand", "generate", "4d"],
    optionLabels: {
      hand: "points placed by hand",
      generate: "generated cloud (+ hand points)",
      "4d": "4-D data (drill D4)",
    },
    default: "hand",
    help: "Hand points: drag, click to add, shift-click or long-press to delete. Generated: a seeded correlated cloud. 4-D: data whose covariance eigenvalues are 12, 6, 1.5, 0.5.",
  }),
  count: int({ label: "hand points", min: 0, max: MAX_HAND, default: 5, visibleWhen: handMode }),
  n: int({
    label: "n (generated points)",
    min: 1,
    max: 2000,
    default: 200,
    log: true,
    group: "generated data",
    visibleWhen: (p) => p.mode !== "hand",
  }),
  spread: num({
    label: "spread σ₁ (along the axis)",
    min: 0,
    max: 2.5,
    step: 0.01,
    default: 1.2,
    group: "generated data",
    visibleWhen: generated,
  }),
  angle: num({
    label: "angle of the axis (°)",
    min: -90,
    max: 90,
    step: 1,
    default: 35,
    group: "generated data",
    visibleWhen: generated,
  }),
  ratio: num({
    label: "ratio σ₂/σ₁",
    min: 0,
    max: 1,
    step: 0.01,
    default: 0.3,
    group: "generated data",
    visibleWhen: generated,
  }),
  seed: seed({
    label: "seed",
    default: 1,
    group: "generated data",
    visibleWhen: (p) => p.mode !== "hand",
  }),
};

// Spelled as an intersection: an object spread would drop the template-literal keys x1 … y20.
export const params: typeof base & Record<PointKey, NumberParam> = { ...base, ...pointParams() };

export type PcaParams = ParamsOf<typeof params>;

export const presets = {
  "worked-example": { mode: "hand", count: 5 },
  generate: { mode: "generate", count: 0, n: 200, spread: 1.2, angle: 35, ratio: 0.3, seed: 1 },
  "scree-4d": { mode: "4d", count: 0, n: 200, seed: 4 },
  "big-cloud": {
    mode: "generate",
    count: 1,
    n: 2000,
    spread: 1.4,
    angle: -25,
    ratio: 0.45,
    seed: 7,
    x1: 4.5,
    y1: 4.5,
  },
  collinear: {
    mode: "hand",
    count: 4,
    x1: 0,
    y1: 0.4,
    x2: 1,
    y2: 1,
    x3: 2.5,
    y3: 1.9,
    x4: 4,
    y4: 2.8,
  },
  "all-equal": { mode: "hand", count: 3, x1: 2, y1: 1.5, x2: 2, y2: 1.5, x3: 2, y3: 1.5 },
  "one-point": { mode: "hand", count: 1 },
} satisfies Record<string, Partial<PcaParams>>;

/** What the data is: fine, or a case where PCA has no meaningful directions. */
export type DataStatus = "ok" | "collinear" | "no-spread" | "single-point" | "empty";

export interface PcaModel {
  mode: PcaParams["mode"];
  /** Dimension of the data: 2, or 4 for drill D4. */
  d: number;
  /** All points, generated first, then the hand points. */
  points: number[][];
  /** Index of the first hand point in `points` (points.length when there are none). */
  handStart: number;
  status: DataStatus;
  /** PCA by eigh of the sample covariance (n − 1): what the readouts report. */
  cov: Pca | null;
  /** PCA by SVD of the centred data: the second route, drawn dashed over the first. */
  svd: Pca | null;
  /** Largest difference between the two routes: eigenvalues, then components up to sign. */
  agreeValues: number;
  agreeVectors: number;
  /**
   * The 2-D picture: the points as drawn (for 4-D data, their scores on PC1 and PC2), the mean,
   * the two principal directions and their standard deviations √λ.
   */
  plane: {
    pts: [number, number][];
    mean: [number, number];
    dirs: [[number, number], [number, number]];
    sd: [number, number];
    /** Scores on PC1 of every point, and each point's foot on the PC1 line (drawn coordinates). */
    scores: number[];
    feet: [number, number][];
  };
}

const clouds = new Map<string, number[][]>();

/** The generated data, memoised by its recipe (dragging a hand point must not redraw n samples). */
function generatedPoints(p: PcaParams): number[][] {
  const key =
    p.mode === "4d"
      ? `4d:${p.n}:${p.seed}`
      : `2d:${p.n}:${p.spread}:${p.angle}:${p.ratio}:${p.seed}`;
  let pts = clouds.get(key);
  if (pts) return pts;
  const source = makeSource(p.seed);
  if (p.mode === "4d") {
    const basis = randomOrthonormalBasis(source, 4);
    pts = pointsWithCovariance(source, Math.max(p.n, 5), D4_MEAN, D4_EIGENVALUES, basis);
  } else {
    const rad = (p.angle * Math.PI) / 180;
    pts = correlatedCloud(source, p.n, CLOUD_CENTRE, p.spread, p.spread * p.ratio, rad);
  }
  if (clouds.size > 16) clouds.clear();
  clouds.set(key, pts);
  return pts;
}

/** The hand points in use: the first `count` pairs. */
export function handPoints(p: PcaParams): [number, number][] {
  const q = p as unknown as Record<string, number>;
  const out: [number, number][] = [];
  if (p.mode === "4d") return out;
  for (let i = 1; i <= p.count; i++) out.push([q[`x${i}`], q[`y${i}`]]);
  return out;
}

/** max over j of min(‖a − b‖∞, ‖a + b‖∞): equal up to sign when 0. */
function upToSign(a: readonly number[][], b: readonly number[][]): number {
  let worst = 0;
  a.forEach((u, j) => {
    let plus = 0;
    let minus = 0;
    u.forEach((x, i) => {
      plus = Math.max(plus, Math.abs(x - b[j][i]));
      minus = Math.max(minus, Math.abs(x + b[j][i]));
    });
    worst = Math.max(worst, Math.min(plus, minus));
  });
  return worst;
}

export function pcaModel(p: PcaParams): PcaModel {
  const gen = p.mode === "hand" ? [] : generatedPoints(p);
  const hand = handPoints(p);
  const points = [...gen, ...hand];
  const d = p.mode === "4d" ? 4 : 2;
  const empty: PcaModel["plane"] = {
    pts: [],
    mean: [CLOUD_CENTRE[0], CLOUD_CENTRE[1]],
    dirs: [
      [1, 0],
      [0, 1],
    ],
    sd: [0, 0],
    scores: [],
    feet: [],
  };
  if (points.length === 0) {
    return {
      mode: p.mode,
      d,
      points,
      handStart: 0,
      status: "empty",
      cov: null,
      svd: null,
      agreeValues: 0,
      agreeVectors: 0,
      plane: empty,
    };
  }
  const cov = pcaByCovariance(points);
  const svd = pcaBySvd(points);
  const agreeValues = Math.max(...cov.eigenvalues.map((l, j) => Math.abs(l - svd.eigenvalues[j])));
  const agreeVectors = cov.status === "ok" ? upToSign(cov.components, svd.components) : 0;
  let status: DataStatus = cov.status;
  if (status === "ok" && cov.eigenvalues[1] === 0) status = "collinear";

  // The drawn plane: the data itself in 2-D; for 4-D data the PC1–PC2 scores (mean at 0).
  const ok = cov.status === "ok";
  const pts: [number, number][] =
    d === 2 ? points.map((x) => [x[0], x[1]]) : cov.scores.map((s) => [s[0], s[1]]);
  const mean: [number, number] = d === 2 ? [cov.mean[0], cov.mean[1]] : [0, 0];
  const dirs: [[number, number], [number, number]] =
    d === 2
      ? [
          [cov.components[0][0], cov.components[0][1]],
          [cov.components[1][0], cov.components[1][1]],
        ]
      : [
          [1, 0],
          [0, 1],
        ];
  const scores = cov.scores.map((s) => s[0]);
  const feet = scores.map(
    (s) => [mean[0] + s * dirs[0][0], mean[1] + s * dirs[0][1]] as [number, number],
  );
  return {
    mode: p.mode,
    d,
    points,
    handStart: gen.length,
    status,
    cov,
    svd,
    agreeValues,
    agreeVectors,
    plane: {
      pts,
      mean,
      dirs,
      sd: ok ? [Math.sqrt(cov.eigenvalues[0]), Math.sqrt(cov.eigenvalues[1])] : [0, 0],
      scores,
      feet,
    },
  };
}

/** The params that delete hand point i (1-based): later points move down one slot. */
export function deletePoint(p: PcaParams, i: number): Partial<PcaParams> {
  const q = p as unknown as Record<string, number>;
  const out: Record<string, number> = { count: Math.max(0, p.count - 1) };
  for (let j = i; j < p.count; j++) {
    out[`x${j}`] = q[`x${j + 1}`];
    out[`y${j}`] = q[`y${j + 1}`];
  }
  // The freed slot goes back to its default, so the URL keeps no trace of a deleted point.
  const [dx, dy] = slotDefault(p.count);
  if (p.count >= 1) {
    out[`x${p.count}`] = dx;
    out[`y${p.count}`] = dy;
  }
  return out as Partial<PcaParams>;
}

/** The params that add a hand point at (x, y), or null when all slots are in use. */
export function addPoint(p: PcaParams, x: number, y: number): Partial<PcaParams> | null {
  if (p.count >= MAX_HAND || p.mode === "4d") return null;
  const i = p.count + 1;
  return { count: i, [`x${i}`]: x, [`y${i}`]: y } as Partial<PcaParams>;
}
