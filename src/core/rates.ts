// Convergence rates and guide curves for first- and second-order optimizers on 2-D functions:
// the per-step contraction of GD, heavy-ball momentum and damped Newton on a quadratic, the
// O(1/k) guarantee of GD on a convex L-smooth function, and where a trajectory leaves a box.
// The gd-surface and optimizers scenes draw these beside the runs of optimize.ts.

import type { Function2D, Point2, ViewBox } from "./functions";
import { eigen2 } from "./eigen2";
import { quadraticRate, type OptimizerId } from "./optimize";

function requireFinite(value: number, what: string): void {
  if (!Number.isFinite(value))
    throw new RangeError(`${what} must be a finite number, got ${value}.`);
}

function requireEigenvalues(lambdas: readonly number[]): void {
  if (lambdas.length === 0) throw new RangeError("A rate needs at least one Hessian eigenvalue.");
  for (const l of lambdas) requireFinite(l, "Every eigenvalue");
}

/**
 * The eigenvalues of the symmetrised Hessian ½(H + Hᵀ) of `fn` at `p`, descending (λ₁ ≥ λ₂).
 * On a quadratic they are the same everywhere; elsewhere they describe the curvature at `p`.
 *
 * @throws RangeError if p or the Hessian at p is not finite.
 */
export function hessianEigenvalues(fn: Function2D, p: Point2): [l1: number, l2: number] {
  requireFinite(p[0], "p[0]");
  requireFinite(p[1], "p[1]");
  const h = fn.hess(p);
  const b = 0.5 * (h[1] + h[2]);
  const e = eigen2([h[0], b, b, h[3]]);
  // A symmetric matrix has real eigenvalues; eigen2 reports a repeated one separately.
  if (e.kind === "real") return [e.values[0], e.values[1]];
  if (e.kind === "repeated") return [e.value, e.value];
  throw new RangeError("The symmetrised Hessian returned complex eigenvalues; it is not finite.");
}

/**
 * The asymptotic per-step contraction of heavy-ball momentum in the core's form (v ← βv + ∇f,
 * x ← x − ηv) on a quadratic with Hessian eigenvalues λᵢ.
 *
 * Along eigen-direction i the error e and velocity v evolve by the matrix
 * [[1 − ηλᵢ, −ηβ], [λᵢ, β]], whose eigenvalues r solve r² − (1 + β − ηλᵢ)r + β = 0. The rate is
 * the largest |r| over all i (√β when the roots are complex, the "underdamped" case). The run
 * converges from every start iff this is < 1.
 *
 * @param lambdas Hessian eigenvalues, at least one, all finite.
 * @param eta Step size, finite and ≥ 0.
 * @param beta Momentum β ∈ [0, 1).
 * @throws RangeError on an empty or non-finite eigenvalue list, or eta or beta out of range.
 */
export function momentumRate(lambdas: readonly number[], eta: number, beta: number): number {
  requireEigenvalues(lambdas);
  if (!Number.isFinite(eta) || eta < 0)
    throw new RangeError(`eta must be finite and ≥ 0, got ${eta}.`);
  if (!Number.isFinite(beta) || beta < 0 || beta >= 1)
    throw new RangeError(`beta must lie in [0, 1), got ${beta}.`);
  let rate = 0;
  for (const lambda of lambdas) {
    const b = 1 + beta - eta * lambda;
    const disc = b * b - 4 * beta;
    // Complex roots have |r|² = β; real ones are (b ± √disc)/2, the larger in size taking |b|.
    const r = disc < 0 ? Math.sqrt(beta) : 0.5 * (Math.abs(b) + Math.sqrt(disc));
    rate = Math.max(rate, r);
  }
  return rate;
}

/**
 * The per-step contraction of damped Newton x ← x − η H⁻¹∇f on a quadratic with a positive
 * definite Hessian: xₖ₊₁ − x* = (1 − η)(xₖ − x*), so the factor is |1 − η| (0 at η = 1: one
 * step lands on the minimiser).
 *
 * @throws RangeError if eta is not finite and ≥ 0.
 */
export function newtonRate(eta: number): number {
  if (!Number.isFinite(eta) || eta < 0)
    throw new RangeError(`eta must be finite and ≥ 0, got ${eta}.`);
  return Math.abs(1 - eta);
}

/** A linear rate and what kind of statement it is. */
export interface LinearRate {
  /** Per-step contraction ρ of the distance to x*; f − f* shrinks like ρ²ᵏ. */
  readonly rho: number;
  /** `global` on a quadratic (exact from every start), `local` near x* otherwise. */
  readonly scope: "global" | "local";
}

/**
 * The linear rate of an optimizer on a function near its minimiser, from the Hessian there:
 * GD max|1 − ηλᵢ| ({@link quadraticRate}), momentum {@link momentumRate}, Newton |1 − η|
 * ({@link newtonRate}). Adam's rate depends on its running moments, so it has none (null), and so
 * does a function without a minimiser or with a Hessian there that is not positive definite.
 *
 * @param quadratic True when f is a quadratic, so the rate holds from every start (`global`).
 * @throws RangeError if eta or beta is out of range.
 */
export function linearRate(
  fn: Function2D,
  optimizer: OptimizerId,
  eta: number,
  beta: number,
  quadratic: boolean,
): LinearRate | null {
  if (!fn.minimiser || optimizer === "adam") return null;
  const lambdas = hessianEigenvalues(fn, fn.minimiser);
  if (!(lambdas[1] > 0)) return null;
  const scope = quadratic ? "global" : "local";
  if (optimizer === "gd") return { rho: quadraticRate(lambdas, eta), scope };
  if (optimizer === "momentum") return { rho: momentumRate(lambdas, eta, beta), scope };
  return { rho: newtonRate(eta), scope };
}

/**
 * The O(1/k) guarantee of gradient descent with 0 < η ≤ 1/L on a convex L-smooth function:
 * f(xₖ) − f* ≤ ‖x₀ − x*‖² / (2ηk) for k ≥ 1.
 *
 * @param dist2 ‖x₀ − x*‖², finite and ≥ 0.
 * @param eta Step size, finite and > 0 (the bound holds for η ≤ 1/L; the caller checks that).
 * @param k Iteration, finite and ≥ 1.
 * @throws RangeError if an argument is out of range.
 */
export function gdSublinearBound(dist2: number, eta: number, k: number): number {
  if (!Number.isFinite(dist2) || dist2 < 0)
    throw new RangeError(`dist2 must be ≥ 0, got ${dist2}.`);
  if (!Number.isFinite(eta) || eta <= 0) throw new RangeError(`eta must be > 0, got ${eta}.`);
  if (!Number.isFinite(k) || k < 1) throw new RangeError(`k must be ≥ 1, got ${k}.`);
  return dist2 / (2 * eta * k);
}

/**
 * The index of the first point of a path outside a box (edges count as inside), or null when
 * every point is inside.
 */
export function firstExit(path: readonly Point2[], box: ViewBox): number | null {
  for (let k = 0; k < path.length; k++) {
    const [x, y] = path[k];
    if (!(x >= box.x[0] && x <= box.x[1] && y >= box.y[0] && y <= box.y[1])) return k;
  }
  return null;
}
