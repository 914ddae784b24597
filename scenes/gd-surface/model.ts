// The pure model of gd-surface: the test function, the optimizer runs from the start point (one,
// or all four in a race), the gaps f(xₖ) − f* for the convergence plot and the rate guides, all
// through src/core. No DOM here: tsconfig.pure.json checks it.
import {
  TEST_FUNCTION_IDS,
  testFunction,
  type Function2D,
  type Point2,
  type ViewBox,
} from "../../src/core/functions";
import {
  DEFAULT_TOL,
  FACTOR_TOL,
  OPTIMIZER_IDS,
  runOptimizer,
  type OptimizerId,
  type OptimizerRun,
} from "../../src/core/optimize";
import {
  firstExit,
  gdSublinearBound,
  hessianEigenvalues,
  linearRate,
  type LinearRate,
} from "../../src/core/rates";
import { formatNumber as fmt } from "../../src/kit/format";
import { bool, choice, int, num, type ParamValue, type ParamsOf } from "../../src/kit/schema";

/** Newton's natural step: in a race it runs at η = 1, the full Newton step, whatever the slider. */
export const RACE_NEWTON_ETA = 1;

/** Display names of the optimizers. */
export const OPTIMIZER_NAMES: Record<OptimizerId, string> = {
  gd: "GD",
  momentum: "momentum",
  adam: "Adam",
  newton: "Newton",
};

/** Plain-text names of the functions, for the panel and the summary. */
export const FUNCTION_NAMES = {
  bowl: "x² + 4y²",
  round: "x² + xy + y²",
  ill: "½(x² + κy²)",
  logistic: "logistic loss",
  rosenbrock: "Rosenbrock",
} as const;

/** The quadratics: their Hessian is constant, so rates hold from every start. */
const QUADRATICS = new Set(["bowl", "round", "ill"]);

/** The test function a params object names (kappa only matters for `ill`). */
export function functionOf(p: Record<string, ParamValue>): Function2D {
  const id = TEST_FUNCTION_IDS.find((f) => f === p.f) ?? "bowl";
  return testFunction(id, { kappa: typeof p.kappa === "number" ? p.kappa : 10 });
}

/** 1/L and 2/L on the η slider, where the function has a global L. */
function etaMarks(p: Record<string, ParamValue>): { value: number; label: string }[] {
  const L = functionOf(p).L;
  if (!L) return [];
  return [
    { value: 1 / L, label: "1/L" },
    { value: 2 / L, label: "2/L" },
  ];
}

export const params = {
  f: choice({
    label: "f (function)",
    options: TEST_FUNCTION_IDS,
    optionLabels: FUNCTION_NAMES,
    default: "bowl",
  }),
  kappa: num({
    label: "κ (condition number)",
    min: 1,
    max: 1000,
    step: 0.1,
    log: true,
    default: 10,
    visibleWhen: (p) => p.f === "ill",
  }),
  optimizer: choice({
    label: "optimizer",
    options: OPTIMIZER_IDS,
    optionLabels: { gd: "gradient descent", momentum: "momentum", adam: "Adam", newton: "Newton" },
    default: "gd",
  }),
  eta: num({
    label: "η (step size)",
    min: 1e-4,
    max: 10,
    step: 1e-5,
    log: true,
    default: 0.2,
    marks: etaMarks,
  }),
  beta: num({
    label: "β (momentum)",
    min: 0,
    max: 0.99,
    step: 0.01,
    default: 0.9,
    visibleWhen: (p) => p.optimizer === "momentum" || p.race === true,
  }),
  beta1: num({
    label: "β₁ (Adam, 1st moment)",
    min: 0,
    max: 0.999,
    step: 0.001,
    default: 0.9,
    visibleWhen: (p) => p.optimizer === "adam" || p.race === true,
  }),
  beta2: num({
    label: "β₂ (Adam, 2nd moment)",
    min: 0,
    max: 0.999,
    step: 0.001,
    default: 0.999,
    visibleWhen: (p) => p.optimizer === "adam" || p.race === true,
  }),
  race: bool({ label: "race all four optimizers", default: false }),
  steps: int({ label: "steps (iterations)", min: 1, max: 1000, log: true, default: 50 }),
  x0: num({
    label: "x₀ (start, x)",
    min: -5,
    max: 5,
    step: 0.01,
    default: -2.5,
    point: { id: "start", axis: "x" },
    group: "start point",
  }),
  y0: num({
    label: "y₀ (start, y)",
    min: -5,
    max: 5,
    step: 0.01,
    default: 1.5,
    point: { id: "start", axis: "y" },
    group: "start point",
  }),
};

export type GdParams = ParamsOf<typeof params>;

export const presets: Record<string, Partial<GdParams>> = {
  default: {},
  "one-over-L": { f: "bowl", eta: 0.125 },
  diverging: { f: "bowl", eta: 0.26, steps: 300 },
  "ill-conditioned": { f: "ill", kappa: 50, eta: 0.036, steps: 300 },
  momentum: { f: "ill", kappa: 100, optimizer: "momentum", eta: 0.01, beta: 0.9, steps: 300 },
  race: { f: "ill", kappa: 100, eta: 0.01, race: true, steps: 1000 },
  logistic: { f: "logistic", eta: 4, x0: -0.5, y0: 1.5, steps: 100 },
  rosenbrock: { f: "rosenbrock", eta: 0.0019, x0: -1.2, y0: 1, steps: 1000 },
  newton: { f: "rosenbrock", optimizer: "newton", eta: 1, x0: -1.2, y0: 1, steps: 20 },
  "drill-d1": { f: "bowl", eta: 0.1, x0: 1, y0: 1, steps: 1 },
};

/** One optimizer's trajectory and what the view and readouts need from it. */
export interface RunView {
  id: OptimizerId;
  /** The step size it ran with (Newton in a race runs at {@link RACE_NEWTON_ETA}). */
  eta: number;
  run: OptimizerRun;
  /** f(xₖ) − f*, one per accepted iterate. */
  gaps: number[];
  /** First iterate outside the view box, or null. */
  exitAt: number | null;
  primary: boolean;
}

/** A guide curve for the convergence plot: points (k, value) and what it is. */
export interface Guide {
  kind: "bound" | "reference" | "rate";
  label: string;
  pts: [number, number][];
}

export interface GdModel {
  /** Identifies the function's shape (the contour and surface caches key on it). */
  fnKey: string;
  fn: Function2D;
  quadratic: boolean;
  /** The view: the function's domain, grown to hold the start when it lies outside. */
  box: ViewBox;
  start: Point2;
  /** One run, or all four in a race (in OPTIMIZER_IDS order). */
  runs: RunView[];
  primary: RunView;
  race: boolean;
  fmin: number;
  minimiser: Point2 | null;
  L: number | null;
  mu: number | null;
  /** Hessian eigenvalues at x* (descending); the same everywhere on a quadratic. */
  lambdas: [number, number] | null;
  /** The primary optimizer's linear rate, where one exists. */
  rate: LinearRate | null;
  /** GD's contraction max|1 − ηλᵢ| at the slider's η (for the formula), where defined. */
  gdRate: LinearRate | null;
  guides: Guide[];
  tol: number;
  steps: number;
  eta: number;
  optimizer: OptimizerId;
}

/** The view box: f's domain, grown (with a margin) to hold the start. */
function viewBox(fn: Function2D, start: Point2): ViewBox {
  const m = 0.5;
  const [x, y] = start;
  return {
    x: [Math.min(fn.domain.x[0], x - m), Math.max(fn.domain.x[1], x + m)],
    y: [Math.min(fn.domain.y[0], y - m), Math.max(fn.domain.y[1], y + m)],
  };
}

/** Sample points k = 0…steps for a guide: every step up to 20, then about 200 in all. */
function guideKs(steps: number): number[] {
  const ks: number[] = [];
  const stride = Math.max(1, Math.floor(steps / 200));
  for (let k = 0; k <= steps; k += k < 20 ? 1 : stride) ks.push(k);
  if (ks[ks.length - 1] !== steps) ks.push(steps);
  return ks;
}

function guidesFor(m: Omit<GdModel, "guides">): Guide[] {
  const out: Guide[] = [];
  const run = m.primary;
  const gap0 = run.gaps[0];
  const ks = guideKs(m.steps);
  const L = m.L;
  const boundHolds =
    run.id === "gd" &&
    m.fn.convex &&
    L !== null &&
    m.minimiser !== null &&
    run.eta > 0 &&
    run.eta <= (1 / L) * (1 + 1e-12);
  if (boundHolds && m.minimiser) {
    const dx = m.start[0] - m.minimiser[0];
    const dy = m.start[1] - m.minimiser[1];
    const dist2 = dx * dx + dy * dy;
    out.push({
      kind: "bound",
      label: `O(1/k) bound for ${OPTIMIZER_NAMES[run.id]}: ‖x₀ − x*‖²/(2ηk)`,
      pts: ks.filter((k) => k >= 1).map((k) => [k, gdSublinearBound(dist2, run.eta, k)]),
    });
  } else if (run.gaps.length > 1 && run.gaps[1] > 0) {
    const c = run.gaps[1];
    out.push({
      kind: "reference",
      label: "O(1/k) reference slope",
      pts: ks.filter((k) => k >= 1).map((k) => [k, c / k]),
    });
  }
  if (m.rate && gap0 > 0) {
    const r2 = m.rate.rho * m.rate.rho;
    // A global rate bounds the run from its start: gap₀ρ²ᵏ. A local one only describes the end,
    // so that guide runs through the last iterate still clear of rounding, for its slope.
    let anchor = 0;
    if (m.rate.scope === "local") {
      const noise = 1e-10 * Math.max(1, Math.abs(m.fmin));
      for (let k = run.gaps.length - 1; k > 0; k--)
        if (run.gaps[k] > noise) {
          anchor = k;
          break;
        }
    }
    const g = run.gaps[anchor];
    out.push({
      kind: "rate",
      label: `linear rate of ${OPTIMIZER_NAMES[run.id]}: ρ²ᵏ, ρ = ${fmt(m.rate.rho, 4)}${m.rate.scope === "local" ? " near x*" : ""}`,
      pts: ks
        .map((k): [number, number] => [k, g * r2 ** (k - anchor)])
        .filter(([, v]) => Number.isFinite(v)),
    });
  }
  return out;
}

export function gdModel(p: GdParams): GdModel {
  const fn = functionOf(p);
  const quadratic = QUADRATICS.has(p.f);
  const start: Point2 = [p.x0, p.y0];
  const box = viewBox(fn, start);
  const fmin = fn.fmin ?? 0;
  const ids: readonly OptimizerId[] = p.race ? OPTIMIZER_IDS : [p.optimizer];
  const runs: RunView[] = ids.map((id) => {
    const eta = p.race && id === "newton" ? RACE_NEWTON_ETA : p.eta;
    const run = runOptimizer(fn, {
      optimizer: id,
      x0: start,
      eta,
      steps: p.steps,
      beta: p.beta,
      beta1: p.beta1,
      beta2: p.beta2,
      tol: DEFAULT_TOL,
    });
    return {
      id,
      eta,
      run,
      gaps: run.values.map((v) => v - fmin),
      exitAt: firstExit(run.path, box),
      primary: id === p.optimizer,
    };
  });
  const primary = runs.find((r) => r.primary) ?? runs[0];
  let lambdas: [number, number] | null = null;
  if (fn.minimiser) {
    try {
      lambdas = hessianEigenvalues(fn, fn.minimiser);
    } catch {
      lambdas = null;
    }
  }
  const base = {
    fnKey: p.f === "ill" ? `ill:${p.kappa}` : p.f,
    fn,
    quadratic,
    box,
    start,
    runs,
    primary,
    race: p.race,
    fmin,
    minimiser: fn.minimiser ?? null,
    L: fn.L ?? null,
    mu: fn.mu ?? null,
    lambdas,
    rate: linearRate(fn, primary.id, primary.eta, p.beta, quadratic),
    gdRate: linearRate(fn, "gd", p.eta, p.beta, quadratic),
    tol: DEFAULT_TOL,
    steps: p.steps,
    eta: p.eta,
    optimizer: p.optimizer,
  };
  return { ...base, guides: guidesFor(base) };
}

/** "10⁻⁶" for the tolerance. */
export function tolText(tol: number): string {
  return fmt(tol).replace(/^1×/, "");
}

/** One run's outcome in words: "diverged at step 49", "converged", "not converged". */
export function statusText(r: RunView): string {
  if (r.run.status === "diverged") return `diverged at step ${r.run.divergedAt}`;
  return r.run.status === "converged" ? "converged" : "not converged (max steps)";
}

/** Whether a rate means convergence, an endless oscillation, or divergence. */
export function rateVerdict(rho: number): "converges" | "oscillates" | "diverges" {
  if (Math.abs(rho - 1) <= FACTOR_TOL) return "oscillates";
  return rho < 1 ? "converges" : "diverges";
}

/** One sentence on what happened: the banner over the figure and the screen-reader summary. */
export function summarize(m: GdModel): string {
  const tol = tolText(m.tol);
  const where = `(${fmt(m.start[0], 3)}, ${fmt(m.start[1], 3)})`;
  if (m.race) {
    const order = [...m.runs].sort((a, b) => rank(a) - rank(b));
    const parts = order.map((r) => {
      const name = OPTIMIZER_NAMES[r.id];
      if (r.run.status === "diverged") return `${name} diverged at step ${r.run.divergedAt}`;
      if (r.run.stepsToTol !== null) return `${name} ${r.run.stepsToTol}`;
      return `${name} not within ${tol} in ${m.steps}`;
    });
    return `Race from ${where}, steps to f − f* < ${tol}: ${parts.join(" · ")}.`;
  }
  const r = m.primary;
  const eta = `η = ${fmt(r.eta, 4)}`;
  const name = OPTIMIZER_NAMES[r.id];
  const rho = m.rate
    ? ` (ρ = ${fmt(m.rate.rho, 4)} per step${m.rate.scope === "local" ? " near x*" : ""})`
    : "";
  if (r.run.status === "diverged") {
    const left =
      r.exitAt !== null && r.exitAt < r.run.divergedAt
        ? `; it left the view at step ${r.exitAt}`
        : "";
    return `${eta}: ${name} diverged at step ${r.run.divergedAt}${rho}${left}.`;
  }
  if (r.run.status === "converged")
    return `${eta}: ${name} reached f − f* < ${tol} at step ${r.run.stepsToTol}${rho}.`;
  const gap = r.gaps[r.gaps.length - 1];
  if (m.rate && m.rate.scope === "global") {
    const v = rateVerdict(m.rate.rho);
    if (v === "oscillates")
      return `${eta}: ρ = 1, ${name} oscillates forever and never settles (f − f* = ${fmt(gap, 3)} after ${stepsWord(m.steps)}).`;
    if (v === "diverges")
      return `${eta}: ρ = ${fmt(m.rate.rho, 4)} > 1, ${name} is diverging; after ${stepsWord(m.steps)} f − f* = ${fmt(gap, 3)}.`;
  }
  return `${eta}: after ${stepsWord(m.steps)} ${name} is at f − f* = ${fmt(gap, 3)}, not yet below ${tol}${rho}.`;
}

function stepsWord(n: number): string {
  return `${n} step${n === 1 ? "" : "s"}`;
}

function rank(r: RunView): number {
  if (r.run.status === "diverged") return 1e9 + r.run.divergedAt;
  return r.run.stepsToTol ?? 1e8;
}
