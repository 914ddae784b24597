// Uncorrelated is not independent: X ~ U(−1, 1) and Y = X² have Cov(X, Y) = 0, yet Y is a
// function of X. Notice the per-bin spread of Y climbing a parabola while the correlation stays
// at 0, and that for a jointly Gaussian pair ρ = 0 flattens it. SCENES.md: `uncorrelated`.
import { uncorrelatedTheory, uniformMoment } from "../../src/core/probability";
import { formatNumber as f, texNumber as t } from "../../src/kit/format";
import { defineScene } from "../../src/kit/scene";
import meta from "./meta";
import { params, presets, uncorrelatedModel, type UncorrelatedModel } from "./model";
import { mountUncorrelated } from "./view";

const D4 = { mode: "square", mix: 0 } as const;
const MIXED = { mode: "square", mix: presets.mixed.mix ?? 0.5 } as const;

const maybe = (v: number | null) => (v === null ? "\\text{—}" : t(v));

export default defineScene({
  meta,
  params,
  presets,
  drills: [
    {
      id: "d4-uncorrelated",
      title: "D4 · Independent ≠ uncorrelated",
      question: "Let X ~ Uniform(−1, 1) and Y = X². Compute Cov(X, Y). Are X and Y independent?",
      fields: [{ label: "Cov(X, Y)", value: () => uncorrelatedTheory(D4).cov, tol: 1e-3 }],
      answer: () =>
        `E[X] = ${f(uniformMoment(1, -1, 1))} and E[XY] = E[X³] = ${f(uniformMoment(3, -1, 1))} by symmetry, so Cov(X, Y) = ${f(uncorrelatedTheory(D4).cov)}. But Y is a function of X: knowing X fixes Y, and the per-bin spread climbs a parabola instead of staying flat. So X and Y are dependent. (For jointly Gaussian variables zero covariance does imply independence; in general it does not.)`,
      preset: "default",
    },
    {
      id: "mix-covariance",
      title: "A linear part makes a correlation",
      question: `With Y = X² + αX and α = ${f(MIXED.mix)}, what are Cov(X, Y) and the correlation?`,
      fields: [
        { label: "Cov(X, Y)", value: () => uncorrelatedTheory(MIXED).cov, tol: 0.005 },
        { label: "corr(X, Y)", value: () => uncorrelatedTheory(MIXED).corr, tol: 0.005 },
      ],
      answer: () =>
        `Cov(X, X² + αX) = Cov(X, X²) + α·Var(X) = 0 + α·${f(uniformMoment(2, -1, 1))} = ${f(uncorrelatedTheory(MIXED).cov)}; dividing by √(Var X · Var Y) gives ${f(uncorrelatedTheory(MIXED).corr)}. Correlation sees only the linear part of the dependence.`,
      preset: "mixed",
    },
    {
      id: "gaussian-independent",
      title: "When zero covariance is enough",
      question:
        "X and Y are jointly Gaussian with correlation ρ = 0. Are they independent? What should the per-bin spread of Y look like?",
      answer: () =>
        `Yes: a jointly Gaussian density with ρ = 0 factors into p(x)·p(y), so X and Y are independent. Every X-bin then shows the same mean and spread of Y (the flat band), up to noise. Raise ρ and the bin means climb a line of slope ρ.`,
      preset: "gaussian",
    },
  ],
  model: (p, env) => uncorrelatedModel(p, env),
  readouts(m) {
    return [
      { name: "cov", label: "Cov(X, Y)", value: m.cov },
      { name: "corr", label: "corr(X, Y)", value: m.corr },
      {
        name: "sample-cov",
        label: "sample Cov",
        value: m.sampleCov.value,
        why: m.sampleCov.reason ?? undefined,
      },
    ];
  },
  // One statement per line: the side panel is narrow, and a wider formula would scroll.
  formulas(m: UncorrelatedModel) {
    const sample = [
      `\\widehat{\\operatorname{Cov}} = ${maybe(m.sampleCov.value)} \\quad (n = ${t(m.n)})`,
      `\\hat\\rho = ${maybe(m.sampleCorr.value)}`,
    ];
    if (m.core.mode === "square") {
      const a = m.core.mix;
      const [m1, m2, m3] = [1, 2, 3].map((k) => uniformMoment(k, -1, 1));
      return [
        `X \\sim U(-1, 1), \\quad Y = X^2 + \\alpha X, \\quad \\alpha = ${t(a)}`,
        `\\operatorname{Cov}(X, Y) = \\mathbb E[XY] - \\mathbb E[X]\\,\\mathbb E[Y]`,
        `= \\mathbb E[X^3] + \\alpha\\,\\mathbb E[X^2] - \\mathbb E[X]\\,\\mathbb E[Y]`,
        `= ${t(m3)} + ${a < 0 ? `(${t(a)})` : t(a)} \\cdot ${t(m2)} - ${t(m1)} = ${t(m.cov)}`,
        `\\operatorname{corr}(X, Y) = \\frac{\\operatorname{Cov}(X, Y)}{\\sqrt{\\operatorname{Var} X \\operatorname{Var} Y}} = ${t(m.corr)}`,
        ...sample,
      ];
    }
    return [
      `(X, Y) \\text{ jointly Gaussian}`,
      `\\operatorname{Var} X = \\operatorname{Var} Y = 1`,
      `\\operatorname{Cov}(X, Y) = \\operatorname{corr}(X, Y) = \\rho = ${t(m.cov)}`,
      `\\text{jointly Gaussian: } \\rho = 0 \\iff \\text{independent}`,
      ...sample,
    ];
  },
  describe(m) {
    const r = m.sampleCorr.value;
    const sample = `${f(m.n)} points have sample covariance ${m.sampleCov.value === null ? "undefined" : f(m.sampleCov.value)} and correlation ${r === null ? "undefined" : f(r)}`;
    if (m.core.mode === "square")
      return `Y = X² + ${f(m.core.mix)}·X with X uniform on (−1, 1): Cov(X, Y) = ${f(m.cov)}, correlation ${f(m.corr)}; ${sample}. Y is a function of X, so they are dependent whatever the correlation says.`;
    return `Jointly Gaussian X, Y with ρ = ${f(m.cov)}: ${sample}. ${m.cov === 0 ? "Zero correlation here means independence." : "The per-bin means of Y follow a line of slope ρ."}`;
  },
  mount: mountUncorrelated,
});
