// The SVD as three motions: the sign-adjusted factors still give UΣVᵀ = A with orthogonal U, V
// and det U = +1; V reflects only when it must; the stage map is I, Vᵀ, ΣVᵀ, A at the whole stages
// and moves continuously in between; fractional rotations compose.
import { describe, expect, test } from "vitest";
import { matMul, svd, transpose } from "../../src/core/linalg";
import {
  rotationAbout,
  rotationAxisAngle,
  rotationPower,
  svdStageMap,
  svdSteps,
} from "../../src/core/svdsteps";
import { randomLcg, randomNormal } from "d3-random";

function near(a: number, b: number, tol: number): void {
  expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(tol);
}

function matrixNear(a: number[][], b: number[][], tol: number): void {
  expect(a.length).toBe(b.length);
  a.forEach((row, i) => row.forEach((x, j) => near(x, b[i][j], tol)));
}

const identity = (k: number) =>
  Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));

function det(a: number[][]): number {
  if (a.length === 1) return a[0][0];
  if (a.length === 2) return a[0][0] * a[1][1] - a[0][1] * a[1][0];
  return (
    a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) -
    a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) +
    a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0])
  );
}

function sigmaBlock(s: number[], m: number, n: number): number[][] {
  return Array.from({ length: m }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? s[i] : 0)),
  );
}

const next = randomNormal.source(randomLcg(0.25))(0, 1);
const random = (m: number, n: number) =>
  Array.from({ length: m }, () => Array.from({ length: n }, () => next()));
const shapes: [number, number][] = [
  [2, 2],
  [3, 2],
  [2, 3],
  [3, 3],
  [1, 2],
  [2, 1],
];
const cases: number[][][] = [];
for (const [m, n] of shapes) for (let k = 0; k < 12; k++) cases.push(random(m, n));
cases.push(
  [
    [1, 2],
    [2, 4],
  ],
  [
    [0, 0],
    [0, 0],
  ],
  [
    [1, 0],
    [0, -1],
  ],
  [
    [1, 2],
    [0.5, 1],
    [2, 4],
  ],
  [
    [0, 0, 0],
    [0, 0, 0],
  ],
);

/** The top-left m×n block of a 3×3 map. */
const block = (M: number[][], m: number, n: number) => M.slice(0, m).map((row) => row.slice(0, n));

describe("svdSteps", () => {
  test("UΣVᵀ = A with orthogonal U, V, det U = +1, and the singular values of linalg.svd", () => {
    for (const a of cases) {
      const m = a.length;
      const n = a[0].length;
      const st = svdSteps(a);
      matrixNear(matMul(matMul(st.U, sigmaBlock(st.s, m, n)), transpose(st.V)), a, 1e-12 * 10);
      matrixNear(matMul(transpose(st.U), st.U), identity(m), 1e-13 * 10);
      matrixNear(matMul(transpose(st.V), st.V), identity(n), 1e-13 * 10);
      near(det(st.U), 1, 1e-12);
      expect(st.s).toEqual(svd(a).s);
    }
  });

  test("V is a reflection exactly when A is square, of full rank and det A < 0", () => {
    for (const a of cases) {
      const m = a.length;
      const n = a[0].length;
      const st = svdSteps(a);
      const must = m === n && st.rank === m && det(a) < 0;
      expect(st.reflectV).toBe(must);
      near(det(st.V), must ? -1 : 1, 1e-12);
    }
  });
});

/** θ(Vᵀ's rotation part) + θ(U) of a factorisation, as the motion turns. */
function totalTurn(U: number[][], V: number[][]): number {
  const pad = (q: number[][]) =>
    [0, 1, 2].map((i) =>
      [0, 1, 2].map((j) => (i < q.length && j < q.length ? q[i][j] : i === j ? 1 : 0)),
    );
  const vt = transpose(pad(V));
  if (det(V) < 0) vt[V.length - 1] = vt[V.length - 1].map((x) => -x);
  return rotationAxisAngle(vt).angle + rotationAxisAngle(pad(U)).angle;
}

describe("svdSteps signs", () => {
  test("flipping both singular pairs of a square A (still a valid SVD) never turns less", () => {
    for (const a of cases.filter((c) => c.length === 2 && c[0].length === 2)) {
      const st = svdSteps(a);
      if (st.rank < 2) continue;
      const flip = (q: number[][]) => q.map((row) => row.map((x) => -x));
      // (−U)Σ(−V)ᵀ = A with the same determinants: an alternative the choice must not beat.
      expect(totalTurn(st.U, st.V)).toBeLessThanOrEqual(totalTurn(flip(st.U), flip(st.V)) + 1e-12);
    }
  });

  test("a symmetric positive definite A gets U = V, turned by opposite angles", () => {
    const st = svdSteps([
      [2, 1],
      [1, 2],
    ]);
    matrixNear(st.U, st.V, 1e-12);
    expect(st.reflectV).toBe(false);
  });

  test("the zero matrix needs no turn at all", () => {
    const st = svdSteps([
      [0, 0],
      [0, 0],
    ]);
    near(totalTurn(st.U, st.V), 0, 1e-15);
  });
});

describe("rotations", () => {
  test("rotationAxisAngle inverts rotationAbout, including near and at a half turn", () => {
    for (const angle of [0, 1e-9, 0.3, 1.5, 2.5, Math.PI - 1e-9, Math.PI]) {
      const axis: [number, number, number] = [0.48, -0.6, 0.64];
      const R = rotationAbout(axis, angle);
      const back = rotationAxisAngle(R);
      near(back.angle, angle, 1e-7);
      matrixNear(rotationAbout(back.axis, back.angle), R, 1e-12);
    }
  });

  test("Rᵗ is orthogonal with det 1, R⁰ = I, R¹ = R and R^½·R^½ = R", () => {
    const R = rotationAbout([0, 0.6, 0.8], 2);
    matrixNear(rotationPower(R, 0), identity(3), 1e-15);
    matrixNear(rotationPower(R, 1), R, 1e-12);
    const h = rotationPower(R, 0.5);
    matrixNear(matMul(h, h), R, 1e-12);
    const t = rotationPower(R, 0.37);
    matrixNear(matMul(transpose(t), t), identity(3), 1e-13);
    near(det(t), 1, 1e-13);
  });
});

describe("svdStageMap", () => {
  test("stage 0, 1, 2, 3 are I, Vᵀ, ΣVᵀ and A on the domain", () => {
    for (const a of cases) {
      const m = a.length;
      const n = a[0].length;
      const st = svdSteps(a);
      const vt = transpose(st.V);
      const sigma = sigmaBlock(st.s, m, n);
      matrixNear(block(svdStageMap(st, 0), n, n), identity(n), 1e-12);
      matrixNear(block(svdStageMap(st, 1), n, n), vt, 1e-12);
      matrixNear(block(svdStageMap(st, 2), m, n), matMul(sigma, vt), 1e-12 * 10);
      matrixNear(block(svdStageMap(st, 3), m, n), a, 1e-12 * 10);
    }
  });

  test("the motion is continuous: a small change of stage moves the map a little", () => {
    for (const a of cases.slice(0, 40)) {
      const st = svdSteps(a);
      const scale = 1 + Math.max(...st.s);
      for (let k = 0; k < 300; k++) {
        const s0 = (3 * k) / 300;
        const A0 = svdStageMap(st, s0);
        const A1 = svdStageMap(st, s0 + 0.001);
        A0.forEach((row, i) => row.forEach((x, j) => near(x, A1[i][j], 0.02 * scale)));
      }
    }
  });

  test("the stage is clamped to [0, 3] and a non-finite stage throws", () => {
    const st = svdSteps([
      [2, 1],
      [0, 1],
    ]);
    expect(svdStageMap(st, -1)).toEqual(svdStageMap(st, 0));
    expect(svdStageMap(st, 7)).toEqual(svdStageMap(st, 3));
    expect(() => svdStageMap(st, NaN)).toThrow(RangeError);
    expect(() => svdSteps(random(4, 2))).toThrow(/up to 3×3/);
  });
});
