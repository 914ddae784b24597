// Test functions for the calculus and optimization scenes: each carries its exact gradient and
// Hessian and, where they exist, the constants that set step sizes (L) and rates (μ).

/** A point of the plane, in math units. */
export type Point2 = readonly [x: number, y: number];

/** A 2×2 Hessian, row-major: [∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y∂x, ∂²f/∂y²]. */
export type Hessian2 = readonly [hxx: number, hxy: number, hyx: number, hyy: number];

/** A closed interval [lo, hi] with lo < hi. */
export type Interval = readonly [lo: number, hi: number];

/** A view box in math units that frames the interesting part of a function. */
export interface ViewBox {
  readonly x: Interval;
  readonly y: Interval;
}

/**
 * A smooth function of two variables with its derivatives.
 *
 * `f`, `grad` and `hess` are hot-path evaluators: they do not validate their argument, and a
 * non-finite point gives non-finite output rather than an exception. `L` is the global
 * smoothness constant (a bound on ‖∇²f‖ over the plane) and `mu` the global strong-convexity
 * constant; each is absent where no such global constant exists. `minimiser` and `fmin` are
 * present when a unique global minimiser exists.
 */
export interface Function2D {
  readonly id: string;
  /** Plain text, for labels and screen readers. */
  readonly label: string;
  /** The formula as a KaTeX string. */
  readonly tex: string;
  readonly f: (p: Point2) => number;
  readonly grad: (p: Point2) => Point2;
  readonly hess: (p: Point2) => Hessian2;
  /**
   * Optional fast path for optimizers: returns f(p), writes ∇f(p) into `gradOut` and, when
   * given, ∇²f(p) into `hessOut`, sharing the work (one exp per data point for `logistic`).
   * Agrees with `f`, `grad` and `hess`.
   */
  readonly valueAndGrad?: (
    p: Point2,
    gradOut: [number, number],
    hessOut?: [number, number, number, number],
  ) => number;
  readonly L?: number;
  readonly mu?: number;
  readonly minimiser?: Point2;
  readonly fmin?: number;
  readonly domain: ViewBox;
  readonly convex: boolean;
}

/** The ids accepted by {@link testFunction}, in the order a scene lists them. */
export const TEST_FUNCTION_IDS = ["bowl", "round", "ill", "logistic", "rosenbrock"] as const;

/** One of {@link TEST_FUNCTION_IDS}. */
export type TestFunctionId = (typeof TEST_FUNCTION_IDS)[number];

/** Options of {@link testFunction}; only `ill` reads any. */
export interface TestFunctionOptions {
  /** Condition number of `ill`, in [1, 1000]; default 10. */
  readonly kappa?: number;
}

/** Smallest and largest condition number accepted by `ill`. */
export const KAPPA_RANGE: Interval = [1, 1000];

/**
 * Eigenvalues of the symmetric 2×2 matrix [[a, b], [b, d]], descending (λ₁ ≥ λ₂).
 * λ = (a+d)/2 ± √(((a−d)/2)² + b²).
 */
function symmetricEigenvalues(a: number, b: number, d: number): readonly [number, number] {
  const mean = (a + d) / 2;
  const radius = Math.hypot((a - d) / 2, b);
  return [mean + radius, mean - radius];
}

const SQUARE_VIEW: ViewBox = { x: [-3, 3], y: [-3, 3] };
const ORIGIN: Point2 = [0, 0];

/** A number for a label: at most 4 significant digits, no trailing zeros. */
function formatNumber(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** A sum of coefficient·monomial terms as plain text and TeX, with signs folded in. */
function polynomialText(terms: readonly (readonly [number, string, string])[]): {
  text: string;
  tex: string;
} {
  let text = "";
  let tex = "";
  for (const [coef, plain, texMonomial] of terms) {
    if (coef === 0) continue;
    const magnitude = Math.abs(coef) === 1 ? "" : formatNumber(Math.abs(coef));
    const first = text === "";
    const sign = coef < 0 ? (first ? "−" : " − ") : first ? "" : " + ";
    text += `${sign}${magnitude}${plain}`;
    tex += `${sign.replace("−", "-")}${magnitude}${texMonomial}`;
  }
  return text === "" ? { text: "0", tex: "0" } : { text, tex };
}

/**
 * The quadratic form f(x, y) = ½ pᵀHp with H = [[h11, h12], [h12, h22]].
 *
 * ∇f = Hp and ∇²f = H. L = max|λᵢ(H)| (the Lipschitz constant of ∇f); μ = λ₂(H) when H is
 * positive definite, else absent. The minimiser (0, 0) with fmin = 0 is given only when H is
 * positive definite (otherwise the minimum is not unique or does not exist); `convex` is
 * λ₂(H) ≥ 0. The scenes use it for the `hessian` surfaces (h11 = 2, h22 = −2 is the saddle
 * x² − y²).
 *
 * @param h11 ∂²f/∂x², finite.
 * @param h12 ∂²f/∂x∂y, finite.
 * @param h22 ∂²f/∂y², finite.
 * @throws RangeError if an entry is not finite.
 */
export function quadraticForm(h11: number, h12: number, h22: number): Function2D {
  if (!Number.isFinite(h11) || !Number.isFinite(h12) || !Number.isFinite(h22)) {
    throw new RangeError(
      `quadraticForm needs finite Hessian entries, got h11=${h11}, h12=${h12}, h22=${h22}.`,
    );
  }
  const hess: Hessian2 = [h11, h12, h12, h22];
  const [l1, l2] = symmetricEigenvalues(h11, h12, h22);
  const definite = l2 > 0;
  const body = polynomialText([
    [h11, "x²", "x^2"],
    [2 * h12, "xy", "xy"],
    [h22, "y²", "y^2"],
  ]);
  const fn: Function2D = {
    id: "quadratic",
    label: `½(${body.text})`,
    tex: String.raw`f(x,y) = \tfrac{1}{2}\left(${body.tex}\right)`,
    f: (p) => 0.5 * (h11 * p[0] * p[0] + 2 * h12 * p[0] * p[1] + h22 * p[1] * p[1]),
    grad: (p) => [h11 * p[0] + h12 * p[1], h12 * p[0] + h22 * p[1]],
    hess: () => hess,
    L: Math.max(Math.abs(l1), Math.abs(l2)),
    domain: SQUARE_VIEW,
    convex: l2 >= 0,
  };
  return definite ? { ...fn, mu: l2, minimiser: ORIGIN, fmin: 0 } : fn;
}

function bowl(): Function2D {
  const hess: Hessian2 = [2, 0, 0, 8];
  return {
    id: "bowl",
    label: "x² + 4y²",
    tex: "f(x,y) = x^2 + 4y^2",
    f: (p) => p[0] * p[0] + 4 * p[1] * p[1],
    grad: (p) => [2 * p[0], 8 * p[1]],
    hess: () => hess,
    L: 8,
    mu: 2,
    minimiser: ORIGIN,
    fmin: 0,
    domain: SQUARE_VIEW,
    convex: true,
  };
}

function round(): Function2D {
  const hess: Hessian2 = [2, 1, 1, 2];
  return {
    id: "round",
    label: "x² + xy + y²",
    tex: "f(x,y) = x^2 + xy + y^2",
    f: (p) => p[0] * p[0] + p[0] * p[1] + p[1] * p[1],
    grad: (p) => [2 * p[0] + p[1], p[0] + 2 * p[1]],
    hess: () => hess,
    L: 3,
    mu: 1,
    minimiser: ORIGIN,
    fmin: 0,
    domain: SQUARE_VIEW,
    convex: true,
  };
}

function ill(kappa: number): Function2D {
  const hess: Hessian2 = [1, 0, 0, kappa];
  const k = formatNumber(kappa);
  return {
    id: "ill",
    label: `½(x² + κy²), κ = ${k}`,
    tex: String.raw`f(x,y) = \tfrac{1}{2}\left(x^2 + \kappa\,y^2\right),\quad \kappa = ${k}`,
    f: (p) => 0.5 * (p[0] * p[0] + kappa * p[1] * p[1]),
    grad: (p) => [p[0], kappa * p[1]],
    hess: () => hess,
    L: kappa,
    mu: 1,
    minimiser: ORIGIN,
    fmin: 0,
    domain: SQUARE_VIEW,
    convex: true,
  };
}

function rosenbrock(): Function2D {
  return {
    id: "rosenbrock",
    label: "Rosenbrock (1 − x)² + 100(y − x²)²",
    tex: String.raw`f(x,y) = (1 - x)^2 + 100\,(y - x^2)^2`,
    f: (p) => {
      const u = 1 - p[0];
      const v = p[1] - p[0] * p[0];
      return u * u + 100 * v * v;
    },
    grad: (p) => {
      const v = p[1] - p[0] * p[0];
      return [-2 * (1 - p[0]) - 400 * p[0] * v, 200 * v];
    },
    hess: (p) => {
      const hxy = -400 * p[0];
      return [2 - 400 * (p[1] - p[0] * p[0]) + 800 * p[0] * p[0], hxy, hxy, 200];
    },
    minimiser: [1, 1],
    fmin: 0,
    domain: { x: [-2, 2], y: [-1, 3] },
    convex: false,
  };
}

/**
 * The fixed dataset of the `logistic` function: 10 points xᵢ ∈ ℝ² with labels yᵢ ∈ {−1, +1}.
 *
 * The labels follow sign(1.5x − y) with two flipped, so no line through the origin separates
 * the classes (the vectors yᵢxᵢ do not fit in any open half-plane) and the unregularised loss
 * already has a finite minimiser.
 */
export const LOGISTIC_DATA: readonly { readonly x: Point2; readonly y: 1 | -1 }[] = [
  { x: [1.2, 0.3], y: 1 },
  { x: [0.6, -1.1], y: 1 },
  { x: [2.0, 0.9], y: 1 },
  { x: [-0.4, -1.5], y: 1 },
  { x: [1.0, 1.6], y: 1 },
  { x: [-1.3, -0.2], y: -1 },
  { x: [-0.8, 0.9], y: 1 },
  { x: [-1.9, -1.0], y: -1 },
  { x: [0.2, 1.4], y: -1 },
  { x: [1.6, -0.5], y: 1 },
];

/**
 * The L2 weight λ of the `logistic` function. It is what makes the loss strongly convex on the
 * whole plane (μ = λ): without it the curvature σ(1 − σ) decays to 0 far from the origin.
 */
export const LOGISTIC_LAMBDA = 0.01;

// The dataset as flat arrays, labels folded into the points (uᵢ = yᵢxᵢ), because the loss
// only ever needs the margin yᵢ wᵀxᵢ = wᵀuᵢ and the curvature term uᵢuᵢᵀ = xᵢxᵢᵀ.
const LOGISTIC_N = LOGISTIC_DATA.length;
const UX = Float64Array.from(LOGISTIC_DATA, (d) => d.y * d.x[0]);
const UY = Float64Array.from(LOGISTIC_DATA, (d) => d.y * d.x[1]);

/** log(1 + eᶻ) without overflow for large z or loss of precision for very negative z. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** σ(z) = 1 / (1 + e⁻ᶻ) without overflow on either side. */
function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

function logisticF(p: Point2): number {
  const w0 = p[0];
  const w1 = p[1];
  let sum = 0;
  for (let i = 0; i < LOGISTIC_N; i++) sum += softplus(-(w0 * UX[i] + w1 * UY[i]));
  return sum / LOGISTIC_N + 0.5 * LOGISTIC_LAMBDA * (w0 * w0 + w1 * w1);
}

function logisticGrad(p: Point2): Point2 {
  const w0 = p[0];
  const w1 = p[1];
  let gx = 0;
  let gy = 0;
  for (let i = 0; i < LOGISTIC_N; i++) {
    // d/dm log(1 + e^−m) = −σ(−m), with m the margin wᵀuᵢ.
    const s = sigmoid(-(w0 * UX[i] + w1 * UY[i]));
    gx -= s * UX[i];
    gy -= s * UY[i];
  }
  return [gx / LOGISTIC_N + LOGISTIC_LAMBDA * w0, gy / LOGISTIC_N + LOGISTIC_LAMBDA * w1];
}

function logisticValueAndGrad(
  p: Point2,
  gradOut: [number, number],
  hessOut?: [number, number, number, number],
): number {
  const w0 = p[0];
  const w1 = p[1];
  let sum = 0;
  let gx = 0;
  let gy = 0;
  let hxx = 0;
  let hxy = 0;
  let hyy = 0;
  for (let i = 0; i < LOGISTIC_N; i++) {
    // With margin m and e = exp(−|m|): log(1 + e^−m) = max(−m, 0) + log1p(e), its derivative
    // −σ(−m) is −e/(1 + e) for m ≥ 0 and −1/(1 + e) otherwise, and σ(1 − σ) = e/(1 + e)².
    const m = w0 * UX[i] + w1 * UY[i];
    const e = Math.exp(-Math.abs(m));
    const inv = 1 / (1 + e);
    sum += Math.log1p(e);
    let s = inv;
    if (m >= 0) s = e * inv;
    else sum -= m;
    gx -= s * UX[i];
    gy -= s * UY[i];
    if (hessOut !== undefined) {
      const c = e * inv * inv;
      hxx += c * UX[i] * UX[i];
      hxy += c * UX[i] * UY[i];
      hyy += c * UY[i] * UY[i];
    }
  }
  gradOut[0] = gx / LOGISTIC_N + LOGISTIC_LAMBDA * w0;
  gradOut[1] = gy / LOGISTIC_N + LOGISTIC_LAMBDA * w1;
  if (hessOut !== undefined) {
    hessOut[0] = hxx / LOGISTIC_N + LOGISTIC_LAMBDA;
    hessOut[1] = hessOut[2] = hxy / LOGISTIC_N;
    hessOut[3] = hyy / LOGISTIC_N + LOGISTIC_LAMBDA;
  }
  return sum / LOGISTIC_N + 0.5 * LOGISTIC_LAMBDA * (w0 * w0 + w1 * w1);
}

function logisticHess(p: Point2): Hessian2 {
  const w0 = p[0];
  const w1 = p[1];
  let hxx = 0;
  let hxy = 0;
  let hyy = 0;
  for (let i = 0; i < LOGISTIC_N; i++) {
    const s = sigmoid(w0 * UX[i] + w1 * UY[i]);
    const c = s * (1 - s);
    hxx += c * UX[i] * UX[i];
    hxy += c * UX[i] * UY[i];
    hyy += c * UY[i] * UY[i];
  }
  hxy /= LOGISTIC_N;
  return [hxx / LOGISTIC_N + LOGISTIC_LAMBDA, hxy, hxy, hyy / LOGISTIC_N + LOGISTIC_LAMBDA];
}

/** Damped Newton with Armijo backtracking from the origin; the loss is strongly convex. */
function logisticMinimiser(): Point2 {
  let w0 = 0;
  let w1 = 0;
  for (let iter = 0; iter < 100; iter++) {
    const [gx, gy] = logisticGrad([w0, w1]);
    if (Math.hypot(gx, gy) < 1e-15) break;
    const [a, b, , d] = logisticHess([w0, w1]);
    const det = a * d - b * b;
    const sx = (d * gx - b * gy) / det;
    const sy = (a * gy - b * gx) / det;
    const f0 = logisticF([w0, w1]);
    const slope = gx * sx + gy * sy;
    let t = 1;
    // Backtracking is a no-op near the minimiser, where full Newton steps converge quadratically.
    while (t > 1e-10 && logisticF([w0 - t * sx, w1 - t * sy]) > f0 - 1e-4 * t * slope) t /= 2;
    const nx = w0 - t * sx;
    const ny = w1 - t * sy;
    if (nx === w0 && ny === w1) break;
    w0 = nx;
    w1 = ny;
  }
  return [w0, w1];
}

function logisticL(): number {
  let a = 0;
  let b = 0;
  let d = 0;
  for (let i = 0; i < LOGISTIC_N; i++) {
    a += UX[i] * UX[i];
    b += UX[i] * UY[i];
    d += UY[i] * UY[i];
  }
  // σ(1 − σ) ≤ ¼, with equality at w = 0, so this bound is attained at the origin.
  return symmetricEigenvalues(a, b, d)[0] / (4 * LOGISTIC_N) + LOGISTIC_LAMBDA;
}

const LOGISTIC_MINIMISER = logisticMinimiser();

const LOGISTIC: Function2D = {
  id: "logistic",
  label: `Logistic loss on ${LOGISTIC_N} points, λ = ${LOGISTIC_LAMBDA}`,
  tex: String.raw`f(w) = \frac{1}{${LOGISTIC_N}}\sum_{i=1}^{${LOGISTIC_N}} \log\left(1 + e^{-y_i w^\top x_i}\right) + \frac{${LOGISTIC_LAMBDA}}{2}\lVert w\rVert^2`,
  f: logisticF,
  grad: logisticGrad,
  hess: logisticHess,
  valueAndGrad: logisticValueAndGrad,
  L: logisticL(),
  mu: LOGISTIC_LAMBDA,
  minimiser: LOGISTIC_MINIMISER,
  fmin: logisticF(LOGISTIC_MINIMISER),
  domain: { x: [-1, 4], y: [-3, 2] },
  convex: true,
};

/**
 * The 2-D test function with the given id.
 *
 * - `bowl`: x² + 4y²; L = 8, μ = 2.
 * - `round`: x² + xy + y²; L = 3, μ = 1 (Hessian [[2, 1], [1, 2]]).
 * - `ill`: ½(x² + κy²); L = κ, μ = 1, so L/μ = κ.
 * - `logistic`: (1/n) Σ log(1 + exp(−yᵢ wᵀxᵢ)) + (λ/2)‖w‖² over {@link LOGISTIC_DATA} with
 *   λ = {@link LOGISTIC_LAMBDA}; L = λ_max(XᵀX)/(4n) + λ, μ = λ; minimiser and fmin computed
 *   once by Newton's method. Evaluation is overflow-free for any finite w.
 * - `rosenbrock`: (1 − x)² + 100(y − x²)²; non-convex, no global L or μ; minimiser (1, 1),
 *   fmin 0.
 *
 * @param id One of {@link TEST_FUNCTION_IDS}.
 * @param opts `kappa` ∈ [1, 1000] for `ill` (default 10); ignored by the others.
 * @throws RangeError for an unknown id, or a `kappa` that is not finite or outside [1, 1000].
 */
export function testFunction(id: TestFunctionId, opts: TestFunctionOptions = {}): Function2D {
  switch (id) {
    case "bowl":
      return bowl();
    case "round":
      return round();
    case "ill": {
      const kappa = opts.kappa ?? 10;
      if (!Number.isFinite(kappa) || kappa < KAPPA_RANGE[0] || kappa > KAPPA_RANGE[1]) {
        throw new RangeError(
          `testFunction("ill") needs kappa in [${KAPPA_RANGE[0]}, ${KAPPA_RANGE[1]}], got ${kappa}.`,
        );
      }
      return ill(kappa);
    }
    case "logistic":
      return LOGISTIC;
    case "rosenbrock":
      return rosenbrock();
    default:
      throw new RangeError(
        `Unknown test function "${String(id)}": use one of ${TEST_FUNCTION_IDS.join(", ")}.`,
      );
  }
}

/**
 * A smooth function of one variable with its first two derivatives, for the `gd-1d` scene.
 * `L` bounds |f″| on the whole line where such a bound exists; `fmin` = f(`minimiser`).
 */
export interface Function1D {
  readonly id: string;
  readonly label: string;
  readonly tex: string;
  readonly f: (x: number) => number;
  readonly df: (x: number) => number;
  readonly d2f: (x: number) => number;
  readonly L?: number;
  readonly minimiser: number;
  readonly fmin: number;
}

/**
 * The parabola f(x) = a(x − c)², with f′ = 2a(x − c), f″ = 2a, L = 2a, minimiser c, fmin 0.
 *
 * @param a Curvature scale, finite and > 0.
 * @param c Location of the minimum, finite.
 * @throws RangeError if a is not a finite positive number or c is not finite.
 */
export function quadratic1d(a: number, c: number): Function1D {
  if (!Number.isFinite(a) || a <= 0) {
    throw new RangeError(`quadratic1d needs a finite a > 0 (an upward parabola), got a=${a}.`);
  }
  if (!Number.isFinite(c)) throw new RangeError(`quadratic1d needs a finite c, got c=${c}.`);
  const scale = a === 1 ? "" : formatNumber(a);
  const shift = c === 0 ? "x" : `x ${c > 0 ? "−" : "+"} ${formatNumber(Math.abs(c))}`;
  return {
    id: "quadratic",
    label: `${scale}(${shift})²`,
    tex: String.raw`f(x) = ${scale}\left(${shift.replace("−", "-")}\right)^2`,
    f: (x) => a * (x - c) * (x - c),
    df: (x) => 2 * a * (x - c),
    d2f: () => 2 * a,
    L: 2 * a,
    minimiser: c,
    fmin: 0,
  };
}

/**
 * f(x) = x⁴, with f′ = 4x³ and f″ = 12x²: flat at its minimiser 0 and without a global L,
 * so no fixed step size is safe from every start.
 */
export const quartic1d: Function1D = {
  id: "quartic",
  label: "x⁴",
  tex: "f(x) = x^4",
  f: (x) => x * x * x * x,
  df: (x) => 4 * x * x * x,
  d2f: (x) => 12 * x * x,
  minimiser: 0,
  fmin: 0,
};

/**
 * f(x) = log cosh x, with f′ = tanh x and f″ = 1 − tanh²x ∈ (0, 1], so L = 1; minimiser 0.
 * Evaluated as |x| + log1p(e^(−2|x|)) − log 2 for |x| ≥ 1, which cannot overflow, and as
 * log1p(2 sinh²(x/2)) below, which keeps full relative precision near 0.
 */
export const logcosh1d: Function1D = {
  id: "logcosh",
  label: "log cosh x",
  tex: String.raw`f(x) = \log\cosh x`,
  f: (x) => {
    const ax = Math.abs(x);
    if (ax < 1) {
      // cosh x − 1 = 2 sinh²(x/2) keeps the x²/2 near the minimum that log(cosh x) rounds away.
      const s = Math.sinh(ax / 2);
      return Math.log1p(2 * s * s);
    }
    return ax + Math.log1p(Math.exp(-2 * ax)) - Math.LN2;
  },
  df: (x) => Math.tanh(x),
  d2f: (x) => {
    const t = Math.tanh(x);
    return 1 - t * t;
  },
  L: 1,
  minimiser: 0,
  fmin: 0,
};
