// Low-rank images: the spectrum without vectors against the full SVD, the rank read off a
// spectrum against `rank`, checkpointed reconstructions against `lowRank`, and Eckart–Young
// (relative error = √(dropped energy)) against ‖A − A_k‖_F/‖A‖_F computed directly. Seeded.
import { randomLcg, randomNormal } from "d3-random";
import { describe, expect, test } from "vitest";
import {
  energyKept,
  frobeniusNorm,
  lowRank,
  outer,
  rank,
  relativeError,
  svd,
  type Rows,
} from "../../src/core/linalg";
import {
  flatSvd,
  lowRankCheckpoints,
  lowRankFromCheckpoints,
  rankFromSpectrum,
  singularValues,
} from "../../src/core/spectrum";

function normals(seed: number): () => number {
  return randomNormal.source(randomLcg(seed))(0, 1);
}

function randomMatrix(next: () => number, m: number, n: number): number[][] {
  return Array.from({ length: m }, () => Array.from({ length: n }, next));
}

function near(a: number, b: number, tol: number, what = ""): void {
  expect(Math.abs(a - b), `${what} ${a} vs ${b}`).toBeLessThanOrEqual(tol);
}

/** A matrix of rank r: the sum of r random outer products. */
function rankR(next: () => number, m: number, n: number, r: number): number[][] {
  const out = Array.from({ length: m }, () => new Array<number>(n).fill(0));
  for (let l = 0; l < r; l++) {
    const t = outer(Array.from({ length: m }, next), Array.from({ length: n }, next));
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) out[i][j] += t[i][j];
  }
  return out;
}

const SHAPES = [
  [9, 6],
  [6, 9],
  [7, 7],
  [1, 5],
] as const;

describe("singularValues", () => {
  test("equals the singular values of the full SVD, descending, for tall, wide and square", () => {
    const next = normals(3);
    for (const [m, n] of SHAPES) {
      const a = randomMatrix(next, m, n);
      const s = singularValues(a);
      const ref = svd(a).s;
      expect(s.length).toBe(Math.min(m, n));
      s.forEach((x, i) => near(x, ref[i], 1e-12 * ref[0], `σ${i + 1}`));
      for (let i = 1; i < s.length; i++) expect(s[i]).toBeLessThanOrEqual(s[i - 1]);
      near(Math.hypot(...s), frobeniusNorm(a), 1e-12 * ref[0], "‖s‖ = ‖A‖_F");
    }
  });

  test("is zero for the zero matrix and rejects non-finite entries", () => {
    expect(
      singularValues([
        [0, 0],
        [0, 0],
        [0, 0],
      ]),
    ).toEqual([0, 0]);
    expect(() => singularValues([[1, NaN]])).toThrow(RangeError);
    expect(() => singularValues([])).toThrow(RangeError);
  });
});

describe("flatSvd (Golub–Reinsch)", () => {
  test("gives the same singular triplets as svd(A), signs included, for tall, wide and square", () => {
    const next = normals(17);
    for (const [m, n] of SHAPES) {
      const a = randomMatrix(next, m, n);
      const d = flatSvd(a);
      const ref = svd(a);
      const r = Math.min(m, n);
      for (let l = 0; l < r; l++) {
        near(d.s[l], ref.s[l], 1e-12 * ref.s[0], `σ${l + 1}`);
        for (let i = 0; i < m; i++) near(d.u[l * m + i], ref.U[i][l], 1e-10, `u${l + 1}[${i}]`);
        for (let j = 0; j < n; j++) near(d.v[l * n + j], ref.V[j][l], 1e-10, `v${l + 1}[${j}]`);
      }
    }
  });

  // ml-matrix's SVD never returns on these (it compares an off-diagonal entry only with its two
  // neighbouring singular values, both zero here); flatSvd must, with UΣVᵀ = A and VᵀV = I.
  const degenerate: [string, number[][]][] = [
    ["a constant 64×64 matrix", Array.from({ length: 64 }, () => new Array<number>(64).fill(0.5))],
    [
      "a 128×128 checkerboard",
      Array.from({ length: 128 }, (_, i) =>
        Array.from({ length: 128 }, (_, j) =>
          (Math.floor(i / 16) + Math.floor(j / 16)) % 2 ? 0.2 : 0.85,
        ),
      ),
    ],
    [
      "256×96 stripes",
      Array.from({ length: 256 }, () =>
        Array.from({ length: 96 }, (_, j) => (Math.floor(j / 12) % 2 ? 0.9 : 0.1)),
      ),
    ],
    ["a 40×70 zero matrix", Array.from({ length: 40 }, () => new Array<number>(70).fill(0))],
  ];
  for (const [name, a] of degenerate) {
    test(`returns on ${name}, with UΣVᵀ = A, VᵀV = I and the rank of the picture`, () => {
      const m = a.length;
      const n = a[0].length;
      const d = flatSvd(a);
      const r = Math.min(m, n);
      const top = Math.max(d.s[0], 1);
      const cps = lowRankCheckpoints(d, r);
      const full = cps[cps.length - 1];
      for (let i = 0; i < m; i++)
        for (let j = 0; j < n; j++) near(full[i * n + j], a[i][j], 1e-12 * top * r);
      for (let p = 0; p < r; p++)
        for (let q = p; q < r; q++) {
          let vv = 0;
          for (let j = 0; j < n; j++) vv += d.v[p * n + j] * d.v[q * n + j];
          near(vv, p === q ? 1 : 0, 1e-12, `vᵀv [${p}][${q}]`);
        }
      const rk = rankFromSpectrum(Array.from(d.s), m, n);
      // Orthonormal left vectors wherever σ > 0.
      for (let p = 0; p < rk; p++)
        for (let q = p; q < rk; q++) {
          let uu = 0;
          for (let i = 0; i < m; i++) uu += d.u[p * m + i] * d.u[q * m + i];
          near(uu, p === q ? 1 : 0, 1e-12, `uᵀu [${p}][${q}]`);
        }
      expect(
        singularValues(a)
          .slice(0, rk + 1)
          .map((x) => +x.toPrecision(10)),
      ).toEqual(Array.from(d.s.slice(0, rk + 1), (x) => +x.toPrecision(10)));
      return rk;
    });
  }

  test("finds the ranks the pictures have: 1 for constant and stripes, 2 for the checkerboard, 0 for zero", () => {
    const ranks = degenerate.map(([, a]) =>
      rankFromSpectrum(singularValues(a), a.length, a[0].length),
    );
    expect(ranks).toEqual([1, 2, 1, 0]);
  });
});

describe("rankFromSpectrum", () => {
  test("agrees with rank(A) on matrices of every rank", () => {
    const next = normals(5);
    for (const [m, n] of SHAPES) {
      for (let r = 0; r <= Math.min(m, n); r++) {
        const a = rankR(next, m, n, r);
        expect(rankFromSpectrum(singularValues(a), m, n)).toBe(rank(a));
        expect(rank(a)).toBe(r);
      }
    }
  });
});

describe("checkpointed rank-k reconstruction", () => {
  test("equals lowRank(svd(A), k) for every k and every checkpoint spacing", () => {
    const next = normals(7);
    for (const [m, n] of SHAPES) {
      const a = randomMatrix(next, m, n);
      const dec = flatSvd(a);
      const ref = svd(a);
      const r = ref.s.length;
      for (const every of [1, 2, 3, 16]) {
        let calls = 0;
        const cps = lowRankCheckpoints(dec, every, () => calls++);
        expect(cps.length).toBe(Math.ceil(r / every) + 1);
        expect(calls).toBe(Math.ceil(r / every));
        for (let k = 0; k <= r; k++) {
          const got = lowRankFromCheckpoints(dec, cps, every, k);
          const want = lowRank(ref, k);
          for (let i = 0; i < m; i++)
            for (let j = 0; j < n; j++)
              near(got[i * n + j], want[i][j], 1e-12, `k=${k} [${i}][${j}]`);
        }
      }
    }
  });

  test("the last checkpoint is A itself", () => {
    const next = normals(11);
    const a = randomMatrix(next, 6, 4);
    const cps = lowRankCheckpoints(flatSvd(a), 3);
    const last = cps[cps.length - 1];
    a.forEach((row, i) => row.forEach((x, j) => near(last[i * 4 + j], x, 1e-12)));
  });

  test("rejects a k outside 0 … r and checkpoints built with another spacing", () => {
    const dec = flatSvd([
      [1, 2],
      [3, 4],
    ]);
    const cps = lowRankCheckpoints(dec, 1);
    expect(() => lowRankFromCheckpoints(dec, cps, 1, 3)).toThrow(RangeError);
    expect(() => lowRankFromCheckpoints(dec, cps, 2, 1)).toThrow(RangeError);
    expect(() => lowRankCheckpoints(dec, 0)).toThrow(RangeError);
  });
});

describe("Eckart–Young on an image-like matrix", () => {
  test("relativeError(s, k) = √(dropped energy) = ‖A − A_k‖_F/‖A‖_F computed directly", () => {
    // A smooth image plus a disc plus noise: a spectrum that decays, as a photograph's does.
    const src = normals(13);
    const N = 24;
    const a: Rows = Array.from({ length: N }, (_, i) =>
      Array.from({ length: N }, (_, j) => {
        const disc = (i - 14) ** 2 + (j - 9) ** 2 < 30 ? 0.6 : 0;
        return 0.3 + 0.2 * Math.sin(i / 5) * Math.cos(j / 7) + disc + 0.02 * src();
      }),
    );
    const dec = flatSvd(a);
    const cps = lowRankCheckpoints(dec, 4);
    const s = Array.from(dec.s);
    const normA = frobeniusNorm(a);
    for (let k = 0; k <= N; k++) {
      const ak = lowRankFromCheckpoints(dec, cps, 4, k);
      let d2 = 0;
      for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) d2 += (a[i][j] - ak[i * N + j]) ** 2;
      near(relativeError(s, k), Math.sqrt(d2) / normA, 1e-12, `k=${k}`);
      near(relativeError(s, k), Math.sqrt(1 - energyKept(s, k)), 1e-7, `k=${k}`);
    }
  });
});

describe("the low-rank scene's readouts", () => {
  // The scene's model reports energy kept and relative error from the spectrum alone (on the
  // main thread); the picture is rebuilt from the worker's singular vectors. Both must describe
  // the same matrix: check the readouts against ‖A − A_k‖_F/‖A‖_F of the rebuilt image.
  test("relative error = ‖A − A_k‖_F / ‖A‖_F of the reconstruction drawn, for the bundled images", async () => {
    const { lowRankModel, params } = await import("../../scenes/low-rank/model");
    const { bundledImage, rowsOf } = await import("../../scenes/low-rank/images");
    const { defaultsOf } = await import("../../src/kit/schema");
    for (const image of ["landscape", "checker", "disc"] as const) {
      const img = bundledImage(image, 1);
      const dec = flatSvd(rowsOf(img));
      const cps = lowRankCheckpoints(dec, 16);
      let norm2 = 0;
      for (const x of img.data) norm2 += x * x;
      for (const k of [1, 2, 10, 40]) {
        const m = lowRankModel({ ...defaultsOf(params), image, k });
        const ak = lowRankFromCheckpoints(dec, cps, 16, m.k);
        let d2 = 0;
        for (let i = 0; i < ak.length; i++) d2 += (img.data[i] - ak[i]) ** 2;
        near(m.relError, Math.sqrt(d2 / norm2), 1e-9, `${image} k=${k}`);
        near(m.energy + m.relError ** 2, 1, 1e-12, `${image} k=${k}`);
      }
    }
  });
});
