// Linear algebra: every claim is an identity checked on seeded random inputs (d3-random's
// randomLcg) or by fast-check with a fixed seed, in the manner of ml-matrix's own tests:
// A·v = λv, UΣVᵀ = A, VᵀV = I, a second method as an oracle. No stored magic numbers.
import fc from "fast-check";
import { randomLcg, randomNormal } from "d3-random";
import { EigenvalueDecomposition } from "ml-matrix";
import { describe, expect, test } from "vitest";
import {
  compressionRatio,
  det,
  eigen2,
  eigenGeneral,
  energyKept,
  frobeniusNorm,
  fullSvdShapes,
  lowRank,
  matMul,
  matrixFromEigen3,
  outer,
  pcaBySvd,
  pcaByCovariance,
  rank,
  relativeError,
  solve,
  svd,
  symmetricEigen,
  thinSvdShapes,
  trace,
  transpose,
  varianceFractionTopK,
  type Eigen2,
  type Pca,
  type Rows,
} from "../../src/core/linalg";
import { det2, mat2Apply, norm2, trace2, type Mat2, type Vec, type Vec2 } from "../../src/core/vec";

const RUNS = { seed: 42, numRuns: 200 };

/** A seeded source of standard normal numbers. */
function normals(seed: number): () => number {
  return randomNormal.source(randomLcg(seed))(0, 1);
}

function randomMatrix(next: () => number, m: number, n: number): number[][] {
  return Array.from({ length: m }, () => Array.from({ length: n }, next));
}

function randomVector(next: () => number, n: number): number[] {
  return Array.from({ length: n }, next);
}

function near(a: number, b: number, tol: number, what = ""): void {
  expect(Math.abs(a - b), `${what} ${a} vs ${b}`).toBeLessThanOrEqual(tol);
}

function expectMatrixNear(a: Rows, b: Rows, tol: number): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) {
    expect(a[i].length).toBe(b[i].length);
    for (let j = 0; j < a[i].length; j++) near(a[i][j], b[i][j], tol, `[${i}][${j}]`);
  }
}

function identity(n: number): number[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
}

function diag(s: Vec): number[][] {
  return s.map((x, i) => s.map((_, j) => (i === j ? x : 0)));
}

/** u and v are equal or opposite, entry by entry within tol. */
function expectSameUpToSign(u: Vec, v: Vec, tol: number): void {
  let d = 0;
  for (let i = 0; i < u.length; i++) d += u[i] * v[i];
  const s = d < 0 ? -1 : 1;
  for (let i = 0; i < u.length; i++) near(u[i], s * v[i], tol, `entry ${i}`);
}

/** The largest-magnitude entry (the first on a near-tie) is positive: the sign convention. */
function expectSignNormalised(v: Vec): void {
  const max = Math.max(...v.map(Math.abs));
  const lead = v.findIndex((x) => Math.abs(x) >= max * (1 - 1e-12));
  expect(v[lead]).toBeGreaterThan(0);
}

function columnsOf(a: Rows): number[][] {
  return transpose(a);
}

function isFiniteDeep(x: unknown): boolean {
  if (typeof x === "number") return Number.isFinite(x);
  if (Array.isArray(x)) return x.every(isFiniteDeep);
  if (x !== null && typeof x === "object") return Object.values(x).every(isFiniteDeep);
  return true;
}

const entry = fc.double({ min: -3, max: 3, noNaN: true });
const mat2 = fc.tuple(entry, entry, entry, entry) as fc.Arbitrary<Mat2>;

function maxAbs(a: Mat2): number {
  return Math.max(...a.map(Math.abs));
}

/** Every eigenpair of an Eigen2 result, as (λ, v). */
function realPairs(e: Eigen2): [number, Vec2][] {
  if (e.kind === "real")
    return [
      [e.values[0], e.vectors[0]],
      [e.values[1], e.vectors[1]],
    ];
  if (e.kind === "repeated") return e.vectors.map((v) => [e.value, v] as [number, Vec2]);
  return [];
}

describe("eigen2: the closed-form 2×2 eigen solver", () => {
  test("the eigenvalues sum to the trace and multiply to the determinant, whatever their kind", () => {
    fc.assert(
      fc.property(mat2, (a) => {
        const e = eigen2(a);
        const s = maxAbs(a);
        const [sum, product] =
          e.kind === "real"
            ? [e.values[0] + e.values[1], e.values[0] * e.values[1]]
            : e.kind === "repeated"
              ? [2 * e.value, e.value * e.value]
              : [2 * e.re, e.re * e.re + e.im * e.im];
        near(sum, trace2(a), 1e-12 * (1 + s), "trace");
        near(product, det2(a), 1e-12 * (1 + s * s), "det");
      }),
      RUNS,
    );
  });

  test("every eigenvector is a unit vector with A·v = λv and its largest component positive", () => {
    fc.assert(
      fc.property(mat2, (a) => {
        const s = maxAbs(a);
        for (const [l, v] of realPairs(eigen2(a))) {
          near(norm2(v), 1, 1e-14, "norm");
          expectSignNormalised(v);
          const av = mat2Apply(a, v);
          near(av[0], l * v[0], 1e-9 * (1 + s), "A·v");
          near(av[1], l * v[1], 1e-9 * (1 + s), "A·v");
        }
      }),
      RUNS,
    );
  });

  test("real eigenvalues come largest first, and complex ones have im > 0", () => {
    fc.assert(
      fc.property(mat2, (a) => {
        const e = eigen2(a);
        if (e.kind === "real") expect(e.values[0]).toBeGreaterThan(e.values[1]);
        if (e.kind === "complex") expect(e.im).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  test("a symmetric matrix has real eigenvalues and orthogonal eigenvectors", () => {
    fc.assert(
      fc.property(entry, entry, entry, (a, b, d) => {
        const e = eigen2([a, b, b, d]);
        expect(e.kind).not.toBe("complex");
        if (e.kind === "real") {
          const [v1, v2] = e.vectors;
          near(v1[0] * v2[0] + v1[1] * v2[1], 0, 1e-9);
        }
      }),
      RUNS,
    );
  });

  test("eigen2 agrees with ml-matrix's EVD on seeded random matrices (vectors up to sign)", () => {
    const next = normals(7);
    for (let trial = 0; trial < 300; trial++) {
      const a = randomVector(next, 4) as unknown as Mat2;
      const e = eigen2(a);
      const evd = new EigenvalueDecomposition([
        [a[0], a[1]],
        [a[2], a[3]],
      ]);
      const re = evd.realEigenvalues;
      const im = evd.imaginaryEigenvalues;
      if (e.kind === "complex") {
        near(e.re, re[0], 1e-12, "re");
        near(e.im, Math.max(...im), 1e-12, "im");
        continue;
      }
      expect(e.kind).toBe("real");
      if (e.kind !== "real") continue;
      const order = re[0] >= re[1] ? [0, 1] : [1, 0];
      for (let k = 0; k < 2; k++) {
        const i = order[k];
        near(e.values[k], re[i], 1e-12, "λ");
        // ml-matrix leaves non-symmetric eigenvectors unnormalised.
        const v = [evd.eigenvectorMatrix.get(0, i), evd.eigenvectorMatrix.get(1, i)];
        const n = Math.hypot(v[0], v[1]);
        expectSameUpToSign(e.vectors[k], [v[0] / n, v[1] / n], 1e-9);
      }
    }
  });

  test("a shear is defective: one repeated eigenvalue and a single eigenvector, along x", () => {
    for (const k of [1, -2.5, 1e-3, 3]) {
      const e = eigen2([1, k, 0, 1]);
      expect(e.kind).toBe("repeated");
      if (e.kind !== "repeated") continue;
      expect(e.value).toBe(1);
      expect(e.vectors).toEqual([[1, 0]]);
    }
  });

  test("a defective matrix whose entries are decimals is still reported as repeated, not as two nearly equal eigenvalues", () => {
    // (a − d)² + 4bc is 0 in exact arithmetic and a rounding residue in floating point.
    const a: Mat2 = [0.3, 0.1, -0.1, 0.1];
    const e = eigen2(a);
    expect(e.kind).toBe("repeated");
    if (e.kind !== "repeated") return;
    near(e.value, trace2(a) / 2, 1e-15);
    expect(e.vectors).toHaveLength(1);
    const av = mat2Apply(a, e.vectors[0]);
    near(av[0], e.value * e.vectors[0][0], 1e-7);
    near(av[1], e.value * e.vectors[0][1], 1e-7);
  });

  test("a rotation by θ keeps no real direction: its eigenvalues are cos θ ± i sin θ", () => {
    for (const theta of [0.3, 1, Math.PI / 2, 2.5, -1]) {
      const [c, s] = [Math.cos(theta), Math.sin(theta)];
      const e = eigen2([c, -s, s, c]);
      expect(e.kind).toBe("complex");
      if (e.kind !== "complex") continue;
      near(e.re, c, 1e-15);
      near(e.im, Math.abs(s), 1e-15);
    }
  });

  test("a scalar matrix keeps every direction: one repeated eigenvalue with both axes as eigenvectors", () => {
    for (const c of [2, -0.5, 1e-200, 1e200]) {
      expect(eigen2([c, 0, 0, c])).toEqual({
        kind: "repeated",
        value: c,
        vectors: [
          [1, 0],
          [0, 1],
        ],
      });
    }
  });

  test("the zero matrix and a rank-one projection give finite results (no NaN)", () => {
    expect(eigen2([0, 0, 0, 0])).toEqual({
      kind: "repeated",
      value: 0,
      vectors: [
        [1, 0],
        [0, 1],
      ],
    });
    const p = eigen2([0.5, 0.5, 0.5, 0.5]);
    expect(p.kind).toBe("real");
    if (p.kind !== "real") return;
    near(p.values[0], 1, 1e-15);
    near(p.values[1], 0, 1e-15);
    expectSameUpToSign(p.vectors[0], [Math.SQRT1_2, Math.SQRT1_2], 1e-15);
  });

  test("a small eigenvalue keeps its relative accuracy next to a large one", () => {
    // λ = 1e8 and 1e-8: m − √Δ would cancel; det/λ₁ does not.
    const [big, tiny] = [1e8, 1e-8];
    const e = eigen2([big, 0, 1, tiny]);
    expect(e.kind).toBe("real");
    if (e.kind !== "real") return;
    near(e.values[0] / big, 1, 1e-15);
    near(e.values[1] / tiny, 1, 1e-12);
  });

  test("huge and tiny matrices neither overflow nor underflow", () => {
    for (const k of [1e300, 1e-300]) {
      const e = eigen2([2 * k, k, k, 2 * k]);
      expect(e.kind).toBe("real");
      if (e.kind !== "real") continue;
      near(e.values[0] / k, 3, 1e-14);
      near(e.values[1] / k, 1, 1e-14);
    }
  });

  test("non-finite entries throw a RangeError that names the entry", () => {
    expect(() => eigen2([1, NaN, 0, 1])).toThrow(RangeError);
    expect(() => eigen2([1, 0, Infinity, 1])).toThrow(/entry 2/);
  });
});

describe("symmetricEigen, eigenGeneral, det, trace, rank", () => {
  test("A·V = V·D and VᵀV = I for seeded random symmetric matrices, eigenvalues descending", () => {
    const next = normals(11);
    for (const n of [1, 2, 3, 5, 8]) {
      const b = randomMatrix(next, n, n);
      const a = b.map((row, i) => row.map((x, j) => x + b[j][i]));
      const { values, vectors } = symmetricEigen(a);
      const v = columnsOf(vectors);
      expectMatrixNear(matMul(a, v), matMul(v, diag(values)), 1e-12 * n * 10);
      expectMatrixNear(matMul(transpose(v), v), identity(n), 1e-13 * n);
      for (let i = 1; i < n; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
      vectors.forEach(expectSignNormalised);
    }
  });

  test("symmetricEigen refuses a non-symmetric matrix and points to eigenGeneral", () => {
    expect(() =>
      symmetricEigen([
        [1, 2],
        [0, 1],
      ]),
    ).toThrow(/eigenGeneral/);
    expect(() => symmetricEigen([[1, 2, 3]])).toThrow(/square/);
  });

  test("the eigenvalues of a seeded random matrix sum to its trace and multiply to its determinant", () => {
    const next = normals(5);
    for (const n of [2, 3, 4, 6]) {
      for (let trial = 0; trial < 20; trial++) {
        const a = randomMatrix(next, n, n);
        const { re, im } = eigenGeneral(a);
        near(
          re.reduce((s, x) => s + x, 0),
          trace(a),
          1e-10,
        );
        near(
          im.reduce((s, x) => s + x, 0),
          0,
          1e-10,
        );
        let [pr, pi] = [1, 0];
        for (let k = 0; k < n; k++) [pr, pi] = [pr * re[k] - pi * im[k], pr * im[k] + pi * re[k]];
        near(pr, det(a), 1e-9 * (1 + Math.abs(det(a))));
        near(pi, 0, 1e-9 * (1 + Math.abs(det(a))));
        for (let k = 1; k < n; k++) {
          expect(re[k]).toBeLessThanOrEqual(re[k - 1]);
          if (re[k] === re[k - 1]) expect(im[k]).toBeLessThanOrEqual(im[k - 1]);
        }
      }
    }
  });

  test("det = λ₁λ₂λ₃ and trace = λ₁ + λ₂ + λ₃ for matrixFromEigen3 at any rotation", () => {
    const lambda = fc.double({ min: -5, max: 5, noNaN: true });
    const turn = fc.double({ min: -Math.PI, max: Math.PI, noNaN: true });
    fc.assert(
      fc.property(fc.tuple(lambda, lambda, lambda), fc.tuple(turn, turn, turn), (ls, angles) => {
        const a = matrixFromEigen3(ls, angles);
        near(det(a), ls[0] * ls[1] * ls[2], 1e-12 * 200);
        near(trace(a), ls[0] + ls[1] + ls[2], 1e-13 * 20);
        const sorted = [...ls].sort((x, y) => y - x);
        symmetricEigen(a).values.forEach((l, i) => near(l, sorted[i], 1e-12 * 10));
      }),
      RUNS,
    );
  });

  test("matrixFromEigen3 with eigenvalues 1, 2, 4 (drill D1) has det 1·2·4 and trace 1+2+4", () => {
    const ls = [1, 2, 4] as const;
    const next = randomLcg(3);
    for (let trial = 0; trial < 20; trial++) {
      const angles = [next() * 6, next() * 6, next() * 6] as const;
      const a = matrixFromEigen3(ls, angles);
      near(det(a), ls[0] * ls[1] * ls[2], 1e-13);
      near(trace(a), ls[0] + ls[1] + ls[2], 1e-14);
      expect(rank(a)).toBe(3);
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(a[i][j]).toBe(a[j][i]);
    }
  });

  test("rank(u vᵀ) = 1 for seeded random non-zero u in ℝ⁵ and v in ℝ³, and every column is a multiple of u", () => {
    const next = normals(13);
    for (let trial = 0; trial < 50; trial++) {
      const u = randomVector(next, 5);
      const v = randomVector(next, 3);
      const a = outer(u, v);
      expect(rank(a)).toBe(1);
      for (const col of columnsOf(a)) {
        const k = col[0] / u[0];
        col.forEach((x, i) => near(x, k * u[i], 1e-12 * (1 + Math.abs(x))));
      }
    }
  });

  test("a seeded random m×n matrix has full rank min(m, n), the zero matrix rank 0", () => {
    const next = normals(17);
    for (const [m, n] of [
      [5, 3],
      [3, 5],
      [4, 4],
      [1, 6],
    ]) {
      expect(rank(randomMatrix(next, m, n))).toBe(Math.min(m, n));
      expect(rank(randomMatrix(() => 0, m, n))).toBe(0);
    }
    // Two columns equal: rank drops by one; a huge tolerance counts nothing.
    const a = randomMatrix(next, 4, 3).map((r) => [r[0], r[1], r[0]]);
    expect(rank(a)).toBe(2);
    expect(rank(a, 1e9)).toBe(0);
    expect(() => rank(a, -1)).toThrow(RangeError);
  });

  test("det is multiplicative on seeded random 4×4 matrices, and det of a singular matrix is 0", () => {
    const next = normals(19);
    for (let trial = 0; trial < 20; trial++) {
      const a = randomMatrix(next, 4, 4);
      const b = randomMatrix(next, 4, 4);
      near(det(matMul(a, b)), det(a) * det(b), 1e-10 * (1 + Math.abs(det(a) * det(b))));
    }
    expect(det(outer([1, 2, 3], [4, 5, 6]))).toBe(0);
  });

  test("solve returns x with A·x = b for square A, and the least-squares x (residual ⟂ columns) for tall A", () => {
    const next = normals(23);
    const a = randomMatrix(next, 4, 4);
    const b = randomVector(next, 4);
    const x = solve(a, b);
    matMul(
      a,
      x.map((t) => [t]),
    ).forEach((row, i) => near(row[0], b[i], 1e-12));
    const tall = randomMatrix(next, 7, 3);
    const y = randomVector(next, 7);
    const z = solve(tall, y);
    const residual = matMul(
      tall,
      z.map((t) => [t]),
    ).map((row, i) => y[i] - row[0]);
    for (const col of columnsOf(tall)) {
      near(
        col.reduce((s, c, i) => s + c * residual[i], 0),
        0,
        1e-12,
      );
    }
    expect(() => solve(outer([1, 2], [3, 4]), [1, 1])).toThrow(/rank 1 < 2/);
    expect(() => solve([[1, 2, 3]], [1])).toThrow(RangeError);
  });

  test("matrices with subnormal entries get correct eigen- and singular values (ml-matrix alone crashes or errs)", () => {
    const tiny = 1e-310;
    const a = [
      [1 * tiny, 2 * tiny],
      [3 * tiny, 4 * tiny],
    ];
    const e = eigen2([1, 2, 3, 4]);
    if (e.kind !== "real") throw new Error("[1, 2; 3, 4] has real eigenvalues");
    const g = eigenGeneral(a);
    near(g.re[0] / tiny, e.values[0], 1e-12);
    near(g.re[1] / tiny, e.values[1], 1e-12);
    const s = svd(a).s;
    near((s[0] / tiny) * (s[1] / tiny), Math.abs(det2([1, 2, 3, 4])), 1e-12);
    const b = matrixFromEigen3([-0.03571428571428572, 0, 0], [0, 7e-323, 7e-323]);
    const sym = symmetricEigen(b);
    expect(isFiniteDeep(sym)).toBe(true);
    near(sym.values[2], -0.03571428571428572, 1e-17);
  });

  test("malformed matrices throw a RangeError that says what to fix", () => {
    expect(() => det([])).toThrow(/empty/);
    expect(() => det([[1, 2], [3]])).toThrow(/row 1 has 1 entries/);
    expect(() =>
      trace([
        [1, NaN],
        [0, 1],
      ]),
    ).toThrow(/\[0\]\[1\] is NaN/);
    expect(() => svd([[1, Infinity]])).toThrow(RangeError);
    expect(() => eigenGeneral([[1, 2]])).toThrow(/1×2/);
  });
});

describe("svd", () => {
  const shapes = [
    [5, 3],
    [3, 5],
    [4, 4],
    [1, 4],
    [4, 1],
    [2, 3],
  ];

  test("UΣVᵀ = A with UᵀU = I and VᵀV = I for tall, wide and square seeded matrices, thin and full", () => {
    const next = normals(29);
    for (const [m, n] of shapes) {
      const a = randomMatrix(next, m, n);
      for (const thin of [true, false]) {
        const { U, s, V } = svd(a, { thin });
        const r = Math.min(m, n);
        const shape = thin ? thinSvdShapes(m, n) : fullSvdShapes(m, n);
        expect([U.length, U[0].length]).toEqual(shape.u);
        expect([V[0].length, V.length]).toEqual(shape.vt);
        expect(s).toHaveLength(r);
        // Σ as a block of the shape the shapes function promises.
        const sigma = Array.from({ length: shape.s[0] }, (_, i) =>
          Array.from({ length: shape.s[1] }, (_, j) => (i === j ? s[i] : 0)),
        );
        expectMatrixNear(matMul(matMul(U, sigma), transpose(V)), a, 1e-12 * 10);
        expectMatrixNear(matMul(transpose(U), U), identity(U[0].length), 1e-13 * 10);
        expectMatrixNear(matMul(transpose(V), V), identity(V[0].length), 1e-13 * 10);
      }
    }
  });

  test("singular values are descending and ≥ 0, each vᵢ has its largest component positive and uᵢ = Avᵢ/σᵢ", () => {
    const next = normals(31);
    for (const [m, n] of shapes) {
      const a = randomMatrix(next, m, n);
      const { U, s, V } = svd(a);
      for (let i = 0; i < s.length; i++) {
        expect(s[i]).toBeGreaterThanOrEqual(0);
        if (i > 0) expect(s[i]).toBeLessThanOrEqual(s[i - 1]);
        const v = V.map((row) => row[i]);
        expectSignNormalised(v);
        const av = matMul(
          a,
          v.map((x) => [x]),
        );
        av.forEach((row, k) => near(row[0] / s[i], U[k][i], 1e-11));
      }
      near(Math.hypot(...s), frobeniusNorm(a), 1e-12 * 10);
    }
  });

  test("a rank-one matrix u vᵀ has one non-zero singular value ‖u‖‖v‖, and its full SVD is still orthonormal", () => {
    const next = normals(47);
    for (const [m, n] of [
      [5, 3],
      [3, 5],
    ]) {
      const u = randomVector(next, m);
      const v = randomVector(next, n);
      const a = outer(u, v);
      const d = svd(a, { thin: false });
      near(d.s[0], norm2(u) * norm2(v), 1e-12 * d.s[0]);
      d.s.slice(1).forEach((x) => near(x, 0, 1e-14 * d.s[0]));
      expectMatrixNear(matMul(transpose(d.U), d.U), identity(m), 1e-13 * 10);
      expectMatrixNear(matMul(transpose(d.V), d.V), identity(n), 1e-13 * 10);
      expectMatrixNear(lowRank(d, 1), a, 1e-12 * d.s[0]);
    }
  });

  test("the SVD of the zero matrix has zero singular values and orthonormal factors, with no NaN", () => {
    for (const [m, n] of [
      [3, 2],
      [2, 3],
    ]) {
      for (const thin of [true, false]) {
        const d = svd(
          randomMatrix(() => 0, m, n),
          { thin },
        );
        expect(isFiniteDeep(d)).toBe(true);
        expect(d.s.every((x) => x === 0)).toBe(true);
        expectMatrixNear(matMul(transpose(d.U), d.U), identity(d.U[0].length), 1e-15);
        expectMatrixNear(matMul(transpose(d.V), d.V), identity(d.V[0].length), 1e-15);
      }
    }
  });

  test("thinSvdShapes(100, 5) gives U 100×5, Σ 5×5, Vᵀ 5×5 (drill D2), and the blocks chain to m×n", () => {
    expect(thinSvdShapes(100, 5)).toEqual({ u: [100, 5], s: [5, 5], vt: [5, 5] });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 200 }), (m, n) => {
        for (const { u, s, vt } of [thinSvdShapes(m, n), fullSvdShapes(m, n)]) {
          expect(u[1]).toBe(s[0]);
          expect(s[1]).toBe(vt[0]);
          expect([u[0], vt[1]]).toEqual([m, n]);
        }
      }),
      RUNS,
    );
    expect(() => thinSvdShapes(0, 3)).toThrow(RangeError);
    expect(() => fullSvdShapes(2.5, 3)).toThrow(RangeError);
  });
});

describe("low-rank approximation", () => {
  test("relativeError(s, k) equals ‖A − A_k‖_F / ‖A‖_F computed directly, for every k", () => {
    const next = normals(37);
    for (const [m, n] of [
      [8, 5],
      [5, 8],
      [6, 6],
    ]) {
      const a = randomMatrix(next, m, n);
      const d = svd(a);
      for (let k = 0; k <= d.s.length; k++) {
        const ak = lowRank(d, k);
        const diff = a.map((row, i) => row.map((x, j) => x - ak[i][j]));
        near(relativeError(d.s, k), frobeniusNorm(diff) / frobeniusNorm(a), 1e-12);
        near(energyKept(d.s, k) + relativeError(d.s, k) ** 2, 1, 1e-14);
        near(energyKept(d.s, k), (frobeniusNorm(ak) / frobeniusNorm(a)) ** 2, 1e-12);
      }
    }
  });

  test("lowRank(svd(A), k) has rank k, is A at k = r and zero at k = 0", () => {
    const next = normals(41);
    const a = randomMatrix(next, 7, 4);
    const d = svd(a);
    for (let k = 0; k <= 4; k++) expect(rank(lowRank(d, k))).toBe(k);
    expectMatrixNear(lowRank(d, 4), a, 1e-12 * 10);
    expectMatrixNear(lowRank(svd(a, { thin: false }), 4), a, 1e-12 * 10);
    expectMatrixNear(
      lowRank(d, 0),
      randomMatrix(() => 0, 7, 4),
      0,
    );
    expect(() => lowRank(d, 5)).toThrow(/0 to 4/);
    expect(() => lowRank(d, 1.5)).toThrow(RangeError);
  });

  test("the zero matrix keeps all of its (zero) energy with zero error, and no NaN", () => {
    const s = svd(randomMatrix(() => 0, 3, 2)).s;
    for (const k of [0, 1, 2]) {
      expect(energyKept(s, k)).toBe(1);
      expect(relativeError(s, k)).toBe(0);
    }
  });

  test("energyKept rises with k from 0 to 1 and relativeError falls from 1 to 0", () => {
    const next = normals(43);
    const { s } = svd(randomMatrix(next, 6, 4));
    expect(energyKept(s, 0)).toBe(0);
    expect(energyKept(s, s.length)).toBe(1);
    expect(relativeError(s, 0)).toBe(1);
    expect(relativeError(s, s.length)).toBe(0);
    for (let k = 1; k <= s.length; k++) {
      expect(energyKept(s, k)).toBeGreaterThanOrEqual(energyKept(s, k - 1));
      expect(relativeError(s, k)).toBeLessThanOrEqual(relativeError(s, k - 1));
    }
    expect(() => energyKept([1, -1], 1)).toThrow(/negative/);
    expect(() => relativeError([1, 2], 3)).toThrow(RangeError);
  });

  test("compressionRatio counts k columns of U, k rows of Vᵀ and k singular values against mn entries", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 300 }),
        fc.nat(),
        (m, n, seed) => {
          const k = seed % (Math.min(m, n) + 1);
          const { u, vt } = thinSvdShapes(m, n);
          const stored = k * u[0] + k * vt[1] + k;
          near(compressionRatio(m, n, k), stored / (m * n), 1e-15);
        },
      ),
      RUNS,
    );
    expect(() => compressionRatio(4, 3, 4)).toThrow(/0 to 3/);
  });
});

describe("PCA", () => {
  /** n points in d dimensions with different spreads along rotated axes, seeded. */
  function cloud(seed: number, n: number, d: number): number[][] {
    const next = normals(seed);
    const mix = randomMatrix(next, d, d);
    return Array.from({ length: n }, () => {
      const z = randomVector(next, d).map((x, j) => x * (d - j));
      return mix.map((row) => row.reduce((s, w, j) => s + w * z[j], 3));
    });
  }

  function expectSamePca(p: Pca, q: Pca): void {
    expect(p.status).toBe(q.status);
    const scale = 1 + Math.max(...p.eigenvalues);
    p.eigenvalues.forEach((l, i) => near(l, q.eigenvalues[i], 1e-10 * scale, `λ${i}`));
    // Within the zero eigenspace (n ≤ d) any orthonormal basis is right, so only the
    // components of positive (and, for random data, distinct) variance are compared.
    p.components.forEach((c, i) => {
      if (p.eigenvalues[i] > 0) expectSameUpToSign(c, q.components[i], 1e-8);
    });
    expectMatrixNear(p.cov, q.cov, 0);
    p.varianceFraction.forEach((f, i) => near(f, q.varianceFraction[i], 1e-10));
  }

  test("pcaByCovariance equals pcaBySvd up to sign on seeded random data in 2-D, 3-D and 4-D", () => {
    for (const [seed, n, d] of [
      [1, 5, 2],
      [2, 50, 2],
      [3, 20, 3],
      [4, 200, 4],
      [5, 3, 4],
    ]) {
      expectSamePca(pcaByCovariance(cloud(seed, n, d)), pcaBySvd(cloud(seed, n, d)));
    }
  });

  test("Σ·cⱼ = λⱼcⱼ with orthonormal components, the scores are centred·cⱼ and their variance is λⱼ", () => {
    for (const method of [pcaByCovariance, pcaBySvd]) {
      const points = cloud(6, 40, 3);
      const p = method(points);
      const scale = 1 + p.eigenvalues[0];
      p.components.forEach((c, j) => {
        expectSignNormalised(c);
        const sc = matMul(
          p.cov,
          c.map((x) => [x]),
        );
        sc.forEach((row, i) => near(row[0], p.eigenvalues[j] * c[i], 1e-10 * scale));
        const scores = p.scores.map((row) => row[j]);
        p.centred.forEach((row, i) =>
          near(
            scores[i],
            row.reduce((s, x, k) => s + x * c[k], 0),
            1e-12 * scale,
          ),
        );
        const variance = scores.reduce((s, x) => s + x * x, 0) / (points.length - 1);
        near(variance, p.eigenvalues[j], 1e-10 * scale);
      });
      expectMatrixNear(matMul(p.components, transpose(p.components)), identity(3), 1e-12);
      p.centred[0].forEach((_, j) =>
        near(
          p.centred.reduce((s, row) => s + row[j], 0),
          0,
          1e-12 * 40 * scale,
        ),
      );
    }
  });

  test("the eigenvalues are descending and sum to tr Σ; the variance fractions sum to 1 and cumulative ends at 1", () => {
    const p = pcaByCovariance(cloud(8, 30, 4));
    near(
      p.eigenvalues.reduce((s, x) => s + x, 0),
      trace(p.cov),
      1e-10 * trace(p.cov),
    );
    for (let i = 1; i < 4; i++) expect(p.eigenvalues[i]).toBeLessThanOrEqual(p.eigenvalues[i - 1]);
    near(
      p.varianceFraction.reduce((s, x) => s + x, 0),
      1,
      1e-14,
    );
    near(p.cumulative[3], 1, 1e-14);
    p.cumulative.forEach((c, k) => near(c, varianceFractionTopK(p.eigenvalues, k + 1), 1e-14));
  });

  test("the covariance divides by n − 1: it equals the average of outer products of centred points times n/(n − 1)", () => {
    const points = cloud(9, 10, 2);
    const p = pcaByCovariance(points);
    const sum = p.centred.reduce<number[][]>(
      (acc, c) => acc.map((row, i) => row.map((x, j) => x + outer(c, c)[i][j])),
      [
        [0, 0],
        [0, 0],
      ],
    );
    expectMatrixNear(
      p.cov,
      sum.map((row) => row.map((x) => x / (points.length - 1))),
      1e-12,
    );
  });

  test("a single point has no covariance: status single-point, zero eigenvalues, the axes as components, no NaN", () => {
    for (const method of [pcaByCovariance, pcaBySvd]) {
      const p = method([[1.5, -2, 7]]);
      expect(p.status).toBe("single-point");
      expect(isFiniteDeep(p)).toBe(true);
      expect(p.mean).toEqual([1.5, -2, 7]);
      expect(p.eigenvalues).toEqual([0, 0, 0]);
      expect(p.components).toEqual(identity(3));
      expect(p.varianceFraction).toEqual([0, 0, 0]);
    }
  });

  test("identical points have no spread: status no-spread, exact zero centring, fractions all 0, no NaN", () => {
    for (const method of [pcaByCovariance, pcaBySvd]) {
      const p = method([
        [0.1, 0.2],
        [0.1, 0.2],
        [0.1, 0.2],
      ]);
      expect(p.status).toBe("no-spread");
      expect(isFiniteDeep(p)).toBe(true);
      expect(p.centred.flat().every((x) => x === 0)).toBe(true);
      expect(p.eigenvalues).toEqual([0, 0]);
      expect(p.components).toEqual(identity(2));
      expect(p.varianceFraction).toEqual([0, 0]);
      expect(p.cumulative).toEqual([0, 0]);
    }
  });

  test("collinear points have second eigenvalue 0 and the line's direction as first component", () => {
    const dir = [1, 2].map((x) => x / Math.hypot(1, 2));
    const points = [-0.7, 0, 1, 2, 3.3].map((t) => [4 + t * dir[0], -1 + t * dir[1]]);
    for (const method of [pcaByCovariance, pcaBySvd]) {
      const p = method(points);
      expect(p.status).toBe("ok");
      expect(isFiniteDeep(p)).toBe(true);
      expect(p.eigenvalues[1]).toBe(0);
      expect(p.varianceFraction).toEqual([1, 0]);
      expectSameUpToSign(p.components[0], dir, 1e-12);
    }
  });

  test("two points in four dimensions (n < d) give one non-zero eigenvalue and agree across methods", () => {
    const points = [
      [1, 2, 3, 4],
      [2, 0, 3, 5],
    ];
    const p = pcaByCovariance(points);
    const q = pcaBySvd(points);
    expect(isFiniteDeep(p) && isFiniteDeep(q)).toBe(true);
    expect(p.eigenvalues.slice(1)).toEqual([0, 0, 0]);
    expect(q.eigenvalues.slice(1)).toEqual([0, 0, 0]);
    near(p.eigenvalues[0], q.eigenvalues[0], 1e-14);
    expectSameUpToSign(p.components[0], q.components[0], 1e-14);
  });

  test("varianceFractionTopK gives (12 + 6)/(12 + 6 + 1.5 + 0.5) for the top two of the scree-4d spectrum (drill D4)", () => {
    const l = [12, 6, 1.5, 0.5];
    near(varianceFractionTopK(l, 2), (l[0] + l[1]) / (l[0] + l[1] + l[2] + l[3]), 0);
    expect(varianceFractionTopK(l, 0)).toBe(0);
    expect(varianceFractionTopK(l, 4)).toBe(1);
    expect(varianceFractionTopK([0, 0], 1)).toBe(0);
    expect(() => varianceFractionTopK(l, 5)).toThrow(RangeError);
    expect(() => varianceFractionTopK([1, -1], 1)).toThrow(/negative/);
  });

  test("PCA rejects ragged, empty and non-finite point sets with a RangeError", () => {
    expect(() => pcaByCovariance([])).toThrow(/empty/);
    expect(() => pcaBySvd([[1, 2], [3]])).toThrow(/same length/);
    expect(() => pcaByCovariance([[1, NaN]])).toThrow(RangeError);
  });
});
