// Data sets for PCA, drawn from a seeded source: a Gaussian cloud with a chosen spread and
// orientation (whose sample covariance varies around the population one, as real data does),
// and a scaled orthogonal design whose sample covariance is exactly a chosen matrix, so a
// drill's eigenvalues (12, 6, 1.5, 0.5) come out of the PCA to rounding, not approximately.
import type { RandomSource } from "./random";
import { normalSamples } from "./random";
import type { Vec, Vec2 } from "./vec";

function checkFinite(fn: string, what: string, x: number): void {
  if (!Number.isFinite(x)) throw new RangeError(`${fn}: ${what} is ${x}; it must be finite.`);
}

/**
 * n points from the 2-D normal with mean `centre` and standard deviations sd1 along the
 * direction at `angle` (radians, counter-clockwise from the x axis) and sd2 across it:
 * xᵢ = centre + sd1·zᵢ₁·(cos a, sin a) + sd2·zᵢ₂·(−sin a, cos a), z standard normal.
 *
 * The population covariance is R·diag(sd1², sd2²)·Rᵀ; the sample covariance scatters around it.
 * Consumes 2n normal draws of `source`.
 *
 * @throws RangeError if n is not an integer ≥ 1, or a parameter is not finite, or an sd < 0.
 */
export function correlatedCloud(
  source: RandomSource,
  n: number,
  centre: Vec2,
  sd1: number,
  sd2: number,
  angle: number,
): [number, number][] {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`correlatedCloud: n is ${n}; it must be an integer ≥ 1.`);
  }
  for (const [what, x] of [
    ["centre x", centre[0]],
    ["centre y", centre[1]],
    ["sd1", sd1],
    ["sd2", sd2],
    ["angle", angle],
  ] as const)
    checkFinite("correlatedCloud", what, x);
  if (sd1 < 0 || sd2 < 0) {
    throw new RangeError("correlatedCloud: standard deviations must be ≥ 0.");
  }
  const z = normalSamples(source, 2 * n);
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const a = sd1 * z[2 * i];
    const b = sd2 * z[2 * i + 1];
    out.push([centre[0] + a * c - b * s, centre[1] + a * s + b * c]);
  }
  return out;
}

/** Orthonormalises columns in place (modified Gram–Schmidt, two passes); false if one vanishes. */
function orthonormaliseColumns(cols: Float64Array[]): boolean {
  for (let j = 0; j < cols.length; j++) {
    const c = cols[j];
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < j; k++) {
        const q = cols[k];
        let d = 0;
        for (let i = 0; i < c.length; i++) d += q[i] * c[i];
        for (let i = 0; i < c.length; i++) c[i] -= d * q[i];
      }
    }
    let norm = 0;
    for (let i = 0; i < c.length; i++) norm += c[i] * c[i];
    norm = Math.sqrt(norm);
    if (!(norm > 1e-8)) return false;
    for (let i = 0; i < c.length; i++) c[i] /= norm;
  }
  return true;
}

/**
 * A random orthonormal basis of ℝᵈ (Gram–Schmidt on a Gaussian matrix): basis[j] is the j-th
 * unit vector, basis[j]·basis[k] = δⱼₖ. Each vector's largest-magnitude entry is positive.
 *
 * @throws RangeError if d is not an integer ≥ 1.
 */
export function randomOrthonormalBasis(source: RandomSource, d: number): number[][] {
  if (!Number.isInteger(d) || d < 1) {
    throw new RangeError(`randomOrthonormalBasis: d is ${d}; it must be an integer ≥ 1.`);
  }
  for (;;) {
    const cols = Array.from({ length: d }, () => normalSamples(source, d));
    if (!orthonormaliseColumns(cols)) continue;
    return cols.map((c) => {
      let lead = 0;
      for (let i = 1; i < d; i++) if (Math.abs(c[i]) > Math.abs(c[lead])) lead = i;
      const sign = c[lead] < 0 ? -1 : 1;
      return Array.from(c, (x) => sign * x);
    });
  }
}

/**
 * n points in ℝᵈ whose sample mean is exactly `mean` and whose sample covariance (divisor n − 1)
 * is exactly B·diag(λ)·Bᵀ, B the orthonormal `basis` (basis[j] is the direction of variance
 * λⱼ): the scaled orthogonal design X = 1·meanᵀ + √(n−1)·Q·diag(√λ)·Bᵀ, where Q (n×d) has
 * orthonormal, zero-mean columns from Gram–Schmidt on centred Gaussian draws. So the PCA of
 * the result has eigenvalues λ (sorted) and components ±basis, up to rounding.
 *
 * @throws RangeError if n < d + 1, the lengths differ, a λ is negative or a value not finite.
 */
export function pointsWithCovariance(
  source: RandomSource,
  n: number,
  mean: Vec,
  eigenvalues: Vec,
  basis: readonly Vec[],
): number[][] {
  const d = mean.length;
  if (!Number.isInteger(n) || n < d + 1) {
    throw new RangeError(
      `pointsWithCovariance: n is ${n}; ${d}-D data with a full covariance needs n ≥ ${d + 1}.`,
    );
  }
  if (eigenvalues.length !== d || basis.length !== d || basis.some((b) => b.length !== d)) {
    throw new RangeError(
      "pointsWithCovariance: mean, eigenvalues and basis must all be d-dimensional.",
    );
  }
  mean.forEach((x) => checkFinite("pointsWithCovariance", "a mean entry", x));
  for (const l of eigenvalues) {
    checkFinite("pointsWithCovariance", "an eigenvalue", l);
    if (l < 0) throw new RangeError("pointsWithCovariance: eigenvalues (variances) must be ≥ 0.");
  }
  basis.forEach((b) => b.forEach((x) => checkFinite("pointsWithCovariance", "a basis entry", x)));
  for (;;) {
    const cols = Array.from({ length: d }, () => {
      const c = normalSamples(source, n);
      let m = 0;
      for (const x of c) m += x;
      m /= n;
      for (let i = 0; i < n; i++) c[i] -= m;
      return c;
    });
    if (!orthonormaliseColumns(cols)) continue;
    // Gram–Schmidt mixes zero-mean columns, so they stay zero-mean; remove the rounding residue.
    for (const c of cols) {
      let m = 0;
      for (const x of c) m += x;
      m /= n;
      for (let i = 0; i < n; i++) c[i] -= m;
    }
    const root = Math.sqrt(n - 1);
    const weights = eigenvalues.map((l) => root * Math.sqrt(l));
    return Array.from({ length: n }, (_, i) =>
      mean.map((mu, a) => {
        let x = mu;
        for (let j = 0; j < d; j++) x += cols[j][i] * weights[j] * basis[j][a];
        return x;
      }),
    );
  }
}
