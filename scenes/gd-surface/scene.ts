// Gradient descent trajectories on a surface: the same f as contours and as a 3-D surface, the
// path of GD (or momentum, Adam, Newton) from a draggable start, and f(xₖ) − f* on a log scale.
// Notice that η < 2/L converges, η past 2/L leaves the picture, and an ill-conditioned bowl makes
// GD zig-zag across the valley while crawling along it. SCENES.md: `gd-surface`.
import { testFunction } from "../../src/core/functions";
import { quadraticRate, runOptimizer } from "../../src/core/optimize";
import { hessianEigenvalues } from "../../src/core/rates";
import { formatNumber as f, texNumber as t } from "../../src/kit/format";
import { defineScene } from "../../src/kit/scene";
import meta from "./meta";
import {
  gdModel,
  params,
  presets,
  rateVerdict,
  statusText,
  summarize,
  tolText,
  type GdModel,
} from "./model";
import { mountGdSurface } from "./view";

const BOWL = testFunction("bowl");
const D1 = { x0: [1, 1] as const, eta: 0.1 };
const ILL = presets["ill-conditioned"];
const ILL_KAPPA = ILL.kappa ?? 50;
const ILL_ETA = ILL.eta ?? 0.036;
const DEFAULT_START = [params.x0.default, params.y0.default] as const;

const d1Step = () => runOptimizer(BOWL, { optimizer: "gd", x0: D1.x0, eta: D1.eta, steps: 1 }).last;
const bowlL = () => BOWL.L ?? NaN;
const illFn = () => testFunction("ill", { kappa: ILL_KAPPA });
const illRate = () => quadraticRate(hessianEigenvalues(illFn(), [0, 0]), ILL_ETA);
const illSteps = () =>
  runOptimizer(illFn(), { optimizer: "gd", x0: DEFAULT_START, eta: ILL_ETA, steps: 1000 })
    .stepsToTol ?? NaN;
const oneOverLStep = () =>
  runOptimizer(BOWL, { optimizer: "gd", x0: DEFAULT_START, eta: 1 / bowlL(), steps: 1 }).last;

/** The update rule of the primary optimizer with the current numbers. */
function updateTex(m: GdModel, p: { beta: number; beta1: number; beta2: number }): string {
  const eta = t(m.primary.eta);
  switch (m.primary.id) {
    case "gd":
      return `x_{k+1} = x_k - ${eta}\\,\\nabla f(x_k)`;
    case "momentum":
      return `v_{k+1} = ${t(p.beta)}\\,v_k + \\nabla f(x_k), \\quad x_{k+1} = x_k - ${eta}\\,v_{k+1}`;
    case "adam":
      return `m \\leftarrow ${t(p.beta1)}\\,m + ${t(1 - p.beta1)}\\,g, \\quad s \\leftarrow ${t(p.beta2)}\\,s + ${t(1 - p.beta2)}\\,g^{2}, \\quad x \\leftarrow x - ${eta}\\,\\frac{\\hat m}{\\sqrt{\\hat s} + \\epsilon}`;
    case "newton":
      return `x_{k+1} = x_k - ${eta}\\,\\left[\\nabla^2 f(x_k)\\right]^{-1} \\nabla f(x_k)`;
  }
}

/** The contraction factor with the current η substituted, and what it means. */
function rateTex(m: GdModel, beta: number): string | null {
  const rate = m.rate;
  if (!rate || !m.lambdas) {
    if (m.primary.id === "adam")
      return `\\text{Adam rescales each coordinate by its running RMS gradient: steps of about } \\eta = ${t(m.primary.eta)}`;
    return null;
  }
  const [l1, l2] = m.lambdas;
  const eta = t(m.primary.eta);
  const at = rate.scope === "local" ? "\\text{ (Hessian at } x^*)" : "";
  const verdict = rateVerdict(rate.rho);
  const tail =
    verdict === "converges"
      ? "< 1 \\;\\Rightarrow\\; \\text{converges}"
      : verdict === "oscillates"
        ? "= 1 \\;\\Rightarrow\\; \\text{oscillates forever}"
        : "> 1 \\;\\Rightarrow\\; \\text{diverges}";
  const rho = t(rate.rho);
  switch (m.primary.id) {
    case "gd":
      return `\\begin{aligned} \\rho &= \\max_i |1 - \\eta\\lambda_i|${at} \\\\ &= \\max\\left(|1 - ${eta}\\cdot ${t(l1)}|,\\ |1 - ${eta}\\cdot ${t(l2)}|\\right) \\\\ &= ${rho} ${tail} \\end{aligned}`;
    case "momentum":
      return `\\begin{aligned} & r^2 - (1 + ${t(beta)} - ${eta}\\,\\lambda_i)\\,r + ${t(beta)} = 0,\\ \\lambda_i \\in \\{${t(l1)}, ${t(l2)}\\}${at} \\\\ & \\rho = \\max |r| = ${rho} ${tail} \\end{aligned}`;
    default:
      return `x_{k+1} - x^* = (1 - \\eta)(x_k - x^*) \\;\\Rightarrow\\; \\rho = |1 - ${eta}| = ${rho}${rate.scope === "local" ? "\\text{ near } x^*" : ""}`;
  }
}

export default defineScene({
  meta,
  params,
  presets,
  animated: true,
  drills: [
    {
      id: "bowl-L",
      title: "L and the largest stable η",
      question:
        "f(x, y) = x² + 4y². What is L, and below which η does gradient descent converge from every start?",
      fields: [
        { label: "L", value: bowlL, tol: 1e-6 },
        { label: "largest stable η (supremum)", value: () => 2 / bowlL(), tol: 0.002 },
      ],
      answer: () => {
        const [l1, l2] = hessianEigenvalues(BOWL, [0, 0]);
        return `∇²f = diag(${f(l2)}, ${f(l1)}), so L = λ₁ = ${f(l1)}. One GD step multiplies the y-error by 1 − ${f(l1)}η, which lies inside (−1, 1) only while η < 2/L = ${f(2 / l1)}. At η = ${f(2 / l1)} the path bounces between ±y₀ forever (ρ = ${f(quadraticRate([l1, l2], 2 / l1))}); at η = 0.26 the factor is ${f(quadraticRate([l1, l2], 0.26), 3)} and the path leaves the picture.`;
      },
      preset: "diverging",
    },
    {
      id: "d1-gradient-step",
      title: "D1 · Gradient and one step",
      question: `f(x, y) = x² + 4y². Compute ∇f(1, 1). With η = ${D1.eta}, where do you land after one GD step?`,
      fields: [
        { label: "∂f/∂x (1, 1)", value: () => BOWL.grad(D1.x0)[0], tol: 1e-6 },
        { label: "∂f/∂y (1, 1)", value: () => BOWL.grad(D1.x0)[1], tol: 1e-6 },
        { label: "x₁", value: () => d1Step()[0], tol: 1e-6 },
        { label: "y₁", value: () => d1Step()[1], tol: 1e-6 },
      ],
      answer: () => {
        const g = BOWL.grad(D1.x0);
        const x1 = d1Step();
        return `∇f = (2x, 8y) = (${f(g[0])}, ${f(g[1])}) at (1, 1). One step: (1, 1) − ${D1.eta}·(${f(g[0])}, ${f(g[1])}) = (${f(x1[0])}, ${f(x1[1])}). The y-coordinate moved four times as far as x: the bowl is four times steeper along y.`;
      },
      preset: "drill-d1",
    },
    {
      id: "one-over-L",
      title: "η = 1/L kills the steep direction",
      question: `On x² + 4y² from (${DEFAULT_START.join(", ")}) with η = 1/L, what is y after one step?`,
      fields: [{ label: "y₁", value: () => oneOverLStep()[1], tol: 1e-6 }],
      answer: () =>
        `Along y the curvature is λ = L = ${f(bowlL())}, so y is multiplied by 1 − ηL = 0: one step lands on the valley floor (y₁ = ${f(oneOverLStep()[1])}). Along x it is multiplied by 1 − 2/L = ${f(quadraticRate([2], 1 / bowlL()))}, so x still needs many steps.`,
      preset: "one-over-L",
    },
    {
      id: "ill-rate",
      title: "Condition number and speed",
      question: `½(x² + κy²) with κ = ${ILL_KAPPA} and η = ${ILL_ETA}: what is ρ = max|1 − ηλᵢ|, and how many GD steps from (${DEFAULT_START.join(", ")}) until f − f* < 10⁻⁶?`,
      fields: [
        { label: "ρ", value: illRate, tol: 0.001 },
        { label: "steps", value: illSteps, tol: 15 },
      ],
      answer: () =>
        `The eigenvalues are ${f(ILL_KAPPA)} and 1: |1 − ${ILL_ETA}·${f(ILL_KAPPA)}| = ${f(quadraticRate([ILL_KAPPA], ILL_ETA), 3)} (the zig-zag across the valley, which dies out) and |1 − ${ILL_ETA}| = ${f(quadraticRate([1], ILL_ETA), 4)} (the crawl along it). The slow one wins: ρ = ${f(illRate(), 4)}, and f − f* shrinks like ρ²ᵏ, so the core needs ${f(illSteps())} steps. η cannot grow to help: past 2/κ the steep direction diverges.`,
      preset: "ill-conditioned",
    },
  ],
  model: (p) => gdModel(p),
  readouts(m) {
    const r = m.primary;
    const tol = tolText(m.tol);
    const rosen = m.fn.id === "rosenbrock";
    return [
      { name: "final-x", label: "final x", value: [r.run.last[0], r.run.last[1]] },
      { name: "final-f", label: "final f(x)", value: r.run.values[r.run.values.length - 1] },
      {
        name: "steps-to-tol",
        label: `steps to f − f* < ${tol}`,
        value: r.run.stepsToTol,
        why:
          r.run.status === "diverged"
            ? `diverged at step ${r.run.divergedAt} before reaching ${tol}`
            : `f − f* stayed ≥ ${tol} for all ${m.steps} steps`,
      },
      { name: "status", label: "status", value: r.run.status, text: statusText(r) },
      {
        name: "L",
        label: "L (smoothness)",
        value: m.L,
        why: rosen
          ? "no global L: Rosenbrock's curvature grows without bound as |x| grows"
          : "no global L for this function",
      },
      {
        name: "mu",
        label: "μ (strong convexity)",
        value: m.mu,
        why: rosen
          ? "no μ: Rosenbrock is not convex (its Hessian is indefinite where y > x² + 1/200)"
          : "not strongly convex",
      },
    ];
  },
  formulas(m, p) {
    const L =
      m.L !== null
        ? `L = ${t(m.L)},\\ \\ \\tfrac{1}{L} = ${t(1 / m.L)},\\ \\ \\tfrac{2}{L} = ${t(2 / m.L)}`
        : `\\text{no global } L`;
    const mu = m.mu !== null ? `\\mu = ${t(m.mu)}` : `\\text{no } \\mu \\text{ (not convex)}`;
    const out = [m.fn.tex, `${L},\\quad ${mu}`, updateTex(m, p)];
    const rate = rateTex(m, p.beta);
    if (rate) out.push(rate);
    // The O(1/k) guarantee with η substituted; ‖x₀ − x*‖ stays a symbol, so dragging the start
    // does not re-typeset the formulas on every move (the chart draws the bound with its value).
    if (m.guides.some((g) => g.kind === "bound") && m.L !== null)
      out.push(
        `\\begin{aligned} f(x_k) - f^* &\\le \\frac{\\|x_0 - x^*\\|^2}{2\\eta k} \\quad (\\eta \\le \\tfrac{1}{L}) \\\\ &= \\frac{\\|x_0 - x^*\\|^2}{2 \\cdot ${t(m.primary.eta)}\\,k} \\end{aligned}`,
      );
    return out;
  },
  describe: (m) => summarize(m),
  mount: mountGdSurface,
});
