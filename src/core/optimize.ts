// First- and second-order optimizers on the test functions, and the closed-form step-size
// facts about quadratics that the gd-1d and gd-surface scenes put beside the simulation.

import type { Function1D, Function2D, Point2 } from "./functions";

/** The optimizers of {@link runOptimizer}, in the order a scene lists them. */
export const OPTIMIZER_IDS = ["gd", "momentum", "adam", "newton"] as const;

/** One of {@link OPTIMIZER_IDS}. */
export type OptimizerId = (typeof OPTIMIZER_IDS)[number];

/** The per-optimizer settings of a run: everything but the start and the step budget. */
export interface OptimizerSettings {
  readonly optimizer: OptimizerId;
  /** Step size η, finite and ≥ 0. */
  readonly eta: number;
  /** Momentum β ∈ [0, 1); default 0.9. */
  readonly beta?: number;
  /** Adam's first-moment decay β₁ ∈ [0, 1); default 0.9. */
  readonly beta1?: number;
  /** Adam's second-moment decay β₂ ∈ [0, 1); default 0.999. */
  readonly beta2?: number;
  /** Adam's denominator guard ε > 0; default 1e-8. */
  readonly eps?: number;
}

/** Where a run starts, how long it runs and when it counts as converged. */
export interface RunStart {
  /** Start point, finite, with f(x0) and ∇f(x0) finite. */
  readonly x0: Point2;
  /** Number of iterations, an integer in [1, {@link MAX_STEPS}]. */
  readonly steps: number;
  /** Convergence tolerance > 0 on f − fmin (or on ‖∇f‖ without fmin); default {@link DEFAULT_TOL}. */
  readonly tol?: number;
}

/** Everything {@link runOptimizer} needs. */
export type OptimizerConfig = OptimizerSettings & RunStart;

/** The end state of a run. */
export type RunStatus = "converged" | "max-steps" | "diverged";

interface RunFields<P> {
  /** Accepted iterates x₀, x₁, …; all finite, path[0] = x0. */
  readonly path: readonly P[];
  /** f(path[k]). */
  readonly values: readonly number[];
  /** ‖∇f(path[k])‖ (|f′| in 1-D). */
  readonly gradNorms: readonly number[];
  /** First k at which the tolerance test held, or null if it never did. */
  readonly stepsToTol: number | null;
  /** The last accepted iterate, path[path.length − 1]. */
  readonly last: P;
}

/**
 * The result of a run. `diverged` carries `divergedAt`, the index k of the first rejected
 * iterate, so path.length = divergedAt; see {@link runOptimizer} for the rule.
 */
export type Run<P> =
  | (RunFields<P> & { readonly status: "converged" | "max-steps"; readonly divergedAt?: undefined })
  | (RunFields<P> & { readonly status: "diverged"; readonly divergedAt: number });

/** A run in the plane. */
export type OptimizerRun = Run<Point2>;

/** A run on the line. */
export type Run1D = Run<number>;

/** The largest step budget a run accepts; it bounds the memory of the path arrays. */
export const MAX_STEPS = 100_000;

/** Tolerance used when a config gives none. */
export const DEFAULT_TOL = 1e-6;

/** An iterate whose largest coordinate exceeds max(this, 1000·‖x₀‖∞) counts as diverged. */
export const DIVERGENCE_RADIUS = 1e8;

/** An iterate with |f| above max(this, 1000·|f(x₀)|) counts as diverged. */
export const DIVERGENCE_VALUE = 1e15;

/** Relative floor on Hessian eigenvalues in the safeguarded Newton step. */
export const NEWTON_EIGEN_FLOOR = 1e-8;

/** |factor − 1| at or below this counts as exactly 1 in {@link gdStatus1d}. */
export const FACTOR_TOL = 1e-9;

function requireFinite(value: number, what: string): void {
  if (!Number.isFinite(value))
    throw new RangeError(`${what} must be a finite number, got ${value}.`);
}

function requireStepSize(eta: number): void {
  if (!Number.isFinite(eta) || eta < 0) {
    throw new RangeError(`The step size eta must be a finite number ≥ 0, got ${eta}.`);
  }
}

function requireSteps(steps: number): void {
  if (!Number.isInteger(steps) || steps < 1 || steps > MAX_STEPS) {
    throw new RangeError(`steps must be an integer in [1, ${MAX_STEPS}], got ${steps}.`);
  }
}

function requireDecay(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0 || value >= 1) {
    throw new RangeError(`${what} must lie in [0, 1), got ${value}.`);
  }
}

function requirePositive(value: number, what: string): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${what} must be a finite number > 0, got ${value}.`);
  }
}

function norm2(gx: number, gy: number): number {
  const n = Math.sqrt(gx * gx + gy * gy);
  // The squares overflow long before the norm does; hypot is slower but exact there.
  return n === Infinity ? Math.hypot(gx, gy) : n;
}

function finish<P>(
  path: P[],
  values: number[],
  gradNorms: number[],
  stepsToTol: number | null,
  divergedAt: number | null,
  lastMeetsTol: boolean,
): Run<P> {
  const common = { path, values, gradNorms, stepsToTol, last: path[path.length - 1] };
  if (divergedAt !== null) return { ...common, status: "diverged", divergedAt };
  return { ...common, status: lastMeetsTol ? "converged" : "max-steps" };
}

/**
 * Runs an optimizer on a 2-D function for a fixed number of steps and returns its trajectory.
 *
 * Updates, with g = ∇f(xₖ):
 * - `gd`: xₖ₊₁ = xₖ − ηg.
 * - `momentum` (the source text's form): v ← βv + g, x ← x − ηv, v₀ = 0.
 * - `adam`: m ← β₁m + (1−β₁)g, s ← β₂s + (1−β₂)g² (per coordinate), m̂ = m/(1−β₁ᵗ),
 *   ŝ = s/(1−β₂ᵗ), x ← x − η m̂/(√ŝ + ε), t = k + 1.
 * - `newton`: x ← x − ηH⁻¹g with H = ∇²f(x) (symmetrised). Safeguard: when H is not positive
 *   definite (λ₂ ≤ δ, δ = {@link NEWTON_EIGEN_FLOOR}·max(1, |λ|max)), H is replaced by
 *   V·diag(max(|λᵢ|, δ))·Vᵀ, the "saddle-free" Newton step: it keeps Newton's scaling but
 *   always points downhill, and the floor stops a singular H from dividing by zero.
 *
 * Every run takes exactly `steps` steps unless it diverges. Divergence rule: iterate k ≥ 1 is
 * rejected, and the run stops with `divergedAt = k`, when xₖ, f(xₖ) or ∇f(xₖ) is not finite,
 * when ‖xₖ‖∞ > max({@link DIVERGENCE_RADIUS}, 1000‖x₀‖∞), or when |f(xₖ)| >
 * max({@link DIVERGENCE_VALUE}, 1000|f(x₀)|). Only accepted iterates enter the result, so it
 * never holds NaN or ±Infinity.
 *
 * Tolerance test at iterate k: f(xₖ) − fmin < tol when `fn.fmin` is known, else ‖∇f(xₖ)‖ < tol.
 * `stepsToTol` is the first k that passes; `status` is `converged` when the last iterate
 * passes, `max-steps` when it does not (a run that dips below tol and overshoots back out, as
 * momentum and Adam can, reports `max-steps` with a non-null `stepsToTol`).
 *
 * @throws RangeError if x0 is not finite or f(x0), ∇f(x0) are not; eta is not finite or < 0;
 *   steps is not an integer in [1, MAX_STEPS]; beta, beta1, beta2 are outside [0, 1); eps or
 *   tol is not > 0.
 */
export function runOptimizer(fn: Function2D, config: OptimizerConfig): OptimizerRun {
  const { optimizer, x0, eta, steps } = config;
  const beta = config.beta ?? 0.9;
  const beta1 = config.beta1 ?? 0.9;
  const beta2 = config.beta2 ?? 0.999;
  const eps = config.eps ?? 1e-8;
  const tol = config.tol ?? DEFAULT_TOL;
  if (!(OPTIMIZER_IDS as readonly string[]).includes(optimizer)) {
    throw new RangeError(
      `Unknown optimizer "${optimizer}": use one of ${OPTIMIZER_IDS.join(", ")}.`,
    );
  }
  requireFinite(x0[0], "x0[0]");
  requireFinite(x0[1], "x0[1]");
  requireStepSize(eta);
  requireSteps(steps);
  requireDecay(beta, "beta");
  requireDecay(beta1, "beta1");
  requireDecay(beta2, "beta2");
  requirePositive(eps, "eps");
  requirePositive(tol, "tol");

  const f0 = fn.f(x0);
  const g0 = fn.grad(x0);
  if (!Number.isFinite(f0) || !Number.isFinite(norm2(g0[0], g0[1]))) {
    throw new RangeError(
      `f or its gradient is not finite at the start (${x0[0]}, ${x0[1]}): pick another x0.`,
    );
  }
  const radius = Math.max(DIVERGENCE_RADIUS, 1000 * Math.max(Math.abs(x0[0]), Math.abs(x0[1])));
  const fLimit = Math.max(DIVERGENCE_VALUE, 1000 * Math.abs(f0));
  const fmin = fn.fmin;
  const valueAndGrad = fn.valueAndGrad;
  const gradBuffer: [number, number] = [0, 0];
  // Newton reads the Hessian from the same pass when the function offers one.
  const hessBuffer: [number, number, number, number] | undefined =
    optimizer === "newton" && valueAndGrad !== undefined ? [0, 0, 0, 0] : undefined;

  const path: Point2[] = [];
  const values: number[] = [];
  const gradNorms: number[] = [];
  let stepsToTol: number | null = null;
  let divergedAt: number | null = null;
  let lastMeetsTol = false;

  let x = x0[0];
  let y = x0[1];
  // Optimizer state: momentum's velocity, or Adam's moments and bias-correction powers.
  let vx = 0;
  let vy = 0;
  let sx = 0;
  let sy = 0;
  let b1t = 1;
  let b2t = 1;

  for (let k = 0; ; k++) {
    // NaN fails every comparison, so the negated tests also reject non-finite iterates.
    if (!(Math.abs(x) <= radius && Math.abs(y) <= radius)) {
      divergedAt = k;
      break;
    }
    const p: Point2 = k === 0 ? x0 : [x, y];
    let fx: number;
    let gx: number;
    let gy: number;
    if (k === 0) {
      fx = f0;
      gx = g0[0];
      gy = g0[1];
    } else if (valueAndGrad !== undefined) {
      fx = valueAndGrad(p, gradBuffer, hessBuffer);
      gx = gradBuffer[0];
      gy = gradBuffer[1];
    } else {
      fx = fn.f(p);
      const g = fn.grad(p);
      gx = g[0];
      gy = g[1];
    }
    const gn = norm2(gx, gy);
    if (!(Math.abs(fx) <= fLimit && gn < Infinity)) {
      divergedAt = k;
      break;
    }
    path.push(p);
    values.push(fx);
    gradNorms.push(gn);
    lastMeetsTol = fmin === undefined ? gn < tol : fx - fmin < tol;
    if (lastMeetsTol && stepsToTol === null) stepsToTol = k;
    if (k === steps) break;

    switch (optimizer) {
      case "gd":
        x -= eta * gx;
        y -= eta * gy;
        break;
      case "momentum":
        vx = beta * vx + gx;
        vy = beta * vy + gy;
        x -= eta * vx;
        y -= eta * vy;
        break;
      case "adam": {
        vx = beta1 * vx + (1 - beta1) * gx;
        vy = beta1 * vy + (1 - beta1) * gy;
        sx = beta2 * sx + (1 - beta2) * gx * gx;
        sy = beta2 * sy + (1 - beta2) * gy * gy;
        b1t *= beta1;
        b2t *= beta2;
        const c1 = 1 - b1t;
        const c2 = 1 - b2t;
        x -= (eta * (vx / c1)) / (Math.sqrt(sx / c2) + eps);
        y -= (eta * (vy / c1)) / (Math.sqrt(sy / c2) + eps);
        break;
      }
      case "newton": {
        const h = hessBuffer !== undefined && k > 0 ? hessBuffer : fn.hess(p);
        const a = h[0];
        const b = 0.5 * (h[1] + h[2]);
        const d = h[3];
        const mean = 0.5 * (a + d);
        const r = Math.hypot(0.5 * (a - d), b);
        const l1 = mean + r;
        const l2 = mean - r;
        const floor = NEWTON_EIGEN_FLOOR * Math.max(1, Math.abs(l1), Math.abs(l2));
        if (l2 > floor) {
          const det = a * d - b * b;
          x -= (eta * (d * gx - b * gy)) / det;
          y -= (eta * (a * gy - b * gx)) / det;
        } else {
          // Unit eigenvector of l1, from whichever of the two candidate forms is better scaled.
          let ux: number;
          let uy: number;
          if (r === 0) {
            ux = 1;
            uy = 0;
          } else if (Math.abs(l1 - d) >= Math.abs(l1 - a)) {
            const n = Math.hypot(l1 - d, b);
            ux = (l1 - d) / n;
            uy = b / n;
          } else {
            const n = Math.hypot(b, l1 - a);
            ux = b / n;
            uy = (l1 - a) / n;
          }
          const c1 = (ux * gx + uy * gy) / Math.max(Math.abs(l1), floor);
          const c2 = (-uy * gx + ux * gy) / Math.max(Math.abs(l2), floor);
          x -= eta * (c1 * ux - c2 * uy);
          y -= eta * (c1 * uy + c2 * ux);
        }
        break;
      }
    }
  }
  return finish(path, values, gradNorms, stepsToTol, divergedAt, lastMeetsTol);
}

/**
 * Runs several optimizers on the same function from the same start, for a side-by-side race.
 *
 * Each entry of the result is exactly `runOptimizer(fn, { ...start, ...settings })`, in the
 * order of `settings`; an empty list gives an empty result.
 *
 * @throws RangeError under the same conditions as {@link runOptimizer}.
 */
export function race(
  fn: Function2D,
  start: RunStart,
  settings: readonly OptimizerSettings[],
): OptimizerRun[] {
  return settings.map((s) => runOptimizer(fn, { ...s, ...start }));
}

/** Start, step size and budget of {@link gd1d}. */
export interface Gd1dConfig {
  /** Start point, finite, with f(x0) and f′(x0) finite. */
  readonly x0: number;
  /** Step size η, finite and ≥ 0. */
  readonly eta: number;
  /** Number of iterations, an integer in [1, {@link MAX_STEPS}]. */
  readonly steps: number;
  /** Tolerance > 0 on f − fmin; default {@link DEFAULT_TOL}. */
  readonly tol?: number;
}

/**
 * Gradient descent on a function of one variable: xₖ₊₁ = xₖ − η f′(xₖ).
 *
 * Same result shape and divergence rule as {@link runOptimizer}, in 1-D: iterate k ≥ 1 is
 * rejected (`divergedAt = k`) when xₖ, f(xₖ) or f′(xₖ) is not finite, when |xₖ| >
 * max({@link DIVERGENCE_RADIUS}, 1000|x₀|), or when |f(xₖ)| > max({@link DIVERGENCE_VALUE},
 * 1000|f(x₀)|). `gradNorms` holds |f′(xₖ)|; the tolerance test is f(xₖ) − fmin < tol.
 *
 * @throws RangeError if x0 is not finite or f(x0), f′(x0) are not; eta is not finite or < 0;
 *   steps is not an integer in [1, MAX_STEPS]; tol is not > 0.
 */
export function gd1d(fn: Function1D, config: Gd1dConfig): Run1D {
  const { x0, eta, steps } = config;
  const tol = config.tol ?? DEFAULT_TOL;
  requireFinite(x0, "x0");
  requireStepSize(eta);
  requireSteps(steps);
  requirePositive(tol, "tol");
  const f0 = fn.f(x0);
  if (!Number.isFinite(f0) || !Number.isFinite(fn.df(x0))) {
    throw new RangeError(`f or f′ is not finite at the start x0 = ${x0}: pick another x0.`);
  }
  const radius = Math.max(DIVERGENCE_RADIUS, 1000 * Math.abs(x0));
  const fLimit = Math.max(DIVERGENCE_VALUE, 1000 * Math.abs(f0));

  const path: number[] = [];
  const values: number[] = [];
  const gradNorms: number[] = [];
  let stepsToTol: number | null = null;
  let divergedAt: number | null = null;
  let lastMeetsTol = false;
  let x = x0;
  for (let k = 0; ; k++) {
    if (!(Math.abs(x) <= radius)) {
      divergedAt = k;
      break;
    }
    const fx = fn.f(x);
    const dfx = fn.df(x);
    if (!(Math.abs(fx) <= fLimit && Math.abs(dfx) < Infinity)) {
      divergedAt = k;
      break;
    }
    path.push(x);
    values.push(fx);
    gradNorms.push(Math.abs(dfx));
    lastMeetsTol = fx - fn.fmin < tol;
    if (lastMeetsTol && stepsToTol === null) stepsToTol = k;
    if (k === steps) break;
    x -= eta * dfx;
  }
  return finish(path, values, gradNorms, stepsToTol, divergedAt, lastMeetsTol);
}

/**
 * The factor by which one GD step multiplies the distance to the minimiser of a(x − c)²:
 * xₖ₊₁ − c = (1 − 2aη)(xₖ − c), so the factor is |1 − 2aη|.
 *
 * @param a Curvature scale, finite and > 0 (L = 2a).
 * @param eta Step size, finite and ≥ 0.
 * @throws RangeError if a is not finite and > 0, or eta is not finite and ≥ 0.
 */
export function contractionFactor(a: number, eta: number): number {
  requirePositive(a, "a");
  requireStepSize(eta);
  return Math.abs(1 - 2 * a * eta);
}

/** What GD does on a(x − c)² at a given step size; see {@link gdStatus1d}. */
export type GdStatus1d = "converging" | "oscillating" | "diverging" | "stalled";

/**
 * Classifies GD on a(x − c)² by its signed per-step multiplier q = 1 − 2aη.
 *
 * - `converging`: |q| < 1, i.e. 0 < η < 1/a = 2/L.
 * - `oscillating`: q = −1 (η = 1/a), the iterates jump between x₀ and 2c − x₀ forever.
 * - `diverging`: |q| > 1, i.e. η > 1/a.
 * - `stalled`: q = +1 (η = 0), the iterate never moves. The factor |q| is 1 here as well,
 *   but nothing oscillates, so it gets its own word.
 * "= 1" means within {@link FACTOR_TOL}, so η = 1/a computed in floating point still counts.
 *
 * @param a Curvature scale, finite and > 0.
 * @param eta Step size, finite and ≥ 0.
 * @throws RangeError if a is not finite and > 0, or eta is not finite and ≥ 0.
 */
export function gdStatus1d(a: number, eta: number): GdStatus1d {
  requirePositive(a, "a");
  requireStepSize(eta);
  const q = 1 - 2 * a * eta;
  if (Math.abs(Math.abs(q) - 1) <= FACTOR_TOL) return q > 0 ? "stalled" : "oscillating";
  return Math.abs(q) < 1 ? "converging" : "diverging";
}

/**
 * The worst-case per-step contraction of GD on a quadratic with Hessian eigenvalues λᵢ:
 * max over i of |1 − ηλᵢ|. Along the eigendirection attaining the maximum, each step
 * multiplies the distance to the minimiser by exactly this factor; GD converges from every
 * start iff it is < 1.
 *
 * @param lambdas Hessian eigenvalues, at least one, all finite (any order).
 * @param eta Step size, finite and ≥ 0.
 * @throws RangeError if lambdas is empty or holds a non-finite value, or eta is invalid.
 */
export function quadraticRate(lambdas: readonly number[], eta: number): number {
  if (lambdas.length === 0) throw new RangeError("quadraticRate needs at least one eigenvalue.");
  requireStepSize(eta);
  let rate = 0;
  for (const lambda of lambdas) {
    requireFinite(lambda, "Every eigenvalue");
    rate = Math.max(rate, Math.abs(1 - eta * lambda));
  }
  return rate;
}
