// Large and rank-deficient matrices: the SVD returns (ml-matrix alone loops forever on a constant
// 64×64) and still satisfies UΣVᵀ = A with orthonormal U and V.
import { describe, expect, it } from "vitest";
import { randomLcg } from "d3-random";
import { frobeniusNorm, matMul, rank, svd, transpose } from "../../src/core/linalg";

function reconstructionError(a: number[][]): { rel: number; ortU: number; ortV: number } {
  const { U, s, V } = svd(a);
  const us = U.map((row) => row.map((x, j) => x * s[j]));
  const back = matMul(us, transpose(V));
  const diff = a.map((row, i) => row.map((x, j) => x - back[i][j]));
  const eye = (k: number) =>
    Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
  const off = (m: number[][]) => {
    const e = eye(m.length);
    return frobeniusNorm(m.map((row, i) => row.map((x, j) => x - e[i][j])));
  };
  return {
    rel: frobeniusNorm(diff) / Math.max(1e-300, frobeniusNorm(a)),
    ortU: off(matMul(transpose(U), U)),
    ortV: off(matMul(transpose(V), V)),
  };
}

describe("the SVD of large rank-deficient matrices", () => {
  it("returns for a constant 64×64 matrix, which has rank one", () => {
    const a = Array.from({ length: 64 }, () => Array.from({ length: 64 }, () => 0.5));
    const e = reconstructionError(a);
    expect(e.rel).toBeLessThan(1e-12);
    expect(e.ortU).toBeLessThan(1e-10);
    expect(e.ortV).toBeLessThan(1e-10);
    expect(rank(a)).toBe(1);
  });

  it("returns for a 64×64 checkerboard of rank two and a tall 90×48 random matrix", () => {
    const board = Array.from({ length: 64 }, (_, i) =>
      Array.from({ length: 64 }, (_, j) => ((i + j) % 2 ? 1 : 0)),
    );
    expect(reconstructionError(board).rel).toBeLessThan(1e-12);
    expect(rank(board)).toBe(2);
    const rnd = randomLcg(5);
    const tall = Array.from({ length: 90 }, () => Array.from({ length: 48 }, () => rnd() - 0.5));
    const e = reconstructionError(tall);
    expect(e.rel).toBeLessThan(1e-12);
    expect(e.ortU).toBeLessThan(1e-10);
    expect(rank(tall)).toBe(48);
  });
});
