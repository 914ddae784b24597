// PCA data designs: the scaled orthogonal design has exactly the sample mean and covariance it
// was built for (checked through both PCA routes of the core), the random basis is orthonormal,
// and the correlated cloud's covariance approaches its population value as n grows. Seeded.
import { describe, expect, test } from "vitest";
import {
  correlatedCloud,
  pointsWithCovariance,
  randomOrthonormalBasis,
} from "../../src/core/design";
import { pcaByCovariance, pcaBySvd, varianceFractionTopK } from "../../src/core/linalg";
import { makeSource } from "../../src/core/random";

function near(a: number, b: number, tol: number, what = ""): void {
  expect(Math.abs(a - b), `${what} ${a} vs ${b}`).toBeLessThanOrEqual(tol);
}

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((s, x, i) => s + x * b[i], 0);
}

describe("randomOrthonormalBasis", () => {
  test("gives d unit vectors, pairwise orthogonal, for d = 1 … 6", () => {
    const src = makeSource(3);
    for (let d = 1; d <= 6; d++) {
      const b = randomOrthonormalBasis(src, d);
      expect(b.length).toBe(d);
      for (let j = 0; j < d; j++)
        for (let k = 0; k < d; k++) near(dot(b[j], b[k]), j === k ? 1 : 0, 1e-14, `${j}·${k}`);
    }
  });
});

describe("pointsWithCovariance", () => {
  test("has exactly the asked sample mean and covariance eigenvalues, by eigh and by SVD", () => {
    const lambdas = [12, 6, 1.5, 0.5];
    const mean = [1, -2, 0.5, 3];
    for (const seed of [1, 2, 99]) {
      const src = makeSource(seed);
      const basis = randomOrthonormalBasis(src, 4);
      for (const n of [5, 12, 200]) {
        const x = pointsWithCovariance(src, n, mean, lambdas, basis);
        expect(x.length).toBe(n);
        for (const pca of [pcaByCovariance(x), pcaBySvd(x)]) {
          pca.mean.forEach((m, a) => near(m, mean[a], 1e-12, "mean"));
          pca.eigenvalues.forEach((l, j) => near(l, lambdas[j], 1e-11, `λ${j + 1}`));
          // Each component is the basis direction it was built along, up to sign.
          pca.components.forEach((c, j) =>
            near(Math.abs(dot(c, basis[j])), 1, 1e-10, `pc${j + 1}`),
          );
          near(pca.cumulative[1], varianceFractionTopK(lambdas, 2), 1e-12, "top-two fraction");
        }
      }
    }
  });

  test("the covariance is B·diag(λ)·Bᵀ entry by entry", () => {
    const src = makeSource(8);
    const lambdas = [3, 1, 0];
    const basis = randomOrthonormalBasis(src, 3);
    const x = pointsWithCovariance(src, 10, [0, 0, 0], lambdas, basis);
    const { cov } = pcaByCovariance(x);
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < 3; b++) {
        const want = lambdas.reduce((s, l, j) => s + l * basis[j][a] * basis[j][b], 0);
        near(cov[a][b], want, 1e-12, `C[${a}][${b}]`);
      }
  });

  test("rejects too few points, a negative variance and mismatched lengths", () => {
    const src = makeSource(1);
    const b = randomOrthonormalBasis(src, 2);
    expect(() => pointsWithCovariance(src, 2, [0, 0], [1, 1], b)).toThrow(RangeError);
    expect(() => pointsWithCovariance(src, 5, [0, 0], [1, -1], b)).toThrow(RangeError);
    expect(() => pointsWithCovariance(src, 5, [0, 0, 0], [1, 1], b)).toThrow(RangeError);
  });
});

describe("correlatedCloud", () => {
  test("its sample covariance approaches R·diag(sd1², sd2²)·Rᵀ for large n", () => {
    const angle = 0.6;
    const x = correlatedCloud(makeSource(4), 40000, [2, -1], 1.5, 0.5, angle);
    const pca = pcaByCovariance(x);
    near(pca.mean[0], 2, 0.03);
    near(pca.mean[1], -1, 0.03);
    near(pca.eigenvalues[0], 2.25, 0.08);
    near(pca.eigenvalues[1], 0.25, 0.01);
    near(Math.abs(dot(pca.components[0], [Math.cos(angle), Math.sin(angle)])), 1, 1e-3);
  });

  test("is reproducible from its seed and puts every point at the centre when both sd are 0", () => {
    expect(correlatedCloud(makeSource(5), 10, [0, 0], 1, 1, 0)).toEqual(
      correlatedCloud(makeSource(5), 10, [0, 0], 1, 1, 0),
    );
    for (const p of correlatedCloud(makeSource(5), 3, [1, 2], 0, 0, 1)) expect(p).toEqual([1, 2]);
    expect(() => correlatedCloud(makeSource(5), 0, [0, 0], 1, 1, 0)).toThrow(RangeError);
  });
});
